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
