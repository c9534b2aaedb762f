import HeapModule

/// The loop's timers (`loop._scheduled`): its TimerHandles in a native heap ordered by
/// (deadline, sequence), so that equal deadlines fire in the order they were scheduled.
/// An entry is a plain struct: scheduling a timer makes no tuple, and sifting compares
/// doubles instead of calling the script comparison on `(when, seq, handle)` tuples.
///
/// Invariant: a TimerHandle is in `entries` exactly while its `_scheduled` slot is True;
/// `cancelledCount` counts those among them that were cancelled (CPython's
/// `_timer_cancelled_count`).
final class PyTimerHeap: PyObject {
    struct Entry: Comparable {
        let when: Double
        let sequence: Int
        let timer: Unmanaged<PyObject>

        static func < (left: Entry, right: Entry) -> Bool {
            left.when < right.when || (left.when == right.when && left.sequence < right.sequence)
        }

        static func == (left: Entry, right: Entry) -> Bool {
            left.when == right.when && left.sequence == right.sequence
        }
    }

    /// swift-collections' heap (`Heap` alone is Coro's collector).
    typealias Entries = HeapModule.Heap<Entry>

    @exclusivity(unchecked) var entries = Entries()
    /// The sequence number of the last timer scheduled.
    @exclusivity(unchecked) var sequence = 0
    @exclusivity(unchecked) var cancelledCount = 0

    override func trace(_ tracer: inout Tracer) {
        super.trace(&tracer)
        for entry in entries.unordered { tracer.mark(entry.timer) }
    }

    /// Adds a timer (a TimerHandle or a sleep's future), after those of equal deadline.
    func schedule(_ timer: PyObject, at deadline: Double) {
        sequence += 1
        entries.insert(Entry(when: deadline, sequence: sequence, timer: Unmanaged.passUnretained(timer)))
    }
}

extension VM {
    /// `_new_timers()` (a loop's empty `_scheduled`), `len()` of one, and
    /// `_cancelled_timers(timers)` (what the loop's `_timer_cancelled_count` reads).
    func installTimerHeap(_ namespace: PyDict) {
        defineFunction(namespace, "_new_timers") { vm, arguments throws(PyError) in
            try arguments.expect("_new_timers", vm, min: 0, max: 0)
            return Value(vm.heap.register(PyTimerHeap(type: vm.types.timerHeap)))
        }
        defineFunction(namespace, "_cancelled_timers") { vm, arguments throws(PyError) in
            .int(try vm.timerHeap(try arguments.exactlyOne("_cancelled_timers", vm)).cancelledCount)
        }
        defineMethod(types.timerHeap, "__len__") { vm, arguments throws(PyError) in
            .int(try vm.timerHeap(arguments[0]).entries.count)
        }
    }

    func timerHeap(_ value: Value) throws(PyError) -> PyTimerHeap {
        guard let timers = value.as(PyTimerHeap.self) else { throw typeError("expected the loop's timers, not \(try repr(value))") }
        return timers
    }

    /// A timer's deadline as the heap orders it. CPython compares deadlines only when the
    /// loop runs; a deadline that is not a number fails here, with that comparison's error.
    func timerDeadline(_ when: Value) throws(PyError) -> Double {
        guard let deadline = try floatValue(when) else {
            throw typeError("'>=' not supported between instances of '\(typeName(when))' and 'float'")
        }
        return deadline
    }
}
