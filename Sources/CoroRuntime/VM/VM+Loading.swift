import BigInt
import CoroCompiler

/// Turns compiled code objects into runtime code: constants become (immortal) values.
extension VM {
    /// Functions, frames and tracebacks refer to runtime code unowned, so the VM keeps
    /// every code object it loads for its whole life (as it keeps their constants).
    func load(_ code: CodeObject) -> RuntimeCode {
        let constants = code.constants.map(constantValue)
        let runtime = RuntimeCode(code: code, constants: constants, names: code.names.map(intern), intern: intern)
        loadedCode.append(runtime)
        return runtime
    }

    private func constantValue(_ constant: CodeConstant) -> Value {
        switch constant {
        case .none: return .none
        case .ellipsis: return ellipsis
        case .bool(let flag): return .bool(flag)
        case .int(let number): return .int(number)
        case .bigInt(let digits, let radix):
            let number = BigInt(digits, radix: radix) ?? 0
            if let small = Int(exactly: number) { return .int(small) }
            return Value(heap.makeImmortal(PyBigInt(type: types.int, number)))
        case .float(let number): return .float(number)
        case .imaginary(let number): return .float(number)
        case .string(let text): return Value(intern(text))
        case .bytes(let bytes): return Value(heap.makeImmortal(PyBytes(type: types.bytes, bytes)))
        case .tuple(let items):
            return Value(heap.makeImmortal(PyTuple(type: types.tuple, items.map(constantValue))))
        case .code(let inner):
            return Value(heap.makeImmortal(PyCode(type: types.code, runtime: load(inner))))
        }
    }

    /// `dir(object)`: sorted attribute names.
    func directory(_ arguments: Arguments) throws(PyError) -> Value {
        var names = Set<String>()
        if arguments.positionalCount == 0 {
            let namespace = fiber.last?.namespace?.takeUnretainedValue() ?? fiber.last?.globals ?? builtins
            for key in namespace.keys { if let name = key.as(PyStr.self) { names.insert(name.value) } }
        } else {
            let value = arguments[0]
            if let module = value.as(PyModule.self) {
                for key in module.dict.keys { if let name = key.as(PyStr.self) { names.insert(name.value) } }
            } else {
                if let attributes = value.object?.attributes {
                    for key in attributes.keys { if let name = key.as(PyStr.self) { names.insert(name.value) } }
                }
                let type = value.as(PyType.self) ?? typeOf(value)
                for entry in type.mro {
                    for key in entry.dict.keys { if let name = key.as(PyStr.self) { names.insert(name.value) } }
                }
                names.insert("__class__")
            }
        }
        return list(names.sorted { compareText($0, $1) < 0 }.map { str($0) })
    }

    /// `locals()`: the namespace, or a snapshot of a function's variables.
    func localsDict() throws(PyError) -> Value {
        guard let frame = fiber.last else { return Value(builtins) }
        if let namespace = frame.namespace { return Value(namespace.takeUnretainedValue()) }
        if frame.code.code.flags.contains(.namespace) { return Value(frame.globals) }
        let dict = newDict()
        for (index, name) in frame.code.code.localNames.enumerated() where !frame.base[index].isNull {
            dict.setString(intern(name), frame.base[index])
        }
        for (index, name) in (frame.code.code.cellNames + frame.code.code.freeNames).enumerated() {
            if let cell = frame.base[frame.code.localCount + index].as(PyCell.self), !cell.value.isNull {
                dict.setString(intern(name), cell.value)
            }
        }
        return Value(dict)
    }

    /// Calling a builtin box object (functools.partial, lru_cache wrappers).
    func callBox(_ box: PyBox, _ arguments: UnsafeBufferPointer<Value>, _ keywordNames: [PyStr]) throws(PyError) -> Value? {
        switch box.kind {
        case .partial:
            var values = box.values[1].as(PyTuple.self)?.items ?? []
            let positionalCount = arguments.count - keywordNames.count
            values.append(contentsOf: arguments[0..<positionalCount])
            var names: [PyStr] = []
            var keywordValues: [Value] = []
            if let stored = box.values[2].as(PyDict.self) {
                for entry in stored.liveEntries {
                    guard let key = entry.key.as(PyStr.self) else { continue }
                    if keywordNames.contains(where: { $0.equals(key) }) { continue }
                    names.append(key)
                    keywordValues.append(entry.value)
                }
            }
            names.append(contentsOf: keywordNames)
            keywordValues.append(contentsOf: arguments[positionalCount...])
            return try call(box.values[0], values + keywordValues, keywordNames: names)
        default:
            return nil
        }
    }
}
