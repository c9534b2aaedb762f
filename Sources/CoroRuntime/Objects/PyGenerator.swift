/// A generator, coroutine or async generator: it owns a suspended frame's slots.
public final class PyGenerator: PyObject {
    enum State { case created, suspended, running, finished }

    /// First, so that the collector's check of dead coroutines reads one cache line.
    @exclusivity(unchecked) var state = State.created
    /// Owned by the VM's loaded code, like a function's.
    unowned(unsafe) let code: RuntimeCode
    /// Traced below; unmanaged so that making, resuming and freeing a generator counts
    /// no references.
    let globalsReference: Unmanaged<PyDict>
    var globals: PyDict { globalsReference.takeUnretainedValue() }
    @exclusivity(unchecked) var name: String
    @exclusivity(unchecked) var qualifiedName: String
    let slots: UnsafeMutablePointer<Value>
    /// Live slots: locals and cells, then the value stack up to here (an offset).
    @exclusivity(unchecked) var stackTop: Int
    @exclusivity(unchecked) var ip = 0
    /// The exception being handled when the generator last yielded (CPython's gi_exc_state).
    @exclusivity(unchecked) var savedException: Value = .none
    /// Whether the last yield was an async generator's own `yield`, not an `await`
    /// passing a future through (CPython wraps those values instead).
    @exclusivity(unchecked) var yieldedValue = false
    /// Where a coroutine was made (the calling code and instruction), to warn there if
    /// it is collected without ever running.
    @exclusivity(unchecked) var creationSite: (code: Unmanaged<RuntimeCode>, instruction: Int)?

    init(type: PyType, code: RuntimeCode, globals: PyDict, name: String, qualifiedName: String) {
        self.code = code
        globalsReference = Unmanaged.passUnretained(globals)
        self.name = name
        self.qualifiedName = qualifiedName
        slots = .allocate(capacity: max(1, code.frameSize))
        slots.initialize(repeating: .null, count: code.frameSize)
        stackTop = code.localCount + code.derefCount
        super.init(type: type)
    }

    deinit {
        slots.deallocate()
    }

    override func trace(_ tracer: inout Tracer) {
        super.trace(&tracer)
        tracer.mark(globals)
        tracer.mark(savedException)
        if state != .finished {
            for index in 0..<stackTop { tracer.mark(slots[index]) }
        }
    }

    /// Drops the frame's values once the generator has finished.
    func finish() {
        state = .finished
        stackTop = 0
    }
}
