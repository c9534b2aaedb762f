/// Bits of state the natives keep on an object in `PyObject.flags`.
struct ObjectFlags: OptionSet {
    let rawValue: UInt8

    /// A sleep's future waiting in its loop's timer heap, in a TimerHandle's place: its
    /// `_scheduled` (see `AsyncioSleepTimer.swift`).
    static let inTimerHeap = ObjectFlags(rawValue: 1)
    /// That sleep's timer was cancelled: the handle's `_cancelled`.
    static let timerCancelled = ObjectFlags(rawValue: 2)
    /// A future's `_asyncio_future_blocking`, `_log_traceback` and `_log_destroy_pending`,
    /// and a task's `_must_cancel` (see `AsyncioFutureFlags.swift`).
    static let futureBlocking = ObjectFlags(rawValue: 4)
    static let logTraceback = ObjectFlags(rawValue: 8)
    static let logDestroyPending = ObjectFlags(rawValue: 16)
    static let mustCancel = ObjectFlags(rawValue: 32)
}

/// The base of every heap object. Objects are owned by the interpreter's `Heap` (a
/// tracing collector), not by the values that refer to them; references between
/// objects are `Value`s, which the collector follows through `trace`.
public class PyObject {
    /// The object's class; unowned like every reference between heap objects (the
    /// collector marks it with the object).
    @exclusivity(unchecked) final var typeStorage: Unmanaged<PyType>
    /// The collection epoch in which the object was last marked reachable.
    @exclusivity(unchecked) final var markEpoch: UInt32 = 0
    /// Whether `__del__` has run (or been queued) for the object: it runs once.
    @exclusivity(unchecked) final var isFinalized = false
    /// What the natives note on an object that has no field for it (it fits in the
    /// padding before `attributesReference`: no object grows for it).
    @exclusivity(unchecked) final var flags = ObjectFlags()
    /// The instance `__dict__`, unowned like every reference between heap objects
    /// (the heap owns the dict).
    @exclusivity(unchecked) final var attributesReference: Unmanaged<PyDict>?

    final var attributes: PyDict? {
        get { attributesReference?.takeUnretainedValue() }
        set { attributesReference = newValue.map(Unmanaged.passUnretained) }
    }

    init(type: PyType) {
        typeStorage = Unmanaged.passUnretained(type)
    }

    /// For the bootstrap of `type` itself, whose type is patched right after.
    init(uninitializedType: ()) {
        typeStorage = Unmanaged<PyType>.fromOpaque(UnsafeRawPointer(bitPattern: 0x10)!)
    }

    @inline(__always)
    final var type: PyType { typeStorage.takeUnretainedValue() }

    /// Marks the values this object refers to.
    func trace(_ tracer: inout Tracer) {
        if let attributes { tracer.mark(attributes) }
    }
}
