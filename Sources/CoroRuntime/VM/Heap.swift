/// Coro's garbage collector: mark and sweep, as in Lua, Wren and clox.
///
/// `objects` holds the only strong references to collectable objects; values hold
/// unmanaged ones. A collection marks everything reachable from the roots the VM
/// hands it, then drops every unmarked object (ARC frees it). Collections happen only
/// at safepoints of the dispatch loop, once allocations since the last one pass a
/// threshold that grows with the live heap; `stress` collects at every safepoint.
final class Heap {
    @exclusivity(unchecked) private(set) var objects: [PyObject] = []
    /// Objects that are never collected (builtin types, constants, interned names).
    @exclusivity(unchecked) private var immortals: [PyObject] = []
    @exclusivity(unchecked) private(set) var epoch: UInt32 = 1
    /// Collect at every safepoint (`CORO_GC_STRESS=1`).
    let stress: Bool
    /// Objects the heap may hold before the next collection: three times what the last
    /// one kept, and at least `minimumThreshold`. A small floor keeps a program that
    /// makes short-lived objects (exceptions, coroutines) in a small, cache-warm heap:
    /// 200,000 made exceptions.py 1.6x slower and its heap 3x larger.
    @exclusivity(unchecked) private var threshold = Heap.minimumThreshold
    static let minimumThreshold = 20_000
    @exclusivity(unchecked) private(set) var collections = 0
    /// Allocations left before the next collection. A pointer, so that the dispatch
    /// loop reads it without exclusivity checks.
    let budget: UnsafeMutablePointer<Int>

    init(stress: Bool) {
        self.stress = stress
        budget = .allocate(capacity: 1)
        budget.initialize(to: stress ? 0 : threshold)
    }

    deinit {
        budget.deallocate()
    }

    @inline(__always)
    func register<T: PyObject>(_ object: T) -> T {
        objects.append(object)
        budget.pointee -= 1
        return object
    }

    /// Registers an object that owns `storageBytes` outside itself (a big int's words, a
    /// string's text) and charges the budget one allocation per 128 of those bytes, so
    /// that large objects bring the next collection forward as Lua's byte-counted debt
    /// does. Counting them as one allocation each let `a, b = b, a + b` on 4 KB ints
    /// grow the heap to 10 times CPython's.
    @inline(__always)
    func register<T: PyObject>(_ object: T, storageBytes: Int) -> T {
        budget.pointee -= storageBytes >> 7
        return register(object)
    }

    /// Set for the last collections of a process that exits right after them: what they
    /// find unreachable is kept (in `abandoned`) for the process's end to reclaim at once,
    /// instead of being freed object by object (a tenth of a run that leaves a million
    /// objects behind).
    @exclusivity(unchecked) var abandonsGarbage = false
    private var abandoned: [[PyObject]] = []

    /// Keeps `object` alive for the interpreter's lifetime.
    func makeImmortal<T: PyObject>(_ object: T) -> T {
        immortals.append(object)
        return object
    }

    /// Coroutines found unreachable that never ran (CPython warns about each:
    /// "coroutine 'f' was never awaited"); the VM reports and empties this.
    @exclusivity(unchecked) var unawaited: [(name: String, code: Unmanaged<RuntimeCode>, instruction: Int)] = []

    private func noteUnawaited(_ generator: PyGenerator) {
        if generator.state == .created, let site = generator.creationSite {
            unawaited.append((generator.qualifiedName, site.code, site.instruction))
        }
    }

    /// Unreachable objects whose class defines `__del__`, kept alive (with all they
    /// reach) by the collection that found them, for the VM to finalize; each object is
    /// finalized once (PEP 442), and collected by a later collection.
    @exclusivity(unchecked) var finalizable: [PyObject] = []

    /// Marks from the roots `markRoots` reports, resurrects the unreachable objects that
    /// `needsFinalizer` picks (with what they reach), and drops the rest.
    func collect(_ markRoots: (inout Tracer) -> Void, needsFinalizer: ((PyObject) -> Bool)? = nil) {
        epoch &+= 1
        if epoch == 0 { epoch = 1 }
        var tracer = Tracer(epoch: epoch)
        for immortal in immortals { tracer.mark(immortal) }
        markRoots(&tracer)
        tracer.drain()
        let current = epoch
        let found = finalizable.count
        // One pass: the reachable objects move to the front; an unreachable one may be
        // an unawaited coroutine (noted) or need its finalizer (queued, to be resurrected).
        var kept = 0
        objects.withUnsafeMutableBufferPointer { buffer in
            for index in 0..<buffer.count {
                unowned(unsafe) let object = buffer[index]
                if object.markEpoch == current {
                    if kept != index { buffer.swapAt(kept, index) }
                    kept += 1
                } else if type(of: object) == PyGenerator.self {
                    noteUnawaited(unsafeDowncast(object, to: PyGenerator.self))
                } else if let needsFinalizer, !object.isFinalized,
                          !object.typeStorage._withUnsafeGuaranteedRef({ $0.isBuiltin }), needsFinalizer(object) {
                    object.isFinalized = true
                    finalizable.append(object)
                }
            }
        }
        if finalizable.count > found {
            // Resurrection: what the queued objects reach stays too (for their finalizers).
            for object in finalizable[found...] { tracer.mark(object) }
            tracer.drain()
            objects.withUnsafeMutableBufferPointer { buffer in
                for index in kept..<buffer.count where buffer[index].markEpoch == current {
                    if kept != index { buffer.swapAt(kept, index) }
                    kept += 1
                }
            }
        }
        if abandonsGarbage && kept < objects.count {
            // The buffer moves whole to `abandoned`: no object is released, none freed.
            let reachable = Array(objects[..<kept])
            abandoned.append(objects)
            objects = reachable
        } else {
            objects.removeSubrange(kept...)
        }
        threshold = max(Heap.minimumThreshold, kept * 3)
        budget.pointee = stress ? 0 : threshold - kept
        collections += 1
    }
}

/// The mark phase's work list (unmanaged: marking does no reference counting).
struct Tracer {
    let epoch: UInt32
    private var pending: [Unmanaged<PyObject>] = []

    init(epoch: UInt32) {
        self.epoch = epoch
        pending.reserveCapacity(1024)
    }

    @inline(__always)
    mutating func mark(_ value: Value) {
        if case .object(let reference) = value { mark(reference) }
    }

    @inline(__always)
    mutating func mark(_ reference: Unmanaged<PyObject>) {
        let isNew = reference._withUnsafeGuaranteedRef { object -> Bool in
            if object.markEpoch == epoch { return false }
            object.markEpoch = epoch
            return true
        }
        if isNew { pending.append(reference) }
    }

    mutating func mark(_ object: PyObject) {
        mark(Unmanaged.passUnretained(object))
    }

    mutating func mark<S: Sequence<Value>>(_ values: S) {
        for value in values { mark(value) }
    }

    mutating func drain() {
        while let reference = pending.popLast() {
            reference._withUnsafeGuaranteedRef { object in
                // An object keeps its class alive: a script class may be reachable
                // only through its instances.
                mark(Unmanaged<PyObject>.fromOpaque(object.typeStorage.toOpaque()))
                object.trace(&self)
            }
        }
    }
}
