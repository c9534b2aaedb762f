/// `__del__`: the collector keeps unreachable objects whose class defines it alive for
/// one more cycle (`Heap.finalizable`), and the VM calls it once per object.
extension VM {
    /// Calls `__del__` on the objects collections found unreachable. As in CPython, an
    /// exception out of `__del__` is printed ("Exception ignored in") and not raised.
    /// The batch being finalized stays rooted while the methods run; a collection inside
    /// one queues more objects for the loop here.
    func runFinalizers() {
        guard finalizerBatch.isEmpty else { return }
        defer { finalizerBatch.removeAll() }
        while !heap.finalizable.isEmpty {
            finalizerBatch = heap.finalizable
            heap.finalizable.removeAll()
            for object in finalizerBatch {
                guard let method = object.type.lookup(names.del) else { continue }
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
