/// Async generators (`__anext__`, `asend`, `athrow`, `aclose`) and the awaitables they
/// return, and `coroutine.__await__()`, as CPython's genobject.c defines them.
///
/// An async generator is a generator frame whose yields are of two kinds: its own values
/// (`yield v`, flagged in `PyGenerator.yieldedValue`) and futures passing through from an
/// `await` inside it. The awaitable that drives one step hands the second kind on to the
/// task, and ends with the first kind as its result (CPython's `StopIteration(value)`).
extension VM {
    func installAwaitableMethods() {
        let asyncGenerator = types.asyncGenerator
        defineMethod(asyncGenerator, "__aiter__") { _, arguments throws(PyError) in arguments[0] }
        defineMethod(asyncGenerator, "__anext__") { vm, arguments throws(PyError) in
            vm.box(.asyncGenSend, [arguments[0], .none])
        }
        defineMethod(asyncGenerator, "asend") { vm, arguments throws(PyError) in
            try arguments.expectMethod("asend", vm, min: 1, max: 1)
            return vm.box(.asyncGenSend, [arguments[0], arguments[1]])
        }
        defineMethod(asyncGenerator, "athrow") { vm, arguments throws(PyError) in
            vm.box(.asyncGenThrow, [arguments[0], Value(try vm.thrownException(arguments, "athrow"))])
        }
        defineMethod(asyncGenerator, "aclose") { vm, arguments throws(PyError) in
            vm.box(.asyncGenThrow, [arguments[0], .none])
        }
        defineMethod(types.coroutine, "__await__") { vm, arguments throws(PyError) in
            vm.box(.coroutineWrapper, [arguments[0]])
        }
        for kind in [BoxKind.asyncGenSend, .asyncGenThrow, .coroutineWrapper, .futureIter, .yieldOnce] {
            guard let type = types.box[kind] else { continue }
            defineMethod(type, "__await__") { _, arguments throws(PyError) in arguments[0] }
            defineMethod(type, "__iter__") { _, arguments throws(PyError) in arguments[0] }
            defineMethod(type, "__next__") { vm, arguments throws(PyError) in
                try vm.awaitableResult(arguments[0]) { box throws(PyError) in try vm.stepAwaitable(box, sending: .none) }
            }
            defineMethod(type, "send") { vm, arguments throws(PyError) in
                try arguments.expectMethod("send", vm, min: 1, max: 1)
                return try vm.awaitableResult(arguments[0]) { box throws(PyError) in try vm.stepAwaitable(box, sending: arguments[1]) }
            }
            defineMethod(type, "throw") { vm, arguments throws(PyError) in
                let exception = try vm.thrownException(arguments, "throw")
                return try vm.awaitableResult(arguments[0]) { box throws(PyError) in
                    try vm.stepAwaitable(box, sending: .none, throwing: exception)
                }
            }
            defineMethod(type, "close") { vm, arguments throws(PyError) in
                guard let box = arguments[0].as(PyBox.self) else { return .none }
                if box.kind == .coroutineWrapper, let coroutine = box.values[0].as(PyGenerator.self) {
                    try vm.closeGenerator(coroutine)
                }
                box.state = AwaitableState.finished
                return .none
            }
        }
    }

    /// `send`/`__next__` of an awaitable: its next yield, or StopIteration with its result.
    private func awaitableResult(_ receiver: Value, _ step: (PyBox) throws(PyError) -> RunOutcome) throws(PyError) -> Value {
        guard let box = receiver.as(PyBox.self) else { return .none }
        switch try step(box) {
        case .yielded(let value): return value
        case .returned(let value):
            throw PyError(exception: newException(types[exception: "StopIteration"], value.isNone ? [] : [value]))
        }
    }

    /// One step of an awaitable box: sends `value` (or throws `exception`) into what it drives.
    func stepAwaitable(_ box: PyBox, sending value: Value, throwing exception: PyException? = nil) throws(PyError) -> RunOutcome {
        if box.kind == .futureIter { return try stepFutureIter(box, throwing: exception) }
        if box.kind == .yieldOnce {
            let first = box.state == AwaitableState.created
            box.state = first && exception == nil ? AwaitableState.started : AwaitableState.finished
            if let exception { throw PyError(exception: exception) }
            return first ? .yielded(.none) : .returned(.none)
        }
        guard let generator = box.values[0].as(PyGenerator.self) else { return .returned(.none) }
        switch box.kind {
        case .coroutineWrapper:
            if let exception { return try throwIntoGenerator(generator, exception) }
            return try resumeGenerator(generator, sending: value)
        case .asyncGenSend:
            if box.state == AwaitableState.finished {
                throw error("RuntimeError", "cannot reuse already awaited __anext__()/asend()")
            }
            var sent = value
            if box.state == AwaitableState.created {
                box.state = AwaitableState.started
                if sent.isNone { sent = box.values[1] }
            }
            return try finishingOnError(box) { () throws(PyError) in
                let outcome = if let exception { try throwIntoGenerator(generator, exception) }
                    else { try resumeGenerator(generator, sending: sent) }
                return try asyncGeneratorStep(box, generator, outcome, closing: false)
            }
        default:
            return try stepAsyncGeneratorThrow(box, generator, sending: value, throwing: exception)
        }
    }

    /// `athrow(exception)` (values[1] the exception) or `aclose()` (values[1] None).
    private func stepAsyncGeneratorThrow(_ box: PyBox, _ generator: PyGenerator, sending value: Value,
                                         throwing exception: PyException?) throws(PyError) -> RunOutcome {
        let closing = box.values[1].isNone
        if box.state == AwaitableState.finished {
            throw error("RuntimeError", "cannot reuse already awaited aclose()/athrow()")
        }
        do throws(PyError) {
            return try finishingOnError(box) { () throws(PyError) in
                let outcome: RunOutcome
                if box.state == AwaitableState.created {
                    box.state = AwaitableState.started
                    if generator.state == .finished {
                        if closing { return .returned(.none) }
                        throw PyError(exception: newException(types[exception: "StopAsyncIteration"], []))
                    }
                    let thrown = box.values[1].as(PyException.self) ?? newException(types[exception: "GeneratorExit"], [])
                    root(Value(thrown))
                    outcome = try throwIntoGenerator(generator, thrown)
                } else if let exception {
                    outcome = try throwIntoGenerator(generator, exception)
                } else {
                    outcome = try resumeGenerator(generator, sending: value)
                }
                return try asyncGeneratorStep(box, generator, outcome, closing: closing)
            }
        } catch let thrown where closing {
            let type = thrown.exception.type
            if type.isSubtype(of: types[exception: "StopAsyncIteration"]) || type.isSubtype(of: types[exception: "GeneratorExit"]) {
                return .returned(.none)
            }
            throw thrown
        }
    }

    /// What one resumption of an async generator means to the awaitable driving it.
    private func asyncGeneratorStep(_ box: PyBox, _ generator: PyGenerator, _ outcome: RunOutcome, closing: Bool) throws(PyError) -> RunOutcome {
        switch outcome {
        case .yielded(let value) where generator.yieldedValue:
            if closing { throw error("RuntimeError", "async generator ignored GeneratorExit") }
            box.state = AwaitableState.finished
            return .returned(value)
        case .yielded(let value):
            return .yielded(value)
        case .returned:
            box.state = AwaitableState.finished
            if closing { return .returned(.none) }
            throw PyError(exception: newException(types[exception: "StopAsyncIteration"], []))
        }
    }

    /// Runs `body`; an exception out of it finishes the awaitable.
    private func finishingOnError(_ box: PyBox, _ body: () throws(PyError) -> RunOutcome) throws(PyError) -> RunOutcome {
        do {
            return try body()
        } catch {
            box.state = AwaitableState.finished
            throw error
        }
    }
}

/// The `state` of an awaitable box.
enum AwaitableState {
    static let created = 0, started = 1, finished = 2
}

extension BoxKind {
    /// Whether `yield from`/`await` must step this box as an awaitable (its result matters).
    var isAwaitable: Bool { self == .asyncGenSend || self == .asyncGenThrow || self == .coroutineWrapper || self == .futureIter
        || self == .yieldOnce }
}
