/// The event loop's hot path, natively: `call_soon` (a Handle on the ready list),
/// `Handle._run`, and running one pass's handles in order.
extension VM {
    func installLoopMethods(_ core: AsyncioCore, loop: PyType) {
        core.callSoon = defineCoreMethod(loop, "call_soon") { vm, arguments throws(PyError) in
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
        defineCoreMethod(loop, "_run_handles") { vm, arguments throws(PyError) in
            // One pass: each handle not cancelled runs, in order, and is let go once it
            // has run (as CPython's popleft does), so that a pass that starts many tasks
            // does not keep all their first steps until it ends.
            try arguments.expectMethod("_run_handles", vm, min: 1, max: 1)
            guard let ready = arguments[1].as(PyList.self) else { throw vm.typeError("_run_handles() expects a list") }
            var index = 0
            while index < ready.items.count {
                let value = ready.items[index]
                ready.items[index] = .none
                index += 1
                guard let handle = value.object else { continue }
                let type = handle.type
                let isNative = type === core.handle || type === core.timerHandle
                let cancelled = isNative || type.isSubtype(of: core.handle)
                    ? vm.slot(handle, core.slots.handleCancelled) : try vm.getAttribute(value, vm.intern("_cancelled"))
                if try vm.isTrue(cancelled) { continue }
                try vm.withRoots([value]) { () throws(PyError) in
                    if isNative {
                        try vm.runHandle(handle, core)
                    } else {
                        _ = try vm.callMethod(value, "_run", [])
                    }
                }
            }
            return .none
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
        guard let ready = field(loop, core.names.ready).as(PyList.self) else { throw typeError("the loop's ready queue is not a list") }
        ready.items.append(Value(handle))
        return handle
    }

    /// A Handle or TimerHandle of an open loop, with the fields `Handle.__init__` sets.
    func makeHandle(_ type: PyType, _ loop: PyObject, _ callback: Value, _ arguments: [Value],
                    _ core: AsyncioCore) throws(PyError) -> PyObject {
        let names = core.names
        if try isTrue(field(loop, names.closed)) { throw error("RuntimeError", "Event loop is closed") }
        let handle = newInstance(type)
        let slots = core.slots
        setSlot(handle, slots.callback, callback)
        setSlot(handle, slots.arguments, arguments.isEmpty ? Value(emptyTuple) : tuple(arguments))
        setSlot(handle, slots.handleLoop, Value(loop))
        setSlot(handle, slots.handleCancelled, .bool(false))
        return handle
    }

    /// Calls the handle's callback; what it raises goes to the loop's exception handler
    /// (except SystemExit and KeyboardInterrupt, which end the loop). The callback is
    /// rooted while it runs: it may cancel its own handle.
    private func runHandle(_ handle: PyObject, _ core: AsyncioCore) throws(PyError) {
        let names = core.names
        let callback = slot(handle, core.slots.callback)
        let arguments = slot(handle, core.slots.arguments).as(PyTuple.self)?.items ?? []
        do throws(PyError) {
            _ = try withRoots([callback]) { () throws(PyError) in try call(callback, arguments) }
        } catch let failure {
            let raised = failure.exception
            if raised.type.isSubtype(of: types[exception: "SystemExit"]) || raised.type.isSubtype(of: types[exception: "KeyboardInterrupt"]) {
                throw failure
            }
            let context = newDict()
            try withRoots([Value(context), Value(raised), callback]) { () throws(PyError) in
                context.setString(intern("message"), str("Exception in callback \(try repr(callback))"))
                context.setString(intern("exception"), Value(raised))
                context.setString(intern("handle"), Value(handle))
                _ = try callMethod(slot(handle, core.slots.handleLoop), "call_exception_handler", [Value(context)])
            }
        }
    }
}
