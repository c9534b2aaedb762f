/// What `asyncio.sleep` schedules in place of `loop.call_later(delay,
/// _set_result_unless_cancelled, future, None)`: the future itself, with no TimerHandle
/// or arguments tuple. It sits in the loop's timer heap and, once due, on the ready list
/// in a handle's place (so it runs in the same order); its `ObjectFlags` stand for the
/// handle's `_scheduled` and `_cancelled`, and the sleep cancels it as it would the
/// handle (`_cancel_timer`). Told apart by its class: a plain `Future` is never in the
/// heap or on the ready list otherwise (tasks are Task instances, handles Handles).
///
/// A sleep with a result, a future of another class, or a loop whose `call_later` or
/// `call_at` a script overrides gets CPython's TimerHandle instead.
extension VM {
    /// `object`, from the timer heap or the ready list, is a sleep's future.
    @inline(__always)
    func isSleepFuture(_ object: PyObject, _ core: AsyncioCore) -> Bool {
        object.type === core.future
    }

    /// `_sleep_timer(loop, delay, future, result)`: the future scheduled as its own timer,
    /// or the TimerHandle of `loop.call_later`; and `_cancel_timer(timer)`, either's
    /// `cancel()`.
    func installSleepTimer(_ core: AsyncioCore, namespace: PyDict) {
        let names = core.names
        defineFunction(namespace, "_sleep_timer") { vm, arguments throws(PyError) in
            try arguments.expect("_sleep_timer", vm, min: 4, max: 4)
            let (loop, delay, future, result) = (arguments[0], arguments[1], arguments[2], arguments[3])
            guard let owner = loop.object, let sleeping = future.object, vm.isSleepFuture(sleeping, core), result.isNone,
                  vm.hasNative(owner, names.callLater, core.callLater), vm.hasNative(owner, names.callAt, core.callAt) else {
                return try vm.callMethod(loop, "call_later", [delay, core.setResultUnlessCancelled, future, result])
            }
            try vm.checkOpen(owner, core)
            let deadline = try vm.timerDeadline(try vm.deadline(after: delay, on: loop, core))
            try vm.timerHeap(vm.field(owner, names.scheduled)).schedule(sleeping, at: deadline)
            sleeping.flags.insert(.inTimerHeap)
            return future
        }
        defineFunction(namespace, "_cancel_timer") { vm, arguments throws(PyError) in
            let timer = try arguments.exactlyOne("_cancel_timer", vm)
            guard let sleeping = timer.object, vm.isSleepFuture(sleeping, core) else { return try vm.callMethod(timer, "cancel", []) }
            try vm.cancelSleepTimer(sleeping, core)
            return .none
        }
    }

    /// As `TimerHandle.cancel()`: the loop's heap counts it if it is still there.
    private func cancelSleepTimer(_ future: PyObject, _ core: AsyncioCore) throws(PyError) {
        guard !future.flags.contains(.timerCancelled) else { return }
        future.flags.insert(.timerCancelled)
        if future.flags.contains(.inTimerHeap) { try countCancelledTimer(on: slot(future, core.slots.loop), core) }
    }

    /// A due sleep, from the ready list: the future gets its result (None) unless either
    /// was cancelled. What that raises is reported as the TimerHandle would have been.
    func runSleepTimer(_ future: PyObject, _ core: AsyncioCore) throws(PyError) {
        guard !future.flags.contains(.timerCancelled) else { return }
        do throws(PyError) {
            try setResultUnlessCancelled(Value(future), .none, core)
        } catch let failure {
            try reportCallbackFailure(failure, as: core.timerHandle, on: slot(future, core.slots.loop),
                                      callback: core.setResultUnlessCancelled, [Value(future), .none], core)
        }
    }
}
