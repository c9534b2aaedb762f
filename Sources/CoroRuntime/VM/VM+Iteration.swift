/// Iterators: builtin ones as boxes with an index, generators resumed in place, and
/// the `__iter__`/`__next__` protocol.
extension VM {
    /// `iter(value)`.
    func iterate(_ value: Value) throws(PyError) -> Value {
        guard case .object(let reference) = value else {
            throw typeError("'\(typeName(value))' object is not iterable")
        }
        let object = reference.takeUnretainedValue()
        if !object.type.isBuiltin {
            // A script `__iter__` (builtin ones come from a builtin base: handled below).
            if let method = object.type.lookup(names.iter), !(method.object is PyBuiltin) {
                let iterator = try call(method, [value])
                guard typeOf(iterator).lookup(names.next) != nil || iterator.object is PyBox || iterator.object is PyGenerator else {
                    throw typeError("iter() returned non-iterator of type '\(typeName(iterator))'")
                }
                return iterator
            }
            if let method = object.type.lookup(names.getitem), !(method.object is PyBuiltin) {
                return box(.sequenceIterator, [value])
            }
        }
        switch object {
        case is PyList: return listIterator(value)
        case is PyTuple: return box(.tupleIterator, [value])
        case is PyStr: return box(.strIterator, [value])
        case let range as PyRange: return rangeIterator(range)
        case is PyDict: return dictIterator(.dictKeyIterator, value)
        case let set as PySet: return box(.setIterator, [value] + set.keys, state: 1)
        case is PyBytes: return box(.bytesIterator, [value])
        case is PyGenerator: return value
        case let box as PyBox:
            switch box.kind {
            case .dictKeys: return dictIterator(.dictKeyIterator, box.values[0])
            case .dictValues: return dictIterator(.dictValueIterator, box.values[0])
            case .dictItems: return dictIterator(.dictItemIterator, box.values[0])
            case .property, .staticMethod, .classMethod, .superObject, .partial:
                throw typeError("'\(object.type.name)' object is not iterable")
            default: return value
            }
        default:
            if let method = object.type.lookup(names.iter) { return try call(method, [value]) }
            throw typeError("'\(object.type.name)' object is not iterable")
        }
    }

    /// An iterator over a dict's keys, values or items; it remembers the dict's size to
    /// notice the dict changing size under it.
    private func dictIterator(_ kind: BoxKind, _ dict: Value) -> Value {
        box(kind, [dict, .int(dict.as(PyDict.self)?.count ?? 0)])
    }

    func listIterator(_ list: Value) -> Value {
        let iterator = heap.register(PyBox(type: types.box[.listIterator] ?? types.object, kind: .listIterator, values: []))
        iterator.subject = list
        return Value(iterator)
    }

    func rangeIterator(_ range: PyRange) -> Value {
        let iterator = heap.register(PyBox(type: types.box[.rangeIterator] ?? types.object, kind: .rangeIterator, values: [],
                                           state: range.start))
        iterator.remaining = range.count
        iterator.step = range.step
        return Value(iterator)
    }

    /// The next item of an iterator, or nil when it is exhausted.
    func nextItem(_ iterator: Value) throws(PyError) -> Value? {
        guard case .object(let reference) = iterator else {
            throw typeError("'\(typeName(iterator))' object is not an iterator")
        }
        if reference._withUnsafeGuaranteedRef({ $0.typeStorage.toOpaque() }) == typeAddresses.generator {
            // The common case (sum, list, join... over a generator), without casts or
            // reference counting.
            switch try resumeGenerator(Unmanaged<PyGenerator>.fromOpaque(reference.toOpaque()), sending: .none) {
            case .yielded(let value): return value
            case .returned: return nil
            }
        }
        let object = reference.takeUnretainedValue()
        if let box = object as? PyBox, box.type.isBuiltin || box.kind == .enumerate || box.kind == .zip {
            return try nextFromBox(box)
        }
        guard let method = object.type.lookup(names.next) else {
            throw typeError("'\(object.type.name)' object is not an iterator")
        }
        do throws(PyError) {
            return try call(method, [iterator])
        } catch let thrown {
            if thrown.exception.type.isSubtype(of: types[exception: "StopIteration"]) { return nil }
            throw thrown
        }
    }

    private func nextFromBox(_ box: PyBox) throws(PyError) -> Value? {
        switch box.kind {
        case .dequeIterator, .dequeReverseIterator:
            return try nextDequeItem(box)
        case .listIterator:
            guard let list = box.subject.as(PyList.self), box.state < list.items.count else {
                box.subject = .none
                return nil
            }
            box.state += 1
            return list.items[box.state - 1]
        case .tupleIterator:
            guard let tuple = box.values[0].as(PyTuple.self), box.state < tuple.items.count else { return nil }
            box.state += 1
            return tuple.items[box.state - 1]
        case .strIterator:
            guard let string = box.values[0].as(PyStr.self), box.state < string.count else { return nil }
            box.state += 1
            return str(String(string.scalar(at: box.state - 1)))
        case .bytesIterator:
            guard let bytes = box.values[0].as(PyBytes.self), box.state < bytes.bytes.count else { return nil }
            box.state += 1
            return .int(Int(bytes.bytes[box.state - 1]))
        case .rangeIterator:
            guard box.remaining > 0 else { return nil }
            let current = box.state
            box.remaining -= 1
            box.state = current &+ box.step
            return .int(current)
        case .dictKeyIterator, .dictValueIterator, .dictItemIterator:
            guard let dict = box.values[0].as(PyDict.self) else { return nil }
            if case .int(let size) = box.values[1], size != dict.count {
                box.values[1] = .int(-1)
                throw error("RuntimeError", "dictionary changed size during iteration")
            }
            guard let index = dict.nextEntry(from: box.state) else { return nil }
            box.state = index + 1
            let entry = dict.entry(at: index)
            switch box.kind {
            case .dictKeyIterator: return entry.key
            case .dictValueIterator: return entry.value
            default: return tuple([entry.key, entry.value])
            }
        case .setIterator:
            guard box.state < box.values.count else { return nil }
            if let set = box.values[0].as(PySet.self), set.count != box.values.count - 1 {
                throw error("RuntimeError", "Set changed size during iteration")
            }
            box.state += 1
            return box.values[box.state - 1]
        case .sequenceIterator:
            do throws(PyError) {
                let item = try getItem(box.values[0], .int(box.state))
                box.state += 1
                return item
            } catch let thrown {
                let type = thrown.exception.type
                if type.isSubtype(of: types[exception: "IndexError"]) || type.isSubtype(of: types[exception: "StopIteration"]) {
                    return nil
                }
                throw thrown
            }
        case .reversedList:
            guard let list = box.values[0].as(PyList.self), box.state >= 0, box.state < list.items.count else {
                box.state = -1
                return nil
            }
            box.state -= 1
            return list.items[box.state + 1]
        case .reversedSequence:
            guard box.state >= 0 else { return nil }
            box.state -= 1
            return try getItem(box.values[0], .int(box.state + 1))
        case .callIterator:
            let value = try call(box.values[0], [])
            if try equals(value, box.values[1]) { return nil }
            return value
        case .enumerate:
            guard let item = try nextItem(box.values[0]) else { return nil }
            let index = box.values[1]
            box.values[1] = try binaryOperation(index, .int(1), 0)
            return tuple([index, item])
        case .zip:
            if box.values.isEmpty { return nil }
            var items: [Value] = []
            let strict = box.state == 1
            for (position, iterator) in box.values.enumerated() {
                guard let item = try nextItem(iterator) else {
                    if strict && position > 0 { throw zipLengthError(position, "shorter") }
                    if strict {
                        for (other, rest) in box.values.enumerated().dropFirst() where try nextItem(rest) != nil {
                            throw zipLengthError(other, "longer")
                        }
                    }
                    return nil
                }
                items.append(item)
                root(item)
            }
            return tuple(items)
        case .map:
            var arguments: [Value] = []
            for iterator in box.values.dropFirst() {
                guard let item = try nextItem(iterator) else { return nil }
                arguments.append(item)
                root(item)
            }
            return try call(box.values[0], arguments)
        case .filter:
            while let item = try nextItem(box.values[1]) {
                let keep = box.values[0].isNone ? try isTrue(item) : try isTrue(try call(box.values[0], [item]))
                if keep { return item }
            }
            return nil
        case .asyncGenSend, .asyncGenThrow, .coroutineWrapper, .futureIter, .yieldOnce:
            guard case .yielded(let value) = try stepAwaitable(box, sending: .none) else { return nil }
            return value
        default:
            throw typeError("'\(box.type.name)' object is not an iterator")
        }
    }

    /// All items of an iterable (kept alive while later items are produced), or no more
    /// than its first `limit`.
    func collect(_ iterable: Value, limit: Int = .max) throws(PyError) -> [Value] {
        if case .object(let reference) = iterable {
            let object = reference.takeUnretainedValue()
            if object.type === types.list, let list = object as? PyList { return list.items }
            if object.type === types.tuple, let tuple = object as? PyTuple { return tuple.items }
            if let range = object as? PyRange { try checkAllocation(min(range.length, Int128(limit)), itemSize: MemoryLayout<Value>.stride) }
        }
        // The items stay rooted after the return, for the native code that asked.
        let iterator = try iterate(iterable)
        root(iterator)
        var items: [Value] = []
        while items.count < limit, let item = try nextItem(iterator) {
            items.append(item)
            root(item)
        }
        return items
    }

    /// The iterator `yield from`/`await` delegates to.
    func yieldFromIterator(_ value: Value, awaiting: Bool) throws(PyError) -> Value {
        // The common case, `await coroutine`, decided by the type alone.
        if awaiting, case .object(let reference) = value,
           reference._withUnsafeGuaranteedRef({ $0.typeStorage.toOpaque() }) == Unmanaged.passUnretained(types.coroutine).toOpaque() {
            return value
        }
        if let wrapper = value.as(PyBox.self), wrapper.kind == .coroutineWrapper {
            // `yield from coroutine.__await__()` runs the coroutine's frame inline.
            return wrapper.values[0]
        }
        if let generator = value.as(PyGenerator.self) {
            if awaiting && generator.type !== types.coroutine {
                throw typeError("object \(generator.type.name) can't be used in 'await' expression")
            }
            return value
        }
        if awaiting {
            let type = typeOf(value)
            guard let method = type.lookup(names.awaitMethod) else {
                throw typeError("object \(type.name) can't be used in 'await' expression")
            }
            // A Future whose class keeps the native `__await__` is stepped itself.
            if let core = asyncioCore, method.isIdentical(to: core.futureAwait) { return value }
            let iterator = try call(method, [value])
            if iterator.as(PyGenerator.self)?.type === types.coroutine {
                throw typeError("__await__() returned a coroutine")
            }
            if let wrapper = iterator.as(PyBox.self), wrapper.kind == .coroutineWrapper { return wrapper.values[0] }
            return iterator
        }
        return try iterate(value)
    }

    /// One step of `yield from` into something that is not a generator frame.
    func sendNative(_ receiver: Value, _ value: Value) throws(PyError) -> RunOutcome {
        if let generator = receiver.as(PyGenerator.self) { return try resumeGenerator(generator, sending: value) }
        if let box = receiver.as(PyBox.self), box.kind.isAwaitable { return try stepAwaitable(box, sending: value) }
        if let (future, core) = awaitedFuture(receiver) { return try stepAwaitedFuture(future, core) }
        do throws(PyError) {
            if value.isNone {
                guard let item = try nextItemRaisingStop(receiver) else { return .returned(.none) }
                return .yielded(item)
            }
            return .yielded(try callMethod(receiver, "send", [value]))
        } catch let thrown {
            if thrown.exception.type.isSubtype(of: types[exception: "StopIteration"]) {
                return .returned(stopIterationValue(thrown.exception))
            }
            throw thrown
        }
    }

    /// `zip(strict=True)`'s error for argument `index` (from 0), shorter or longer than
    /// the ones before it.
    private func zipLengthError(_ index: Int, _ comparison: String) -> PyError {
        error("ValueError", "zip() argument \(index + 1) is \(comparison) than \(index == 1 ? "argument 1" : "arguments 1-\(index)")")
    }

    /// Like `nextItem`, but lets StopIteration from `__next__` through (for its value).
    private func nextItemRaisingStop(_ iterator: Value) throws(PyError) -> Value? {
        let type = typeOf(iterator)
        if type.isBuiltin { return try nextItem(iterator) }
        guard let method = type.lookup(names.next) else {
            throw typeError("'\(type.name)' object is not an iterator")
        }
        return try call(method, [iterator])
    }

    func stopIterationValue(_ exception: PyException) -> Value {
        exception.args.first ?? .none
    }
}
