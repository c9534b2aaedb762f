/// asyncio's Task step, natively (CPython's `task_step_impl` and `task_wakeup`).
///
/// A step sends into (or throws into) the task's coroutine until it awaits a pending
/// future; the step then makes the task that future's done callback (standing for its
/// bound `task_wakeup`), and the wakeup schedules the next step. Invariant: a task has
/// at most one `_fut_waiter`, and only while its coroutine is suspended on it; while a
/// step runs the task is `current_task`.
extension VM {
    func installTaskMethods(_ core: AsyncioCore, namespace: PyDict) {
        let task = core.task
        core.taskStep = defineCoreMethod(task, "_step") { vm, arguments throws(PyError) in
            try vm.taskStep(try vm.receiver(arguments, task, "_step"), thrown: arguments.argument(1, "exc") ?? .none, core)
            return .none
        }
        defineCoreMethod(task, "get_name") { vm, arguments throws(PyError) in
            let owner = try vm.receiver(arguments, task, "get_name")
            try arguments.expectMethod("get_name", vm, min: 0, max: 0)
            return vm.taskName(owner, core)
        }
        core.taskWakeup = defineCoreMethod(task, "task_wakeup") { vm, arguments throws(PyError) in
            try arguments.expectMethod("task_wakeup", vm, min: 1, max: 1)
            try vm.wakeTask(try vm.receiver(arguments, task, "task_wakeup"), arguments[1], core)
            return .none
        }
    }

    /// `task_wakeup(future)`: the future is done; the task's next step gets its
    /// exception thrown in, or nothing.
    private func wakeTask(_ task: PyObject, _ future: Value, _ core: AsyncioCore) throws(PyError) {
        var thrown = Value.none
        do throws(PyError) {
            if let object = future.object, object.type.isSubtype(of: core.future) {
                _ = try futureResult(object, core)
            } else {
                _ = try callMethod(future, "result", [])
            }
        } catch let error {
            thrown = Value(error.exception)
        }
        try withRoots([thrown]) { () throws(PyError) in try taskStep(task, thrown: thrown, core) }
    }

    /// Schedules the task's next step (`future` None) or its wakeup by `future`. On a
    /// loop with the native `call_soon` the task itself goes on the ready list, with no
    /// bound method and no Handle (`runReadyTask` tells the two apart by `_fut_waiter`:
    /// a task waits on a future exactly while a wakeup may be due). A loop whose
    /// `call_soon` a script overrides is handed the bound method.
    func scheduleTask(_ task: PyObject, waking future: Value, loop: Value, _ core: AsyncioCore) throws(PyError) {
        if let ready = try nativeReadyList(loop, core) {
            ready.items.append(Value(task))
            return
        }
        let bound = boundMethod(future.isNone ? core.taskStep : core.taskWakeup, to: Value(task))
        _ = try withRoots([bound]) { () throws(PyError) in
            try callMethod(loop, "call_soon", future.isNone ? [bound] : [bound, future])
        }
    }

    /// A task found on the ready list (see `scheduleTask`): woken by the future it waits
    /// on, or stepped. What escapes is reported as the Handle CPython would have run.
    func runReadyTask(_ task: PyObject, _ core: AsyncioCore) throws(PyError) {
        let waiter = slot(task, core.slots.waiter)
        do throws(PyError) {
            if waiter.isNone {
                try taskStep(task, thrown: .none, core)
            } else {
                try wakeTask(task, waiter, core)
            }
        } catch let failure {
            let bound = boundMethod(waiter.isNone ? core.taskStep : core.taskWakeup, to: Value(task))
            try reportCallbackFailure(failure, as: core.handle, on: slot(task, core.slots.loop), callback: bound,
                                      waiter.isNone ? [] : [waiter], core)
        }
    }

    /// The task `callback` is, if it is a task waiting on `future`: what `awaitYielded`
    /// adds as the future's done callback in place of a bound `task_wakeup`.
    func waitingTask(_ callback: Value, on future: PyObject, _ core: AsyncioCore) -> PyObject? {
        guard let task = callback.object, task.type.isSubtype(of: core.task),
              case .object(let waiter) = slot(task, core.slots.waiter), waiter.toOpaque() == Unmanaged.passUnretained(future).toOpaque()
        else { return nil }
        return task
    }

    private func taskStep(_ task: PyObject, thrown: Value, _ core: AsyncioCore) throws(PyError) {
        let names = core.names
        if !isPending(task, core) {
            let message = "_step(): already done: \(try repr(Value(task))), \(try repr(thrown))"
            throw PyError(exception: try newError(core.invalidStateError, message))
        }
        // What this step makes is rooted until it ends (reprs and methods it calls run
        // scripts, which may collect), and let go then (the loop that called it may not
        // reach a safepoint of its own for a long time).
        let rootsMark = temporaryRoots.count
        defer { temporaryRoots.removeSubrange(rootsMark...) }
        var exception = thrown
        if task.flags.contains(.mustCancel) {
            if !isInstance(exception, core.cancelledError) {
                exception = Value(try makeCancelledError(task, core))
                root(exception)
            }
            task.flags.remove(.mustCancel)
        }
        let coroutine = slot(task, core.slots.coroutine)
        setSlot(task, core.slots.waiter, .none)
        let current = field(core.loopState, names.currentTask)
        guard current.isNone else {
            throw error("RuntimeError", "Cannot enter into task \(try repr(Value(task))) while another task \(try repr(current)) is being executed.")
        }
        setField(core.loopState, names.currentTask, Value(task))
        defer { setField(core.loopState, names.currentTask, .none) }
        let loop = slot(task, core.slots.loop)
        let debug = try loop.object.map { object throws(PyError) in try isTrue(field(object, names.debug)) } ?? false
        if debug, let raised = exception.as(PyException.self), !isInstance(exception, core.cancelledError) {
            raised.taskChain.append("awaited in task \(try repr(taskName(task, core))): \(describeCoroutine(coroutine))")
        }
        let outcome: RunOutcome
        do throws(PyError) {
            outcome = try resumeCoroutine(coroutine, exception)
        } catch let failure {
            let raised = failure.exception
            root(Value(raised))
            try finishTask(task, core)
            if raised.type.isSubtype(of: core.cancelledError) {
                setSlot(task, core.slots.cancelledException, Value(raised))
                _ = try futureCancel(task, message: .none, core)
            } else if raised.type.isSubtype(of: types[exception: "KeyboardInterrupt"])
                        || raised.type.isSubtype(of: types[exception: "SystemExit"]) {
                try futureSetException(task, Value(raised), core)
                throw failure
            } else {
                if debug && !Value(raised).isIdentical(to: exception) {
                    raised.taskChain.append("raised in task \(try repr(taskName(task, core)))")
                }
                try futureSetException(task, Value(raised), core)
            }
            return
        }
        switch outcome {
        case .returned(let value):
            root(value)
            try finishTask(task, core)
            if task.flags.contains(.mustCancel) {
                task.flags.remove(.mustCancel)
                _ = try futureCancel(task, message: slot(task, core.slots.cancelMessage), core)
            } else {
                try futureSetResult(task, value, core)
            }
        case .yielded(let result):
            root(result)
            try awaitYielded(task, result, loop: loop, core)
        }
    }

    /// `coroutine.send(None)` or `coroutine.throw(exception)`.
    private func resumeCoroutine(_ coroutine: Value, _ exception: Value) throws(PyError) -> RunOutcome {
        guard let generator = coroutine.as(PyGenerator.self) else {
            throw typeError("a coroutine was expected, got \(try repr(coroutine))")
        }
        if let raised = exception.as(PyException.self) { return try throwIntoGenerator(generator, raised) }
        return try resumeGenerator(generator, sending: .none)
    }

    /// What the task does with what its coroutine yielded: waits for a future, steps
    /// again at the next pass (a bare `yield`), or is told what went wrong.
    private func awaitYielded(_ task: PyObject, _ result: Value, loop: Value, _ core: AsyncioCore) throws(PyError) {
        let names = core.names
        // The next step with the RuntimeError that tells what went wrong.
        func stepSoon(raising problem: String) throws(PyError) {
            let step = boundMethod(core.taskStep, to: Value(task))
            root(step)
            try callSoon(loop, step, [Value(try newError(types[exception: "RuntimeError"], problem))], core)
        }
        // A bare yield (sleep(0)) yields None, which has no `_asyncio_future_blocking`:
        // no need to look (the failed lookup would make an AttributeError every step).
        guard !result.isNone, let blocking = try futureAttribute(result, names.blocking, core, { .bool($0.flags.contains(.futureBlocking)) }),
              !blocking.isNone else {
            if result.isNone {
                try scheduleTask(task, waking: .none, loop: loop, core)
            } else {
                try stepSoon(raising: "Task got bad yield: \(try repr(result))")
            }
            return
        }
        let problem: String?
        if !(try futureAttribute(result, names.loop, core, { slot($0, core.slots.loop) }) ?? .null).isIdentical(to: loop) {
            problem = "Task \(try repr(Value(task))) got Future \(try repr(result)) attached to a different loop"
        } else if !(try isTrue(blocking)) {
            problem = "yield was used instead of yield from in task \(try repr(Value(task))) with \(try repr(result))"
        } else if result.object === task {
            problem = "Task cannot await on itself: \(try repr(Value(task)))"
        } else {
            problem = nil
        }
        if let problem {
            try stepSoon(raising: problem)
            return
        }
        guard let future = result.object else { return }
        let isFuture = future.type.isSubtype(of: core.future)
        if isFuture {
            future.flags.remove(.futureBlocking)
        } else {
            try setAttribute(result, names.blocking, .bool(false))
        }
        if isFuture && hasNative(future, names.addDoneCallback, core.addDoneCallback) {
            // A native future takes the task itself as its wakeup callback (see
            // `waitingTask`), which it knows by the waiter: set first.
            setSlot(task, core.slots.waiter, result)
            try addDoneCallback(future, Value(task), core)
        } else {
            let wakeup = boundMethod(core.taskWakeup, to: Value(task))
            root(wakeup)
            _ = try callMethod(result, "add_done_callback", [wakeup])
            setSlot(task, core.slots.waiter, result)
        }
        if task.flags.contains(.mustCancel) {
            let cancelled = try call(try getAttribute(result, names.cancel), [slot(task, core.slots.cancelMessage)],
                                     keywordNames: [names.message])
            if try isTrue(cancelled) { task.flags.remove(.mustCancel) }
        }
    }

    /// `getattr(value, name, None)`; of a Future, `read` from its fields directly.
    private func futureAttribute(_ value: Value, _ name: PyStr, _ core: AsyncioCore,
                                 _ read: (PyObject) -> Value) throws(PyError) -> Value? {
        if let object = value.object, object.type.isSubtype(of: core.future) { return read(object) }
        return try lookupAttribute(value, name)
    }

    /// `task.get_name()`: an unnamed task keeps only its number, spelled `Task-N` when
    /// asked (as CPython 3.12 does), which saves a str per task.
    private func taskName(_ task: PyObject, _ core: AsyncioCore) -> Value {
        let name = slot(task, core.slots.name)
        if case .int(let number) = name { return str("Task-\(number)") }
        return name
    }

    /// The task is done: it leaves `_all_tasks`.
    private func finishTask(_ task: PyObject, _ core: AsyncioCore) throws(PyError) {
        _ = try core.allTasks.remove(Value(task), hash: try hash(Value(task)), vm: self)
    }
}
