/// Attributes every builtin object has that are not methods: `__class__`, `__dict__`,
/// `__name__` of functions and classes, exception fields, number parts.
extension VM {
    func builtinAttribute(_ value: Value, _ name: String) throws(PyError) -> Value? {
        if name == "__class__" { return Value(typeOf(value)) }
        switch value {
        case .int, .bool:
            return intAttribute(value, name)
        case .float(let number):
            switch name {
            case "real": return value
            case "imag": return .float(0 * number)
            default: return nil
            }
        case .none, .null:
            return nil
        case .object(let reference):
            return try objectAttribute(reference.takeUnretainedValue(), value, name)
        }
    }

    /// `real`, `imag`, `numerator` and `denominator` of an int (a bool's are its int's).
    private func intAttribute(_ value: Value, _ name: String) -> Value? {
        switch name {
        case "real", "numerator": return value.normalizedBool
        case "imag": return .int(0)
        case "denominator": return .int(1)
        default: return nil
        }
    }

    private func objectAttribute(_ object: PyObject, _ value: Value, _ name: String) throws(PyError) -> Value? {
        if name == "__dict__" {
            if let attributes = object.attributes { return Value(attributes) }
            if !object.type.isBuiltin && object.type.hasInstanceDict {
                let made = newDict()
                object.attributes = made
                return Value(made)
            }
        }
        switch object {
        case let type as PyType:
            switch name {
            case "__name__": return str(type.name)
            case "__qualname__": return str(type.qualifiedName)
            case "__module__": return str(moduleName(of: type) ?? "builtins")
            case "__bases__": return tuple(type.bases.map(Value.init))
            case "__base__": return type.bases.first.map(Value.init) ?? Value.none
            case "__mro__": return tuple(type.mro.map(Value.init))
            case "__dict__": return Value(type.dict)
            case "__doc__": return type.dict.lookupString(names.doc) ?? Value.none
            default: return nil
            }
        case let function as PyFunction:
            switch name {
            case "__name__": return str(function.name)
            case "__qualname__": return str(function.qualifiedName)
            case "__module__": return function.module
            case "__doc__": return function.doc
            case "__defaults__": return function.defaults.isEmpty ? .none : tuple(function.defaults)
            case "__kwdefaults__": return function.keywordDefaults.map(Value.init) ?? Value.none
            case "__globals__": return Value(function.globals)
            case "__dict__":
                let attributes = function.attributes ?? newDict()
                function.attributes = attributes
                return Value(attributes)
            case "__code__": return Value.none
            default: return nil
            }
        case let builtin as PyBuiltin:
            switch name {
            case "__name__": return str(builtin.name)
            case "__qualname__": return str(builtin.owner.map { "\($0.name).\(builtin.name)" } ?? builtin.name)
            case "__self__": return builtin.receiver.isNull ? .none : builtin.receiver
            case "__doc__": return Value.none
            case "__module__": return builtin.owner == nil ? str("builtins") : Value.none
            default: return nil
            }
        case let method as PyMethod:
            switch name {
            case "__self__": return method.receiver
            case "__func__": return method.function
            default: return try getAttribute(method.function, intern(name))
            }
        case let exception as PyException:
            switch name {
            case "args": return tuple(exception.args)
            case "__cause__": return exception.cause
            case "__context__": return exception.context
            case "__suppress_context__": return .bool(exception.suppressContext)
            case "__traceback__": return Value.none
            case "value" where exception.type.isSubtype(of: types[exception: "StopIteration"]):
                return exception.args.first ?? Value.none
            case "code" where exception.type.isSubtype(of: types[exception: "SystemExit"]):
                return exception.args.count == 1 ? exception.args[0] : exception.args.isEmpty ? Value.none : tuple(exception.args)
            case "errno" where exception.type.isSubtype(of: types[exception: "OSError"]),
                 "strerror" where exception.type.isSubtype(of: types[exception: "OSError"]),
                 "filename" where exception.type.isSubtype(of: types[exception: "OSError"]):
                return osErrorField(exception, name)
            case "exceptions" where exception.type.isSubtype(of: types[exception: "BaseExceptionGroup"]):
                return tuple(groupMembers(exception))
            case "message" where exception.type.isSubtype(of: types[exception: "BaseExceptionGroup"]):
                return exception.args.first ?? str("")
            default: return nil
            }
        case let generator as PyGenerator:
            switch name {
            case "__name__": return str(generator.name)
            case "__qualname__": return str(generator.qualifiedName)
            case "gi_running", "cr_running": return .bool(generator.state == .running)
            case "gi_frame", "cr_frame": return generator.state == .finished ? .none : Value(generator)
            default: return nil
            }
        case let module as PyModule:
            switch name {
            case "__dict__": return Value(module.dict)
            case "__name__": return str(module.name)
            default: return nil
            }
        case let range as PyRange:
            switch name {
            case "start": return .int(range.start)
            case "stop": return .int(range.stop)
            case "step": return .int(range.step)
            default: return nil
            }
        case let slice as PySlice:
            switch name {
            case "start": return slice.start
            case "stop": return slice.stop
            case "step": return slice.step
            default: return nil
            }
        case is PyBigInt:
            return intAttribute(value, name)
        case let member as PyMember:
            switch name {
            case "__name__": return Value(member.name)
            case "__qualname__": return str("\(member.owner.qualifiedName).\(member.name.value)")
            case "__objclass__": return Value(member.owner)
            default: return nil
            }
        case let box as PyBox:
            switch (box.kind, name) {
            case (.superObject, _):
                return try superAttribute(box, intern(name))
            case (.property, "fget"): return box.values[0]
            case (.property, "fset"): return box.values[1]
            case (.property, "fdel"): return box.values[2]
            case (.property, "__doc__"): return box.values.count > 3 ? box.values[3] : Value.none
            case (.staticMethod, "__func__"), (.classMethod, "__func__"): return box.values[0]
            case (.partial, "func"): return box.values[0]
            case (.partial, "args"): return box.values[1]
            case (.partial, "keywords"): return box.values[2]
            default: return nil
            }
        default:
            return nil
        }
    }

    /// Assignable attributes of functions (`__name__`, `__doc__`...); false for others.
    func setFunctionAttribute(_ function: PyFunction, _ name: String, _ value: Value) throws(PyError) -> Bool {
        switch name {
        case "__name__", "__qualname__":
            guard let text = value.as(PyStr.self) else { throw typeError("\(name) must be set to a string object") }
            if name == "__name__" { function.name = text.value } else { function.qualifiedName = text.value }
        case "__doc__": function.doc = value
        case "__module__": function.module = value
        case "__defaults__": function.defaults = value.as(PyTuple.self)?.items ?? []
        case "__kwdefaults__": function.keywordDefaults = value.as(PyDict.self)
        default: return false
        }
        return true
    }
}
