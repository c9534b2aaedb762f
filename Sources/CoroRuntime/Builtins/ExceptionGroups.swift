/// Exception groups (PEP 654): `BaseExceptionGroup(message, exceptions)` checks its
/// arguments as CPython does and becomes an `ExceptionGroup` when every member is an
/// `Exception`; `str`, `derive`, `subgroup` and `split` follow CPython's.
extension VM {
    /// The arguments of a new exception of `type`, checked and possibly retyped for groups.
    func exceptionGroupMembers(_ type: inout PyType, _ arguments: [Value]) throws(PyError) -> [Value] {
        let name = type.name
        guard arguments.count == 2 else {
            throw typeError("BaseExceptionGroup.__new__() takes exactly 2 arguments (\(arguments.count) given)")
        }
        guard arguments[0].object is PyStr else {
            throw typeError("BaseExceptionGroup.__new__() argument 1 must be str, not \(typeName(arguments[0]))")
        }
        guard arguments[1].object is PyList || arguments[1].object is PyTuple else {
            throw typeError("second argument (exceptions) must be a sequence")
        }
        let members = try collect(arguments[1])
        if members.isEmpty { throw error("ValueError", "second argument (exceptions) must be a non-empty sequence") }
        let exceptionType = types[exception: "Exception"]
        var allExceptions = true
        for (index, member) in members.enumerated() {
            guard let exception = member.as(PyException.self) else {
                throw error("ValueError", "Item \(index) of second argument (exceptions) is not an exception")
            }
            if !exception.type.isSubtype(of: exceptionType) { allExceptions = false }
        }
        if type === types[exception: "BaseExceptionGroup"] && allExceptions {
            type = types[exception: "ExceptionGroup"]
        } else if type.isSubtype(of: exceptionType) && !allExceptions {
            throw typeError("Cannot nest BaseExceptions in \(name == "ExceptionGroup" ? "an" : "a") \(name)")
        }
        return arguments
    }

    func installExceptionGroupMethods() {
        let group = types[exception: "BaseExceptionGroup"]
        defineMethod(group, "derive") { vm, arguments throws(PyError) in
            guard let exception = arguments[0].as(PyException.self) else { return .none }
            try arguments.expectMethod("derive", vm, min: 1, max: 1)
            return Value(try vm.derivedGroup(exception, try vm.collect(arguments[1])))
        }
        for name in ["subgroup", "split"] {
            defineMethod(group, name) { vm, arguments throws(PyError) in
                guard let exception = arguments[0].as(PyException.self) else { return .none }
                try arguments.expectMethod(name, vm, min: 1, max: 1)
                let condition = arguments[1]
                let (matching, rest) = try vm.splitGroup(exception, condition)
                if name == "subgroup" { return matching.map { Value($0) } ?? .none }
                return vm.tuple([matching.map { Value($0) } ?? .none, rest.map { Value($0) } ?? .none])
            }
        }
    }

    /// The `exceptions` of a group (its second argument, a list or tuple).
    /// `str(group)`: "message (N sub-exceptions)".
    func groupMessage(_ exception: PyException) -> String {
        let count = groupMembers(exception).count
        let message = exception.args.first.flatMap { $0.as(PyStr.self)?.value } ?? ""
        return "\(message) (\(count) sub-exception\(count == 1 ? "" : "s"))"
    }

    func groupMembers(_ exception: PyException) -> [Value] {
        guard exception.args.count > 1 else { return [] }
        return exception.args[1].as(PyTuple.self)?.items ?? exception.args[1].as(PyList.self)?.items ?? []
    }

    /// A group like `exception` (its message, cause, context and notes) holding `members`.
    private func derivedGroup(_ exception: PyException, _ members: [Value]) throws(PyError) -> PyException {
        var type = types[exception: "BaseExceptionGroup"]
        let arguments = try exceptionGroupMembers(&type, [exception.args.first ?? str(""), list(members)])
        return newException(type, arguments)
    }

    /// The members that match `condition` (a type, a tuple of types or a predicate), and the rest,
    /// each as a group with the same structure, or nil when empty.
    private func splitGroup(_ exception: PyException, _ condition: Value) throws(PyError) -> (PyException?, PyException?) {
        if try groupMatches(exception, condition) { return (exception, nil) }
        var matching: [Value] = [], rest: [Value] = []
        for member in groupMembers(exception) {
            guard let inner = member.as(PyException.self) else { continue }
            if inner.type.isSubtype(of: types[exception: "BaseExceptionGroup"]) {
                let (innerMatching, innerRest) = try splitGroup(inner, condition)
                if let innerMatching { matching.append(Value(innerMatching)) }
                if let innerRest { rest.append(Value(innerRest)) }
            } else if try groupMatches(inner, condition) {
                matching.append(member)
            } else {
                rest.append(member)
            }
        }
        let matched = matching.isEmpty ? nil : try copyingContext(exception, derivedGroup(exception, matching))
        let others = rest.isEmpty ? nil : try copyingContext(exception, derivedGroup(exception, rest))
        return (matched, others)
    }

    private func copyingContext(_ original: PyException, _ derived: PyException) -> PyException {
        derived.cause = original.cause
        derived.context = original.context
        derived.traceback = original.traceback
        derived.notes = original.notes
        return derived
    }

    private func groupMatches(_ exception: PyException, _ condition: Value) throws(PyError) -> Bool {
        if let type = condition.as(PyType.self) { return exception.type.isSubtype(of: type) }
        if let types = condition.as(PyTuple.self) {
            return types.items.contains { ($0.as(PyType.self)).map { exception.type.isSubtype(of: $0) } ?? false }
        }
        if isCallable(condition) { return try isTrue(try call(condition, [Value(exception)])) }
        throw typeError("expected an exception type, a tuple of exception types, or a callable (other than a class)")
    }
}
