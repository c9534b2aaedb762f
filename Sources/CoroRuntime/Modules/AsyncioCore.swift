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
    let cancelledError: PyType
    let invalidStateError: PyType
    /// `_LoopState`: the running loop and the current task.
    let loopState: PyObject
    /// `_all_tasks`: tasks not yet done.
    let allTasks: PyDict
    /// The three states' strings (`_PENDING`, `_CANCELLED`, `_FINISHED`).
    let pending: Value, cancelled: Value, finished: Value
    let names: AsyncioNames
    /// The natives as installed, to tell an object's own method from an override.
    var addDoneCallback: Value = .null
    var callSoon: Value = .null
    var taskStep: Value = .null
    var taskWakeup: Value = .null

    init(future: PyType, task: PyType, handle: PyType, cancelledError: PyType, invalidStateError: PyType,
         loopState: PyObject, allTasks: PyDict, states: (Value, Value, Value), names: AsyncioNames) {
        self.future = future
        self.task = task
        self.handle = handle
        self.cancelledError = cancelledError
        self.invalidStateError = invalidStateError
        self.loopState = loopState
        self.allTasks = allTasks
        (pending, cancelled, finished) = states
        self.names = names
    }

    /// What the collector must keep alive for the natives.
    func trace(_ tracer: inout Tracer) {
        for type in [future, task, handle, cancelledError, invalidStateError] { tracer.mark(type) }
        tracer.mark(loopState)
        tracer.mark(allTasks)
        for value in [pending, cancelled, finished, addDoneCallback, callSoon, taskStep, taskWakeup] { tracer.mark(value) }
    }
}

/// The field names of futures, tasks, handles and loops, interned once.
struct AsyncioNames {
    let state, result, exception, callbacks, loop, blocking, logTraceback: PyStr
    let cancelMessage, cancelledException, coroutine, waiter, mustCancel, name: PyStr
    let ready, callback, arguments, handleCancelled, closed, debug, currentTask: PyStr

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
    }
}

extension VM {
    /// `_install_core(Future, Task, Handle, BaseEventLoop, CancelledError,
    /// InvalidStateError, _state, _all_tasks, (_PENDING, _CANCELLED, _FINISHED))`.
    func installAsyncioCore(_ arguments: Arguments) throws(PyError) -> Value {
        try arguments.expect("_install_core", self, min: 9, max: 9)
        let classes = (0..<6).compactMap { arguments[$0].as(PyType.self) }
        guard classes.count == 6, let loopState = arguments[6].object, let allTasks = arguments[7].as(PyDict.self),
              let states = arguments[8].as(PyTuple.self), states.items.count == 3 else {
            throw typeError("_install_core(): bad arguments")
        }
        let core = AsyncioCore(future: classes[0], task: classes[1], handle: classes[2], cancelledError: classes[4],
                               invalidStateError: classes[5], loopState: loopState, allTasks: allTasks,
                               states: (states.items[0], states.items[1], states.items[2]), names: AsyncioNames(intern))
        asyncioCore = core
        installFutureMethods(core)
        installTaskMethods(core)
        installLoopMethods(core, loop: classes[3])
        typeEpoch.pointee += 1
        return .none
    }

    /// A field of a future, task, handle or loop: its instance dict's entry, else the
    /// class default.
    @inline(__always)
    func field(_ object: PyObject, _ name: PyStr) -> Value {
        if let attributes = object.attributes, let value = attributes.lookupString(name) { return value }
        return object.type.lookup(name) ?? .none
    }

    @inline(__always)
    func setField(_ object: PyObject, _ name: PyStr, _ value: Value) {
        if let attributes = object.attributes {
            attributes.setString(name, value)
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
            throw typeError("descriptor '\(method)' for '\(owner.name)' objects doesn't apply to a '\(typeName(arguments[0]))' object")
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
