/// The Swift class that holds instances of a type: builtin types and script classes
/// that subclass them share their base's layout.
enum Layout: UInt8 {
    case object, type, int, float, bool, none, str, bytes, list, tuple, dict, set, frozenset
    case function, builtin, method, cell, module, exception, generator, coroutine, range, slice
    case property, staticMethod, classMethod, superObject, iterator, code, file, other
}

/// A class: builtin or defined by a script. Its namespace is a dict; lookups walk the
/// method resolution order (C3), and a version number changes whenever a class on the
/// MRO is modified so that caches can tell when they are stale.
public final class PyType: PyObject {
    @exclusivity(unchecked) var name: String
    @exclusivity(unchecked) var qualifiedName: String
    @exclusivity(unchecked) var bases: [PyType]
    /// The MRO, this type first.
    @exclusivity(unchecked) var mro: [PyType] = [] {
        didSet {
            mroTable.deallocate()
            mroTable = .allocate(capacity: mro.count)
            _ = mroTable.initialize(from: mro.lazy.map(Unmanaged.passUnretained))
        }
    }
    /// The MRO for lookups and subtype checks: a buffer of its own (not an array, whose
    /// storage a reader would have to retain), read without reference counting.
    @exclusivity(unchecked) private var mroTable: UnsafeMutableBufferPointer<Unmanaged<PyType>>
    unowned(unsafe) let dict: PyDict
    let layout: Layout
    /// Whether scripts may subclass it.
    @exclusivity(unchecked) var isBaseType = true
    /// The most attributes an instance's dict has been seen to hold: new instances'
    /// dicts are made that large.
    @exclusivity(unchecked) var instanceAttributeCount = 0
    /// Whether the class defines `__del__`, as of type epoch `finalizerEpoch`.
    @exclusivity(unchecked) var hasFinalizer = false
    @exclusivity(unchecked) var finalizerEpoch = -1
    /// Whether instances get an attribute dict (classes defined by scripts, unless every
    /// one on the MRO declares `__slots__` without `__dict__`).
    @exclusivity(unchecked) var hasInstanceDict = false
    /// How many `__slots__` values instances hold, the bases' included (see
    /// `PySlottedObject`).
    @exclusivity(unchecked) var slotCount = 0
    @exclusivity(unchecked) var isBuiltin = true
    /// The script `__init__` that instances are made with, when calling the class needs
    /// nothing else (no custom `__new__`, a plain object layout); valid for one epoch.
    @exclusivity(unchecked) var initializerEpoch = -1
    @exclusivity(unchecked) var initializer: Unmanaged<PyFunction>?

    init(metatype: PyType?, name: String, bases: [PyType], dict: PyDict, layout: Layout) {
        self.name = name
        self.qualifiedName = name
        self.bases = bases
        self.dict = dict
        self.layout = layout
        mroTable = .allocate(capacity: 1)
        if let metatype {
            super.init(type: metatype)
        } else {
            super.init(uninitializedType: ())
            typeStorage = Unmanaged.passUnretained(self)
        }
        mro = [self]
        // (An initializer's own stores run no observers.)
        mroTable[0] = Unmanaged.passUnretained(self)
    }

    override func trace(_ tracer: inout Tracer) {
        super.trace(&tracer)
        tracer.mark(dict)
        for base in bases { tracer.mark(base) }
        for entry in mro { tracer.mark(entry) }
    }

    /// Per-class memo of what attribute names resolve to (see `AttributeCache`),
    /// indexed by the name's hash; made on first use (most builtin classes never need one).
    @exclusivity(unchecked) private var attributeMemo: UnsafeMutablePointer<AttributeCache>?
    /// Slots for 64 names, each read and written.
    static let attributeMemoSize = 128

    deinit {
        attributeMemo?.deallocate()
        mroTable.deallocate()
    }

    /// The memo slot for reading or writing the name whose text hashes to `hash`. By the
    /// text's hash, not the name's address: which names collide is then the same on
    /// every run (by address it depended on where malloc put them, and so did the speed
    /// of a program).
    @inline(__always)
    func cacheSlot(hash: Int, store: Bool) -> UnsafeMutablePointer<AttributeCache> {
        let memo: UnsafeMutablePointer<AttributeCache>
        if let attributeMemo {
            memo = attributeMemo
        } else {
            memo = .allocate(capacity: PyType.attributeMemoSize)
            memo.initialize(repeating: AttributeCache(), count: PyType.attributeMemoSize)
            attributeMemo = memo
        }
        let mixed = UInt(bitPattern: hash) &* 0x9E37_79B9_7F4A_7C15
        return memo + (Int(truncatingIfNeeded: mixed >> 58) &* 2 &+ (store ? 1 : 0))
    }

    /// Looks `name` up along the MRO.
    @inline(__always)
    func lookup(_ name: PyStr) -> Value? {
        for entry in mroTable {
            if let value = entry._withUnsafeGuaranteedRef({ $0.dict.lookupString(name) }) { return value }
        }
        return nil
    }

    func isSubtype(of other: PyType) -> Bool {
        if self === other { return true }
        let target = Unmanaged.passUnretained(other).toOpaque()
        for entry in mroTable where entry.toOpaque() == target { return true }
        return false
    }

    /// The nearest builtin type on the MRO (whose methods handle this layout).
    var builtinBase: PyType {
        for entry in mro where entry.isBuiltin { return entry }
        return self
    }
}
