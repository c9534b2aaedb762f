/// The event loop's hot path, natively: `call_soon` (a Handle on the ready list),
/// `Handle._run`, and one pass of the loop (`_run_once`).
extension VM {
    func installLoopMethods(_ core: AsyncioCore, loop: PyType) {
        core.callSoon = defineCoreMethod(loop, "call_soon") { vm, arguments throws(PyError) in
            try arguments.allowKeywords(["context"], "BaseEventLoop.call_soon", vm)
            guard arguments.positionalCount >= 2 else {
                throw vm.typeError("call_soon() missing 1 required positional argument: 'callback'")
            }
            let owner = try vm.receiver(arguments, loop, "call_soon")
            return Value(try vm.scheduleHandle(owner, arguments[1], Array(arguments.positional.dropFirst(2)), core))
        }
        defineCoreMethod(core.handle, "_run") { vm, arguments throws(PyError) in
            try vm.runHandle(try vm.receiver(arguments, core.handle, "_run"), core)
            return .none
        }
        defineCoreMethod(loop, "_run_ready") { vm, arguments throws(PyError) in
            try arguments.expectMethod("_run_ready", vm, min: 1, max: 1)
            _ = try vm.receiver(arguments, loop, "_run_ready")
            try vm.runReady(arguments[1], core)
            return .none
        }
        defineCoreMethod(loop, "_run_once") { vm, arguments throws(PyError) in
            try vm.runOnce(try vm.receiver(arguments, loop, "_run_once"), core)
            return .none
        }
    }

    /// One pass of the loop (`BaseEventLoop._run_once`): cancelled timers leave the heap
    /// (all at once when they are most of it, as CPython does), the loop waits
    /// (`_wait_idle`, script) when nothing is ready, the due timers join the ready
    /// handles, and those run in order (`_run_timed` in debug mode).
    private func runOnce(_ loop: PyObject, _ core: AsyncioCore) throws(PyError) {
        let names = core.names
        let timers = try timerHeap(field(loop, names.scheduled))
        if timers.entries.count > 100, timers.cancelledCount * 2 > timers.entries.count {
            var kept: [PyTimerHeap.Entry] = []
            for entry in timers.entries.unordered {
                if try isCancelled(entry.timer.takeUnretainedValue(), core) {
                    unschedule(entry.timer.takeUnretainedValue(), core)
                } else {
                    kept.append(entry)
                }
            }
            timers.entries = PyTimerHeap.Entries(kept)
            timers.cancelledCount = 0
        }
        while let first = timers.entries.min, try isCancelled(first.timer.takeUnretainedValue(), core) {
            try popTimer(timers, core)
        }
        if try isTrue(field(loop, names.outside)) { _ = try callMethod(Value(loop), "_collect_threads", []) }
        if try loopList(loop, names.ready).items.isEmpty, !(try isTrue(field(loop, names.stopping))) {
            let deadline = timers.entries.min.map { Value.float($0.when) } ?? .none
            _ = try withRoots([Value(timers)]) { () throws(PyError) in try callMethod(Value(loop), "_wait_idle", [deadline]) }
        }
        let end = try timerDeadline(try loopTime(Value(loop), core))
        // Read again: the scripts just called may have replaced them (`close()` does).
        let due = try timerHeap(field(loop, names.scheduled))
        let ready = try loopList(loop, names.ready)
        while let first = due.entries.min, first.when <= end {
            if let timer = try popTimer(due, core) { ready.items.append(Value(timer)) }
        }
        setField(loop, names.ready, list([]))
        if try isTrue(field(loop, names.debug)) {
            _ = try callMethod(Value(loop), "_run_timed", [Value(ready)])
        } else {
            try withRoots([Value(ready)]) { () throws(PyError) in try runHandles(ready, core) }
        }
    }

    /// Takes the first timer off the heap; nil (and one fewer counted) if it was cancelled.
    @discardableResult
    private func popTimer(_ timers: PyTimerHeap, _ core: AsyncioCore) throws(PyError) -> PyObject? {
        guard let entry = timers.entries.popMin() else { return nil }
        let timer = entry.timer.takeUnretainedValue()
        unschedule(timer, core)
        guard try isCancelled(timer, core) else { return timer }
        timers.cancelledCount -= 1
        return nil
    }

    /// A timer off the heap: its `_scheduled` is False.
    private func unschedule(_ timer: PyObject, _ core: AsyncioCore) {
        if isSleepFuture(timer, core) {
            timer.flags.remove(.inTimerHeap)
        } else {
            setSlot(timer, core.slots.scheduled, .bool(false))
        }
    }

    /// A timer's `_cancelled`; the handle is rooted if telling needs script code (a
    /// script may have stored any object there), since the heap may be all that holds it.
    private func isCancelled(_ handle: PyObject, _ core: AsyncioCore) throws(PyError) -> Bool {
        if isSleepFuture(handle, core) { return handle.flags.contains(.timerCancelled) }
        let flag = slot(handle, core.slots.handleCancelled)
        if case .bool(let cancelled) = flag { return cancelled }
        return try withRoots([Value(handle)]) { () throws(PyError) in try isTrue(flag) }
    }

    /// A list the loop keeps in its dict (`_ready`).
    func loopList(_ loop: PyObject, _ name: PyStr) throws(PyError) -> PyList {
        guard let found = field(loop, name).as(PyList.self) else { throw typeError("the loop's \(name.value) is not a list") }
        return found
    }

    /// Runs one pass's handles: each one not cancelled runs, in order, and is let go once
    /// it has run (as CPython's popleft does), so that a pass that starts many tasks does
    /// not keep all their first steps until it ends.
    private func runHandles(_ ready: PyList, _ core: AsyncioCore) throws(PyError) {
        var index = 0
        while index < ready.items.count {
            let value = ready.items[index]
            ready.items[index] = .none
            index += 1
            try runReady(value, core)
        }
    }

    /// Runs what the ready list held: a Handle unless cancelled, a future's done callback,
    /// a sleep's future, or a task the natives scheduled itself (`scheduleTask`).
    private func runReady(_ value: Value, _ core: AsyncioCore) throws(PyError) {
        guard let handle = value.object else { return }
        let type = handle.type
        let isNative = type === core.handle || type === core.timerHandle
        if !isNative {
            if let entry = readyCallback(handle) {
                try withRoots([value]) { () throws(PyError) in try runReadyCallback(entry, core) }
                return
            }
            if isSleepFuture(handle, core) {
                try withRoots([value]) { () throws(PyError) in try runSleepTimer(handle, core) }
                return
            }
            if type.isSubtype(of: core.task) {
                try withRoots([value]) { () throws(PyError) in try runReadyTask(handle, core) }
                return
            }
        }
        let cancelled = isNative || type.isSubtype(of: core.handle)
            ? slot(handle, core.slots.handleCancelled) : try getAttribute(value, intern("_cancelled"))
        if try isTrue(cancelled) { return }
        try withRoots([value]) { () throws(PyError) in
            if isNative {
                try runHandle(handle, core)
            } else {
                _ = try callMethod(value, "_run", [])
            }
        }
    }

    /// `loop.call_soon(callback, *arguments)`, natively when the loop's is the native one.
    func callSoon(_ loop: Value, _ callback: Value, _ arguments: [Value], _ core: AsyncioCore) throws(PyError) {
        if let object = loop.object, hasNative(object, core.names.callSoon, core.callSoon) {
            _ = try scheduleHandle(object, callback, arguments, core)
        } else {
            _ = try callMethod(loop, "call_soon", [callback] + arguments)
        }
    }

    private func scheduleHandle(_ loop: PyObject, _ callback: Value, _ arguments: [Value], _ core: AsyncioCore) throws(PyError) -> PyObject {
        let handle = try makeHandle(core.handle, loop, callback, arguments, core)
        try loopList(loop, core.names.ready).items.append(Value(handle))
        return handle
    }

    /// A Handle or TimerHandle of an open loop, with the fields `Handle.__init__` sets.
    func makeHandle(_ type: PyType, _ loop: PyObject, _ callback: Value, _ arguments: [Value],
                    _ core: AsyncioCore) throws(PyError) -> PyObject {
        try checkOpen(loop, core)
        let handle = newInstance(type)
        let slots = core.slots
        setSlot(handle, slots.callback, callback)
        setSlot(handle, slots.arguments, arguments.isEmpty ? Value(emptyTuple) : tuple(arguments))
        setSlot(handle, slots.handleLoop, Value(loop))
        setSlot(handle, slots.handleCancelled, .bool(false))
        return handle
    }

    /// The ready list of an open loop whose `call_soon` is the native one, where the
    /// natives put what they schedule without a Handle; nil if a script overrides
    /// `call_soon` (it must be called instead).
    func nativeReadyList(_ loop: Value, _ core: AsyncioCore) throws(PyError) -> PyList? {
        guard let owner = loop.object, hasNative(owner, core.names.callSoon, core.callSoon) else { return nil }
        try checkOpen(owner, core)
        return try loopList(owner, core.names.ready)
    }

    /// "Event loop is closed" once it is.
    func checkOpen(_ loop: PyObject, _ core: AsyncioCore) throws(PyError) {
        if try isTrue(field(loop, core.names.closed)) { throw error("RuntimeError", "Event loop is closed") }
    }

    /// Calls the handle's callback (rooted while it runs: it may cancel its own handle).
    private func runHandle(_ handle: PyObject, _ core: AsyncioCore) throws(PyError) {
        let callback = slot(handle, core.slots.callback)
        let arguments = slot(handle, core.slots.arguments)
        do throws(PyError) {
            _ = try withRoots([callback, arguments]) { () throws(PyError) in
                try call(callback, arguments.as(PyTuple.self)?.items ?? [])
            }
        } catch let failure {
            try reportCallbackFailure(failure, handle: handle, callback: callback, arguments, core)
        }
    }

    /// What a callback that the natives ran without a Handle raised (a task's step or
    /// wakeup, a sleep's timer), reported as the Handle of type `type` CPython would have
    /// run; thrown on if there is no loop to report it to.
    func reportCallbackFailure(_ failure: PyError, as type: PyType, on loop: Value, callback: Value, _ arguments: [Value],
                               _ core: AsyncioCore) throws(PyError) {
        try withRoots([callback] + arguments) { () throws(PyError) in
            guard let owner = loop.object else { throw failure }
            let handle = try makeHandle(type, owner, callback, arguments, core)
            try reportCallbackFailure(failure, handle: handle, callback: callback, slot(handle, core.slots.arguments), core)
        }
    }

    /// What a handle's callback raised goes to the loop's exception handler, except
    /// SystemExit and KeyboardInterrupt, which end the loop.
    func reportCallbackFailure(_ failure: PyError, handle: PyObject, callback: Value, _ arguments: Value,
                               _ core: AsyncioCore) throws(PyError) {
        let raised = failure.exception
        if raised.type.isSubtype(of: types[exception: "SystemExit"]) || raised.type.isSubtype(of: types[exception: "KeyboardInterrupt"]) {
            throw failure
        }
        let context = newDict()
        try withRoots([Value(context), Value(raised), Value(handle), callback, arguments]) { () throws(PyError) in
            let named = try strText(try call(core.formatCallbackSource, [callback, arguments]))
            context.setString(intern("message"), str("Exception in callback \(named)"))
            context.setString(intern("exception"), Value(raised))
            context.setString(intern("handle"), Value(handle))
            _ = try callMethod(slot(handle, core.slots.handleLoop), "call_exception_handler", [Value(context)])
        }
    }
}
