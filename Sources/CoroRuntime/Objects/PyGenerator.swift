/// A generator, coroutine or async generator: it owns a suspended frame's slots.
public final class PyGenerator: PyObject {
    enum State: UInt8 { case created, suspended, running, finished }

    // Packed into 112 bytes (a program of many sleeping tasks holds two coroutines per
    // task): the narrow fields come first, `state` at their head, so that the collector's
    // check of dead coroutines reads one cache line.
    @exclusivity(unchecked) var state = State.created
    /// Whether the last yield was an async generator's own `yield`, not an `await`
    /// passing a future through (CPython wraps those values instead).
    @exclusivity(unchecked) var yieldedValue = false
    @exclusivity(unchecked) private var storedInstruction: Int32 = 0
    @exclusivity(unchecked) private var storedStackTop: Int32
    @exclusivity(unchecked) private var creationInstruction: Int32 = 0
    /// Owned by the VM's loaded code, like a function's.
    unowned(unsafe) let code: RuntimeCode
    /// Traced below; unmanaged so that making, resuming and freeing a generator counts
    /// no references.
    let globalsReference: Unmanaged<PyDict>
    var globals: PyDict { globalsReference.takeUnretainedValue() }
    let slots: UnsafeMutablePointer<Value>
    @exclusivity(unchecked) private var creationCode: Unmanaged<RuntimeCode>?
    /// The function's names when the generator was made, if they differ from its code's
    /// (a function renamed after its definition); nil, the usual case, costs nothing.
    private let renamed: GeneratorNames?
    /// The exception being handled when the generator last yielded (CPython's gi_exc_state).
    @exclusivity(unchecked) var savedException: Value = .none

    /// The instruction to resume at (frames are far smaller than 2^31 instructions).
    var ip: Int {
        get { Int(storedInstruction) }
        set { storedInstruction = Int32(truncatingIfNeeded: newValue) }
    }
    /// Live slots: locals and cells, then the value stack up to here (an offset).
    var stackTop: Int {
        get { Int(storedStackTop) }
        set { storedStackTop = Int32(truncatingIfNeeded: newValue) }
    }
    /// Where a coroutine was made (the calling code and instruction), to warn there if
    /// it is collected without ever running.
    var creationSite: (code: Unmanaged<RuntimeCode>, instruction: Int)? {
        get { creationCode.map { ($0, Int(creationInstruction)) } }
        set {
            creationCode = newValue?.code
            creationInstruction = Int32(truncatingIfNeeded: newValue?.instruction ?? 0)
        }
    }
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
                    ? nil : GeneratorNames(name: function.name, qualifiedName: function.qualifiedName)
            }
        }
        let frameSize = code._withUnsafeGuaranteedRef { $0.frameSize }
        slots = .allocate(capacity: max(1, frameSize))
        slots.initialize(repeating: .null, count: frameSize)
        storedStackTop = code._withUnsafeGuaranteedRef { Int32(truncatingIfNeeded: $0.localCount + $0.derefCount) }
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

/// A renamed function's names, kept by the generators it makes (rare, so out of line).
final class GeneratorNames {
    let name: String
    let qualifiedName: String

    init(name: String, qualifiedName: String) {
        self.name = name
        self.qualifiedName = qualifiedName
    }
}
