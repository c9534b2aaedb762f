/// The hot half of asyncio, in Swift, as CPython has it in C (`_asynciomodule.c`):
/// Future's state methods and its await, Task's step and wakeup, and the loop's
/// `call_soon` and ready queue. The classes stay script classes (their reprs, `cancel`
/// of Task, subclassing, debugging all stay in `ModuleSources.asyncio*`); the natives
/// are installed on them by `_install_core`. Futures, tasks and handles declare
/// `__slots__`, so their fields sit at fixed indices (`AsyncioSlots`) where both the
/// natives and the script methods reach them; the loop's fields are in its dict.
///
/// Its references are unowned: `trace` keeps them alive, and reading them then costs the
/// natives no reference counting.
final class AsyncioCore {
    unowned(unsafe) let future: PyType
    unowned(unsafe) let task: PyType
    unowned(unsafe) let handle: PyType
    unowned(unsafe) let timerHandle: PyType
    unowned(unsafe) let cancelledError: PyType
    unowned(unsafe) let invalidStateError: PyType
    /// `_LoopState`: the running loop and the current task.
    unowned(unsafe) let loopState: PyObject
    /// `_all_tasks`: tasks not yet done.
    unowned(unsafe) let allTasks: PyDict
    /// `get_event_loop`, for futures made without a loop.
    let getEventLoop: Value
    /// `_format_callback_source(func, args)`: a callback as error messages name it.
    let formatCallbackSource: Value
    /// The three states' strings (`_PENDING`, `_CANCELLED`, `_FINISHED`).
    let pending: Value, cancelled: Value, finished: Value
    let names: AsyncioNames
    let slots: AsyncioSlots
    /// The natives as installed, to tell an object's own method from an override.
    var addDoneCallback: Value = .null
    var callSoon: Value = .null
    var callAt: Value = .null
    var callLater: Value = .null
    var time: Value = .null
    var setResultUnlessCancelled: Value = .null
    var taskStep: Value = .null
    var taskWakeup: Value = .null
    /// Future's native `__await__`: a future whose class keeps it is awaited without a
    /// FutureIter (see `VM.stepAwaitedFuture`).
    var futureAwait: Value = .null

    /// Reads what the natives need from asyncio's namespace, once its classes exist.
    init(namespace: PyDict, names: AsyncioNames, intern: (String) -> PyStr) throws(AsyncioCoreError) {
        func type(_ name: String) throws(AsyncioCoreError) -> PyType {
            guard let found = namespace.lookupString(intern(name))?.as(PyType.self) else { throw AsyncioCoreError(name: name) }
            return found
        }
        func value(_ name: String) throws(AsyncioCoreError) -> Value {
            guard let found = namespace.lookupString(intern(name)) else { throw AsyncioCoreError(name: name) }
            return found
        }
        future = try type("Future")
        task = try type("Task")
        handle = try type("Handle")
        timerHandle = try type("TimerHandle")
        cancelledError = try type("CancelledError")
        invalidStateError = try type("InvalidStateError")
        guard let state = try value("_state").object else { throw AsyncioCoreError(name: "_state") }
        loopState = state
        guard let tasks = try value("_all_tasks").as(PyDict.self) else { throw AsyncioCoreError(name: "_all_tasks") }
        allTasks = tasks
        getEventLoop = try value("get_event_loop")
        formatCallbackSource = try value("_format_callback_source")
        pending = try value("_PENDING")
        cancelled = try value("_CANCELLED")
        finished = try value("_FINISHED")
        self.names = names
        slots = try AsyncioSlots(future: future, task: task, handle: handle, timer: timerHandle, intern: intern)
    }

    /// What the collector must keep alive for the natives.
    func trace(_ tracer: inout Tracer) {
        for type in [future, task, handle, timerHandle, cancelledError, invalidStateError] { tracer.mark(type) }
        tracer.mark(loopState)
        tracer.mark(allTasks)
        for value in [getEventLoop, formatCallbackSource, pending, cancelled, finished, addDoneCallback, callSoon, callAt, callLater, time,
                      setResultUnlessCancelled, taskStep, taskWakeup, futureAwait] {
            tracer.mark(value)
        }
    }
}

/// asyncio's namespace lacks something the natives need.
struct AsyncioCoreError: Error {
    let name: String
}

/// The field names of loops, and the attribute and method names the natives look up on
/// objects that only behave like futures, interned once (interned strings are immortal,
/// so they are held unowned: copying the names costs no reference counting).
struct AsyncioNames {
    unowned(unsafe) let loop, blocking: PyStr
    unowned(unsafe) let ready, closed, debug, stopping, outside, currentTask, runningLoop: PyStr
    unowned(unsafe) let scheduled, taskCounter: PyStr
    unowned(unsafe) let addDoneCallback, cancel, message, callSoon, callAt, callLater, time: PyStr

    init(_ intern: (String) -> PyStr) {
        loop = intern("_loop")
        blocking = intern("_asyncio_future_blocking")
        ready = intern("_ready")
        closed = intern("_closed")
        debug = intern("_debug")
        stopping = intern("_stopping")
        outside = intern("_outside")
        currentTask = intern("current_task")
        runningLoop = intern("running_loop")
        scheduled = intern("_scheduled")
        taskCounter = intern("task_counter")
        addDoneCallback = intern("add_done_callback")
        cancel = intern("cancel")
        message = intern("msg")
        callSoon = intern("call_soon")
        callAt = intern("call_at")
        callLater = intern("call_later")
        time = intern("time")
    }
}

/// Where the fields of futures, tasks and handles live in their instances: the index
/// of each one's `__slots__` member, read from the classes once they exist.
struct AsyncioSlots {
    let loop, state, result, exception, callbacks, cancelMessage, cancelledException: Int
    let coroutine, name, waiter, cancelsRequested, sourceSite: Int
    let callback, arguments, handleLoop, handleCancelled, when, scheduled: Int

    init(future: PyType, task: PyType, handle: PyType, timer: PyType, intern: (String) -> PyStr) throws(AsyncioCoreError) {
        func index(_ type: PyType, _ name: String) throws(AsyncioCoreError) -> Int {
            guard let member = type.dict.lookupString(intern(name))?.as(PyMember.self) else {
                throw AsyncioCoreError(name: "\(type.name).\(name)")
            }
            return member.index
        }
        loop = try index(future, "_loop")
        state = try index(future, "_state")
        result = try index(future, "_result")
        exception = try index(future, "_exception")
        callbacks = try index(future, "_callbacks")
        cancelMessage = try index(future, "_cancel_message")
        cancelledException = try index(future, "_cancelled_exc")
        coroutine = try index(task, "_coro")
        name = try index(task, "_name")
        waiter = try index(task, "_fut_waiter")
        cancelsRequested = try index(task, "_num_cancels_requested")
        sourceSite = try index(task, "_source_site")
        callback = try index(handle, "_callback")
        arguments = try index(handle, "_args")
        handleLoop = try index(handle, "_loop")
        handleCancelled = try index(handle, "_cancelled")
        when = try index(timer, "_when")
        scheduled = try index(timer, "_scheduled")
    }
}

extension VM {
    /// `_install_core()`, run by asyncio's source once its classes exist: reads them from
    /// `namespace` (the module's) and installs the natives on them.
    func installAsyncioCore(_ namespace: PyDict) throws(PyError) -> Value {
        let core: AsyncioCore
        do {
            core = try AsyncioCore(namespace: namespace, names: AsyncioNames(intern), intern: intern)
        } catch let missing {
            throw error("RuntimeError", "_install_core(): asyncio has no '\(missing.name)'")
        }
        guard let loop = namespace.lookupString(intern("BaseEventLoop"))?.as(PyType.self) else {
            throw error("RuntimeError", "_install_core(): asyncio has no 'BaseEventLoop'")
        }
        asyncioCore = core
        installFutureMethods(core, namespace: namespace)
        installTaskMethods(core, namespace: namespace)
        installConstructors(core)
        installLoopMethods(core, loop: loop)
        installTimerMethods(core, loop: loop, namespace: namespace)
        installTimerHeap(namespace)
        installSleepTimer(core, namespace: namespace)
        installReadyCallback(core)
        installFutureFlags(core)
        typeEpoch.pointee += 1
        return .none
    }

    /// A field of a loop (or any object): its instance dict's entry, else its slot, else
    /// the class attribute; None if none. Runs no script code.
    func field(_ object: PyObject, _ name: PyStr) -> Value {
        if let attributes = object.attributesReference,
           let value = attributes._withUnsafeGuaranteedRef({ $0.lookupString(name) }) {
            return value
        }
        guard let found = object.typeStorage._withUnsafeGuaranteedRef({ $0.lookup(name) }) else { return .none }
        if let member = found.as(PyMember.self) {
            let value = member.instance(of: object)?.slots[member.index] ?? .none
            return value.isNull ? .none : value
        }
        return found
    }

    func setField(_ object: PyObject, _ name: PyStr, _ value: Value) {
        if let attributes = object.attributesReference {
            attributes._withUnsafeGuaranteedRef { $0.setString(name, value) }
        } else {
            let attributes = newDict()
            attributes.setString(name, value)
            object.attributes = attributes
        }
    }

    /// Slot `index` of a future, task or handle, None while unset. The caller has checked
    /// the object's class (a subclass of the one the index belongs to), so it is slotted.
    @inline(__always)
    func slot(_ object: PyObject, _ index: Int) -> Value {
        let value = unsafeDowncast(object, to: PySlottedObject.self).slots[index]
        return value.isNull ? .none : value
    }

    @inline(__always)
    func setSlot(_ object: PyObject, _ index: Int, _ value: Value) {
        unsafeDowncast(object, to: PySlottedObject.self).slots[index] = value
    }

    /// `Future.__init__`'s fields: pending, no callbacks.
    func initializeFuture(_ future: PyObject, loop: Value, _ core: AsyncioCore) {
        let slots = core.slots
        setSlot(future, slots.result, .none)
        setSlot(future, slots.exception, .none)
        setSlot(future, slots.cancelMessage, .none)
        setSlot(future, slots.cancelledException, .none)
        future.flags.subtract([.futureBlocking, .logTraceback, .logDestroyPending, .mustCancel])
        setSlot(future, slots.loop, loop)
        setSlot(future, slots.state, core.pending)
        setSlot(future, slots.callbacks, Value(emptyTuple))
    }

    /// The receiver of a native method of `owner`, checked (the natives may be called
    /// unbound, as `Future.done(x)`).
    func receiver(_ arguments: Arguments, _ owner: PyType, _ method: String) throws(PyError) -> PyObject {
        guard arguments.positionalCount >= 1 else {
            throw typeError("unbound method \(owner.name).\(method)() needs an argument")
        }
        guard let object = arguments[0].object, object.type.isSubtype(of: owner) else {
            throw descriptorMismatch(method, owner, arguments[0])
        }
        return object
    }

    /// Whether `object` still has the native `method`: neither its class nor its own
    /// dict (`loop.call_later = ...`) overrides it.
    @inline(__always)
    func hasNative(_ object: PyObject, _ name: PyStr, _ method: Value) -> Bool {
        guard case .object(let installed) = method, case .object(let found)? = object.type.lookup(name),
              installed.toOpaque() == found.toOpaque() else { return false }
        guard let attributes = object.attributesReference else { return true }
        return attributes._withUnsafeGuaranteedRef { $0.lookupString(name) } == nil
    }

    /// Defines a native method and returns it.
    @discardableResult
    func defineCoreMethod(_ type: PyType, _ name: String, _ function: @escaping NativeFunction) -> Value {
        defineMethod(type, name, function)
        return type.dict.lookupString(intern(name)) ?? .null
    }
}
