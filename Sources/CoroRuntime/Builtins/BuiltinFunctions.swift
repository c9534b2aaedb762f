import BigInt
import CoroCompiler

/// The functions of the `builtins` namespace.
extension VM {
    func installBuiltins() {
        for (name, type) in [("int", types.int), ("bool", types.bool), ("float", types.float), ("str", types.str),
                             ("bytes", types.bytes), ("list", types.list), ("tuple", types.tuple), ("dict", types.dict),
                             ("set", types.set), ("frozenset", types.frozenset), ("type", types.type),
                             ("object", types.object), ("range", types.range), ("slice", types.slice),
                             ("property", types.property), ("staticmethod", types.staticMethod),
                             ("classmethod", types.classMethod), ("super", types.superType)] {
            builtins.setString(intern(name), Value(type))
        }
        // A native class of a library module is named "module.name" where it is made:
        // its `__name__` is the last part and its `__module__` the rest.
        for type in types.box.values {
            guard let dot = type.name.lastIndex(of: ".") else { continue }
            type.dict.setString(names.module, str(String(type.name[..<dot])))
            type.name = String(type.name[type.name.index(after: dot)...])
            type.qualifiedName = type.name
        }
        for kind in [BoxKind.enumerate, .zip, .map, .filter, .reversedSequence] {
            if let type = types.box[kind] { builtins.setString(intern(type.name), Value(type)) }
        }
        for (name, type) in [("BaseException", types.baseException)] { builtins.setString(intern(name), Value(type)) }
        for (name, _) in BuiltinTypes.exceptionTree { builtins.setString(intern(name), Value(types[exception: name])) }
        builtins.setString(intern("EnvironmentError"), Value(types[exception: "OSError"]))
        builtins.setString(intern("IOError"), Value(types[exception: "OSError"]))
        builtins.setString(intern("None"), .none)
        builtins.setString(intern("NotImplemented"), notImplemented)
        builtins.setString(intern("Ellipsis"), ellipsis)
        builtins.setString(names.name, str("builtins"))
        installOutputBuiltins()
        installIntrospectionBuiltins()
        installNumericBuiltins()
        installIterationBuiltins()
    }

    private func installOutputBuiltins() {
        defineBuiltin("print") { vm, arguments throws(PyError) in
            var separator = " "
            var terminator = "\n"
            var file: Value = .none
            var flush = false
            for (offset, keyword) in arguments.keywordNames.enumerated() {
                let value = arguments[arguments.positionalCount + offset]
                switch keyword.value {
                case "sep":
                    if !value.isNone {
                        guard let text = value.as(PyStr.self) else { throw vm.typeError("sep must be None or a string, not \(vm.typeName(value))") }
                        separator = text.value
                    }
                case "end":
                    if !value.isNone {
                        guard let text = value.as(PyStr.self) else { throw vm.typeError("end must be None or a string, not \(vm.typeName(value))") }
                        terminator = text.value
                    }
                case "file": file = value
                case "flush": flush = try vm.isTrue(value)
                default: throw vm.typeError("'\(keyword.value)' is an invalid keyword argument for print()")
                }
            }
            var text = ""
            for index in 0..<arguments.positionalCount {
                if index > 0 { text += separator }
                text += try vm.strText(arguments[index])
            }
            text += terminator
            try vm.write(text, to: file)
            if flush { try vm.flush(file) }
            return .none
        }
        defineBuiltin("repr") { vm, arguments throws(PyError) in vm.str(try vm.repr(try arguments.exactlyOne("repr", vm))) }
        defineBuiltin("ascii") { vm, arguments throws(PyError) in vm.str(try vm.ascii(try arguments.exactlyOne("ascii", vm))) }
        defineBuiltin("format") { vm, arguments throws(PyError) in
            try arguments.expect("format", vm, min: 1, max: 2)
            let spec = arguments.positionalCount > 1 ? try vm.strText(arguments[1]) : ""
            return try vm.format(arguments[0], spec)
        }
        defineBuiltin("input") { vm, arguments throws(PyError) in
            try arguments.expect("input", vm, min: 0, max: 1)
            if arguments.positionalCount == 1 {
                vm.output.write(try vm.strText(arguments[0]))
            }
            vm.output.flush()
            guard let line = readLine(strippingNewline: true) else { throw vm.error("EOFError", "EOF when reading a line") }
            return vm.str(line)
        }
        defineBuiltin("open") { vm, arguments throws(PyError) in try vm.openFile(arguments) }
    }

    private func installIntrospectionBuiltins() {
        defineBuiltin("len") { vm, arguments throws(PyError) in .int(try vm.length(try arguments.exactlyOne("len", vm))) }
        defineBuiltin("isinstance") { vm, arguments throws(PyError) in
            try arguments.expect("isinstance", vm, min: 2, max: 2)
            return .bool(try vm.isInstance(arguments[0], of: arguments[1]))
        }
        defineBuiltin("issubclass") { vm, arguments throws(PyError) in
            try arguments.expect("issubclass", vm, min: 2, max: 2)
            guard let type = arguments[0].as(PyType.self) else { throw vm.typeError("issubclass() arg 1 must be a class") }
            return .bool(try vm.isSubclass(type, of: arguments[1]))
        }
        defineBuiltin("hasattr") { vm, arguments throws(PyError) in
            try arguments.expect("hasattr", vm, min: 2, max: 2)
            guard let name = arguments[1].as(PyStr.self) else { throw vm.typeError("attribute name must be string, not '\(vm.typeName(arguments[1]))'") }
            return .bool(try vm.lookupAttribute(arguments[0], vm.intern(name.value)) != nil)
        }
        defineBuiltin("getattr") { vm, arguments throws(PyError) in
            try arguments.expect("getattr", vm, min: 2, max: 3)
            guard let name = arguments[1].as(PyStr.self) else { throw vm.typeError("attribute name must be string, not '\(vm.typeName(arguments[1]))'") }
            let key = vm.intern(name.value)
            guard arguments.positionalCount == 3 else { return try vm.getAttribute(arguments[0], key) }
            return try vm.lookupAttribute(arguments[0], key) ?? arguments[2]
        }
        defineBuiltin("setattr") { vm, arguments throws(PyError) in
            try arguments.expect("setattr", vm, min: 3, max: 3)
            guard let name = arguments[1].as(PyStr.self) else { throw vm.typeError("attribute name must be string, not '\(vm.typeName(arguments[1]))'") }
            try vm.setAttribute(arguments[0], vm.intern(name.value), arguments[2])
            return .none
        }
        defineBuiltin("delattr") { vm, arguments throws(PyError) in
            try arguments.expect("delattr", vm, min: 2, max: 2)
            guard let name = arguments[1].as(PyStr.self) else { throw vm.typeError("attribute name must be string, not '\(vm.typeName(arguments[1]))'") }
            try vm.deleteAttribute(arguments[0], vm.intern(name.value))
            return .none
        }
        defineBuiltin("callable") { vm, arguments throws(PyError) in
            .bool(vm.isCallable(try arguments.exactlyOne("callable", vm)))
        }
        defineBuiltin("id") { vm, arguments throws(PyError) in
            let value = try arguments.exactlyOne("id", vm)
            if let object = value.object { return .int(vm.identity(object)) }
            return .int((try vm.hash(value) &* 31 &+ 0x7f00_0000) & Int.max)
        }
        defineBuiltin("hash") { vm, arguments throws(PyError) in .int(try vm.hash(try arguments.exactlyOne("hash", vm))) }
        defineBuiltin("vars") { vm, arguments throws(PyError) in
            try arguments.expect("vars", vm, min: 0, max: 1)
            if arguments.positionalCount == 0 { return Value(vm.fiber.last?.namespace?.takeUnretainedValue() ?? vm.fiber.last?.globals ?? vm.builtins) }
            if let type = arguments[0].as(PyType.self) { return Value(type.dict) }
            if let module = arguments[0].as(PyModule.self) { return Value(module.dict) }
            guard let attributes = arguments[0].object?.attributes ?? (arguments[0].object.map { object in
                object.type.hasInstanceDict ? { let made = vm.newDict(); object.attributes = made; return made }() : nil } ?? nil) else {
                throw vm.typeError("vars() argument must have __dict__ attribute")
            }
            return Value(attributes)
        }
        defineBuiltin("dir") { vm, arguments throws(PyError) in try vm.directory(arguments) }
        defineBuiltin("globals") { vm, _ throws(PyError) in Value(vm.fiber.last?.globals ?? vm.builtins) }
        defineBuiltin("locals") { vm, _ throws(PyError) in try vm.localsDict() }
        defineBuiltin("__build_class__") { vm, arguments throws(PyError) in try vm.buildClass(arguments) }
        defineBuiltin("__import__") { vm, arguments throws(PyError) in
            guard let name = arguments.argument(0, "name")?.as(PyStr.self) else { throw vm.typeError("__import__() missing required argument 'name' (pos 1)") }
            return Value(try vm.importModule(name.value))
        }
        defineBuiltin("exit") { vm, arguments throws(PyError) in
            throw PyError(exception: vm.newException(vm.types[exception: "SystemExit"], Array(arguments.positional)))
        }
        builtins.setString(intern("quit"), builtins.lookupString(intern("exit")) ?? .none)
    }

    private func installNumericBuiltins() {
        defineBuiltin("abs") { vm, arguments throws(PyError) in
            let value = try arguments.exactlyOne("abs", vm)
            switch value {
            case .int(let number): return number == Int.min ? vm.intValue(-BigInt(number)) : .int(abs(number))
            case .bool(let flag): return .int(flag ? 1 : 0)
            case .float(let number): return .float(abs(number))
            default:
                if let big = vm.bigInt(value) { return vm.intValue(big < 0 ? -big : big) }
                if let method = vm.typeOf(value).lookup(vm.names.abs) { return try vm.call(method, [value]) }
                throw vm.typeError("bad operand type for abs(): '\(vm.typeName(value))'")
            }
        }
        defineBuiltin("divmod") { vm, arguments throws(PyError) in
            try arguments.expect("divmod", vm, min: 2, max: 2)
            let (a, b) = (arguments[0], arguments[1])
            if case .float = a {} else if case .float = b {} else if vm.isIntLike(a) && vm.isIntLike(b) {
                if (vm.bigInt(b) ?? 0) == 0 { throw vm.error("ZeroDivisionError", "integer division or modulo by zero") }
                return vm.tuple([try vm.binaryOperation(a, b, BinaryOperation.floorDiv.rawValue), try vm.binaryOperation(a, b, BinaryOperation.mod.rawValue)])
            }
            if let x = try vm.floatValue(a), let y = try vm.floatValue(b) {
                if y == 0 { throw vm.error("ZeroDivisionError", "float divmod()") }
                let result = vm.floatDivmod(x, y)
                return vm.tuple([.float(result.quotient), .float(result.remainder)])
            }
            if let method = vm.typeOf(a).lookup(vm.names.divmod) { return try vm.call(method, [a, b]) }
            throw vm.typeError("unsupported operand type(s) for divmod(): '\(vm.typeName(a))' and '\(vm.typeName(b))'")
        }
        defineBuiltin("pow") { vm, arguments throws(PyError) in
            try arguments.expect("pow", vm, min: 2, max: 3, keywords: true)
            let base = arguments[0]
            let exponent = arguments[1]
            if arguments.positionalCount == 3 && !arguments[2].isNone {
                guard let b = vm.bigInt(base), let e = vm.bigInt(exponent), let m = vm.bigInt(arguments[2]) else {
                    throw vm.typeError("pow() 3rd argument not allowed unless all arguments are integers")
                }
                if m == 0 { throw vm.error("ValueError", "pow() 3rd argument cannot be 0") }
                if e < 0 { throw vm.error("ValueError", "base is not invertible for the given modulus") }
                var result = b.power(e, modulus: m)
                if result != 0 && (result < 0) != (m < 0) { result += m }
                return vm.intValue(result)
            }
            return try vm.binaryOperation(base, exponent, BinaryOperation.pow.rawValue)
        }
        defineBuiltin("round") { vm, arguments throws(PyError) in try vm.round(arguments) }
        defineBuiltin("chr") { vm, arguments throws(PyError) in
            let value = try arguments.exactlyOne("chr", vm)
            let code = try vm.index(value, for: "chr")
            guard code >= 0, code < 0x110000 else { throw vm.error("ValueError", "chr() arg not in range(0x110000)") }
            guard let scalar = Unicode.Scalar(UInt32(code)) else { return vm.str("\u{FFFD}") }
            return vm.str(String(scalar))
        }
        defineBuiltin("ord") { vm, arguments throws(PyError) in
            let value = try arguments.exactlyOne("ord", vm)
            if let bytes = value.as(PyBytes.self) {
                guard bytes.bytes.count == 1 else { throw vm.typeError("ord() expected a character, but string of length \(bytes.bytes.count) found") }
                return .int(Int(bytes.bytes[0]))
            }
            guard let string = value.as(PyStr.self) else {
                throw vm.typeError("ord() expected string of length 1, but \(vm.typeName(value)) found")
            }
            guard string.count == 1 else { throw vm.typeError("ord() expected a character, but string of length \(string.count) found") }
            return .int(Int(string.scalar(at: 0).value))
        }
        for (name, radix, prefix) in [("hex", 16, "0x"), ("oct", 8, "0o"), ("bin", 2, "0b")] {
            defineBuiltin(name) { vm, arguments throws(PyError) in
                let value = try arguments.exactlyOne(name, vm)
                guard let number = vm.bigInt(value) ?? (try? vm.index(value)).map({ BigInt($0) }) else {
                    throw vm.typeError("'\(vm.typeName(value))' object cannot be interpreted as an integer")
                }
                let digits = String(number.magnitude, radix: radix)
                return vm.str((number < 0 ? "-" : "") + prefix + digits)
            }
        }
    }

    private func installIterationBuiltins() {
        defineBuiltin("iter") { vm, arguments throws(PyError) in
            try arguments.expect("iter", vm, min: 1, max: 2)
            if arguments.positionalCount == 2 { return vm.box(.callIterator, [arguments[0], arguments[1]]) }
            return try vm.iterate(arguments[0])
        }
        defineBuiltin("next") { vm, arguments throws(PyError) in
            try arguments.expect("next", vm, min: 1, max: 2)
            let iterator = arguments[0]
            // Generators and awaitables: a return ends in StopIteration carrying its value.
            var outcome: RunOutcome?
            if let generator = iterator.as(PyGenerator.self), generator.type === vm.types.generator {
                outcome = try vm.resumeGenerator(generator, sending: .none)
            } else if let box = iterator.as(PyBox.self), box.kind.isAwaitable {
                outcome = try vm.stepAwaitable(box, sending: .none)
            }
            if let outcome {
                switch outcome {
                case .yielded(let value): return value
                case .returned(let value):
                    if arguments.positionalCount == 2 { return arguments[1] }
                    throw PyError(exception: vm.newException(vm.types[exception: "StopIteration"], value.isNone ? [] : [value]))
                }
            }
            let type = vm.typeOf(iterator)
            if !type.isBuiltin || !(iterator.object is PyBox) {
                guard let method = type.lookup(vm.names.next) else {
                    throw vm.typeError("'\(type.name)' object is not an iterator")
                }
                do throws(PyError) {
                    return try vm.call(method, [iterator])
                } catch let thrown {
                    if arguments.positionalCount == 2, thrown.exception.type.isSubtype(of: vm.types[exception: "StopIteration"]) {
                        return arguments[1]
                    }
                    throw thrown
                }
            }
            if let item = try vm.nextItem(iterator) { return item }
            if arguments.positionalCount == 2 { return arguments[1] }
            throw PyError(exception: vm.newException(vm.types[exception: "StopIteration"], []))
        }
        defineBuiltin("sorted") { vm, arguments throws(PyError) in
            guard arguments.positionalCount == 1 else { throw vm.typeError("sorted expected 1 argument, got \(arguments.positionalCount)") }
            var items = try vm.collect(arguments[0])
            try vm.sortValues(&items, key: arguments.keyword("key") ?? .none, reverse: try vm.isTrue(arguments.keyword("reverse") ?? .bool(false)))
            return vm.list(items)
        }
        defineBuiltin("reversed") { vm, arguments throws(PyError) in
            let value = try arguments.exactlyOne("reversed", vm)
            if let list = value.as(PyList.self), list.type.isBuiltin {
                return vm.box(.reversedList, [value], state: list.items.count - 1)
            }
            if !vm.typeOf(value).isBuiltin, let method = vm.typeOf(value).lookup(vm.names.reversed) {
                return try vm.call(method, [value])
            }
            if value.object is PyDict || (value.as(PyBox.self).map { [.dictKeys, .dictValues, .dictItems].contains($0.kind) } ?? false) {
                return try vm.iterate(vm.list(try vm.collect(value).reversed()))
            }
            guard value.object is PyTuple || value.object is PyStr || value.object is PyRange || value.object is PyBytes
                    || vm.typeOf(value).lookup(vm.names.getitem) != nil else {
                throw vm.typeError("'\(vm.typeName(value))' object is not reversible")
            }
            return vm.box(.reversedSequence, [value], state: try vm.length(value) - 1)
        }
        defineBuiltin("sum") { vm, arguments throws(PyError) in
            guard arguments.positionalCount >= 1 else { throw vm.typeError("sum() takes at least 1 positional argument (0 given)") }
            var total: Value = arguments.argument(1, "start") ?? .int(0)
            if total.as(PyStr.self) != nil { throw vm.typeError("sum() can't sum strings [use ''.join(seq) instead]") }
            let iterator = try vm.iterate(arguments[0])
            // One rooted slot holds the running total (which may be a big int). While the
            // total and the items are exact ints that fit in 128 bits, the total is kept
            // unboxed in `wide` (as CPython keeps a C long), so no big int is made per item.
            vm.root(iterator)
            let totalSlot = vm.temporaryRoots.count
            vm.temporaryRoots.append(total)
            var wide = vm.exactMediumInt(total)
            while let item = try vm.nextItem(iterator) {
                if let accumulated = wide {
                    if let addend = vm.exactMediumInt(item) {
                        let (sum, overflow) = accumulated.addingReportingOverflow(addend)
                        if !overflow {
                            wide = sum
                            continue
                        }
                    }
                    total = vm.intValue(medium: accumulated)
                } else if case .float(let a) = total, case .float(let b) = item {
                    total = .float(a + b)
                    continue
                }
                if totalSlot < vm.temporaryRoots.count { vm.temporaryRoots[totalSlot] = total }
                total = try vm.binaryOperation(total, item, BinaryOperation.add.rawValue)
                if totalSlot < vm.temporaryRoots.count { vm.temporaryRoots[totalSlot] = total }
                wide = vm.exactMediumInt(total)
            }
            return wide.map { vm.intValue(medium: $0) } ?? total
        }
        for name in ["min", "max"] {
            defineBuiltin(name) { vm, arguments throws(PyError) in try vm.minMax(arguments, name: name) }
        }
        defineBuiltin("any") { vm, arguments throws(PyError) in
            let iterator = try vm.iterate(try arguments.exactlyOne("any", vm))
            return try vm.withRoots([iterator]) { () throws(PyError) -> Value in
                while let item = try vm.nextItem(iterator) {
                    if try vm.isTrue(item) { return .bool(true) }
                }
                return .bool(false)
            }
        }
        defineBuiltin("all") { vm, arguments throws(PyError) in
            let iterator = try vm.iterate(try arguments.exactlyOne("all", vm))
            return try vm.withRoots([iterator]) { () throws(PyError) -> Value in
                while let item = try vm.nextItem(iterator) {
                    if !(try vm.isTrue(item)) { return .bool(false) }
                }
                return .bool(true)
            }
        }
    }

    /// `min()` and `max()` with `key` and `default`.
    private func minMax(_ arguments: Arguments, name: String) throws(PyError) -> Value {
        for keyword in arguments.keywordNames where keyword.value != "key" && keyword.value != "default" {
            throw typeError("'\(keyword.value)' is an invalid keyword argument for \(name)()")
        }
        let key = arguments.keyword("key") ?? .none
        let fallback = arguments.keyword("default")
        var candidates: [Value]
        if arguments.positionalCount == 0 {
            throw typeError("\(name) expected at least 1 argument, got 0")
        } else if arguments.positionalCount == 1 {
            candidates = try collect(arguments[0])
        } else {
            if fallback != nil {
                throw typeError("Cannot specify a default for \(name)() with multiple positional arguments")
            }
            candidates = Array(arguments.positional)
        }
        guard var best = candidates.first else {
            if let fallback { return fallback }
            throw error("ValueError", "\(name)() arg is an empty sequence")
        }
        return try withRoots(candidates) { () throws(PyError) -> Value in
            var bestKey = key.isNone ? best : try call(key, [best])
            temporaryRoots.append(bestKey)
            for candidate in candidates.dropFirst() {
                let candidateKey = key.isNone ? candidate : try call(key, [candidate])
                temporaryRoots.append(candidateKey)
                if try compareBool(candidateKey, bestKey, name == "min" ? .lt : .gt) {
                    best = candidate
                    bestKey = candidateKey
                }
            }
            return best
        }
    }

    /// `isinstance(value, classinfo)`.
    func isInstance(_ value: Value, of classInfo: Value) throws(PyError) -> Bool {
        if let tuple = classInfo.as(PyTuple.self) {
            for item in tuple.items where try isInstance(value, of: item) { return true }
            return false
        }
        guard let type = classInfo.as(PyType.self) else {
            throw typeError("isinstance() arg 2 must be a type, a tuple of types, or a union")
        }
        if let check = type.type.lookup(names.instancecheck), type.type !== types.type {
            return try isTrue(try call(check, [classInfo, value]))
        }
        return typeOf(value).isSubtype(of: type)
    }

    func isSubclass(_ type: PyType, of classInfo: Value) throws(PyError) -> Bool {
        if let tuple = classInfo.as(PyTuple.self) {
            for item in tuple.items where try isSubclass(type, of: item) { return true }
            return false
        }
        guard let other = classInfo.as(PyType.self) else {
            throw typeError("issubclass() arg 2 must be a class, a tuple of classes, or a union")
        }
        return type.isSubtype(of: other)
    }

    /// `round(number, ndigits)` with banker's rounding.
    private func round(_ arguments: Arguments) throws(PyError) -> Value {
        guard arguments.positionalCount >= 1 else { throw typeError("round() missing required argument 'number' (pos 1)") }
        if arguments.positionalCount > 2 { throw typeError("round() takes at most 2 arguments (\(arguments.positionalCount) given)") }
        let number = arguments[0]
        let digits = arguments.argument(1, "ndigits") ?? .none
        switch number {
        case .float(let value):
            if digits.isNone {
                if value.isNaN { throw error("ValueError", "cannot convert float NaN to integer") }
                if value.isInfinite { throw error("OverflowError", "cannot convert float infinity to integer") }
                let rounded = value.rounded(.toNearestOrEven)
                if let small = Int(exactly: rounded) { return .int(small) }
                return intValue(BigInt(rounded))
            }
            let places = try index(digits)
            return .float(roundFloat(value, places))
        default:
            if isIntLike(number) {
                if digits.isNone { return number.normalizedBool }
                let places = try index(digits)
                if places >= 0 { return number.normalizedBool }
                guard let value = bigInt(number) else { return number }
                let factor = BigInt(10).power(-places)
                let (quotient, remainder) = floorDivide(value, factor)
                let twice = remainder * 2
                var result = quotient
                if twice > factor || (twice == factor && quotient % 2 != 0) { result += 1 }
                return intValue(result * factor)
            }
            if let method = typeOf(number).lookup(names.round) {
                return try call(method, digits.isNone ? [number] : [number, digits])
            }
            throw typeError("type \(typeName(number)) doesn't define __round__ method")
        }
    }

    /// Rounds to `places` decimals as CPython does: half-to-even on the exact binary
    /// value, which glibc's `%.Nf` formatting computes.
    func roundFloat(_ value: Double, _ places: Int) -> Double {
        if !value.isFinite || places > 323 { return value }
        if places >= 0 { return Double(formatC(value, "f", precision: places)) ?? value }
        if places < -308 { return 0 * value }
        let factor = power(10, Double(-places))
        let result = (value / factor).rounded(.toNearestOrEven) * factor
        return result.isFinite ? result : value
    }
}
