/// `heapq`, natively, with CPython's algorithm (only `<` is used, and equal items end up
/// where CPython's put them). asyncio's PriorityQueue uses it.
extension VM {
    func makeHeapqModule() -> PyModule {
        nativeModule("heapq") { dict in
            defineFunction(dict, "heappush") { vm, arguments throws(PyError) in
                try arguments.expect("heappush", vm, min: 2, max: 2)
                try vm.heapPush(try vm.heapArgument(arguments[0], "heappush"), arguments[1])
                return .none
            }
            defineFunction(dict, "heappop") { vm, arguments throws(PyError) in
                let heap = try vm.heapArgument(try arguments.exactlyOne("heappop", vm), "heappop", alone: true)
                guard let last = heap.items.popLast() else { throw vm.error("IndexError", "index out of range") }
                guard !heap.items.isEmpty else { return last }
                return try vm.replaceTop(heap, with: last)
            }
            defineFunction(dict, "heapreplace") { vm, arguments throws(PyError) in
                try arguments.expect("heapreplace", vm, min: 2, max: 2)
                let heap = try vm.heapArgument(arguments[0], "heapreplace")
                guard !heap.items.isEmpty else { throw vm.error("IndexError", "index out of range") }
                return try vm.replaceTop(heap, with: arguments[1])
            }
            defineFunction(dict, "heappushpop") { vm, arguments throws(PyError) in
                try arguments.expect("heappushpop", vm, min: 2, max: 2)
                let heap = try vm.heapArgument(arguments[0], "heappushpop")
                guard let top = heap.items.first, try vm.compareBool(top, arguments[1], .lt) else { return arguments[1] }
                // The comparison ran script code, which may have emptied the heap.
                guard !heap.items.isEmpty else { throw vm.error("IndexError", "index out of range") }
                return try vm.replaceTop(heap, with: arguments[1])
            }
            defineFunction(dict, "heapify") { vm, arguments throws(PyError) in
                let heap = try vm.heapArgument(try arguments.exactlyOne("heapify", vm), "heapify", alone: true)
                for position in stride(from: heap.items.count / 2 - 1, through: 0, by: -1) {
                    try vm.siftUp(heap, from: position)
                }
                return .none
            }
        }
    }

    private func heapPush(_ heap: PyList, _ item: Value) throws(PyError) {
        heap.items.append(item)
        try siftDown(heap, from: 0, to: heap.items.count - 1)
    }

    /// Puts `item` at the top of a non-empty heap and sifts it into place; returns the
    /// item it replaced (rooted meanwhile: the heap no longer holds it).
    private func replaceTop(_ heap: PyList, with item: Value) throws(PyError) -> Value {
        let top = heap.items[0]
        heap.items[0] = item
        try withRoots([top]) { () throws(PyError) in try siftUp(heap, from: 0) }
        return top
    }

    /// The heap argument of `function`, with Argument Clinic's message when not a list.
    private func heapArgument(_ value: Value, _ function: String, alone: Bool = false) throws(PyError) -> PyList {
        guard let heap = value.as(PyList.self) else {
            let described = value.isNone ? "None" : typeName(value)
            throw typeError("\(function)() argument\(alone ? "" : " 1") must be list, not \(described)")
        }
        return heap
    }

    /// `heap[a] < heap[b]`, failing as CPython does if a comparison changed the list.
    private func heapLess(_ heap: PyList, _ left: Value, _ right: Value, size: Int) throws(PyError) -> Bool {
        let less = try compareBool(left, right, .lt)
        if heap.items.count != size { throw error("RuntimeError", "list changed size during iteration") }
        return less
    }

    /// Moves the item at `position` up towards `start` while it is less than its parent.
    private func siftDown(_ heap: PyList, from start: Int, to end: Int) throws(PyError) {
        let size = heap.items.count
        guard end < size else { throw error("IndexError", "index out of range") }
        var position = end
        let item = heap.items[position]
        try withRoots([item]) { () throws(PyError) in
            while position > start {
                let parentPosition = (position - 1) >> 1
                let parent = heap.items[parentPosition]
                guard try heapLess(heap, item, parent, size: size) else { break }
                heap.items[position] = parent
                position = parentPosition
            }
            heap.items[position] = item
        }
    }

    /// Moves the smaller child up until a leaf is reached, puts the item there, then
    /// sifts it back down (CPython's `_siftup`: fewer comparisons on average).
    private func siftUp(_ heap: PyList, from start: Int) throws(PyError) {
        let size = heap.items.count
        guard start < size else { return }
        var position = start
        let item = heap.items[position]
        try withRoots([item]) { () throws(PyError) in
            var child = 2 * position + 1
            while child < size {
                let right = child + 1
                if right < size, !(try heapLess(heap, heap.items[child], heap.items[right], size: size)) { child = right }
                heap.items[position] = heap.items[child]
                position = child
                child = 2 * position + 1
            }
            heap.items[position] = item
        }
        try siftDown(heap, from: start, to: position)
    }
}
