/// The hot half of asyncio, in Swift, as CPython has it in C (`_asynciomodule.c`):
/// Future's state methods and its await, Task's step and wakeup, and the loop's
/// `call_soon` and ready queue. The classes stay script classes (their reprs, `cancel`
/// of Task, subclassing, debugging all stay in `ModuleSources.asyncio*`); the natives
/// are installed on them by `_install_core` and keep their fields in the instance dicts
/// where the script methods read them, with the class attributes as defaults.
final class AsyncioCore {
    let future: PyType
    let task: PyType
    let handle: PyType
    let timerHandle: PyType
    let cancelledError: PyType
    let invalidStateError: PyType
    /// `_LoopState`: the running loop and the current task.
    let loopState: PyObject
    /// `_all_tasks`: tasks not yet done.
    let allTasks: PyDict
    /// `get_event_loop`, for futures made without a loop.
    let getEventLoop: Value
    /// The three states' strings (`_PENDING`, `_CANCELLED`, `_FINISHED`).
    let pending: Value, cancelled: Value, finished: Value
    let names: AsyncioNames
    /// The natives as installed, to tell an object's own method from an override.
    var addDoneCallback: Value = .null
    var callSoon: Value = .null
    var callAt: Value = .null
    var taskStep: Value = .null
    var taskWakeup: Value = .null

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
        pending = try value("_PENDING")
        cancelled = try value("_CANCELLED")
        finished = try value("_FINISHED")
        self.names = names
    }

    /// What the collector must keep alive for the natives.
    func trace(_ tracer: inout Tracer) {
        for type in [future, task, handle, timerHandle, cancelledError, invalidStateError] { tracer.mark(type) }
        tracer.mark(loopState)
        tracer.mark(allTasks)
        for value in [getEventLoop, pending, cancelled, finished, addDoneCallback, callSoon, callAt, taskStep, taskWakeup] {
            tracer.mark(value)
        }
    }
}

/// asyncio's namespace lacks something the natives need.
struct AsyncioCoreError: Error {
    let name: String
}

/// The field names of futures, tasks, handles and loops, interned once.
struct AsyncioNames {
    let state, result, exception, callbacks, loop, blocking, logTraceback: PyStr
    let cancelMessage, cancelledException, coroutine, waiter, mustCancel, name: PyStr
    let ready, callback, arguments, handleCancelled, closed, debug, currentTask, runningLoop: PyStr
    let when, scheduled, sequence, timerCancelledCount: PyStr
    /// Method names the natives look up on loops and futures.
    let addDoneCallback, cancel, message, callSoon, callAt: PyStr

    init(_ intern: (String) -> PyStr) {
        state = intern("_state")
        result = intern("_result")
        exception = intern("_exception")
        callbacks = intern("_callbacks")
        loop = intern("_loop")
        blocking = intern("_asyncio_future_blocking")
        logTraceback = intern("_log_traceback")
        cancelMessage = intern("_cancel_message")
        cancelledException = intern("_cancelled_exc")
        coroutine = intern("_coro")
        waiter = intern("_fut_waiter")
        mustCancel = intern("_must_cancel")
        name = intern("_name")
        ready = intern("_ready")
        callback = intern("_callback")
        arguments = intern("_args")
        handleCancelled = intern("_cancelled")
        closed = intern("_closed")
        debug = intern("_debug")
        currentTask = intern("current_task")
        runningLoop = intern("running_loop")
        when = intern("_when")
        scheduled = intern("_scheduled")
        sequence = intern("_sequence")
        timerCancelledCount = intern("_timer_cancelled_count")
        addDoneCallback = intern("add_done_callback")
        cancel = intern("cancel")
        message = intern("msg")
        callSoon = intern("call_soon")
        callAt = intern("call_at")
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
        installFutureMethods(core)
        installTaskMethods(core)
        installLoopMethods(core, loop: loop)
        installTimerMethods(core, loop: loop, namespace: namespace)
        typeEpoch.pointee += 1
        return .none
    }

    /// A field of a future, task, handle or loop: its instance dict's entry, else the
    /// class default.
    @inline(__always)
    func field(_ object: PyObject, _ name: PyStr) -> Value {
        if let attributes = object.attributesReference,
           let value = attributes._withUnsafeGuaranteedRef({ $0.lookupString(name) }) {
            return value
        }
        return object.typeStorage._withUnsafeGuaranteedRef { $0.lookup(name) } ?? .none
    }

    @inline(__always)
    func setField(_ object: PyObject, _ name: PyStr, _ value: Value) {
        if let attributes = object.attributesReference {
            attributes._withUnsafeGuaranteedRef { $0.setString(name, value) }
        } else {
            let attributes = newDict()
            attributes.setString(name, value)
            object.attributes = attributes
        }
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

    /// Whether `object`'s class still has the native `method` (not a script override).
    @inline(__always)
    func hasNative(_ object: PyObject, _ name: PyStr, _ method: Value) -> Bool {
        guard case .object(let installed) = method, case .object(let found)? = object.type.lookup(name) else { return false }
        return installed.toOpaque() == found.toOpaque()
    }

    /// A native method bound to `receiver` (what `receiver.name` gives for it).
    func bindNative(_ method: Value, to receiver: Value) -> Value {
        guard let builtin = method.as(PyBuiltin.self) else { return method }
        return Value(heap.register(PyBuiltin(type: types.builtinFunction, name: builtin.name, owner: builtin.owner,
                                             receiver: receiver, function: builtin.function)))
    }

    /// Defines a native method and returns it.
    @discardableResult
    func defineCoreMethod(_ type: PyType, _ name: String, _ function: @escaping NativeFunction) -> Value {
        defineMethod(type, name, function)
        return type.dict.lookupString(intern(name)) ?? .null
    }
}
