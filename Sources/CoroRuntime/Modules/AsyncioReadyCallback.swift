/// A future's done callback on the loop's ready list, in place of the Handle and
/// arguments tuple that `loop.call_soon(callback, future)` would make (a third of their
/// size): when 200,000 tasks end in one pass, all their callbacks wait there at once.
/// It runs where the Handle would have, and what the callback raises is reported as
/// from that Handle.
final class PyReadyCallback: PyObject {
    let callback: Value
    unowned(unsafe) let future: PyObject

    init(type: PyType, callback: Value, future: PyObject) {
        self.callback = callback
        self.future = future
        super.init(type: type)
    }

    override func trace(_ tracer: inout Tracer) {
        super.trace(&tracer)
        tracer.mark(callback)
        tracer.mark(future)
    }
}

extension VM {
    /// `object`, from the ready list, as a done callback, told by its class.
    @inline(__always)
    func readyCallback(_ object: PyObject) -> PyReadyCallback? {
        object.type === types.readyCallback ? unsafeDowncast(object, to: PyReadyCallback.self) : nil
    }

    /// `loop.call_soon(callback, future)` for a future's done callback: on a loop whose
    /// `call_soon` is the native one, without a Handle.
    func scheduleDoneCallback(_ callback: Value, of future: PyObject, loop: Value, _ core: AsyncioCore) throws(PyError) {
        guard let ready = try nativeReadyList(loop, core) else { return try callSoon(loop, callback, [Value(future)], core) }
        ready.items.append(Value(heap.register(PyReadyCallback(type: types.readyCallback, callback: callback, future: future))))
    }

    func runReadyCallback(_ entry: PyReadyCallback, _ core: AsyncioCore) throws(PyError) {
        do throws(PyError) {
            _ = try call(entry.callback, [Value(entry.future)])
        } catch let failure {
            try reportCallbackFailure(failure, as: core.handle, on: slot(entry.future, core.slots.loop),
                                      callback: entry.callback, [Value(entry.future)], core)
        }
    }

    /// Its repr is the Handle's (what debug mode shows of a slow callback).
    func installReadyCallback(_ core: AsyncioCore) {
        defineMethod(types.readyCallback, "__repr__") { vm, arguments throws(PyError) in
            guard let entry = arguments[0].object.flatMap(vm.readyCallback) else { throw vm.typeError("expected a ready callback") }
            guard let loop = vm.slot(entry.future, core.slots.loop).object else { return vm.str("<Handle>") }
            let handle = try vm.makeHandle(core.handle, loop, entry.callback, [Value(entry.future)], core)
            return try vm.withRoots([Value(handle)]) { () throws(PyError) in vm.str(try vm.repr(Value(handle))) }
        }
    }
}
