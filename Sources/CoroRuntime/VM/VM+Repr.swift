import CoroSyntax

/// `repr()` and `str()` of every builtin value, and the dunder protocol for classes.
extension VM {
    func repr(_ value: Value) throws(PyError) -> String {
        switch value {
        case .none, .null: return "None"
        case .bool(let flag): return flag ? "True" : "False"
        case .int(let number): return String(number)
        case .float(let number): return PythonRepr.float(number)
        case .object(let reference):
            let object = reference.takeUnretainedValue()
            if !object.type.isBuiltin, let method = object.type.lookup(names.repr), method.object is PyFunction {
                return try reprResult(try guardedCall(method, value, " while getting the repr of an object"), "__repr__")
            }
            return try builtinRepr(object, value)
        }
    }

    /// Calls a dunder from native code, counting the nesting toward the recursion limit.
    func guardedCall(_ method: Value, _ receiver: Value, _ suffix: String) throws(PyError) -> Value {
        if fiber.count + nativeDepth >= recursionLimit { throw recursionError(suffix) }
        return try call(method, [receiver])
    }

    private func reprResult(_ result: Value, _ name: String) throws(PyError) -> String {
        guard let string = result.as(PyStr.self) else {
            throw typeError("\(name) returned non-string (type \(typeName(result)))")
        }
        return string.value
    }

    func str(of value: Value) throws(PyError) -> Value {
        if let string = value.as(PyStr.self), string.type === types.str { return value }
        return str(try strText(value))
    }

    /// `str(value)` as Swift text.
    func strText(_ value: Value) throws(PyError) -> String {
        guard case .object(let reference) = value else { return try repr(value) }
        let object = reference.takeUnretainedValue()
        if let string = object as? PyStr, object.type.isBuiltin { return string.value }
        if !object.type.isBuiltin, let method = object.type.lookup(names.str), method.object is PyFunction {
            return try reprResult(try guardedCall(method, value, " while getting the str of an object"), "__str__")
        }
        if let exception = object as? PyException { return try exceptionMessage(exception) }
        if let string = object as? PyStr { return string.value }
        return try repr(value)
    }

    func builtinRepr(_ object: PyObject, _ value: Value) throws(PyError) -> String {
        switch object {
        case let string as PyStr:
            return PythonRepr.string(string.value)
        case let big as PyBigInt:
            return big.value.description
        case let list as PyList:
            return try reprContainer(object, "[", "]", list.items)
        case let tuple as PyTuple:
            if !object.type.isBuiltin, let fields = namedTupleFields(object.type) {
                let parts = try zip(fields, tuple.items).map { field, item throws(PyError) in "\(field)=\(try repr(item))" }
                return object.type.name + "(" + parts.joined(separator: ", ") + ")"
            }
            return try reprContainer(object, "(", tuple.items.count == 1 ? ",)" : ")", tuple.items)
        case let dict as PyDict:
            return try reprDict(dict)
        case let set as PySet:
            let keys = set.keys
            let isFrozen = object.type.isSubtype(of: types.frozenset)
            let name = object.type.name
            if keys.isEmpty { return name + "()" }
            let body = try reprContainer(object, "{", "}", keys)
            return isFrozen || !object.type.isBuiltin ? name + "(" + body + ")" : body
        case let bytes as PyBytes:
            return PythonRepr.bytes(bytes.bytes)
        case let range as PyRange:
            return range.step == 1 ? "range(\(range.start), \(range.stop))" : "range(\(range.start), \(range.stop), \(range.step))"
        case let slice as PySlice:
            return "slice(\(try repr(slice.start)), \(try repr(slice.stop)), \(try repr(slice.step)))"
        case let type as PyType:
            let module = moduleName(of: type)
            return "<class '\(module.map { $0 + "." } ?? "")\(type.qualifiedName)'>"
        case let function as PyFunction:
            return "<function \(function.qualifiedName) at \(address(object))>"
        case let builtin as PyBuiltin:
            if let owner = builtin.owner {
                if builtin.receiver.isNull { return "<method '\(builtin.name)' of '\(owner.name)' objects>" }
                return "<built-in method \(builtin.name) of \(typeName(builtin.receiver)) object at \(address(object))>"
            }
            return "<built-in function \(builtin.name)>"
        case let method as PyMethod:
            let name = method.function.as(PyFunction.self)?.qualifiedName ?? "?"
            return "<bound method \(name) of \(try repr(method.receiver))>"
        case let module as PyModule:
            return module.dict.lookupString(names.file) == nil
                ? "<module '\(module.name)' (built-in)>" : "<module '\(module.name)' from '\(try strText(module.dict.lookupString(names.file) ?? .none))'>"
        case let exception as PyException:
            let arguments = exception.args.count == 1 ? "(" + (try repr(exception.args[0])) + ")" : (try repr(tuple(exception.args)))
            return exception.type.name + arguments
        case let generator as PyGenerator:
            let kind = generator.type === types.coroutine ? "coroutine" : generator.type === types.asyncGenerator ? "async_generator" : "generator"
            return "<\(kind) object \(generator.qualifiedName) at \(address(object))>"
        case let member as PyMember:
            return "<member '\(member.name.value)' of '\(member.owner.name)' objects>"
        case let cell as PyCell:
            return "<cell at \(address(object)): \(cell.value.isNull ? "empty" : "\(typeName(cell.value)) object at ...")>"
        case let box as PyBox:
            return try reprBox(box)
        default:
            if object.type === types.notImplemented { return "NotImplemented" }
            if object.type === types.ellipsis { return "Ellipsis" }
            let module = moduleName(of: object.type)
            return "<\(module.map { $0 + "." } ?? "")\(object.type.qualifiedName) object at \(address(object))>"
        }
    }

    /// The module a class was defined in, or nil for builtins.
    func moduleName(of type: PyType) -> String? {
        if let module = type.dict.lookupString(names.module), let name = module.as(PyStr.self), name.value != "builtins" {
            return name.value
        }
        return nil
    }

    func address(_ object: PyObject) -> String {
        "0x" + String(identity(object), radix: 16).leftPadded(to: 12)
    }

    /// The field names of a class made by `namedtuple`.
    func namedTupleFields(_ type: PyType) -> [String]? {
        guard let fields = type.lookup(intern("_fields"))?.as(PyTuple.self) else { return nil }
        return fields.items.compactMap { $0.as(PyStr.self)?.value }
    }

    /// Containers that contain themselves print `[...]`, as CPython's Py_ReprEnter.
    private func reprContainer(_ object: PyObject, _ open: String, _ close: String, _ items: [Value]) throws(PyError) -> String {
        let identity = ObjectIdentifier(object)
        if reprInProgress.contains(identity) { return open == "(" ? "(...)" : open + "..." + close }
        if reprInProgress.count + fiber.count >= recursionLimit {
            throw recursionError(" while getting the repr of an object")
        }
        reprInProgress.insert(identity)
        defer { reprInProgress.remove(identity) }
        var parts: [String] = []
        parts.reserveCapacity(items.count)
        for item in items { parts.append(try repr(item)) }
        return open + parts.joined(separator: ", ") + close
    }

    private func reprDict(_ dict: PyDict) throws(PyError) -> String {
        let identity = ObjectIdentifier(dict)
        if reprInProgress.contains(identity) { return "{...}" }
        if reprInProgress.count + fiber.count >= recursionLimit {
            throw recursionError(" while getting the repr of an object")
        }
        reprInProgress.insert(identity)
        defer { reprInProgress.remove(identity) }
        var parts: [String] = []
        for entry in dict.liveEntries { parts.append(try repr(entry.key) + ": " + repr(entry.value)) }
        return "{" + parts.joined(separator: ", ") + "}"
    }

    private func reprBox(_ box: PyBox) throws(PyError) -> String {
        switch box.kind {
        case .dictKeys, .dictValues, .dictItems:
            let items = try collect(Value(box))
            return box.type.name + "(" + (try reprContainer(box, "[", "]", items)) + ")"
        case .property: return "<property object at \(address(box))>"
        case .staticMethod: return "<staticmethod(\(try repr(box.values[0])))>"
        case .classMethod: return "<classmethod(\(try repr(box.values[0])))>"
        case .superObject: return "<super: <class '\(box.values[0].as(PyType.self)?.name ?? "?")'>, <\(typeName(box.values[1])) object>>"
        case .partial:
            var parts = [try repr(box.values[0])]
            if let args = box.values[1].as(PyTuple.self) { for item in args.items { parts.append(try repr(item)) } }
            if let keywords = box.values[2].as(PyDict.self) {
                for entry in keywords.liveEntries { parts.append("\(try strText(entry.key))=\(try repr(entry.value))") }
            }
            return "functools.partial(" + parts.joined(separator: ", ") + ")"
        default:
            return "<\(box.type.name) object at \(address(box))>"
        }
    }

    /// The REPL's echo of an expression statement.
    func printExpressionResult(_ value: Value) throws(PyError) {
        if value.isNone { return }
        output.write(try repr(value) + "\n")
        builtins.setString(intern("_"), value)
    }
}

extension String {
    func leftPadded(to width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
