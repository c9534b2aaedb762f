import BigInt
import CoroCompiler

/// Methods of `object`, `type`, numbers, exceptions and generators.
extension VM {
    func installBuiltinTypes() {
        installObjectMethods()
        installNumberMethods()
        installNumberDunders()
        installStrMethods()
        installBytesMethods()
        installListMethods()
        installDictMethods()
        installSetMethods()
        installExceptionMethods()
        installGeneratorMethods()
        installAwaitableMethods()
        installExceptionGroupMethods()
        installFileMethods()
        installPropertyMethods()
        installMemberMethods()
        for type in [types.int, types.bool, types.float, types.str, types.list, types.tuple, types.dict, types.set,
                     types.frozenset, types.bytes, types.range] {
            defineMethod(type, "__repr__") { vm, arguments throws(PyError) in
                guard let object = arguments[0].object else { return vm.str(try vm.repr(arguments[0])) }
                return vm.str(try vm.builtinRepr(object, arguments[0]))
            }
        }
        for type in [types.dict, types.list, types.tuple, types.set, types.frozenset] {
            defineMethod(type, "__eq__") { vm, arguments throws(PyError) in
                guard vm.typeOf(arguments[1]).builtinBase === type.builtinBase || type.builtinBase.layout == .set
                        && vm.typeOf(arguments[1]).builtinBase.layout == .frozenset else { return vm.notImplemented }
                return .bool(try vm.builtinEquals(arguments[0], arguments[1]))
            }
        }
    }

    /// `property.setter`/`getter`/`deleter` return a copy with one accessor replaced.
    private func installPropertyMethods() {
        for (index, name) in ["getter", "setter", "deleter"].enumerated() {
            defineMethod(types.property, name) { vm, arguments throws(PyError) in
                try arguments.expect(name, vm, min: 2, max: 2)
                guard let property = arguments[0].as(PyBox.self) else { return .none }
                var values = property.values
                values[index] = arguments[1]
                if index == 0, values[3].isNone, let doc = arguments[1].as(PyFunction.self)?.doc { values[3] = doc }
                return Value(vm.heap.register(PyBox(type: property.type, kind: .property, values: values)))
            }
        }
        defineMethod(types.property, "__get__") { vm, arguments throws(PyError) in
            guard let property = arguments[0].as(PyBox.self) else { return .none }
            if arguments.positionalCount < 2 || arguments[1].isNone { return arguments[0] }
            return try vm.call(property.values[0], [arguments[1]])
        }
    }

    private func installObjectMethods() {
        let object = types.object
        defineMethod(object, "__init__") { _, _ throws(PyError) in .none }
        defineMethod(object, "__new__") { vm, arguments throws(PyError) in
            guard let type = arguments[0].as(PyType.self) else { throw vm.typeError("object.__new__(X): X is not a type object") }
            if type.builtinBase.layout == .exception {
                return Value(vm.heap.register(PyException(type: type, args: Array(arguments.positional.dropFirst()))))
            }
            if type.builtinBase !== vm.types.object {
                return try vm.constructBuiltin(type.builtinBase, type, Arguments(values: UnsafeBufferPointer(rebasing: arguments.values[1...]), keywordNames: arguments.keywordNames))
            }
            return Value(vm.newInstance(type))
        }
        defineMethod(object, "__setattr__") { vm, arguments throws(PyError) in
            try arguments.expect("__setattr__", vm, min: 3, max: 3)
            guard let name = arguments[1].as(PyStr.self) else { throw vm.typeError("attribute name must be string") }
            try vm.genericSetAttribute(arguments[0], vm.intern(name.value), arguments[2])
            return .none
        }
        defineMethod(object, "__getattribute__") { vm, arguments throws(PyError) in
            try arguments.expect("__getattribute__", vm, min: 2, max: 2)
            guard let name = arguments[1].as(PyStr.self) else { throw vm.typeError("attribute name must be string") }
            if let found = try vm.genericGetAttribute(arguments[0], vm.intern(name.value), vm.typeOf(arguments[0])) { return found }
            throw vm.attributeError(arguments[0], name.value)
        }
        defineMethod(object, "__delattr__") { vm, arguments throws(PyError) in
            guard let name = arguments[1].as(PyStr.self), let attributes = arguments[0].object?.attributes,
                  attributes.removeString(vm.intern(name.value)) != nil else {
                throw vm.attributeError(arguments[0], arguments[1].as(PyStr.self)?.value ?? "?")
            }
            return .none
        }
        defineMethod(object, "__repr__") { vm, arguments throws(PyError) in
            guard let instance = arguments[0].object else { return vm.str(try vm.repr(arguments[0])) }
            let module = vm.moduleName(of: instance.type)
            return vm.str("<\(module.map { $0 + "." } ?? "")\(instance.type.qualifiedName) object at \(vm.address(instance))>")
        }
        defineMethod(object, "__str__") { vm, arguments throws(PyError) in vm.str(try vm.repr(arguments[0])) }
        defineMethod(object, "__eq__") { vm, arguments throws(PyError) in
            arguments[0].isIdentical(to: arguments[1]) ? .bool(true) : vm.notImplemented
        }
        defineMethod(object, "__ne__") { vm, arguments throws(PyError) in
            arguments[0].isIdentical(to: arguments[1]) ? .bool(false) : vm.notImplemented
        }
        defineMethod(object, "__hash__") { vm, arguments throws(PyError) in .int(try vm.hash(arguments[0])) }
        defineMethod(object, "__format__") { vm, arguments throws(PyError) in
            let spec = arguments.positionalCount > 1 ? try vm.strText(arguments[1]) : ""
            if !spec.isEmpty { throw vm.typeError("unsupported format string passed to \(vm.typeName(arguments[0])).__format__") }
            return try vm.str(of: arguments[0])
        }
        defineMethod(object, "__init_subclass__") { _, _ throws(PyError) in .none }
        defineMethod(object, "__dir__") { vm, arguments throws(PyError) in try vm.directory(Arguments(values: arguments.values, keywordNames: [])) }
        for name in ["__lt__", "__le__", "__gt__", "__ge__"] {
            defineMethod(object, name) { vm, _ throws(PyError) in vm.notImplemented }
        }
        let type = types.type
        defineMethod(type, "mro") { vm, arguments throws(PyError) in
            vm.list(arguments[0].as(PyType.self)?.mro.map(Value.init) ?? [])
        }
        defineMethod(type, "__subclasses__") { vm, _ throws(PyError) in vm.list([]) }
        defineMethod(type, "__instancecheck__") { vm, arguments throws(PyError) in
            guard let type = arguments[0].as(PyType.self) else { return .bool(false) }
            return .bool(vm.typeOf(arguments[1]).isSubtype(of: type))
        }
        defineMethod(type, "__subclasscheck__") { vm, arguments throws(PyError) in
            guard let type = arguments[0].as(PyType.self), let other = arguments[1].as(PyType.self) else { return .bool(false) }
            return .bool(other.isSubtype(of: type))
        }
        defineMethod(type, "__new__") { vm, arguments throws(PyError) in
            guard arguments.positionalCount == 4, let metatype = arguments[0].as(PyType.self),
                  let name = arguments[1].as(PyStr.self), let bases = arguments[2].as(PyTuple.self),
                  let namespace = arguments[3].as(PyDict.self) else {
                throw vm.typeError("type.__new__() takes exactly 3 arguments")
            }
            let copy = vm.newDict()
            try copy.update(from: namespace, vm: vm)
            return Value(try vm.createClass(name.value, bases.items, copy, metatype: metatype))
        }
        defineMethod(type, "__init__") { _, _ throws(PyError) in .none }
        defineMethod(type, "__call__") { vm, arguments throws(PyError) in
            guard let type = arguments[0].as(PyType.self) else { throw vm.typeError("descriptor '__call__' requires a type") }
            let rest = UnsafeBufferPointer(rebasing: arguments.values[1...])
            return try vm.instantiate(type, rest, arguments.keywordNames, returnSlot: nil) ?? .none
        }
    }

    private func installNumberMethods() {
        let int = types.int
        defineMethod(int, "bit_length") { vm, arguments throws(PyError) in
            guard let number = vm.bigInt(arguments[0]) else { return .int(0) }
            return .int(number == 0 ? 0 : number.magnitude.bitWidth)
        }
        defineMethod(int, "bit_count") { vm, arguments throws(PyError) in
            guard let number = vm.bigInt(arguments[0]) else { return .int(0) }
            return .int(number.magnitude.words.reduce(0) { $0 + $1.nonzeroBitCount })
        }
        defineMethod(int, "conjugate") { _, arguments throws(PyError) in arguments[0].normalizedBool }
        defineMethod(int, "__index__") { _, arguments throws(PyError) in arguments[0].normalizedBool }
        defineMethod(int, "__int__") { _, arguments throws(PyError) in arguments[0].normalizedBool }
        defineMethod(int, "__float__") { vm, arguments throws(PyError) in .float(try vm.floatValue(arguments[0]) ?? 0) }
        defineMethod(int, "to_bytes") { vm, arguments throws(PyError) in
            let length = try arguments.argument(1, "length").map { value throws(PyError) in try vm.sizeArgument(value) } ?? 1
            if length < 0 { throw vm.error("ValueError", "length argument must be non-negative") }
            try vm.checkAllocation(length, itemSize: 1)
            let order = try arguments.argument(2, "byteorder").map { value throws(PyError) in try vm.strText(value) } ?? "big"
            var number = vm.bigInt(arguments[0]) ?? 0
            var bytes: [UInt8] = []
            for _ in 0..<length {
                bytes.append(UInt8(truncatingIfNeeded: Int(number & 0xFF)))
                number >>= 8
            }
            if number != 0 { throw vm.error("OverflowError", "int too big to convert") }
            return vm.bytes(order == "big" ? bytes.reversed() : bytes)
        }
        let float = types.float
        defineMethod(float, "is_integer") { _, arguments throws(PyError) in
            guard case .float(let number) = arguments[0] else { return .bool(false) }
            return .bool(number.isFinite && number == number.rounded(.towardZero))
        }
        defineMethod(float, "as_integer_ratio") { vm, arguments throws(PyError) in
            guard case .float(let number) = arguments[0] else { return .none }
            if number.isNaN { throw vm.error("ValueError", "cannot convert NaN to integer ratio") }
            if number.isInfinite { throw vm.error("OverflowError", "cannot convert Infinity to integer ratio") }
            var numerator = BigInt(number.significandBitPattern | (number.isNormal ? 1 << 52 : 0))
            var exponent = Int(number.exponent) - 52
            if !number.isNormal { exponent = -1074 }
            var denominator = BigInt(1)
            if exponent > 0 { numerator <<= exponent } else { denominator <<= -exponent }
            let divisor = numerator.greatestCommonDivisor(with: denominator)
            if divisor > 1 {
                numerator /= divisor
                denominator /= divisor
            }
            if number < 0 { numerator = -numerator }
            return vm.tuple([vm.intValue(numerator), vm.intValue(denominator)])
        }
        defineMethod(float, "hex") { vm, arguments throws(PyError) in
            guard case .float(let number) = arguments[0] else { return .none }
            return vm.str(formatC(number, "a", precision: 13))
        }
        defineMethod(float, "conjugate") { _, arguments throws(PyError) in arguments[0] }
        defineMethod(float, "__int__") { vm, arguments throws(PyError) in try vm.toInt(arguments[0]) }
        defineMethod(float, "__float__") { _, arguments throws(PyError) in arguments[0] }
        float.dict.setString(intern("fromhex"), box(.classMethod, [Value(builtin("fromhex") { vm, arguments throws(PyError) in
            let text = try vm.strText(arguments[1])
            guard let value = Double(text) else { throw vm.error("ValueError", "invalid hexadecimal floating-point string") }
            return .float(value)
        })]))
    }

    private func installExceptionMethods() {
        let base = types.baseException
        defineMethod(base, "__init__") { _, arguments throws(PyError) in
            arguments[0].as(PyException.self)?.args = Array(arguments.positional.dropFirst())
            return .none
        }
        defineMethod(types[exception: "OSError"], "__init__") { vm, arguments throws(PyError) in
            // Keeps errno, strerror and filename, which outlive a later change of `args`.
            guard let exception = arguments[0].as(PyException.self) else { return .none }
            exception.args = Array(arguments.positional.dropFirst())
            let attributes = exception.attributes ?? vm.newDict()
            exception.attributes = attributes
            for name in ["errno", "strerror", "filename"] {
                attributes.setString(vm.intern(name), vm.osErrorField(exception, name))
            }
            return .none
        }
        defineMethod(base, "__str__") { vm, arguments throws(PyError) in
            guard let exception = arguments[0].as(PyException.self) else { return vm.str("") }
            return vm.str(try vm.exceptionMessage(exception))
        }
        defineMethod(base, "__repr__") { vm, arguments throws(PyError) in
            guard let exception = arguments[0].as(PyException.self) else { return vm.str("") }
            let inner = exception.args.count == 1 ? "(" + (try vm.repr(exception.args[0])) + ")" : (try vm.repr(vm.tuple(exception.args)))
            return vm.str(exception.type.name + inner)
        }
        defineMethod(base, "with_traceback") { _, arguments throws(PyError) in arguments[0] }
        defineMethod(base, "add_note") { vm, arguments throws(PyError) in
            guard let exception = arguments[0].as(PyException.self) else { return .none }
            if exception.notes.isNull { exception.notes = vm.list([]) }
            exception.notes.as(PyList.self)?.items.append(arguments[1])
            return .none
        }
    }

    private func installGeneratorMethods() {
        for type in [types.generator, types.coroutine] {
            defineMethod(type, "send") { vm, arguments throws(PyError) in
                try arguments.expect("send", vm, min: 2, max: 2)
                guard let generator = arguments[0].as(PyGenerator.self) else { return .none }
                return try vm.generatorStep(generator, try vm.resumeGenerator(generator, sending: arguments[1]))
            }
            defineMethod(type, "throw") { vm, arguments throws(PyError) in
                let exception = try vm.thrownException(arguments, "throw")
                guard let generator = arguments[0].as(PyGenerator.self) else { return .none }
                return try vm.generatorStep(generator, try vm.throwIntoGenerator(generator, exception))
            }
            defineMethod(type, "close") { vm, arguments throws(PyError) in
                guard let generator = arguments[0].as(PyGenerator.self) else { return .none }
                try vm.closeGenerator(generator)
                return .none
            }
        }
        defineMethod(types.generator, "__next__") { vm, arguments throws(PyError) in
            guard let generator = arguments[0].as(PyGenerator.self) else { return .none }
            return try vm.generatorStep(generator, try vm.resumeGenerator(generator, sending: .none))
        }
        defineMethod(types.generator, "__iter__") { _, arguments throws(PyError) in arguments[0] }
    }

    /// The exception `throw(type[, value])` and `athrow` arguments describe.
    func thrownException(_ arguments: Arguments, _ name: String) throws(PyError) -> PyException {
        guard arguments.positionalCount >= 2 else { throw typeError("\(name) expected at least 1 argument, got 0") }
        var thrown = arguments[1]
        if arguments.positionalCount >= 3, !arguments[2].isNone, let type = thrown.as(PyType.self) {
            thrown = arguments[2].object is PyException ? arguments[2] : try call(Value(type), [arguments[2]])
        }
        return try exceptionToRaise(thrown, cause: .null)
    }

    /// The value of `send`/`__next__`: a yielded value, or StopIteration on return.
    func generatorStep(_ generator: PyGenerator, _ outcome: RunOutcome) throws(PyError) -> Value {
        switch outcome {
        case .yielded(let value): return value
        case .returned(let value):
            throw PyError(exception: newException(types[exception: "StopIteration"], value.isNone ? [] : [value]))
        }
    }

    /// `generator.throw(exception)`, delegating to a sub-iterator in `yield from`.
    func throwIntoGenerator(_ generator: PyGenerator, _ exception: PyException) throws(PyError) -> RunOutcome {
        guard generator.state == .suspended, let delegate = yieldFromDelegate(generator) else {
            return try resumeGenerator(generator, sending: .none, throwing: exception)
        }
        // What the delegate makes of the exception: it yields, it returns (the generator
        // goes on after the `yield from`), or it raises (at the `yield from`). A delegate
        // that takes nothing thrown (an awaited future, an iterator without `throw`) has
        // the exception itself raised there.
        let outcome: RunOutcome?
        do throws(PyError) {
            if let inner = delegate.as(PyGenerator.self) {
                if exception.type.isSubtype(of: types[exception: "GeneratorExit"]) {
                    try closeGenerator(inner)
                    outcome = nil
                } else {
                    outcome = try throwIntoGenerator(inner, exception)
                }
            } else if awaitedFuture(delegate) == nil, let method = try? getAttribute(delegate, intern("throw")) {
                outcome = .yielded(try call(method, [Value(exception)]))
            } else {
                outcome = nil
            }
        } catch let thrown {
            return try resumeGenerator(generator, sending: .none, throwing: thrown.exception)
        }
        switch outcome {
        case .yielded(let value)?:
            return .yielded(value)
        case .returned(let value)?:
            let sendIndex = generator.ip - 2
            generator.ip = Int(generator.code.instructions[sendIndex] >> 8)
            generator.stackTop -= 1
            return try resumeGenerator(generator, sending: value)
        case nil:
            return try resumeGenerator(generator, sending: .none, throwing: exception)
        }
    }

    /// The iterator a suspended generator is delegating to with `yield from`, if any.
    private func yieldFromDelegate(_ generator: PyGenerator) -> Value? {
        let ip = generator.ip
        guard ip >= 2, generator.stackTop >= 1 else { return nil }
        let yieldOpcode = UInt8(truncatingIfNeeded: generator.code.instructions[ip - 1])
        let sendOpcode = UInt8(truncatingIfNeeded: generator.code.instructions[ip - 2])
        guard yieldOpcode == Opcode.yieldValue.rawValue, sendOpcode == Opcode.send.rawValue else { return nil }
        return generator.slots[generator.stackTop - 1]
    }

    func closeGenerator(_ generator: PyGenerator) throws(PyError) {
        guard generator.state == .suspended else {
            if generator.state == .created { generator.finish() }
            return
        }
        let exit = newException(types[exception: "GeneratorExit"], [])
        root(Value(exit))
        do throws(PyError) {
            if case .yielded = try throwIntoGenerator(generator, exit) {
                throw error("RuntimeError", "generator ignored GeneratorExit")
            }
        } catch let thrown {
            let type = thrown.exception.type
            if type.isSubtype(of: types[exception: "GeneratorExit"]) || type.isSubtype(of: types[exception: "StopIteration"]) { return }
            throw thrown
        }
    }
}
