import BigInt

/// `hash()` with CPython's values for numbers (so `1`, `1.0` and `True` collide, and
/// `hash(-1) == -2`) and tuples; identity hashes for plain objects.
extension VM {
    static let hashModulus: Int = (1 << 61) - 1

    func hash(_ value: Value) throws(PyError) -> Int {
        switch value {
        case .int(let number): return hashInt(number)
        case .bool(let flag): return flag ? 1 : 0
        case .float(let number): return hashFloat(number)
        case .none, .null: return 0x5c_8a_3f_10
        case .object(let reference):
            if reference._withUnsafeGuaranteedRef({ $0.typeStorage.toOpaque() }) == typeAddresses.str {
                return reference._withUnsafeGuaranteedRef { unsafeDowncast($0, to: PyStr.self).hashValue }
            }
            let object = reference.takeUnretainedValue()
            if let string = object as? PyStr { return string.hashValue }
            if object.type.isBuiltin {
                switch object {
                case let big as PyBigInt: return hashBig(big.value)
                case let tuple as PyTuple: return try hashTuple(tuple)
                case let set as PySet where set.type === types.frozenset: return try hashFrozenSet(set)
                case let bytes as PyBytes: return try hash(str(String(decoding: bytes.bytes, as: UTF8.self)))
                case is PyList, is PyDict, is PySet:
                    throw typeError("unhashable type: '\(object.type.name)'")
                case let box as PyBox where box.kind == .dictKeys || box.kind == .dictValues || box.kind == .dictItems:
                    throw typeError("unhashable type: '\(object.type.name)'")
                case let method as PyMethod:
                    return receiverHash(method.receiver) ^ (try hash(method.function))
                case let builtin as PyBuiltin where !builtin.receiver.isNull:
                    return receiverHash(builtin.receiver) ^ builtin.name.hashValue
                case let range as PyRange:
                    // As CPython: equal ranges hash alike (an empty one's bounds and a
                    // one-item one's step do not count).
                    let length = intValue(medium: range.length)
                    let start: Value = range.length == 0 ? .none : .int(range.start)
                    let step: Value = range.length <= 1 ? .none : .int(range.step)
                    return try hashTuple(newTuple([length, start, step]))
                default:
                    return identityHash(object)
                }
            }
            if let method = object.type.lookup(names.hash) {
                if case .none = method { throw typeError("unhashable type: '\(object.type.name)'") }
                if method.object is PyFunction {
                    let result = try call(method, [value])
                    guard let number = bigInt(result) else { throw typeError("__hash__ method should return an integer") }
                    return number == -1 ? -2 : (Int(exactly: number) ?? hashBig(number))
                }
            }
            if let tuple = object as? PyTuple { return try hashTuple(tuple) }
            if let big = object as? PyBigInt { return hashBig(big.value) }
            return identityHash(object)
        }
    }

    /// `id(object)`: non-negative as CPython's, and what default reprs show as the
    /// address. A hash of the address (Swift's is seeded), so ids do not reveal memory
    /// layout; 63 bits of a 64-bit hash, so distinct for live objects in practice.
    func identity(_ object: PyObject) -> Int {
        ObjectIdentifier(object).hashValue & Int.max
    }

    func identityHash(_ object: PyObject) -> Int {
        identity(object) >> 4
    }

    /// A bound method's receiver hashed by identity, as its equality compares it.
    private func receiverHash(_ receiver: Value) -> Int {
        if let object = receiver.object { return identityHash(object) }
        return (try? hash(receiver)) ?? 0
    }

    func hashInt(_ number: Int) -> Int {
        if number > -Self.hashModulus && number < Self.hashModulus { return number == -1 ? -2 : number }
        return hashBig(BigInt(number))
    }

    func hashBig(_ number: BigInt) -> Int {
        let modulus = BigInt(Self.hashModulus)
        var result = Int(number.magnitude % modulus.magnitude)
        if number.sign == .minus { result = -result }
        return result == -1 ? -2 : result
    }

    /// CPython's `_Py_HashDouble`.
    func hashFloat(_ number: Double) -> Int {
        if number.isNaN { return 0 }
        if number.isInfinite { return number > 0 ? 314_159 : -314_159 }
        if let exact = Int(exactly: number) { return hashInt(exact) }
        var mantissa = frexp(number).0
        var exponent = frexp(number).1
        var sign = 1
        if mantissa < 0 {
            sign = -1
            mantissa = -mantissa
        }
        var x: UInt64 = 0
        let modulus = UInt64(Self.hashModulus)
        while mantissa != 0 {
            x = ((x << 28) & modulus) | x >> (61 - 28)
            mantissa *= 268_435_456.0
            exponent -= 28
            let y = UInt64(mantissa)
            mantissa -= Double(y)
            x += y
            if x >= modulus { x -= modulus }
        }
        let shift = exponent >= 0 ? exponent % 61 : 61 - 1 - ((-1 - exponent) % 61)
        x = ((x << UInt64(shift)) & modulus) | x >> UInt64(61 - shift)
        var result = Int(x) * sign
        if result == -1 { result = -2 }
        return result
    }

    /// CPython 3.11's tuple hash (xxHash-based).
    func hashTuple(_ tuple: PyTuple) throws(PyError) -> Int {
        if let cached = tuple.cachedHash { return cached }
        let prime1: UInt64 = 11_400_714_785_074_694_791
        let prime2: UInt64 = 14_029_467_366_897_019_727
        let prime5: UInt64 = 2_870_177_450_012_600_261
        var accumulator = prime5
        for item in tuple.items {
            let lane = UInt64(bitPattern: Int64(try hash(item)))
            accumulator = accumulator &+ lane &* prime2
            accumulator = (accumulator << 31) | (accumulator >> 33)
            accumulator = accumulator &* prime1
        }
        accumulator = accumulator &+ (UInt64(tuple.items.count) ^ (prime5 ^ 3_527_539))
        var result = Int(bitPattern: UInt(accumulator))
        if result == -1 { result = 1_546_275_796 }
        tuple.cachedHash = result
        return result
    }

    private func hashFrozenSet(_ set: PySet) throws(PyError) -> Int {
        var hash: UInt64 = 0
        for key in set.keys {
            let h = UInt64(bitPattern: Int64(try self.hash(key)))
            hash ^= ((h ^ 89_869_747) ^ (h << 16)) &* 3_644_798_167
        }
        hash ^= (UInt64(set.count) &+ 1) &* 1_927_868_237
        hash ^= (hash >> 11) ^ (hash >> 25)
        hash = hash &* 69_069 &+ 907_133_923
        var result = Int(bitPattern: UInt(hash))
        if result == -1 { result = 590_923_713 }
        return result
    }
}

#if canImport(Glibc)
import Glibc
#endif
