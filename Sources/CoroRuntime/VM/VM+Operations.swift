import CoroCompiler

/// The less frequent instructions, out of line from the dispatch loop: cells, namespace
/// names, container building, unpacking, f-string formatting, function creation.
extension VM {
    func cellOperation(_ word: UInt32, frame: Frame, sp: inout UnsafeMutablePointer<Value>) throws(PyError) {
        let operand = Int(word >> 8)
        let slot = frame.base + frame.code.localCount + operand
        guard let cell = slot.pointee.as(PyCell.self) else { throw error("SystemError", "bad cell") }
        let opcode = Opcode(rawValue: UInt8(truncatingIfNeeded: word)) ?? .nop
        switch opcode {
        case .loadDeref, .loadClassDeref:
            if opcode == .loadClassDeref, let namespace = frame.namespace?.takeUnretainedValue(),
               let value = namespace.lookupString(intern(derefName(frame.code, operand))) {
                sp.pointee = value
                sp += 1
                return
            }
            if cell.value.isNull {
                let name = derefName(frame.code, operand)
                if operand < frame.code.code.cellNames.count {
                    throw error("UnboundLocalError", "cannot access local variable '\(name)' where it is not associated with a value")
                }
                throw error("NameError", "cannot access free variable '\(name)' where it is not associated with a value in enclosing scope")
            }
            sp.pointee = cell.value
            sp += 1
        case .loadClosure:
            sp.pointee = Value(cell)
            sp += 1
        case .storeDeref:
            sp -= 1
            cell.value = sp.pointee
        default:
            if cell.value.isNull {
                throw error("NameError", "cannot access free variable '\(derefName(frame.code, operand))' where it is not associated with a value in enclosing scope")
            }
            cell.value = .null
        }
    }

    private func derefName(_ code: RuntimeCode, _ index: Int) -> String {
        let names = code.code.cellNames + code.code.freeNames
        return names.indices.contains(index) ? names[index] : "?"
    }

    /// LOAD_NAME and friends: a class body's namespace, then globals, then builtins.
    func nameOperation(_ word: UInt32, frame: Frame, sp: inout UnsafeMutablePointer<Value>) throws(PyError) {
        let name = frame.code.names[Int(word >> 8)]
        let namespace = frame.namespace?.takeUnretainedValue() ?? frame.globals
        switch Opcode(rawValue: UInt8(truncatingIfNeeded: word)) ?? .nop {
        case .loadName:
            guard let value = namespace.lookupString(name) ?? frame.globals.lookupString(name) ?? builtins.lookupString(name) else {
                throw error("NameError", "name '\(name.value)' is not defined")
            }
            sp.pointee = value
            sp += 1
        case .storeName:
            sp -= 1
            namespace.setString(name, sp.pointee)
        default:
            if namespace.removeString(name) == nil { throw error("NameError", "name '\(name.value)' is not defined") }
        }
    }

    func buildOperation(_ word: UInt32, sp: inout UnsafeMutablePointer<Value>) throws(PyError) {
        let operand = Int(word >> 8)
        switch Opcode(rawValue: UInt8(truncatingIfNeeded: word)) ?? .nop {
        case .buildSet:
            let set = newSet()
            root(Value(set))
            for index in 0..<operand {
                let item = sp[index - operand]
                try set.add(item, hash: try hash(item), vm: self)
            }
            sp -= operand
            sp.pointee = Value(set)
            sp += 1
        case .buildMap:
            let dict = newDict()
            root(Value(dict))
            for index in 0..<operand {
                try dict.set(sp[2 * (index - operand)], sp[2 * (index - operand) + 1], vm: self)
            }
            sp -= 2 * operand
            sp.pointee = Value(dict)
            sp += 1
        case .buildString:
            // Pieces are strings, or ints FORMAT_VALUE left as they are (their str is plain).
            var text = ""
            var count = 0
            var isASCII = true
            // The exact size, so that the text is allocated once, or not at all when it
            // fits in a small string (15 bytes).
            var capacity = 0
            for index in 0..<operand {
                switch sp[index - operand] {
                case .int(let number): capacity += decimalLength(number)
                case let piece: capacity += piece.as(PyStr.self)?.value.utf8.count ?? 0
                }
            }
            if capacity > 15 { text.reserveCapacity(capacity) }
            for index in 0..<operand {
                switch sp[index - operand] {
                case .int(let number):
                    let digits = String(number)
                    text += digits
                    count += digits.utf8.count
                case let piece:
                    guard let string = piece.as(PyStr.self) else { continue }
                    text += string.value
                    count += string.count
                    isASCII = isASCII && string.isASCII
                }
            }
            sp -= operand
            sp.pointee = str(text, count: count, isASCII: isASCII)
            sp += 1
        case .listAppend:
            sp -= 1
            sp[-operand].as(PyList.self)?.items.append(sp.pointee)
        case .setAdd:
            sp -= 1
            let item = sp.pointee
            try sp[-operand].as(PySet.self)?.add(item, hash: try hash(item), vm: self)
        case .mapAdd:
            sp -= 2
            try sp[-operand].as(PyDict.self)?.set(sp[0], sp[1], vm: self)
        case .listExtend:
            let items = try collectForUnpacking(sp[-1], context: "Value after * must be an iterable")
            sp -= 1
            sp[-operand].as(PyList.self)?.items.append(contentsOf: items)
        case .setUpdate:
            let items = try collect(sp[-1])
            sp -= 1
            if let set = sp[-operand].as(PySet.self) {
                for item in items { try set.add(item, hash: try hash(item), vm: self) }
            }
        case .dictUpdate, .dictMerge:
            let source = sp[-1]
            let isMerge = word & 0xFF == UInt32(Opcode.dictMerge.rawValue)
            guard let target = sp[-1 - operand].as(PyDict.self) else { break }
            if let dict = source.as(PyDict.self) {
                for entry in dict.liveEntries {
                    if isMerge, try target.lookup(entry.key, hash: entry.hash, vm: self) != nil {
                        throw typeError("\(try callableNameForMerge(sp, operand)) got multiple values for keyword argument '\(try strText(entry.key))'")
                    }
                    try target.set(entry.key, entry.value, hash: entry.hash, vm: self)
                }
            } else {
                guard typeOf(source).lookup(intern("keys")) != nil else {
                    throw typeError(isMerge ? "\(try callableNameForMerge(sp, operand)) argument after ** must be a mapping, not \(typeName(source))"
                                    : "'\(typeName(source))' object is not a mapping")
                }
                let keys = try collect(try callMethod(source, "keys", []))
                for key in keys { try target.set(key, try getItem(source, key), vm: self) }
            }
            sp -= 1
        case .listToTuple:
            if let list = sp[-1].as(PyList.self) { sp[-1] = tuple(list.items) }
        case .unpackSequence:
            // One item more than the targets is enough to know there are too many.
            let items = try collectForUnpacking(sp[-1], context: nil, limit: operand + 1)
            guard items.count == operand else {
                if items.count < operand {
                    throw error("ValueError", "not enough values to unpack (expected \(operand), got \(items.count))")
                }
                throw error("ValueError", "too many values to unpack (expected \(operand))")
            }
            sp -= 1
            for item in items.reversed() {
                sp.pointee = item
                sp += 1
            }
        case .unpackEx:
            let before = operand & 0xFF
            let after = operand >> 8
            let items = try collectForUnpacking(sp[-1], context: nil)
            guard items.count >= before + after else {
                throw error("ValueError", "not enough values to unpack (expected at least \(before + after), got \(items.count))")
            }
            sp -= 1
            var pushed: [Value] = Array(items[0..<before])
            pushed.append(list(Array(items[before..<(items.count - after)])))
            pushed.append(contentsOf: items[(items.count - after)...])
            for item in pushed.reversed() {
                sp.pointee = item
                sp += 1
            }
        case .formatValue:
            var spec = ""
            if operand & 4 != 0 {
                spec = sp[-1].as(PyStr.self)?.value ?? ""
                sp -= 1
            }
            var value = sp[-1]
            if operand == 0 {
                // No spec or conversion: an int is left for BUILD_STRING to write its
                // digits directly, a bool is its interned name, a str is itself.
                switch value {
                case .int: return
                case .bool(let flag):
                    sp[-1] = Value(intern(flag ? "True" : "False"))
                    return
                case .object(let reference) where reference._withUnsafeGuaranteedRef({ $0.typeStorage.toOpaque() }) == typeAddresses.str:
                    return
                default: break
                }
            }
            switch operand & 3 {
            case 1: value = try str(of: value)
            case 2: value = str(try repr(value))
            case 3: value = str(try ascii(value))
            default: break
            }
            sp[-1] = try format(value, spec)
        default:
            break
        }
    }

    private func callableNameForMerge(_ sp: UnsafeMutablePointer<Value>, _ operand: Int) throws(PyError) -> String {
        let callable = sp[-3 - operand]
        if let function = callable.as(PyFunction.self) { return function.qualifiedName + "()" }
        if let builtin = callable.as(PyBuiltin.self) { return builtin.name + "()" }
        if let type = callable.as(PyType.self) { return type.name + "()" }
        return "function"
    }

    /// Items to unpack (no more than `limit`), with CPython's message when the value is
    /// not iterable.
    private func collectForUnpacking(_ value: Value, context: String?, limit: Int = .max) throws(PyError) -> [Value] {
        do throws(PyError) {
            return try collect(value, limit: limit)
        } catch let thrown {
            if thrown.exception.type === types[exception: "TypeError"], (try? iterate(value)) == nil {
                if let context { throw typeError("\(context), not \(typeName(value))") }
                throw typeError("cannot unpack non-iterable \(typeName(value)) object")
            }
            throw thrown
        }
    }

    /// MAKE_FUNCTION: code on top, then (below) closure, keyword defaults, defaults.
    func makeFunction(_ flags: Int, sp: UnsafeMutablePointer<Value>, globals: PyDict) throws(PyError) -> UnsafeMutablePointer<Value> {
        var top = sp - 1
        guard let code = top.pointee.as(PyCode.self) else { throw error("SystemError", "bad code object") }
        var closure: [PyCell] = []
        var keywordDefaults: PyDict?
        var defaults: [Value] = []
        if flags & 4 != 0 {
            top -= 1
            closure = top.pointee.as(PyTuple.self)?.items.compactMap { $0.as(PyCell.self) } ?? []
        }
        if flags & 2 != 0 {
            top -= 1
            keywordDefaults = top.pointee.as(PyDict.self)
        }
        if flags & 1 != 0 {
            top -= 1
            defaults = top.pointee.as(PyTuple.self)?.items ?? []
        }
        let function = heap.register(PyFunction(
            type: types.function, code: code.runtime, globals: globals, defaults: defaults,
            keywordDefaults: keywordDefaults, closure: closure, module: globals.lookupString(names.name) ?? .none))
        if let docstring = code.runtime.code.docString { function.doc = str(docstring) }
        top.pointee = Value(function)
        return top + 1
    }

    /// Calls method `name` of `value` with `arguments`.
    func callMethod(_ value: Value, _ name: String, _ arguments: [Value]) throws(PyError) -> Value {
        let method = try getAttribute(value, intern(name))
        return try call(method, arguments)
    }

    /// `with`: replaces the manager in `slot` with its bound `__exit__` (on the stack, so
    /// that the collector sees it while `__enter__` runs) and returns what `__enter__` returns.
    func enterContext(at slot: UnsafeMutablePointer<Value>) throws(PyError) -> Value {
        let manager = slot.pointee
        let type = typeOf(manager)
        guard let enter = type.lookup(names.enter) else {
            throw typeError("'\(type.name)' object does not support the context manager protocol")
        }
        guard let exit = type.lookup(names.exit) else {
            throw typeError("'\(type.name)' object does not support the context manager protocol (missed __exit__ method)")
        }
        slot.pointee = try bind(exit, to: manager, type)
        return try call(enter, [manager])
    }

    /// Calls the exit method with the exception being handled.
    func exitContext(_ exit: Value, _ exception: Value) throws(PyError) -> Value {
        let type: Value = exception.isNone ? .none : Value(typeOf(exception))
        // No traceback objects exist yet: `__exit__` receives None for it.
        return try call(exit, [type, exception, .none])
    }

    func asyncOperation(_ word: UInt32, sp: inout UnsafeMutablePointer<Value>) throws(PyError) {
        let opcode = Opcode(rawValue: UInt8(truncatingIfNeeded: word)) ?? .nop
        switch opcode {
        case .getAIter:
            let type = typeOf(sp[-1])
            guard let method = type.lookup(names.aiter) else {
                throw typeError("'async for' requires an object with __aiter__ method, got \(type.name)")
            }
            sp[-1] = try call(method, [sp[-1]])
        case .getANext:
            let type = typeOf(sp[-1])
            guard let method = type.lookup(names.anext) else {
                throw typeError("'async for' received an object from __aiter__ that does not implement __anext__: \(type.name)")
            }
            sp.pointee = try call(method, [sp[-1]])
            sp += 1
        case .beforeAsyncWith:
            let manager = sp[-1]
            let type = typeOf(manager)
            guard let enter = type.lookup(names.aenter), let exit = type.lookup(names.aexit) else {
                throw typeError("'\(type.name)' object does not support the asynchronous context manager protocol")
            }
            sp[-1] = try bind(exit, to: manager, type)
            sp.pointee = try call(enter, [manager])
            sp += 1
        default:
            // END_ASYNC_FOR: [iterator, exception] -> [] when the exception is StopAsyncIteration.
            guard let exception = sp[-1].as(PyException.self) else { return }
            if exception.type.isSubtype(of: types[exception: "StopAsyncIteration"]) {
                sp -= 2
                currentException = .none
                return
            }
            throw PyError(exception: exception)
        }
    }
}

/// The length of `number` written in decimal, sign included.
private func decimalLength(_ number: Int) -> Int {
    var length = number < 0 ? 2 : 1
    var rest = number.magnitude
    while rest >= 10 {
        rest /= 10
        length += 1
    }
    return length
}
