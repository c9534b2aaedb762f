import CoroCompiler

/// What `asyncio.sleep` runs, natively: the running loop, `create_future`, timers
/// (`call_at`, `call_later`, a TimerHandle on the loop's heap), cancelling handles, and
/// the bare yield of `sleep(0)` (its timer is `AsyncioSleepTimer.swift`'s).
extension VM {
    func installTimerMethods(_ core: AsyncioCore, loop: PyType, namespace: PyDict) {
        let names = core.names
        core.callAt = defineCoreMethod(loop, "call_at") { vm, arguments throws(PyError) in
            try arguments.allowKeywords(["context"], "BaseEventLoop.call_at", vm)
            guard arguments.positionalCount >= 3 else { throw vm.typeError("call_at() missing required arguments: 'when' and 'callback'") }
            let owner = try vm.receiver(arguments, loop, "call_at")
            if arguments[1].isNone { throw vm.typeError("when cannot be None") }
            return Value(try vm.scheduleTimer(owner, when: arguments[1], arguments[2], Array(arguments.positional.dropFirst(3)), core))
        }
        core.callLater = defineCoreMethod(loop, "call_later") { vm, arguments throws(PyError) in
            try arguments.allowKeywords(["context"], "BaseEventLoop.call_later", vm)
            guard arguments.positionalCount >= 3 else { throw vm.typeError("call_later() missing required arguments: 'delay' and 'callback'") }
            let owner = try vm.receiver(arguments, loop, "call_later")
            if arguments[1].isNone { throw vm.typeError("delay must not be None") }
            let when = try vm.deadline(after: arguments[1], on: arguments[0], core)
            let rest = Array(arguments.positional.dropFirst(2))
            if vm.hasNative(owner, names.callAt, core.callAt) {
                return Value(try vm.scheduleTimer(owner, when: when, rest[0], Array(rest.dropFirst()), core))
            }
            return try vm.callMethod(arguments[0], "call_at", [when] + rest)
        }
        core.time = defineCoreMethod(loop, "time") { vm, arguments throws(PyError) in
            _ = try vm.receiver(arguments, loop, "time")
            return .float(vm.clock.monotonic())
        }
        defineCoreMethod(loop, "create_future") { vm, arguments throws(PyError) in
            let owner = try vm.receiver(arguments, loop, "create_future")
            let future = vm.newInstance(core.future)
            vm.initializeFuture(future, loop: Value(owner), core)
            return Value(future)
        }
        defineCoreMethod(core.handle, "cancel") { vm, arguments throws(PyError) in
            vm.cancelHandle(try vm.receiver(arguments, core.handle, "cancel"), core)
            return .none
        }
        defineCoreMethod(core.timerHandle, "cancel") { vm, arguments throws(PyError) in
            let timer = try vm.receiver(arguments, core.timerHandle, "cancel")
            if !(try vm.isTrue(vm.slot(timer, core.slots.handleCancelled))), try vm.isTrue(vm.slot(timer, core.slots.scheduled)) {
                try vm.countCancelledTimer(on: vm.slot(timer, core.slots.handleLoop), core)
            }
            vm.cancelHandle(timer, core)
            return .none
        }
        defineFunction(namespace, "_get_running_loop") { vm, _ throws(PyError) in vm.field(core.loopState, names.runningLoop) }
        defineFunction(namespace, "get_running_loop") { vm, _ throws(PyError) in
            let running = vm.field(core.loopState, names.runningLoop)
            if running.isNone { throw vm.error("RuntimeError", "no running event loop") }
            return running
        }
        defineFunction(namespace, "_set_result_unless_cancelled") { vm, arguments throws(PyError) in
            try arguments.expect("_set_result_unless_cancelled", vm, min: 2, max: 2)
            try vm.setResultUnlessCancelled(arguments[0], arguments[1], core)
            return .none
        }
        core.setResultUnlessCancelled = namespace.lookupString(intern("_set_result_unless_cancelled")) ?? .null
        defineFunction(namespace, "_sleep0") { vm, _ throws(PyError) in vm.box(.yieldOnce, []) }
    }

    private func scheduleTimer(_ loop: PyObject, when: Value, _ callback: Value, _ arguments: [Value],
                               _ core: AsyncioCore) throws(PyError) -> PyObject {
        let deadline = try timerDeadline(when)
        let timers = try timerHeap(field(loop, core.names.scheduled))
        let timer = try makeHandle(core.timerHandle, loop, callback, arguments, core)
        setSlot(timer, core.slots.when, when)
        timers.schedule(timer, at: deadline)
        setSlot(timer, core.slots.scheduled, .bool(true))
        return timer
    }

    /// A timer still in `loop`'s heap was cancelled: the heap counts it until it leaves
    /// (CPython's `loop._timer_handle_cancelled`).
    func countCancelledTimer(on loop: Value, _ core: AsyncioCore) throws(PyError) {
        guard let owner = loop.object else { return }
        try timerHeap(field(owner, core.names.scheduled)).cancelledCount += 1
    }

    /// `loop.time() + delay`: the deadline of `call_later(delay, ...)`.
    func deadline(after delay: Value, on loop: Value, _ core: AsyncioCore) throws(PyError) -> Value {
        try binaryOperation(try loopTime(loop, core), delay, BinaryOperation.add.rawValue)
    }

    /// `loop.time()`, read from the clock unless the loop overrides it.
    func loopTime(_ loop: Value, _ core: AsyncioCore) throws(PyError) -> Value {
        if let owner = loop.object, hasNative(owner, core.names.time, core.time) { return .float(clock.monotonic()) }
        return try callMethod(loop, "time", [])
    }

    /// What a sleep's timer does when due: the future gets the result, unless cancelled.
    func setResultUnlessCancelled(_ future: Value, _ result: Value, _ core: AsyncioCore) throws(PyError) {
        guard let object = future.object, object.type.isSubtype(of: core.future) else {
            if !(try isTrue(try callMethod(future, "cancelled", []))) {
                _ = try callMethod(future, "set_result", [result])
            }
            return
        }
        if !sameState(slot(object, core.slots.state), core.cancelled) { try futureSetResult(object, result, core) }
    }

    private func cancelHandle(_ handle: PyObject, _ core: AsyncioCore) {
        guard case .bool(false) = slot(handle, core.slots.handleCancelled) else { return }
        setSlot(handle, core.slots.handleCancelled, .bool(true))
        setSlot(handle, core.slots.callback, .none)
        setSlot(handle, core.slots.arguments, .none)
    }
}
