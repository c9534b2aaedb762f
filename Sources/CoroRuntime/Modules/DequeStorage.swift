import DequeModule

/// The items of a `collections.deque`: swift-collections' ring buffer, so that both
/// ends, indexing and a waiter line's `remove` of its first item take constant time.
/// `mutations` counts changes of size or order, which end its iterators (CPython's
/// "deque mutated during iteration").
final class PyDequeStorage: PyObject {
    @exclusivity(unchecked) var items = Deque<Value>()
    /// At most this many items (the deque's `maxlen`); nil for no bound.
    let limit: Int?
    @exclusivity(unchecked) var mutations = 0

    init(type: PyType, limit: Int?) {
        self.limit = limit
        super.init(type: type)
    }

    override func trace(_ tracer: inout Tracer) {
        super.trace(&tracer)
        tracer.mark(items)
    }

    /// Adds at the right; a full deque drops its leftmost item.
    func append(_ value: Value) {
        if let limit, items.count >= limit {
            if limit == 0 { return }
            items.removeFirst()
        }
        items.append(value)
        mutations &+= 1
    }

    /// Adds at the left; a full deque drops its rightmost item.
    func prepend(_ value: Value) {
        if let limit, items.count >= limit {
            if limit == 0 { return }
            items.removeLast()
        }
        items.prepend(value)
        mutations &+= 1
    }
}

/// `collections.deque`'s hot methods, natively: the class is script (`collections`'s
/// source), its `_store` slot holds a `PyDequeStorage`, and `_install_deque(deque)`
/// replaces the methods below with these.
extension VM {
    func installDequeNatives(_ namespace: PyDict) {
        defineFunction(namespace, "_deque_storage") { vm, arguments throws(PyError) in
            // A deque's maxlen: None, or a non-negative int.
            let limit = try arguments.exactlyOne("_deque_storage", vm)
            var bound: Int?
            if !limit.isNone {
                guard vm.isIntLike(limit) else { throw vm.typeError("an integer is required") }
                bound = try vm.index(limit)
                if let bound, bound < 0 { throw vm.error("ValueError", "maxlen must be non-negative") }
            }
            return Value(vm.heap.register(PyDequeStorage(type: vm.types.dequeStorage, limit: bound)))
        }
        defineFunction(namespace, "_install_deque") { vm, arguments throws(PyError) in
            guard let deque = try arguments.exactlyOne("_install_deque", vm).as(PyType.self),
                  let member = deque.dict.lookupString(vm.intern("_store"))?.as(PyMember.self) else {
                throw vm.typeError("_install_deque() expects the deque class")
            }
            vm.installDequeMethods(deque, storeSlot: member.index)
            return .none
        }
    }

    private func installDequeMethods(_ deque: PyType, storeSlot: Int) {
        let storageType = Unmanaged.passUnretained(types.dequeStorage).toOpaque()
        func store(_ arguments: Arguments, _ method: String) throws(PyError) -> PyDequeStorage {
            let owner = try receiver(arguments, deque, method)
            guard case .object(let stored) = slot(owner, storeSlot),
                  stored._withUnsafeGuaranteedRef({ $0.typeStorage.toOpaque() }) == storageType else {
                throw typeError("deque.\(method)(): the deque was not initialized")
            }
            return stored._withUnsafeGuaranteedRef { unsafeDowncast($0, to: PyDequeStorage.self) }
        }
        /// A native method taking `count` arguments after the receiver.
        func method(_ name: String, takes count: ClosedRange<Int>, _ body: @escaping (VM, PyDequeStorage, Arguments) throws(PyError) -> Value) {
            defineMethod(deque, name) { vm, arguments throws(PyError) in
                let storage = try store(arguments, name)
                if !arguments.keywordNames.isEmpty { throw vm.typeError("deque.\(name)() takes no keyword arguments") }
                try arguments.expectMethod("deque.\(name)", vm, min: count.lowerBound, max: count.upperBound)
                return try body(vm, storage, arguments)
            }
        }
        method("append", takes: 1...1) { _, storage, arguments throws(PyError) in
            storage.append(arguments[1])
            return .none
        }
        method("appendleft", takes: 1...1) { _, storage, arguments throws(PyError) in
            storage.prepend(arguments[1])
            return .none
        }
        method("extend", takes: 1...1) { vm, storage, arguments throws(PyError) in
            for item in try vm.collect(arguments[1]) { storage.append(item) }
            return .none
        }
        method("extendleft", takes: 1...1) { vm, storage, arguments throws(PyError) in
            for item in try vm.collect(arguments[1]) { storage.prepend(item) }
            return .none
        }
        method("pop", takes: 0...0) { vm, storage, _ throws(PyError) in
            guard let last = storage.items.popLast() else { throw vm.error("IndexError", "pop from an empty deque") }
            storage.mutations &+= 1
            return last
        }
        method("popleft", takes: 0...0) { vm, storage, _ throws(PyError) in
            guard let first = storage.items.popFirst() else { throw vm.error("IndexError", "pop from an empty deque") }
            storage.mutations &+= 1
            return first
        }
        method("clear", takes: 0...0) { _, storage, _ throws(PyError) in
            storage.items.removeAll()
            storage.mutations &+= 1
            return .none
        }
        method("reverse", takes: 0...0) { _, storage, _ throws(PyError) in
            storage.items.reverse()
            storage.mutations &+= 1
            return .none
        }
        method("rotate", takes: 0...1) { vm, storage, arguments throws(PyError) in
            let count = storage.items.count
            if arguments.positionalCount > 1, !vm.isIntLike(arguments[1]) {
                throw vm.typeError("'\(vm.typeName(arguments[1]))' object cannot be interpreted as an integer")
            }
            let steps = arguments.positionalCount > 1 ? try vm.index(arguments[1]) : 1
            guard count > 1 else { return .none }
            let shift = ((steps % count) + count) % count
            if shift > 0 {
                let moved = storage.items.suffix(shift)
                storage.items.removeLast(shift)
                storage.items.insert(contentsOf: moved, at: 0)
            }
            storage.mutations &+= 1
            return .none
        }
        method("remove", takes: 1...1) { vm, storage, arguments throws(PyError) in
            // Compared in order; a comparison that mutates the deque ends the search.
            let mutations = storage.mutations
            for index in storage.items.indices {
                guard index < storage.items.count else { break }
                if try vm.equals(storage.items[index], arguments[1]) {
                    guard storage.mutations == mutations else { throw vm.error("IndexError", "deque mutated during remove().") }
                    storage.items.remove(at: index)
                    storage.mutations &+= 1
                    return .none
                }
            }
            throw vm.error("ValueError", "\(try vm.repr(arguments[1])) is not in deque")
        }
        method("count", takes: 1...1) { vm, storage, arguments throws(PyError) in
            var count = 0
            for item in Array(storage.items) where try vm.equals(item, arguments[1]) { count += 1 }
            return .int(count)
        }
        method("__len__", takes: 0...0) { _, storage, _ throws(PyError) in .int(storage.items.count) }
        method("__bool__", takes: 0...0) { _, storage, _ throws(PyError) in .bool(!storage.items.isEmpty) }
        method("__contains__", takes: 1...1) { vm, storage, arguments throws(PyError) in
            for item in Array(storage.items) where try vm.equals(item, arguments[1]) { return .bool(true) }
            return .bool(false)
        }
        method("__iter__", takes: 0...0) { vm, storage, _ throws(PyError) in vm.dequeIterator(storage, kind: .dequeIterator) }
        method("__reversed__", takes: 0...0) { vm, storage, _ throws(PyError) in
            vm.dequeIterator(storage, kind: .dequeReverseIterator)
        }
        method("__getitem__", takes: 1...1) { vm, storage, arguments throws(PyError) in
            storage.items[try vm.dequePosition(arguments[1], storage)]
        }
        method("__setitem__", takes: 2...2) { vm, storage, arguments throws(PyError) in
            storage.items[try vm.dequePosition(arguments[1], storage)] = arguments[2]
            return .none
        }
        method("__delitem__", takes: 1...1) { vm, storage, arguments throws(PyError) in
            storage.items.remove(at: try vm.dequePosition(arguments[1], storage))
            storage.mutations &+= 1
            return .none
        }
        method("_items", takes: 0...0) { vm, storage, _ throws(PyError) in Value(vm.newList(Array(storage.items))) }
        method("_set", takes: 1...1) { vm, storage, arguments throws(PyError) in
            storage.items = Deque(try vm.collect(arguments[1]))
            storage.mutations &+= 1
            return .none
        }
    }

    /// Where item `index` is, counting from either end, with CPython's errors.
    private func dequePosition(_ index: Value, _ storage: PyDequeStorage) throws(PyError) -> Int {
        let type = typeOf(index)
        guard isIntLike(index) || (!type.isBuiltin && type.lookup(names.index) != nil) else {
            throw typeError("sequence index must be integer, not '\(type.name)'")
        }
        guard let position = position(try self.index(index), count: storage.items.count) else {
            throw error("IndexError", "deque index out of range")
        }
        return position
    }

    private func dequeIterator(_ storage: PyDequeStorage, kind: BoxKind) -> Value {
        let iterator = heap.register(PyBox(type: types.box[kind] ?? types.object, kind: kind, values: [Value(storage)], state: 0))
        iterator.step = storage.mutations
        iterator.remaining = storage.items.count
        return Value(iterator)
    }

    /// The next item of a deque's iterator (`reversed`: from the right), nil at the end.
    /// As CPython's, it fails once the deque changed, even after its last item.
    func nextDequeItem(_ iterator: PyBox) throws(PyError) -> Value? {
        guard let storage = iterator.values[0].as(PyDequeStorage.self) else { return nil }
        guard storage.mutations == iterator.step else {
            iterator.remaining = 0
            throw error("RuntimeError", "deque mutated during iteration")
        }
        guard iterator.remaining > 0 else { return nil }
        iterator.remaining -= 1
        iterator.state += 1
        let offset = iterator.state - 1
        return storage.items[iterator.kind == .dequeIterator ? offset : storage.items.count - 1 - offset]
    }
}
