import BigInt

/// A big int as its magnitude's 64-bit words, least significant first, and a sign.
/// Normalized: no high zero words, and zero is empty and not negative.
struct SignedWords {
    var words: [UInt]
    var negative: Bool

    init(words: [UInt], negative: Bool) {
        var words = words
        while words.last == 0 { words.removeLast() }
        self.words = words
        self.negative = negative && !words.isEmpty
    }

    init(_ number: BigInt) {
        self.init(words: Array(number.magnitude.words), negative: number.sign == .minus)
    }

    init(_ number: Int128) {
        let magnitude = number.magnitude
        self.init(words: [UInt(truncatingIfNeeded: magnitude), UInt(truncatingIfNeeded: magnitude >> 64)], negative: number < 0)
    }

    var bigInt: BigInt { BigInt(sign: negative ? .minus : .plus, magnitude: BigUInt(words: words)) }

    /// The value when it fits in an Int128.
    var int128: Int128? {
        guard words.count <= 2 else { return nil }
        let magnitude = UInt128(words.count == 2 ? words[1] : 0) << 64 | UInt128(words.first ?? 0)
        if !negative { return magnitude <= UInt128(Int128.max) ? Int128(magnitude) : nil }
        if magnitude <= UInt128(Int128.max) { return -Int128(magnitude) }
        return magnitude == UInt128(Int128.max) + 1 ? Int128.min : nil
    }
}

/// Addition, subtraction, and multiplication and division by a small int for big ints, as loops over
/// contiguous word buffers. attaswift's BigUInt does these a word at a time through a
/// subscript that checks uniqueness and storage kind per word, and its words can only
/// be read one by one; `a, b = b, a + b` on 4 KB ints ran 7 times slower than CPython.
enum BigIntWords {
    /// `a + b`.
    static func sum(_ a: SignedWords, _ b: SignedWords) -> SignedWords {
        if a.negative == b.negative { return SignedWords(words: added(a.words, b.words), negative: a.negative) }
        if isLess(a.words, b.words) { return SignedWords(words: subtracted(b.words, a.words), negative: b.negative) }
        return SignedWords(words: subtracted(a.words, b.words), negative: a.negative)
    }

    /// `a * factor`.
    static func product(_ a: SignedWords, _ factor: Int) -> SignedWords {
        SignedWords(words: scaled(a.words, by: factor.magnitude), negative: a.negative != (factor < 0))
    }

    /// `a // divisor` and `a % divisor` with Python's floor rounding; `divisor` is not 0.
    static func floorDivided(_ a: SignedWords, by divisor: Int) -> (quotient: SignedWords, remainder: Int) {
        let magnitude = divisor.magnitude
        var carried: UInt = 0
        let words = [UInt](unsafeUninitializedCapacity: a.words.count) { result, count in
            a.words.withUnsafeBufferPointer { dividend in
                var index = dividend.count - 1
                while index >= 0 {
                    (result[index], carried) = magnitude.dividingFullWidth((carried, dividend[index]))
                    index -= 1
                }
            }
            count = a.words.count
        }
        var quotient = SignedWords(words: words, negative: a.negative != (divisor < 0))
        // The truncated remainder has the dividend's sign; floor rounding gives it the divisor's.
        var remainder = a.negative ? -Int(carried) : Int(carried)
        if remainder != 0 && (remainder < 0) != (divisor < 0) {
            quotient = sum(quotient, SignedWords(words: [1], negative: true))
            remainder += divisor
        }
        return (quotient, remainder)
    }

    /// Whether magnitude `a` is below magnitude `b` (both normalized).
    private static func isLess(_ a: [UInt], _ b: [UInt]) -> Bool {
        if a.count != b.count { return a.count < b.count }
        var index = a.count - 1
        while index >= 0 {
            if a[index] != b[index] { return a[index] < b[index] }
            index -= 1
        }
        return false
    }

    /// The magnitude `a + b`.
    private static func added(_ a: [UInt], _ b: [UInt]) -> [UInt] {
        let (long, short) = a.count >= b.count ? (a, b) : (b, a)
        return combined(long, short, keepingCarry: true) { $0.addingReportingOverflow($1) }
    }

    /// The magnitude `a - b`, for `a >= b` (so no borrow is left at the end).
    private static func subtracted(_ a: [UInt], _ b: [UInt]) -> [UInt] {
        combined(a, b, keepingCarry: false) { $0.subtractingReportingOverflow($1) }
    }

    /// `long` and `short` (no longer than `long`) combined word by word by `step`, which
    /// reports the carry (or borrow) passed on to the next word; the last carry becomes
    /// a word of its own when `keepingCarry`.
    @inline(__always)
    private static func combined(_ long: [UInt], _ short: [UInt], keepingCarry: Bool,
                                 _ step: (UInt, UInt) -> (partialValue: UInt, overflow: Bool)) -> [UInt] {
        let size = long.count + (keepingCarry ? 1 : 0)
        return [UInt](unsafeUninitializedCapacity: size) { result, count in
            long.withUnsafeBufferPointer { long in
                short.withUnsafeBufferPointer { short in
                    var carry: UInt = 0
                    for index in 0..<long.count {
                        let (partial, overflow1) = step(long[index], index < short.count ? short[index] : 0)
                        let (total, overflow2) = step(partial, carry)
                        result[index] = total
                        carry = overflow1 || overflow2 ? 1 : 0
                    }
                    if keepingCarry { result[long.count] = carry }
                }
            }
            count = size
        }
    }

    /// The magnitude `a * word`.
    private static func scaled(_ a: [UInt], by word: UInt) -> [UInt] {
        [UInt](unsafeUninitializedCapacity: a.count + 1) { result, count in
            a.withUnsafeBufferPointer { a in
                var carry: UInt = 0
                for index in 0..<a.count {
                    let (high, low) = a[index].multipliedFullWidth(by: word)
                    let (total, overflow) = low.addingReportingOverflow(carry)
                    result[index] = total
                    carry = overflow ? high + 1 : high
                }
                result[a.count] = carry
            }
            count = a.count + 1
        }
    }
}
