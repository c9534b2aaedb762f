/// An instance of a class that declares `__slots__`: its slot values live in one
/// fixed-size buffer (a class's own slots after its bases', so a base's indices hold in
/// every subclass), and it has an attribute dict only if a class on its MRO asks for one.
///
/// Invariant: every instance of a class whose `slotCount` is above zero is a
/// `PySlottedObject` with at least that many slots (`VM.newInstance` makes them all), so
/// code that has checked the class may downcast without a dynamic cast.
public final class PySlottedObject: PyObject {
    /// `null` marks a slot never assigned (or deleted): reading it raises AttributeError.
    let slots: UnsafeMutablePointer<Value>
    let slotCount: Int

    override init(type: PyType) {
        slotCount = type.slotCount
        slots = .allocate(capacity: max(1, slotCount))
        slots.initialize(repeating: .null, count: slotCount)
        super.init(type: type)
    }

    deinit {
        slots.deallocate()
    }

    override func trace(_ tracer: inout Tracer) {
        super.trace(&tracer)
        for index in 0..<slotCount { tracer.mark(slots[index]) }
    }
}

/// A `member_descriptor`: what `__slots__` puts in the class dict for each name; it reads
/// and writes slot `index` of instances of `owner` and its subclasses.
public final class PyMember: PyObject {
    unowned(unsafe) let name: PyStr
    unowned(unsafe) let owner: PyType
    let index: Int

    init(type: PyType, name: PyStr, owner: PyType, index: Int) {
        self.name = name
        self.owner = owner
        self.index = index
        super.init(type: type)
    }

    override func trace(_ tracer: inout Tracer) {
        super.trace(&tracer)
        tracer.mark(name)
        tracer.mark(owner)
    }

    /// `object` as an instance this descriptor applies to (slotted, of `owner` or a
    /// subclass), or nil.
    func instance(of object: PyObject) -> PySlottedObject? {
        guard let instance = object as? PySlottedObject, instance.type.isSubtype(of: owner), index < instance.slotCount else {
            return nil
        }
        return instance
    }
}
