/// Classes: calling a class to make an instance, the `class` statement
/// (`__build_class__`), C3 method resolution order, and `super()`.
extension VM {
    /// Calls a class. From the loop (`returnSlot` set) a script `__init__` gets its
    /// frame pushed and nil is returned; otherwise the instance is returned.
    func instantiate(_ type: PyType, _ arguments: UnsafeBufferPointer<Value>, _ keywordNames: [PyStr],
                     returnSlot: UnsafeMutablePointer<Value>?) throws(PyError) -> Value? {
        if type === types.range && keywordNames.isEmpty, let range = makeRange(arguments) { return range }
        if type === types.type && keywordNames.isEmpty {
            if arguments.count == 1 { return Value(typeOf(arguments[0])) }
            if arguments.count == 3, let name = arguments[0].as(PyStr.self), let bases = arguments[1].as(PyTuple.self),
               let namespace = arguments[2].as(PyDict.self) {
                let copy = newDict()
                try copy.update(from: namespace, vm: self)
                return Value(try createClass(name.value, bases.items, copy, metatype: types.type))
            }
            throw typeError("type() takes 1 or 3 arguments")
        }
        if type.isBuiltin {
            return try constructBuiltin(type.builtinBase, type, Arguments(values: arguments, keywordNames: keywordNames))
        }
        let initializer = type.lookup(names.initializer)
        // A script `__init__`, or a native one installed on a script class (asyncio's Task).
        let hasScriptInit = initializer?.object is PyFunction || initializer?.as(PyBuiltin.self)?.owner?.isBuiltin == false
        var instance: Value
        if let newMethod = type.lookup(names.new), let function = scriptNew(newMethod) {
            var withClass = [Value(type)]
            withClass.append(contentsOf: arguments)
            instance = try call(function, withClass, keywordNames: keywordNames)
            guard isInstance(instance, type) else { return instance }
        } else if type.builtinBase === types.object || type.builtinBase.layout == .exception {
            if !hasScriptInit && (arguments.count > 0) && type.builtinBase === types.object {
                throw typeError("\(type.name)() takes no arguments")
            }
            if type.builtinBase.layout == .exception {
                instance = Value(heap.register(PyException(type: type, args: Array(arguments[0..<(arguments.count - keywordNames.count)]))))
            } else {
                instance = Value(newInstance(type))
            }
        } else {
            // An immutable builtin takes its value from the call (its __new__ does); a
            // mutable one is filled by __init__, which a script __init__ replaces.
            let immutable: [Layout] = [.int, .float, .str, .bytes, .tuple, .frozenset]
            let passed = !hasScriptInit || immutable.contains(type.builtinBase.layout)
            instance = try constructBuiltin(type.builtinBase, type,
                                            Arguments(values: passed ? arguments : UnsafeBufferPointer(start: nil, count: 0),
                                                      keywordNames: passed ? keywordNames : []))
        }
        guard hasScriptInit, let initializer else { return instance }
        var withInstance = [instance]
        withInstance.append(contentsOf: arguments)
        if let returnSlot, let function = initializer.as(PyFunction.self) {
            try withInstance.withUnsafeBufferPointer { buffer throws(PyError) in
                _ = try enterFunction(function, buffer, keywordNames, mode: .initializer, returnSlot: returnSlot)
            }
            fiber.frames[fiber.count - 1].instance = instance
            return nil
        }
        let result = try call(initializer, withInstance, keywordNames: keywordNames)
        guard result.isNone else { throw typeError("__init__() should return None, not '\(typeName(result))'") }
        return instance
    }

    /// The `__init__` a call of `type` can run directly on a fresh plain instance, if any
    /// (cached on the class until a class changes).
    @inline(__always)
    func directInitializer(_ type: PyType) -> Unmanaged<PyFunction>? {
        if type.initializerEpoch == typeEpoch.pointee { return type.initializer }
        var found: Unmanaged<PyFunction>?
        if !type.isBuiltin, type.builtinBase === types.object || type.layout == .exception, type.type === types.type,
           type.lookup(names.new)?.object is PyBuiltin,
           let initializer = type.lookup(names.initializer)?.as(PyFunction.self) {
            found = Unmanaged.passUnretained(initializer)
        }
        type.initializer = found
        type.initializerEpoch = typeEpoch.pointee
        return found
    }

    /// `range(...)` of small ints, without the general constructor's checks.
    @inline(__always)
    func makeRange(_ arguments: UnsafeBufferPointer<Value>) -> Value? {
        var bounds = (0, 0, 1)
        switch arguments.count {
        case 1:
            guard case .int(let stop) = arguments[0] else { return nil }
            bounds.1 = stop
        case 2:
            guard case .int(let start) = arguments[0], case .int(let stop) = arguments[1] else { return nil }
            bounds = (start, stop, 1)
        default:
            return nil
        }
        return Value(heap.register(PyRange(type: types.range, start: bounds.0, stop: bounds.1, step: bounds.2)))
    }

    /// A `__new__` defined by a script (implicitly a static method).
    private func scriptNew(_ value: Value) -> Value? {
        if value.object is PyFunction { return value }
        if let box = value.as(PyBox.self), box.kind == .staticMethod, box.values[0].object is PyFunction { return box.values[0] }
        return nil
    }

    /// `__build_class__(body, name, *bases, **keywords)`.
    func buildClass(_ arguments: Arguments) throws(PyError) -> Value {
        guard arguments.positionalCount >= 2, let body = arguments[0].as(PyFunction.self),
              let name = arguments[1].as(PyStr.self) else {
            throw typeError("__build_class__: not enough arguments")
        }
        let bases = Array(arguments.values[2..<arguments.positionalCount])
        var metatype: Value = .null
        var classKeywords: [(PyStr, Value)] = []
        for (offset, keyword) in arguments.keywordNames.enumerated() {
            let value = arguments[arguments.positionalCount + offset]
            if keyword.value == "metaclass" { metatype = value } else { classKeywords.append((keyword, value)) }
        }
        if metatype.isNull {
            metatype = Value(bases.first.map(typeOf) ?? types.type)
            for base in bases where typeOf(base) !== types.type { metatype = Value(typeOf(base)) }
        }
        let namespace = newDict()
        let classCell = try withRoots([Value(namespace)] + bases) { () throws(PyError) -> Value in
            _ = try enterFunction(body, UnsafeBufferPointer(start: nil, count: 0), [], mode: .native, returnSlot: nil, namespace: namespace)
            return try finishNativeRun()
        }
        let made: Value
        if let meta = metatype.as(PyType.self), meta === types.type {
            made = Value(try createClass(name.value, bases, namespace, metatype: meta, keywords: classKeywords))
        } else {
            made = try call(metatype, [Value(name), tuple(bases), Value(namespace)],
                            keywordNames: [])
        }
        if let cell = classCell.as(PyCell.self) { cell.value = made }
        return made
    }

    /// Creates a class from its namespace (`type.__new__`).
    func createClass(_ name: String, _ baseValues: [Value], _ namespace: PyDict, metatype: PyType,
                     keywords: [(PyStr, Value)] = []) throws(PyError) -> PyType {
        var bases: [PyType] = []
        for value in baseValues {
            guard let base = value.as(PyType.self) else {
                throw typeError("bases must be types")
            }
            guard base.isBaseType else { throw typeError("type '\(base.name)' is not an acceptable base type") }
            bases.append(base)
        }
        if bases.isEmpty { bases = [types.object] }
        let layouts = Set(bases.map { $0.builtinBase }.filter { $0 !== types.object }.map(ObjectIdentifier.init))
        if layouts.count > 1 {
            let exceptionBases = bases.map(\.builtinBase).filter { $0.layout == .exception }
            if exceptionBases.count != layouts.count { throw typeError("multiple bases have instance lay-out conflict") }
        }
        let layout = bases.map(\.builtinBase.layout).first { $0 != .object } ?? .object
        let made = heap.register(PyType(metatype: metatype, name: name, bases: bases, dict: namespace, layout: layout))
        root(Value(made))
        typeEpoch.pointee += 1
        if namespace.lookupString(names.del) != nil { finalizersExist = true }
        made.isBuiltin = false
        try declareSlots(made, bases, namespace)
        made.mro = [made] + (try linearize(bases, for: name))
        if let qualified = namespace.removeString(names.qualname)?.as(PyStr.self) { made.qualifiedName = qualified.value }
        if namespace.lookupString(names.eq) != nil && namespace.lookupString(names.hash) == nil {
            namespace.setString(names.hash, .none)
        }
        for implicit in ["__init_subclass__", "__class_getitem__"] {
            if let function = namespace.lookupString(intern(implicit)), function.object is PyFunction {
                namespace.setString(intern(implicit), box(.classMethod, [function]))
            }
        }
        if let function = namespace.lookupString(names.new), function.object is PyFunction {
            namespace.setString(names.new, box(.staticMethod, [function]))
        }
        if namespace.lookupString(names.doc) == nil { namespace.setString(names.doc, .none) }
        for entry in namespace.liveEntries {
            let valueType = typeOf(entry.value)
            if !valueType.isBuiltin, let setName = valueType.lookup(names.setName) {
                _ = try call(setName, [entry.value, Value(made), entry.key])
            }
        }
        for base in made.mro.dropFirst() {
            guard let hook = base.dict.lookupString(names.initSubclass) else { continue }
            let function = hook.as(PyBox.self)?.values.first ?? hook
            if function.object is PyFunction {
                _ = try call(function, [Value(made)] + keywords.map(\.1), keywordNames: keywords.map(\.0))
            } else if !keywords.isEmpty {
                throw typeError("\(name).__init_subclass__() takes no keyword arguments")
            }
            break
        }
        return made
    }

    /// The C3 linearisation of `bases`.
    private func linearize(_ bases: [PyType], for name: String) throws(PyError) -> [PyType] {
        var sequences = bases.map(\.mro) + [bases]
        var result: [PyType] = []
        while true {
            sequences = sequences.filter { !$0.isEmpty }
            if sequences.isEmpty { return result }
            var candidate: PyType?
            for sequence in sequences {
                let head = sequence[0]
                let inTail = sequences.contains { $0.dropFirst().contains { $0 === head } }
                if !inTail {
                    candidate = head
                    break
                }
            }
            guard let next = candidate else {
                let names = bases.map(\.name).joined(separator: ", ")
                throw typeError("Cannot create a consistent method resolution order (MRO) for bases \(names)")
            }
            result.append(next)
            sequences = sequences.map { sequence in sequence[0] === next ? Array(sequence.dropFirst()) : sequence }
        }
    }

    /// `super()` or `super(type, object)`.
    func makeSuper(_ arguments: Arguments) throws(PyError) -> Value {
        if arguments.positionalCount == 2 {
            guard arguments[0].object is PyType else { throw typeError("super() argument 1 must be a type, not \(typeName(arguments[0]))") }
            return box(.superObject, [arguments[0], arguments[1]])
        }
        guard let frame = fiber.last else { throw error("RuntimeError", "super(): no arguments") }
        let code = frame.code.code
        guard let classIndex = code.freeNames.firstIndex(of: "__class__"),
              let cell = frame.base[frame.code.localCount + code.cellNames.count + classIndex].as(PyCell.self) else {
            throw error("RuntimeError", "super(): __class__ cell not found")
        }
        guard code.argumentCount > 0 || code.flags.contains(.varArgs) else {
            throw error("RuntimeError", "super(): no arguments")
        }
        var receiver = frame.base[0]
        if let cellIndex = code.cellNames.firstIndex(of: code.localNames.first ?? ""),
           let firstCell = frame.base[frame.code.localCount + cellIndex].as(PyCell.self) {
            receiver = firstCell.value
        }
        if cell.value.isNull { throw error("RuntimeError", "super(): empty __class__ cell") }
        return box(.superObject, [cell.value, receiver])
    }

    /// Attribute lookup through a `super` object: the MRO after the given class.
    func superAttribute(_ superObject: PyBox, _ name: PyStr) throws(PyError) -> Value? {
        guard let start = superObject.values[0].as(PyType.self) else { return nil }
        let receiver = superObject.values[1]
        let receiverType = receiver.as(PyType.self) ?? typeOf(receiver)
        let mro = receiverType.mro
        guard let position = mro.firstIndex(where: { $0 === start }) else { return nil }
        for type in mro[(position + 1)...] {
            guard let found = type.dict.lookupString(name) else { continue }
            if receiver.object is PyType {
                if let box = found.as(PyBox.self), let method = classLevelMethod(box, owner: receiver) { return method }
                return found
            }
            return try bind(found, to: receiver, receiverType)
        }
        return nil
    }
}
