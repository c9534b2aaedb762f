import CoroCompiler

extension VM {
    /// A new exception of builtin class `typeName` with one message argument.
    func error(_ typeName: String, _ message: String) -> PyError {
        PyError(exception: newException(types[exception: typeName], [str(message)]))
    }

    func newException(_ type: PyType, _ args: [Value]) -> PyException {
        heap.register(PyException(type: type, args: args))
    }

    func recursionError(_ suffix: String = "") -> PyError {
        error("RecursionError", "maximum recursion depth exceeded" + suffix)
    }

    func unboundLocal(_ code: RuntimeCode, _ slot: Int) -> PyError {
        let name = code.code.localNames.indices.contains(slot) ? code.code.localNames[slot] : "?"
        return error("UnboundLocalError", "cannot access local variable '\(name)' where it is not associated with a value")
    }

    /// A `TypeError`, the most common native error.
    func typeError(_ message: String) -> PyError { error("TypeError", message) }

    /// Sets `__context__` to the exception being handled, as raising does in CPython,
    /// without creating a cycle in the chain.
    func recordRaise(_ exception: PyException) {
        guard let handled = currentException.as(PyException.self), handled !== exception else { return }
        var link: PyException? = handled
        while let current = link {
            if current.context.as(PyException.self) === exception {
                current.context = .none
                break
            }
            link = current.context.as(PyException.self)
        }
        exception.context = Value(handled)
    }

    /// Finds the handler for `exception`, popping frames that have none, and leaves the
    /// handling frame's `sp`/`ip` set to run it. Throws when the exception leaves the
    /// frame at which this run of the loop started.
    func unwind(_ exception: PyException, addTraceback: Bool) throws(PyError) {
        var exception = exception
        var record = addTraceback
        while let frame = fiber.last {
            if record { exception.traceback.append(TracebackEntry(code: frame.code, instruction: frame.ip - 1)) }
            record = true
            if let handler = frame.code.code.handler(at: frame.ip - 1) {
                let top = fiber.count - 1
                let sp = frame.stackBase + handler.depth
                sp.pointee = Value(exception)
                fiber.frames[top].sp = sp + 1
                fiber.frames[top].ip = handler.target
                return
            }
            fiber.pop()
            if let generator = frame.generator?.takeUnretainedValue() {
                generator.finish()
                exception = generatorExitReplacement(exception, generator)
            }
            if frame.mode == .native || (fiber.count == 0) { throw PyError(exception: exception) }
        }
        throw PyError(exception: exception)
    }

    /// PEP 479: a StopIteration leaving a generator or coroutine becomes a RuntimeError,
    /// and so does a StopAsyncIteration leaving an async generator.
    private func generatorExitReplacement(_ exception: PyException, _ generator: PyGenerator) -> PyException {
        let isAsyncGenerator = generator.type === types.asyncGenerator
        let stopIteration = types[exception: isAsyncGenerator && exception.type.isSubtype(of: types[exception: "StopAsyncIteration"])
            ? "StopAsyncIteration" : "StopIteration"]
        guard exception.type.isSubtype(of: stopIteration) else { return exception }
        let kind = generator.type === types.coroutine ? "coroutine" : generator.type === types.asyncGenerator ? "async generator" : "generator"
        let what = stopIteration.name
        let replacement = newException(types[exception: "RuntimeError"], [str("\(kind) raised \(what)")])
        replacement.cause = Value(exception)
        replacement.context = Value(exception)
        replacement.suppressContext = true
        replacement.traceback = exception.traceback
        return replacement
    }

    /// The exception a `raise X [from Y]` statement raises: X itself or an instance of it.
    func exceptionToRaise(_ value: Value, cause: Value) throws(PyError) -> PyException {
        let exception = try instantiateException(value, forRaise: true)
        if !cause.isNull {
            if case .none = cause {
                exception.cause = .none
            } else {
                exception.cause = Value(try instantiateException(cause, forRaise: false))
            }
            exception.suppressContext = true
        }
        return exception
    }

    private func instantiateException(_ value: Value, forRaise: Bool) throws(PyError) -> PyException {
        if let exception = value.as(PyException.self) { return exception }
        if let type = value.as(PyType.self), type.isSubtype(of: types.baseException) {
            let made = try call(value, [])
            if let exception = made.as(PyException.self) { return exception }
            throw typeError("calling \(type.name) should have returned an instance of BaseException, not \(typeName(made))")
        }
        throw typeError(forRaise ? "exceptions must derive from BaseException" : "exception causes must derive from BaseException")
    }

    /// `except T:` matching, where T is a class or a tuple of classes.
    func exceptionMatches(_ exception: Value, _ pattern: Value) throws(PyError) -> Bool {
        let type = typeOf(exception)
        if let tuple = pattern.as(PyTuple.self) {
            for item in tuple.items where try exceptionMatches(exception, item) { return true }
            return false
        }
        guard let expected = pattern.as(PyType.self), expected.isSubtype(of: types.baseException) else {
            throw typeError("catching classes that do not inherit from BaseException is not allowed")
        }
        return type.isSubtype(of: expected)
    }

    /// An OSError's `errno`, `strerror` or `filename`: as `OSError.__init__` stored it, or
    /// else from the arguments it was made with (2 to 5 of them), else None.
    func osErrorField(_ exception: PyException, _ name: String) -> Value {
        if let stored = exception.attributes?.lookupString(intern(name)) { return stored }
        let index = name == "errno" ? 0 : name == "strerror" ? 1 : 2
        return (2...5).contains(exception.args.count) && index < exception.args.count ? exception.args[index] : .none
    }

    /// The `str()` of an exception: its single argument, or the tuple of its arguments.
    func exceptionMessage(_ exception: PyException) throws(PyError) -> String {
        if exception.type.isSubtype(of: types[exception: "KeyError"]), exception.args.count == 1 {
            return try repr(exception.args[0])
        }
        if exception.type.isSubtype(of: types[exception: "BaseExceptionGroup"]) { return groupMessage(exception) }
        if exception.type.isSubtype(of: types[exception: "OSError"]), !osErrorField(exception, "strerror").isNone {
            // OSError(errno, strerror[, filename]): "[Errno 2] No such file or directory: 'x'".
            let base = "[Errno \(try strText(osErrorField(exception, "errno")))] \(try strText(osErrorField(exception, "strerror")))"
            let filename = osErrorField(exception, "filename")
            return filename.isNone ? base : base + ": " + (try repr(filename))
        }
        switch exception.args.count {
        case 0: return ""
        case 1: return try strText(exception.args[0])
        default: return try repr(tuple(exception.args))
        }
    }
}
