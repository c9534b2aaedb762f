import BigInt

/// Subscripts, slices and `len()`.
extension VM {
    /// An index value as an Int (ints, bools, `__index__`).
    func index(_ value: Value, for what: String = "list") throws(PyError) -> Int {
        switch value {
        case .int(let number): return number
        case .bool(let flag): return flag ? 1 : 0
        default:
            if let big = value.as(PyBigInt.self) {
                if let small = big.small { return small }
                throw error("IndexError", "cannot fit '\(typeName(value))' into an index-sized integer")
            }
            let type = typeOf(value)
            if !type.isBuiltin, let method = type.lookup(names.index) {
                return try index(try call(method, [value]), for: what)
            }
            throw typeError("\(what) indices must be integers or slices, not \(type.name)")
        }
    }

    /// A position from a Python index (negative counts from the end), or nil if out of range.
    @inline(__always)
    func position(_ index: Int, count: Int) -> Int? {
        let resolved = index < 0 ? index + count : index
        return resolved >= 0 && resolved < count ? resolved : nil
    }

    /// CPython's slice indices for a sequence of `count` items: start, stop, step, length.
    func sliceIndices(_ slice: PySlice, count: Int) throws(PyError) -> (start: Int, stop: Int, step: Int, length: Int) {
        try sliceIndices(start: slice.start, stop: slice.stop, step: slice.step, count: count)
    }

    /// `sliceIndices` of a slice given by its parts (BINARY_SLICE makes no slice object).
    func sliceIndices(start: Value, stop: Value, step: Value,
                      count: Int) throws(PyError) -> (start: Int, stop: Int, step: Int, length: Int) {
        func component(_ value: Value) throws(PyError) -> Int? {
            if value.isNone { return nil }
            if let big = value.as(PyBigInt.self) { return big.small ?? (big.value > 0 ? Int.max : Int.min) }
            switch value {
            case .int(let number): return number
            case .bool(let flag): return flag ? 1 : 0
            default:
                let type = typeOf(value)
                if !type.isBuiltin, let method = type.lookup(names.index) { return try component(try call(method, [value])) }
                throw typeError("slice indices must be integers or None or have an __index__ method")
            }
        }
        let step = try component(step) ?? 1
        if step == 0 { throw error("ValueError", "slice step cannot be zero") }
        let defaultStart = step < 0 ? count - 1 : 0
        let defaultStop = step < 0 ? -1 : count
        func clamp(_ value: Int?, _ fallback: Int) -> Int {
            guard var value else { return fallback }
            if value < 0 {
                value = value > Int.min / 2 ? value + count : -1
                if value < 0 { value = step < 0 ? -1 : 0 }
            } else if value >= count {
                value = step < 0 ? count - 1 : count
            }
            return value
        }
        let start = clamp(try component(start), defaultStart)
        let stop = clamp(try component(stop), defaultStop)
        let length: Int
        if step > 0 {
            length = start < stop ? (stop - start - 1) / step + 1 : 0
        } else {
            length = start > stop ? (start - stop - 1) / (-step) + 1 : 0
        }
        return (start, stop, step, length)
    }

    func sliceItems<T>(_ items: [T], _ slice: PySlice) throws(PyError) -> [T] {
        let (start, _, step, length) = try sliceIndices(slice, count: items.count)
        if step == 1 { return Array(items[start..<start + length]) }
        var result: [T] = []
        result.reserveCapacity(length)
        var index = start
        for _ in 0..<length {
            result.append(items[index])
            index += step
        }
        return result
    }

    /// `container[start:stop]` of an exact str or list, made without a slice object; nil
    /// for any other container.
    func sliceExact(_ container: Value, _ start: Value, _ stop: Value) throws(PyError) -> Value? {
        guard case .object(let reference) = container else { return nil }
        let type = reference._withUnsafeGuaranteedRef { $0.typeStorage.toOpaque() }
        if type == typeAddresses.list {
            // The items as they are now: a bound's __index__ may change the list.
            let items = reference._withUnsafeGuaranteedRef { unsafeDowncast($0, to: PyList.self).items }
            let (lower, _, _, length) = try sliceIndices(start: start, stop: stop, step: .none, count: items.count)
            return list(Array(items[lower..<lower + length]))
        }
        guard type == typeAddresses.str else { return nil }
        let count = reference._withUnsafeGuaranteedRef { unsafeDowncast($0, to: PyStr.self).count }
        let (lower, _, _, length) = try sliceIndices(start: start, stop: stop, step: .none, count: count)
        return reference._withUnsafeGuaranteedRef { substring(unsafeDowncast($0, to: PyStr.self), lower..<lower + length) }
    }

    /// Code points `range` of `string` as a new str.
    func substring(_ string: PyStr, _ range: Range<Int>) -> Value {
        let piece = string.substring(range)
        return string.isASCII ? str(piece, count: range.count, isASCII: true) : str(piece)
    }

    func getItem(_ container: Value, _ key: Value) throws(PyError) -> Value {
        guard case .object(let reference) = container else {
            throw typeError("'\(typeName(container))' object is not subscriptable")
        }
        let object = reference.takeUnretainedValue()
        if !object.type.isBuiltin, let method = object.type.lookup(names.getitem), method.object is PyFunction {
            return try call(method, [container, key])
        }
        switch object {
        case let list as PyList:
            if let slice = key.as(PySlice.self) { return self.list(try sliceItems(list.items, slice)) }
            guard let position = position(try index(key), count: list.items.count) else {
                throw error("IndexError", "list index out of range")
            }
            return list.items[position]
        case let tuple as PyTuple:
            if let slice = key.as(PySlice.self) { return self.tuple(try sliceItems(tuple.items, slice)) }
            guard let position = position(try index(key, for: "tuple"), count: tuple.items.count) else {
                throw error("IndexError", "tuple index out of range")
            }
            return tuple.items[position]
        case let string as PyStr:
            if let slice = key.as(PySlice.self) {
                let (start, _, step, length) = try sliceIndices(slice, count: string.count)
                if step == 1 { return substring(string, start..<start + length) }
                var scalars = String.UnicodeScalarView()
                var index = start
                for _ in 0..<length {
                    scalars.append(string.scalar(at: index))
                    index += step
                }
                return str(String(scalars))
            }
            guard let position = position(try index(key, for: "string"), count: string.count) else {
                throw error("IndexError", "string index out of range")
            }
            return str(String(string.scalar(at: position)))
        case let dict as PyDict:
            if let value = try dict.lookup(key, vm: self) { return value }
            if !object.type.isBuiltin, let missing = object.type.lookup(names.missing) {
                return try call(missing, [container, key])
            }
            throw PyError(exception: newException(types[exception: "KeyError"], [key]))
        case let range as PyRange:
            if let slice = key.as(PySlice.self) {
                let (start, _, step, length) = try sliceIndices(slice, count: range.count)
                let newStep = Int128(range.step) * Int128(step)
                let first = range.value(at: Int128(start))
                let bounds = (first, first + Int128(length) * newStep, newStep)
                guard let start = Int(exactly: bounds.0), let stop = Int(exactly: bounds.1), let step = Int(exactly: bounds.2) else {
                    throw error("OverflowError", "Python int too large to convert to C ssize_t")
                }
                return Value(heap.register(PyRange(type: types.range, start: start, stop: stop, step: step)))
            }
            let index = Int128(try index(key, for: "range"))
            let position = index < 0 ? index + range.length : index
            guard position >= 0 && position < range.length else {
                throw error("IndexError", "range object index out of range")
            }
            return .int(Int(truncatingIfNeeded: range.value(at: position)))
        case let bytes as PyBytes:
            if let slice = key.as(PySlice.self) { return self.bytes(try sliceItems(bytes.bytes, slice)) }
            guard let position = position(try index(key, for: "byte"), count: bytes.bytes.count) else {
                throw error("IndexError", "index out of range")
            }
            return .int(Int(bytes.bytes[position]))
        case let type as PyType:
            if let method = type.lookup(names.classGetitem) { return try call(method, [container, key]) }
            return container
        default:
            if let method = object.type.lookup(names.getitem) { return try call(method, [container, key]) }
            throw typeError("'\(object.type.name)' object is not subscriptable")
        }
    }

    func setItem(_ container: Value, _ key: Value, _ value: Value) throws(PyError) {
        guard case .object(let reference) = container else {
            throw typeError("'\(typeName(container))' object does not support item assignment")
        }
        let object = reference.takeUnretainedValue()
        if !object.type.isBuiltin, let method = object.type.lookup(names.setitem), method.object is PyFunction {
            _ = try call(method, [container, key, value])
            return
        }
        switch object {
        case let list as PyList:
            if let slice = key.as(PySlice.self) {
                try assignSlice(list, slice, try collect(value))
                return
            }
            guard let position = position(try index(key), count: list.items.count) else {
                throw error("IndexError", "list assignment index out of range")
            }
            list.items[position] = value
        case let dict as PyDict:
            try dict.set(key, value, vm: self)
        default:
            if let method = object.type.lookup(names.setitem) {
                _ = try call(method, [container, key, value])
                return
            }
            throw typeError("'\(object.type.name)' object does not support item assignment")
        }
    }

    private func assignSlice(_ list: PyList, _ slice: PySlice, _ values: [Value]) throws(PyError) {
        let (start, stop, step, length) = try sliceIndices(slice, count: list.items.count)
        if step == 1 {
            list.items.replaceSubrange(start..<max(start, stop), with: values)
            return
        }
        guard values.count == length else {
            throw error("ValueError", "attempt to assign sequence of size \(values.count) to extended slice of size \(length)")
        }
        var index = start
        for value in values {
            list.items[index] = value
            index += step
        }
    }

    func deleteItem(_ container: Value, _ key: Value) throws(PyError) {
        guard case .object(let reference) = container else {
            throw typeError("'\(typeName(container))' object does not support item deletion")
        }
        let object = reference.takeUnretainedValue()
        if !object.type.isBuiltin, let method = object.type.lookup(names.delitem), method.object is PyFunction {
            _ = try call(method, [container, key])
            return
        }
        switch object {
        case let list as PyList:
            if let slice = key.as(PySlice.self) {
                let (start, _, step, length) = try sliceIndices(slice, count: list.items.count)
                var doomed = Set<Int>()
                var index = start
                for _ in 0..<length {
                    doomed.insert(index)
                    index += step
                }
                list.items = list.items.enumerated().filter { !doomed.contains($0.offset) }.map(\.element)
                return
            }
            guard let position = position(try index(key), count: list.items.count) else {
                throw error("IndexError", "list assignment index out of range")
            }
            list.items.remove(at: position)
        case let dict as PyDict:
            if try dict.remove(key, hash: try hash(key), vm: self) == nil {
                throw PyError(exception: newException(types[exception: "KeyError"], [key]))
            }
        default:
            if let method = object.type.lookup(names.delitem) {
                _ = try call(method, [container, key])
                return
            }
            throw typeError("'\(object.type.name)' object doesn't support item deletion")
        }
    }

    /// An int argument such as `maxsplit=`: as `index`, with CPython's message for a
    /// value that is not an int.
    func integerArgument(_ value: Value) throws(PyError) -> Int {
        let type = typeOf(value)
        guard isIntLike(value) || (!type.isBuiltin && type.lookup(names.index) != nil) else {
            throw typeError("'\(type.name)' object cannot be interpreted as an integer")
        }
        return try index(value)
    }

    /// `len(value)`.
    func length(_ value: Value) throws(PyError) -> Int {
        guard case .object(let reference) = value else {
            throw typeError("object of type '\(typeName(value))' has no len()")
        }
        let type = reference._withUnsafeGuaranteedRef { $0.typeStorage.toOpaque() }
        if type == typeAddresses.list { return reference._withUnsafeGuaranteedRef { unsafeDowncast($0, to: PyList.self).items.count } }
        if type == typeAddresses.str { return reference._withUnsafeGuaranteedRef { unsafeDowncast($0, to: PyStr.self).count } }
        let object = reference.takeUnretainedValue()
        if !object.type.isBuiltin, let method = object.type.lookup(names.len) {
            let result = try call(method, [value])
            guard let count = bigInt(result) else {
                throw typeError("'\(typeName(result))' object cannot be interpreted as an integer")
            }
            if count < 0 { throw error("ValueError", "__len__() should return >= 0") }
            return Int(count)
        }
        switch object {
        case let string as PyStr: return string.count
        case let list as PyList: return list.items.count
        case let tuple as PyTuple: return tuple.items.count
        case let dict as PyDict: return dict.count
        case let set as PySet: return set.count
        case let range as PyRange:
            guard let length = Int(exactly: range.length) else {
                throw error("OverflowError", "Python int too large to convert to C ssize_t")
            }
            return length
        case let bytes as PyBytes: return bytes.bytes.count
        case let box as PyBox where [.dictKeys, .dictValues, .dictItems].contains(box.kind):
            return box.values[0].as(PyDict.self)?.count ?? 0
        default:
            if let method = object.type.lookup(names.len) {
                return try index(try call(method, [value]))
            }
            throw typeError("object of type '\(object.type.name)' has no len()")
        }
    }
}

