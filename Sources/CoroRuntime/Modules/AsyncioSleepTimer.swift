/// What `asyncio.sleep` schedules in place of `loop.call_later(delay,
/// _set_result_unless_cancelled, future, result)`: the same timer as one small native
/// object, instead of a TimerHandle and its arguments tuple. It sits in the loop's timer
/// heap and, once due, on the ready list in a handle's place (so it runs in the same
/// order); the sleep cancels it as it would the handle.
final class PySleepTimer: PyObject {
    let future: Value
    let result: Value
    /// The heap it is scheduled on, which counts it when it is cancelled there.
    let timers: Unmanaged<PyTimerHeap>
    /// As a TimerHandle's `_cancelled` and `_scheduled`.
    @exclusivity(unchecked) var cancelled = false
    @exclusivity(unchecked) var scheduled = false

    init(type: PyType, future: Value, result: Value, timers: PyTimerHeap) {
        self.future = future
        self.result = result
        self.timers = Unmanaged.passUnretained(timers)
        super.init(type: type)
    }

    override func trace(_ tracer: inout Tracer) {
        super.trace(&tracer)
        tracer.mark(future)
        tracer.mark(result)
        tracer.mark(timers.takeUnretainedValue())
    }
}

extension VM {
    /// `object` as a sleep's timer, told by its class (no dynamic cast).
    @inline(__always)
    func sleepTimer(_ object: PyObject) -> PySleepTimer? {
        object.type === types.sleepTimer ? unsafeDowncast(object, to: PySleepTimer.self) : nil
    }

    /// `_sleep_timer(loop, delay, future, result)`, and the timer's `cancel()`. A loop
    /// whose `call_later` or `call_at` a script overrides is called as CPython's sleep
    /// calls it, and its handle returned.
    func installSleepTimer(_ core: AsyncioCore, namespace: PyDict) {
        let names = core.names
        defineFunction(namespace, "_sleep_timer") { vm, arguments throws(PyError) in
            try arguments.expect("_sleep_timer", vm, min: 4, max: 4)
            let (loop, delay, future, result) = (arguments[0], arguments[1], arguments[2], arguments[3])
            guard let owner = loop.object, vm.hasNative(owner, names.callLater, core.callLater),
                  vm.hasNative(owner, names.callAt, core.callAt) else {
                return try vm.callMethod(loop, "call_later", [delay, core.setResultUnlessCancelled, future, result])
            }
            try vm.checkOpen(owner, core)
            let deadline = try vm.timerDeadline(try vm.deadline(after: delay, on: loop, core))
            let timers = try vm.timerHeap(vm.field(owner, names.scheduled))
            let timer = vm.heap.register(PySleepTimer(type: vm.types.sleepTimer, future: future, result: result, timers: timers))
            timers.schedule(timer, at: deadline)
            timer.scheduled = true
            return Value(timer)
        }
        defineMethod(types.sleepTimer, "cancel") { vm, arguments throws(PyError) in
            guard let timer = arguments[0].as(PySleepTimer.self) else { throw vm.typeError("cancel() expects a SleepTimer") }
            try arguments.expectMethod("cancel", vm, min: 0, max: 0)
            if !timer.cancelled {
                timer.cancelled = true
                if timer.scheduled { timer.timers.takeUnretainedValue().cancelledCount += 1 }
            }
            return .none
        }
    }

    /// A due sleep timer, from the ready list: the future gets its result unless either
    /// was cancelled. What that raises is reported as the TimerHandle would have been.
    func runSleepTimer(_ timer: PySleepTimer, _ core: AsyncioCore) throws(PyError) {
        guard !timer.cancelled else { return }
        do throws(PyError) {
            try setResultUnlessCancelled(timer.future, timer.result, core)
        } catch let failure {
            guard let future = timer.future.object, future.type.isSubtype(of: core.future) else { throw failure }
            try reportCallbackFailure(failure, as: core.timerHandle, on: slot(future, core.slots.loop),
                                      callback: core.setResultUnlessCancelled, [timer.future, timer.result], core)
        }
    }
}
