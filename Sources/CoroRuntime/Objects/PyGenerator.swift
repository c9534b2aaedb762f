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
    /// The function's names when the generator was made, if they differ from its code's
    /// (a function renamed after its definition); nil, the usual case, costs nothing.
    /// Last: the fields above are what every resume and yield touch, kept together.
    private let renamed: (name: String, qualifiedName: String)?
    var name: String { renamed?.name ?? code.code.name }
    var qualifiedName: String { renamed?.qualifiedName ?? code.code.qualifiedName }

    /// Everything comes from `function`, which the caller holds (unmanaged: making a
    /// coroutine for every `await f()` counts no references).
    init(type: Unmanaged<PyType>, function: Unmanaged<PyFunction>) {
        let code = function._withUnsafeGuaranteedRef { Unmanaged.passUnretained($0.code) }
        self.code = code.takeUnretainedValue()
        globalsReference = function._withUnsafeGuaranteedRef { $0.globalsReference }
        renamed = function._withUnsafeGuaranteedRef { function in
            code._withUnsafeGuaranteedRef { code in
                function.name == code.code.name && function.qualifiedName == code.code.qualifiedName
                    ? nil : (function.name, function.qualifiedName)
            }
        }
        let frameSize = code._withUnsafeGuaranteedRef { $0.frameSize }
        slots = .allocate(capacity: max(1, frameSize))
        slots.initialize(repeating: .null, count: frameSize)
        stackTop = code._withUnsafeGuaranteedRef { $0.localCount + $0.derefCount }
        super.init(type: type.takeUnretainedValue())
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
