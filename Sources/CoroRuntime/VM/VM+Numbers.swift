import BigInt
import CoroCompiler

#if canImport(Glibc)
import Glibc
#endif

/// Arithmetic on `int` (64-bit, overflowing into big ints), `bool` and `float`, with
/// Python's floor division, modulo and error messages.
extension VM {
    /// An int as a big int, if the value is an int or bool.
    func bigInt(_ value: Value) -> BigInt? {
        switch value {
        case .int(let number): return makeBigInt(number)
        case .bool(let flag): return flag ? 1 : 0
        case .object(let reference): return (reference.takeUnretainedValue() as? PyBigInt)?.value
        default: return nil
        }
    }

    /// An int operand as words; nil for anything but ints and bools.
    private func signedWords(_ value: Value) -> SignedWords? {
        switch value {
        case .int(let number): return SignedWords(words: [number.magnitude], negative: number < 0)
        case .bool(let flag): return SignedWords(words: [flag ? 1 : 0], negative: false)
        case .object(let reference): return (reference.takeUnretainedValue() as? PyBigInt)?.signedWords
        default: return nil
        }
    }

    /// A big int result given as words, as a value.
    func intValue(_ number: SignedWords) -> Value {
        if let medium = number.int128 { return intValue(medium: medium) }
        return Value(heap.register(PyBigInt(type: types.int, words: number), storageBytes: number.words.count * 8))
    }

    /// A big int result as a value: back to a small int when it fits.
    func intValue(_ number: BigInt) -> Value {
        if let small = smallInt(number) { return .int(small) }
        return Value(heap.register(PyBigInt(type: types.int, number), storageBytes: number.magnitude.words.count * 8))
    }

    /// A number as a float, if it is a float, int or bool.
    func floatValue(_ value: Value) throws(PyError) -> Double? {
        switch value {
        case .float(let number): return number
        case .int(let number): return Double(number)
        case .bool(let flag): return flag ? 1 : 0
        case .object(let reference):
            guard let big = reference.takeUnretainedValue() as? PyBigInt else { return nil }
            let converted = Double(big.value)
            if !converted.isFinite { throw error("OverflowError", "int too large to convert to float") }
            return converted
        default: return nil
        }
    }

    func isIntLike(_ value: Value) -> Bool {
        switch value {
        case .int, .bool: return true
        case .object(let reference): return reference.takeUnretainedValue() is PyBigInt
        default: return false
        }
    }

    /// Arithmetic between two numbers; nil if either is not a number.
    func numericOperation(_ left: Value, _ right: Value, _ operation: BinaryOperation) throws(PyError) -> Value? {
        if case .float = left {} else if case .float = right {} else if isIntLike(left) && isIntLike(right) {
            return try intOperation(left, right, operation)
        }
        guard let a = try floatValue(left), let b = try floatValue(right) else { return nil }
        return try floatOperation(a, b, operation)
    }

    private func intOperation(_ left: Value, _ right: Value, _ operation: BinaryOperation) throws(PyError) -> Value? {
        if case .int(let a) = left.normalizedBool, case .int(let b) = right.normalizedBool,
           let result = try smallIntOperation(a, b, operation) {
            return result
        }
        if let a = mediumInt(left), let b = mediumInt(right), let result = mediumOperation(a, b, operation) {
            return result
        }
        switch operation {
        case .add, .sub:
            guard let a = signedWords(left), var b = signedWords(right) else { return nil }
            if operation == .sub { b = SignedWords(words: b.words, negative: !b.negative) }
            return intValue(BigIntWords.sum(a, b))
        case .mul:
            if case .int(let factor) = right.normalizedBool, let a = signedWords(left) { return intValue(BigIntWords.product(a, factor)) }
            if case .int(let factor) = left.normalizedBool, let b = signedWords(right) { return intValue(BigIntWords.product(b, factor)) }
        case .floorDiv, .mod:
            if case .int(let divisor) = right.normalizedBool, divisor != 0, let a = signedWords(left) {
                let (quotient, remainder) = BigIntWords.floorDivided(a, by: divisor)
                return operation == .mod ? .int(remainder) : intValue(quotient)
            }
        default: break
        }
        guard let a = bigInt(left), let b = bigInt(right) else { return nil }
        switch operation {
        case .add, .sub, .matMul: return nil // + and - were answered above; ints have no @
        case .mul: return intValue(a * b)
        case .trueDiv:
            if b == 0 { throw error("ZeroDivisionError", "division by zero") }
            return .float(try bigTrueDivide(a, b))
        case .floorDiv:
            if b == 0 { throw error("ZeroDivisionError", "integer division or modulo by zero") }
            return intValue(floorDivide(a, b).quotient)
        case .mod:
            if b == 0 { throw error("ZeroDivisionError", "integer modulo by zero") }
            return intValue(floorDivide(a, b).remainder)
        case .pow:
            if b < 0 {
                guard let base = try floatValue(left), let exponent = try floatValue(right) else { return nil }
                return try floatOperation(base, exponent, .pow)
            }
            guard let exponent = Int(exactly: b) else { throw error("OverflowError", "exponent too large") }
            return intValue(a.power(exponent))
        case .lShift:
            if b < 0 { throw error("ValueError", "negative shift count") }
            guard let shift = Int(exactly: b), shift < 1 << 32 else { throw error("OverflowError", "too many digits in integer") }
            return intValue(a << shift)
        case .rShift:
            if b < 0 { throw error("ValueError", "negative shift count") }
            guard let shift = Int(exactly: b) else { return .int(a < 0 ? -1 : 0) }
            return intValue(a >> shift)
        case .and: return intValue(a & b)
        case .or: return intValue(a | b)
        case .xor: return intValue(a ^ b)
        }
    }

    /// Arithmetic between ints (small, or big ones that fit in 128 bits) without the
    /// generic operator machinery; nil for anything else.
    @inline(__always)
    func mediumBinary(_ left: Value, _ right: Value, _ operand: Int) -> Value? {
        guard let a = exactMediumInt(left), let b = exactMediumInt(right),
              let operation = BinaryOperation(rawValue: operand & 15) else { return nil }
        return mediumOperation(a, b, operation)
    }

    /// An exact `int` (not a subclass or bool) as an Int128 when it fits.
    @inline(__always)
    func exactMediumInt(_ value: Value) -> Int128? {
        switch value {
        case .int(let number): return Int128(number)
        case .object(let reference):
            guard reference._withUnsafeGuaranteedRef({ $0.typeStorage.toOpaque() }) == typeAddresses.int else { return nil }
            return unsafeDowncast(reference.takeUnretainedValue(), to: PyBigInt.self).medium
        default: return nil
        }
    }

    /// An int operand as an Int128 when it fits.
    @inline(__always)
    private func mediumInt(_ value: Value) -> Int128? {
        switch value {
        case .int(let number): return Int128(number)
        case .bool(let flag): return flag ? 1 : 0
        case .object(let reference): return (reference.takeUnretainedValue() as? PyBigInt)?.medium
        default: return nil
        }
    }

    /// +, -, * and floor division/modulo within 128 bits; nil when the result overflows
    /// (or for other operations): the BigInt path takes over.
    private func mediumOperation(_ a: Int128, _ b: Int128, _ operation: BinaryOperation) -> Value? {
        let result: (Int128, Bool)
        switch operation {
        case .add: result = a.addingReportingOverflow(b)
        case .sub: result = a.subtractingReportingOverflow(b)
        case .mul: result = a.multipliedReportingOverflow(by: b)
        case .floorDiv, .mod:
            guard b != 0, !(a == Int128.min && b == -1) else { return nil }
            let (quotient, remainder) = floorDivide(a, b)
            result = (operation == .mod ? remainder : quotient, false)
        default:
            return nil
        }
        guard !result.1 else { return nil }
        return intValue(medium: result.0)
    }

    func intValue(medium number: Int128) -> Value {
        if let small = Int(exactly: number) { return .int(small) }
        return Value(heap.register(PyBigInt(type: types.int, medium: number)))
    }

    /// Small-int arithmetic; nil when the result needs a big int.
    private func smallIntOperation(_ a: Int, _ b: Int, _ operation: BinaryOperation) throws(PyError) -> Value? {
        switch operation {
        case .add:
            let (result, overflow) = a.addingReportingOverflow(b)
            return overflow ? nil : .int(result)
        case .sub:
            let (result, overflow) = a.subtractingReportingOverflow(b)
            return overflow ? nil : .int(result)
        case .mul:
            let (result, overflow) = a.multipliedReportingOverflow(by: b)
            return overflow ? nil : .int(result)
        case .floorDiv:
            if b == 0 { throw error("ZeroDivisionError", "integer division or modulo by zero") }
            if a == Int.min && b == -1 { return nil }
            return .int(floorDivide(a, b).quotient)
        case .mod:
            if b == 0 { throw error("ZeroDivisionError", "integer modulo by zero") }
            if b == -1 { return .int(0) }
            return .int(floorDivide(a, b).remainder)
        case .trueDiv:
            if b == 0 { throw error("ZeroDivisionError", "division by zero") }
            if abs(a) < 1 << 53 && abs(b) < 1 << 53 { return .float(Double(a) / Double(b)) }
            return nil
        case .pow:
            if b < 0 { return nil }
            var result = 1
            var base = a
            var exponent = b
            while exponent > 0 {
                if exponent & 1 == 1 {
                    let (product, overflow) = result.multipliedReportingOverflow(by: base)
                    if overflow { return nil }
                    result = product
                }
                exponent >>= 1
                if exponent > 0 {
                    let (square, overflow) = base.multipliedReportingOverflow(by: base)
                    if overflow { return nil }
                    base = square
                }
            }
            return .int(result)
        case .lShift:
            if b < 0 { throw error("ValueError", "negative shift count") }
            if b >= 63 { return a == 0 ? .int(0) : nil }
            let shifted = a << b
            return shifted >> b == a ? .int(shifted) : nil
        case .rShift:
            if b < 0 { throw error("ValueError", "negative shift count") }
            return .int(b >= 63 ? (a < 0 ? -1 : 0) : a >> b)
        case .and: return .int(a & b)
        case .or: return .int(a | b)
        case .xor: return .int(a ^ b)
        case .matMul: return nil
        }
    }

    /// Correctly rounded int / int for big operands.
    private func bigTrueDivide(_ a: BigInt, _ b: BigInt) throws(PyError) -> Double {
        let aDouble = Double(a)
        let bDouble = Double(b)
        if aDouble.isFinite && bDouble.isFinite && a.magnitude < (BigUInt(1) << 53) && b.magnitude < (BigUInt(1) << 53) {
            return aDouble / bDouble
        }
        // Scale so the quotient has 64+ significant bits, then convert once.
        let shift = max(0, 64 - (a.magnitude.bitWidth - b.magnitude.bitWidth))
        let scaled = (a << shift) / b
        let result = Double(sign: .plus, exponent: -shift, significand: Double(scaled))
        if !result.isFinite { throw error("OverflowError", "integer division result too large for a float") }
        return result
    }

    func floatOperation(_ a: Double, _ b: Double, _ operation: BinaryOperation) throws(PyError) -> Value? {
        switch operation {
        case .add: return .float(a + b)
        case .sub: return .float(a - b)
        case .mul: return .float(a * b)
        case .trueDiv:
            if b == 0 { throw error("ZeroDivisionError", "float division by zero") }
            return .float(a / b)
        case .floorDiv:
            if b == 0 { throw error("ZeroDivisionError", "float floor division by zero") }
            return .float(floatDivmod(a, b).quotient)
        case .mod:
            if b == 0 { throw error("ZeroDivisionError", "float modulo") }
            return .float(floatDivmod(a, b).remainder)
        case .pow:
            if a == 0 && b < 0 { throw error("ZeroDivisionError", "0.0 cannot be raised to a negative power") }
            if a < 0 && b != b.rounded() && b.isFinite {
                throw error("ValueError", "negative number cannot be raised to a fractional power")
            }
            let result = power(a, b)
            if result.isInfinite && a.isFinite && b.isFinite { throw error("OverflowError", "(34, 'Numerical result out of range')") }
            return .float(result)
        default:
            return nil
        }
    }

    /// CPython's float_divmod.
    func floatDivmod(_ a: Double, _ b: Double) -> (quotient: Double, remainder: Double) {
        var remainder = fmod(a, b)
        var quotient = (a - remainder) / b
        if remainder != 0 {
            if (b < 0) != (remainder < 0) {
                remainder += b
                quotient -= 1
            }
        } else {
            remainder = copysign(0, b)
        }
        var floored: Double
        if quotient != 0 {
            floored = quotient.rounded(.down)
            if quotient - floored > 0.5 { floored += 1 }
        } else {
            floored = copysign(0, a / b)
        }
        return (floored, remainder)
    }

    @inline(__always)
    func compareInts(_ a: Int, _ b: Int, _ operation: Int) -> Bool { compareOrdered(a, b, operation) }

    @inline(__always)
    func compareFloats(_ a: Double, _ b: Double, _ operation: Int) -> Bool { compareOrdered(a, b, operation) }

    /// `a op b` for a `ComparisonOperation` operand.
    @inline(__always)
    private func compareOrdered<T: Comparable>(_ a: T, _ b: T, _ operation: Int) -> Bool {
        switch operation {
        case ComparisonOperation.lt.rawValue: return a < b
        case ComparisonOperation.le.rawValue: return a <= b
        case ComparisonOperation.eq.rawValue: return a == b
        case ComparisonOperation.ne.rawValue: return a != b
        case ComparisonOperation.gt.rawValue: return a > b
        default: return a >= b
        }
    }

    /// Compares two numbers exactly (ints against floats without rounding); nil if
    /// either is not a number.
    func compareNumbers(_ left: Value, _ right: Value) throws(PyError) -> Int? {
        if isIntLike(left) && isIntLike(right) {
            if case .int(let a) = left.normalizedBool, case .int(let b) = right.normalizedBool { return a < b ? -1 : a == b ? 0 : 1 }
            guard let a = bigInt(left), let b = bigInt(right) else { return nil }
            return a < b ? -1 : a == b ? 0 : 1
        }
        func isNumber(_ value: Value) -> Bool {
            if case .float = value { return true }
            return isIntLike(value)
        }
        guard isNumber(left) && isNumber(right) else { return nil }
        if case .float(let a) = left, case .float(let b) = right { return a.isNaN || b.isNaN ? 2 : (a < b ? -1 : a == b ? 0 : 1) }
        // int against float: exact when the float is integral.
        let (intSide, floatSide, flipped): (Value, Double, Bool)
        if case .float(let b) = right { (intSide, floatSide, flipped) = (left, b, false) } else if case .float(let a) = left {
            (intSide, floatSide, flipped) = (right, a, true)
        } else {
            return nil
        }
        if floatSide.isNaN { return 2 }
        var result: Int
        if floatSide.isInfinite {
            result = floatSide > 0 ? -1 : 1
        } else {
            let floored = floatSide.rounded(.down)
            guard let integer = bigInt(intSide) else { return nil }
            let whole = BigInt(floored)
            if integer < whole {
                result = -1
            } else if integer > whole {
                result = 1
            } else {
                result = floored == floatSide ? 0 : -1
            }
        }
        if flipped { result = -result }
        return result
    }
}

extension Value {
    /// Bools as the ints they are in arithmetic.
    var normalizedBool: Value {
        if case .bool(let flag) = self { return .int(flag ? 1 : 0) }
        return self
    }
}

@inline(__always)
func power(_ a: Double, _ b: Double) -> Double { pow(a, b) }

/// Python's floor division and modulo: the quotient rounds toward negative infinity and
/// the remainder takes the divisor's sign. `b` is nonzero and the quotient fits in `T`.
@inline(__always)
func floorDivide<T: BinaryInteger>(_ a: T, _ b: T) -> (quotient: T, remainder: T) {
    var (quotient, remainder) = a.quotientAndRemainder(dividingBy: b)
    if remainder != 0 && ((remainder < 0) != (b < 0)) {
        quotient -= 1
        remainder += b
    }
    return (quotient, remainder)
}

/// BigInt from Int without BigInt's generic (unspecialised, slow) initialiser.
@inline(__always)
func makeBigInt(_ number: Int) -> BigInt {
    BigInt(sign: number < 0 ? .minus : .plus, magnitude: BigUInt(words: [number.magnitude]))
}

/// The value as an Int when it fits, reading its words directly.
@inline(__always)
func smallInt(_ number: BigInt) -> Int? {
    let words = number.magnitude.words
    if words.isEmpty { return 0 }
    guard words.count == 1 else { return nil }
    let word = words[words.startIndex]
    if number.sign == .plus { return word <= UInt(Int.max) ? Int(word) : nil }
    if word <= UInt(Int.max) { return -Int(word) }
    return word == UInt(Int.max) + 1 ? Int.min : nil
}
