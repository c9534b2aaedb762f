/// A stable merge sort whose comparison may run script code (and throw), as `list.sort`
/// and `sorted` need: only `<` is used, as in CPython.
extension VM {
    func sortValues(_ items: inout [Value], key: Value, reverse: Bool) throws(PyError) {
        if items.count < 2 { return }
        var keys = items
        if !key.isNone {
            let mark = temporaryRoots.count
            temporaryRoots.append(contentsOf: items)
            defer { temporaryRoots.removeSubrange(mark...) }
            for index in keys.indices {
                keys[index] = try call(key, [items[index]])
                temporaryRoots.append(keys[index])
            }
        }
        var order = Array(keys.indices)
        if reverse { order.reverse() }
        var buffer = order
        try mergeSort(&order, &buffer, 0, order.count, keys)
        if reverse { order.reverse() }
        items = order.map { items[$0] }
    }

    private func lessThan(_ a: Value, _ b: Value) throws(PyError) -> Bool {
        switch (a, b) {
        case let (.int(x), .int(y)): return x < y
        case let (.float(x), .float(y)): return x < y
        default:
            if let x = a.as(PyStr.self), let y = b.as(PyStr.self) { return compareText(x.value, y.value) < 0 }
            return try compareBool(a, b, .lt)
        }
    }

    private func mergeSort(_ order: inout [Int], _ buffer: inout [Int], _ low: Int, _ high: Int, _ keys: [Value]) throws(PyError) {
        if high - low <= 16 {
            var index = low + 1
            while index < high {
                let current = order[index]
                var position = index
                while position > low, try lessThan(keys[current], keys[order[position - 1]]) {
                    order[position] = order[position - 1]
                    position -= 1
                }
                order[position] = current
                index += 1
            }
            return
        }
        let middle = (low + high) / 2
        try mergeSort(&order, &buffer, low, middle, keys)
        try mergeSort(&order, &buffer, middle, high, keys)
        if !(try lessThan(keys[order[middle]], keys[order[middle - 1]])) { return }
        var left = low
        var right = middle
        var output = low
        while left < middle && right < high {
            if try lessThan(keys[order[right]], keys[order[left]]) {
                buffer[output] = order[right]
                right += 1
            } else {
                buffer[output] = order[left]
                left += 1
            }
            output += 1
        }
        while left < middle {
            buffer[output] = order[left]
            left += 1
            output += 1
        }
        while right < high {
            buffer[output] = order[right]
            right += 1
            output += 1
        }
        for index in low..<high { order[index] = buffer[index] }
    }
}
