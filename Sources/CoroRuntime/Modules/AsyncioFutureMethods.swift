/// asyncio's Future, natively: its state, result, callbacks, and `await`, which yields
/// the future itself to the task instead of running a generator. `await future` needs
/// no iterator object (the future steps itself: `stepAwaitedFuture`); `__await__()` and
/// `__iter__()` called by a script still return a `FutureIter`, as CPython's C Future.
extension VM {
    func installFutureMethods(_ core: AsyncioCore, namespace: PyDict) {
        let future = core.future
        defineFunction(namespace, "_callback_list") { vm, arguments throws(PyError) in
            // _callback_list(future): its done callbacks as a new list, a waiting task's
            // wakeup as the bound task_wakeup it stands for.
            try arguments.expect("_callback_list", vm, min: 1, max: 1)
            guard let owner = arguments[0].object, owner.type.isSubtype(of: future) else {
                throw vm.typeError("_callback_list() expects a Future")
            }
            let callbacks: [Value]
            switch vm.doneCallbacks(vm.slot(owner, core.slots.callbacks)) {
            case .none: callbacks = []
            case .one(let callback): callbacks = [callback]
            case .many(let list): callbacks = list.items
            }
            return vm.list(callbacks.map { callback in
                vm.waitingTask(callback, on: owner, core).map { vm.boundMethod(core.taskWakeup, to: Value($0)) } ?? callback
            })
        }
        defineCoreMethod(future, "done") { vm, arguments throws(PyError) in
            .bool(!vm.isPending(try vm.receiver(arguments, future, "done"), core))
        }
        defineCoreMethod(future, "cancelled") { vm, arguments throws(PyError) in
            let object = try vm.receiver(arguments, future, "cancelled")
            return .bool(vm.sameState(vm.slot(object, core.slots.state), core.cancelled))
        }
        defineCoreMethod(future, "result") { vm, arguments throws(PyError) in
            try vm.futureResult(try vm.receiver(arguments, future, "result"), core)
        }
        defineCoreMethod(future, "exception") { vm, arguments throws(PyError) in
            let object = try vm.receiver(arguments, future, "exception")
            try vm.retrieveOutcome(object, core, unsetMessage: "Exception is not set.")
            return vm.slot(object, core.slots.exception)
        }
        defineCoreMethod(future, "set_result") { vm, arguments throws(PyError) in
            try arguments.expectMethod("set_result", vm, min: 1, max: 1)
            try vm.futureSetResult(try vm.receiver(arguments, future, "set_result"), arguments[1], core)
            return .none
        }
        defineCoreMethod(future, "set_exception") { vm, arguments throws(PyError) in
            try arguments.expectMethod("set_exception", vm, min: 1, max: 1)
            try vm.futureSetException(try vm.receiver(arguments, future, "set_exception"), arguments[1], core)
            return .none
        }
        defineCoreMethod(future, "cancel") { vm, arguments throws(PyError) in
            let object = try vm.receiver(arguments, future, "cancel")
            return .bool(try vm.futureCancel(object, message: arguments.argument(1, "msg") ?? .none, core))
        }
        core.addDoneCallback = defineCoreMethod(future, "add_done_callback") { vm, arguments throws(PyError) in
            guard arguments.positionalCount == 2 else {
                throw vm.typeError("add_done_callback() takes exactly one positional argument (\(arguments.positionalCount - 1) given)")
            }
            try vm.addDoneCallback(try vm.receiver(arguments, future, "add_done_callback"), arguments[1], core)
            return .none
        }
        defineCoreMethod(future, "_schedule_callbacks") { vm, arguments throws(PyError) in
            try vm.scheduleCallbacks(try vm.receiver(arguments, future, "_schedule_callbacks"), core)
            return .none
        }
        defineCoreMethod(future, "_make_cancelled_error") { vm, arguments throws(PyError) in
            Value(try vm.makeCancelledError(try vm.receiver(arguments, future, "_make_cancelled_error"), core))
        }
        for name in ["__await__", "__iter__"] {
            let method = defineCoreMethod(future, name) { vm, arguments throws(PyError) in
                vm.box(.futureIter, [Value(try vm.receiver(arguments, future, name))])
            }
            if name == "__await__" { core.futureAwait = method }
        }
    }

    /// The future that an `await` in progress is stepping directly, if `receiver` (what
    /// the awaiting frame delegates to) is one.
    func awaitedFuture(_ receiver: Value) -> (PyObject, AsyncioCore)? {
        guard let core = asyncioCore, let object = receiver.as(PySlottedObject.self), object.type.isSubtype(of: core.future) else {
            return nil
        }
        return (object, core)
    }

    /// One step of `await future` without a FutureIter: a pending future is yielded to
    /// the task (flagged `_asyncio_future_blocking`, which the task clears as it takes
    /// it), and the await returns its result once it is done. Resumed while still pending
    /// with the flag still set, nothing drove the await.
    func stepAwaitedFuture(_ future: PyObject, _ core: AsyncioCore) throws(PyError) -> RunOutcome {
        try stepAwait(future, undriven: future.flags.contains(.futureBlocking), core)
    }

    /// One step of `await future` through a `FutureIter` box (what a script's
    /// `fut.__await__()` gives): the same, the box telling whether it already yielded.
    func stepFutureIter(_ box: PyBox, throwing exception: PyException?) throws(PyError) -> RunOutcome {
        guard let core = asyncioCore, let future = box.values[0].object else { return .returned(.none) }
        if let exception {
            box.state = AwaitableState.finished
            throw PyError(exception: exception)
        }
        let undriven = box.state != AwaitableState.created
        box.state = isPending(future, core) ? AwaitableState.started : AwaitableState.finished
        return try stepAwait(future, undriven: undriven, core)
    }

    /// A pending future is yielded (flagged as blocking), unless the await was resumed
    /// with nothing driving it (`undriven`): CPython's RuntimeError. A done one gives
    /// its result.
    private func stepAwait(_ future: PyObject, undriven: Bool, _ core: AsyncioCore) throws(PyError) -> RunOutcome {
        guard isPending(future, core) else { return .returned(try futureResult(future, core)) }
        if undriven { throw error("RuntimeError", "await wasn't used with future") }
        future.flags.insert(.futureBlocking)
        return .yielded(Value(future))
    }

    func isPending(_ future: PyObject, _ core: AsyncioCore) -> Bool {
        sameState(slot(future, core.slots.state), core.pending)
    }

    /// States are compared as the script compares them (by value), the same string first.
    func sameState(_ state: Value, _ expected: Value) -> Bool {
        guard case .object(let left) = state, case .object(let right) = expected else { return false }
        if left.toOpaque() == right.toOpaque() { return true }
        let strType = typeAddresses.str
        guard left._withUnsafeGuaranteedRef({ $0.typeStorage.toOpaque() }) == strType,
              right._withUnsafeGuaranteedRef({ $0.typeStorage.toOpaque() }) == strType else { return false }
        return left._withUnsafeGuaranteedRef { a in
            right._withUnsafeGuaranteedRef { b in unsafeDowncast(a, to: PyStr.self).equals(unsafeDowncast(b, to: PyStr.self)) }
        }
    }

    func futureResult(_ future: PyObject, _ core: AsyncioCore) throws(PyError) -> Value {
        try retrieveOutcome(future, core, unsetMessage: "Result is not set.")
        if let exception = slot(future, core.slots.exception).as(PyException.self) { throw PyError(exception: exception) }
        return slot(future, core.slots.result)
    }

    /// Raises the cancellation, or InvalidStateError while pending; the outcome is
    /// retrieved (no "exception was never retrieved" report).
    private func retrieveOutcome(_ future: PyObject, _ core: AsyncioCore, unsetMessage: String) throws(PyError) {
        let state = slot(future, core.slots.state)
        if sameState(state, core.cancelled) { throw PyError(exception: try makeCancelledError(future, core)) }
        if !sameState(state, core.finished) { throw PyError(exception: try newError(core.invalidStateError, unsetMessage)) }
        future.flags.remove(.logTraceback)
    }

    /// An instance of a script exception class with one message argument.
    func newError(_ type: PyType, _ message: String) throws(PyError) -> PyException {
        try newError(type, arguments: [str(message)])
    }

    func newError(_ type: PyType, arguments: [Value]) throws(PyError) -> PyException {
        guard let made = try call(Value(type), arguments).as(PyException.self) else {
            throw typeError("exceptions must derive from BaseException")
        }
        return made
    }

    func makeCancelledError(_ future: PyObject, _ core: AsyncioCore) throws(PyError) -> PyException {
        if let stored = slot(future, core.slots.cancelledException).as(PyException.self) {
            setSlot(future, core.slots.cancelledException, .none)
            return stored
        }
        let message = slot(future, core.slots.cancelMessage)
        return try newError(core.cancelledError, arguments: message.isNone ? [] : [message])
    }

    /// InvalidStateError unless the future is pending (worded as CPython's C Future).
    private func checkPending(_ future: PyObject, _ core: AsyncioCore) throws(PyError) {
        let state = slot(future, core.slots.state)
        guard !sameState(state, core.pending) else { return }
        throw PyError(exception: try newError(core.invalidStateError, "invalid state"))
    }

    func futureSetResult(_ future: PyObject, _ result: Value, _ core: AsyncioCore) throws(PyError) {
        try checkPending(future, core)
        setSlot(future, core.slots.result, result)
        setSlot(future, core.slots.state, core.finished)
        try scheduleCallbacks(future, core)
    }

    func futureSetException(_ future: PyObject, _ given: Value, _ core: AsyncioCore) throws(PyError) {
        try checkPending(future, core)
        var exception = given
        if given.object is PyType { exception = try call(given, []) }
        if typeOf(exception) === types[exception: "StopIteration"] {
            throw typeError("StopIteration interacts badly with generators and cannot be raised into a Future")
        }
        setSlot(future, core.slots.exception, exception)
        setSlot(future, core.slots.state, core.finished)
        try scheduleCallbacks(future, core)
        future.flags.insert(.logTraceback)
    }

    func futureCancel(_ future: PyObject, message: Value, _ core: AsyncioCore) throws(PyError) -> Bool {
        future.flags.remove(.logTraceback)
        guard isPending(future, core) else { return false }
        setSlot(future, core.slots.state, core.cancelled)
        setSlot(future, core.slots.cancelMessage, message)
        try scheduleCallbacks(future, core)
        return true
    }

    func addDoneCallback(_ future: PyObject, _ callback: Value, _ core: AsyncioCore) throws(PyError) {
        if !isPending(future, core) {
            try scheduleCallback(callback, future, core)
            return
        }
        switch doneCallbacks(slot(future, core.slots.callbacks)) {
        case .none: setSlot(future, core.slots.callbacks, callback)
        case .one(let first): setSlot(future, core.slots.callbacks, list([first, callback]))
        case .many(let callbacks): callbacks.items.append(callback)
        }
    }

    /// What a future's `_callbacks` slot holds: `()` while there are none, the callback
    /// itself while there is one (as CPython's C Future keeps `fut_callback0`: no list
    /// for the usual single waiter), and a list from the second on.
    enum DoneCallbacks {
        case none
        case one(Value)
        case many(PyList)
    }

    func doneCallbacks(_ callbacks: Value) -> DoneCallbacks {
        if let list = callbacks.as(PyList.self), list.type === types.list { return .many(list) }
        if callbacks.isNone || callbacks.isNull || callbacks.as(PyTuple.self) != nil { return .none }
        return .one(callbacks)
    }

    /// Hands each callback to the loop, once: the slot is emptied first.
    func scheduleCallbacks(_ future: PyObject, _ core: AsyncioCore) throws(PyError) {
        let callbacks = slot(future, core.slots.callbacks)
        let held = doneCallbacks(callbacks)
        if case .none = held { return }
        setSlot(future, core.slots.callbacks, Value(emptyTuple))
        try withRoots([callbacks]) { () throws(PyError) in
            switch held {
            case .none: break
            case .one(let callback): try scheduleCallback(callback, future, core)
            case .many(let list): for callback in list.items { try scheduleCallback(callback, future, core) }
            }
        }
    }

    /// `loop.call_soon(callback, future)`, or the wakeup of the task waiting on `future`
    /// when the callback is that task (see `waitingTask`).
    private func scheduleCallback(_ callback: Value, _ future: PyObject, _ core: AsyncioCore) throws(PyError) {
        let loop = slot(future, core.slots.loop)
        if let task = waitingTask(callback, on: future, core) {
            try scheduleTask(task, waking: Value(future), loop: loop, core)
        } else {
            try scheduleDoneCallback(callback, of: future, loop: loop, core)
        }
    }
}
