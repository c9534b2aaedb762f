import CoroCompiler

/// `Future.__init__` and `Task.__init__`, natively: CPython's are C (`_asyncio`), bound
/// by argument clinic, and a task is made for every `create_task`, so its fields, its
/// first step and its entry in `_all_tasks` are set here without running script code.
extension VM {
    func installConstructors(_ core: AsyncioCore) {
        defineCoreMethod(core.future, "__init__") { vm, arguments throws(PyError) in
            let future = try vm.receiver(arguments, core.future, "__init__")
            let bound = try arguments.clinic("Future", vm, positional: [], keywordOnly: ["loop"], required: 0)
            vm.initializeFuture(future, loop: try vm.loopOrCurrent(bound[0], core), core)
            return .none
        }
        defineCoreMethod(core.task, "__init__") { vm, arguments throws(PyError) in
            let task = try vm.receiver(arguments, core.task, "__init__")
            let bound = try arguments.clinic("Task", vm, positional: ["coro"], keywordOnly: ["loop", "name", "context"],
                                             required: 1)
            try vm.initializeTask(task, coroutine: bound[0], loop: bound[1], name: bound[2], core)
            return .none
        }
    }

    /// `loop`, or `get_event_loop()` when it is None or not given.
    private func loopOrCurrent(_ loop: Value, _ core: AsyncioCore) throws(PyError) -> Value {
        guard loop.isNone || loop.isNull else { return loop }
        return try call(core.getEventLoop, [])
    }

    /// A task's fields as CPython's `Task.__init__` sets them; then its first step is
    /// scheduled and it joins `_all_tasks`. A task made from anything but a coroutine
    /// raises, and is not reported when collected.
    private func initializeTask(_ task: PyObject, coroutine: Value, loop: Value, name: Value,
                                _ core: AsyncioCore) throws(PyError) {
        let slots = core.slots
        let loop = try loopOrCurrent(loop, core)
        initializeFuture(task, loop: loop, core)
        task.flags.insert(.logDestroyPending)
        setSlot(task, slots.cancelsRequested, .int(0))
        setSlot(task, slots.waiter, .none)
        setSlot(task, slots.sourceSite, .none)
        setSlot(task, slots.coroutine, .none)
        guard coroutine.object?.type === types.coroutine else {
            task.flags.remove(.logDestroyPending)
            throw typeError("a coroutine was expected, got \(try repr(coroutine))")
        }
        // CPython 3.11 counts every task, named or not. An unnamed task keeps its number
        // and spells 'Task-N' only when asked (as CPython 3.12 does): no str per task.
        let counter = try binaryOperation(field(core.loopState, core.names.taskCounter), .int(1), BinaryOperation.add.rawValue)
        setField(core.loopState, core.names.taskCounter, counter)
        setSlot(task, slots.name, name.isNone || name.isNull ? counter : try str(of: name))
        setSlot(task, slots.coroutine, coroutine)
        if let owner = loop.object, try isTrue(field(owner, core.names.debug)) {
            setSlot(task, slots.sourceSite, callerSite())
        }
        try scheduleTask(task, waking: .none, loop: loop, core)
        try core.allTasks.set(Value(task), .none, hash: try hash(Value(task)), vm: self)
    }

    /// "file:line" of the innermost frame outside asyncio (where a task was made), or None.
    func callerSite() -> Value {
        for index in stride(from: fiber.count - 1, through: 0, by: -1) {
            let frame = fiber.frames[index]
            let code = frame.code.code
            if code.source.name == "<asyncio>" { continue }
            return str("\(code.source.name):\(code.line(at: frame.currentInstruction))")
        }
        return .none
    }
}
