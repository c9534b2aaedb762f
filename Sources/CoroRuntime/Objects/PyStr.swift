#if canImport(Glibc)
import Glibc
#endif

/// A `str`: Unicode code points, as in Python. The text is a Swift `String` (UTF-8);
/// `count` is its number of code points and `isASCII` makes indexing O(1) in the
/// common case; other strings index through a cached array of scalars.
public final class PyStr: PyObject {
    let value: String
    let isASCII: Bool
    let count: Int
    @exclusivity(unchecked) private var cachedHash: Int?
    @exclusivity(unchecked) private var cachedScalars: [Unicode.Scalar]?

    init(type: PyType, _ value: String) {
        self.value = value
        var ascii = true
        var scalarCount = 0
        for byte in value.utf8 {
            if byte >= 0x80 { ascii = false }
            if byte & 0xC0 != 0x80 { scalarCount += 1 }
        }
        isASCII = ascii
        count = scalarCount
        super.init(type: type)
    }

    /// A string whose length and ASCII-ness are already known (concatenations).
    init(type: PyType, _ value: String, count: Int, isASCII: Bool) {
        self.value = value
        self.count = count
        self.isASCII = isASCII
        super.init(type: type)
    }

    /// The code points, for indexing non-ASCII text.
    var scalars: [Unicode.Scalar] {
        if let cachedScalars { return cachedScalars }
        let computed = Array(value.unicodeScalars)
        cachedScalars = computed
        return computed
    }

    /// The code point at `index` (0 ..< count).
    func scalar(at index: Int) -> Unicode.Scalar {
        if isASCII {
            return value.utf8.withContiguousStorageIfAvailable { Unicode.Scalar($0[index]) }
                ?? Unicode.Scalar(Array(value.utf8)[index])
        }
        return scalars[index]
    }

    /// Code points `range` as a Swift string.
    func substring(_ range: Range<Int>) -> String {
        if range.isEmpty { return "" }
        if isASCII {
            let utf8 = value.utf8
            let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
            let end = utf8.index(start, offsetBy: range.count)
            return String(value[start..<end])
        }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars[range])
        return String(result)
    }

    /// FNV-1a over the UTF-8 bytes; deterministic, cached, never -1.
    var hashValue: Int {
        if let cachedHash { return cachedHash }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in value.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        var result = Int(truncatingIfNeeded: hash >> 1)
        if result == -1 { result = -2 }
        cachedHash = result
        return result
    }

    /// Code-point equality: the same UTF-8 bytes (Swift's `==` would also equate
    /// canonically equivalent texts, which Python keeps apart).
    @inline(__always)
    func equals(_ other: PyStr) -> Bool {
        if self === other { return true }
        guard count == other.count else { return false }
        if let cachedHash, let otherHash = other.cachedHash, cachedHash != otherHash { return false }
        // withUTF8 reads a small (inline) string from a stack copy, where the utf8
        // view's contiguous storage would be unavailable and force a byte-by-byte walk.
        var mine = value
        var theirs = other.value
        return mine.withUTF8 { left in
            theirs.withUTF8 { right in
                guard left.count == right.count else { return false }
                guard let a = left.baseAddress, let b = right.baseAddress else { return true }
                return memcmp(a, b, left.count) == 0
            }
        }
    }
}
