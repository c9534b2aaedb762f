/// Finalization: the collector keeps unreachable objects that need it alive for one more
/// cycle (`Heap.finalizable`), and the VM then calls, once per object, their class's
/// `__del__`, or `_on_collected` for the classes registered with `collectionReports`
/// (asyncio's futures, which report an exception nobody retrieved, as CPython's C
/// futures do in their deallocator) when their state says there is something to report.
extension VM {
    /// Whether an unreachable object needs its finalizer run.
    func needsFinalizer(_ object: PyObject) -> Bool {
        let type = object.type
        guard !type.isBuiltin else { return false }
        if finalizersExist {
            let epoch = typeEpoch.pointee
            if type.finalizerEpoch != epoch {
                type.finalizerEpoch = epoch
                type.hasFinalizer = type.lookup(names.del) != nil
            }
            if type.hasFinalizer { return true }
        }
        guard !collectionReports.isEmpty, collectionReports.contains(where: { type.isSubtype(of: $0) }) else { return false }
        // The flags are the future's own (AsyncioFutureFlags.swift).
        if object.flags.contains(.logTraceback) { return true }
        if object.flags.contains(.logDestroyPending), field(object, names.futureState).as(PyStr.self)?.value == "PENDING" {
            return true
        }
        return false
    }

    /// Calls the finalizers of the objects collections found unreachable. As in CPython,
    /// an exception out of `__del__` is printed ("Exception ignored in") and not raised.
    /// The batch being finalized stays rooted while the methods run; a collection inside
    /// one queues more objects for the loop here.
    func runFinalizers() {
        guard finalizerBatch.isEmpty else { return }
        defer { finalizerBatch.removeAll() }
        while !heap.finalizable.isEmpty {
            finalizerBatch = heap.finalizable
            heap.finalizable.removeAll()
            for object in finalizerBatch {
                guard let method = object.type.lookup(names.del) ?? object.type.lookup(names.onCollected) else { continue }
                do throws(PyError) {
                    _ = try call(method, [Value(object)])
                } catch let thrown {
                    output.flush()
                    let described = (try? repr(method)) ?? "<__del__>"
                    errorOutput.write("Exception ignored in: \(described)\n" + formatException(thrown.exception))
                }
            }
        }
    }
}
