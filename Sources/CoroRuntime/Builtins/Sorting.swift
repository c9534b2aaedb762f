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
        if let sorted = sortHomogeneous(items, keys, reverse: reverse) {
            items = sorted
            return
        }
        var order = Array(keys.indices)
        if reverse { order.reverse() }
        var buffer = order
        try mergeSort(&order, &buffer, 0, order.count, keys)
        if reverse { order.reverse() }
        items = order.map { items[$0] }
    }

    /// Keys that are all small ints, all floats or all strings sort with Swift's own
    /// comparison (as CPython specialises its sort); ties keep their order (stable).
    private func sortHomogeneous(_ items: [Value], _ keys: [Value], reverse: Bool) -> [Value]? {
        func ordered<K>(_ extracted: [K], _ less: (K, K) -> Bool) -> [Value] {
            var order = Array(extracted.indices)
            if reverse { order.reverse() }
            order.sort { a, b in
                if less(extracted[a], extracted[b]) { return true }
                if less(extracted[b], extracted[a]) { return false }
                return reverse ? a > b : a < b
            }
            if reverse { order.reverse() }
            return order.map { items[$0] }
        }
        switch keys[0] {
        case .int:
            var ints: [Int] = []
            ints.reserveCapacity(keys.count)
            for key in keys {
                guard case .int(let number) = key else { return nil }
                ints.append(number)
            }
            return ordered(ints, <)
        case .float:
            var floats: [Double] = []
            floats.reserveCapacity(keys.count)
            for key in keys {
                guard case .float(let number) = key, !number.isNaN else { return nil }
                floats.append(number)
            }
            return ordered(floats, <)
        case .object(let reference) where reference.takeUnretainedValue() is PyTuple:
            // Tuples of small ints compare as Swift arrays do, lexicographically.
            var tuples: [[Int]] = []
            tuples.reserveCapacity(keys.count)
            for key in keys {
                guard let tuple = key.as(PyTuple.self), tuple.type === types.tuple else { return nil }
                var numbers: [Int] = []
                numbers.reserveCapacity(tuple.items.count)
                for item in tuple.items {
                    guard case .int(let number) = item else { return nil }
                    numbers.append(number)
                }
                tuples.append(numbers)
            }
            return ordered(tuples) { $0.lexicographicallyPrecedes($1) }
        default:
            var strings: [PyStr] = []
            strings.reserveCapacity(keys.count)
            for key in keys {
                guard let string = key.as(PyStr.self), string.type === types.str else { return nil }
                strings.append(string)
            }
            let texts = strings.map { Array($0.value.utf8) }
            return ordered(texts) { $0.lexicographicallyPrecedes($1) }
        }
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
