/// The text of one script as UTF-8 bytes, with the offsets where its lines start.
///
/// Every position in the front end is a byte offset into `bytes`; line and column
/// numbers are derived on demand, which keeps tokens and AST nodes small.
public final class SourceFile: Sendable {
    /// The name shown in error messages (`File "NAME", line N`).
    public let name: String
    /// The source as UTF-8, without a leading byte-order mark.
    public let bytes: [UInt8]
    /// `lineStarts[i]` is the byte offset where line `i + 1` starts.
    public let lineStarts: [Int]

    public init(name: String, bytes: [UInt8]) {
        self.name = name
        let skipsBOM = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        let text = skipsBOM ? Array(bytes.dropFirst(3)) : bytes
        self.bytes = text
        var starts = [0]
        var index = 0
        while index < text.count {
            let byte = text[index]
            if byte == 0x0A || (byte == 0x0D && (index + 1 == text.count || text[index + 1] != 0x0A)) {
                starts.append(index + 1)
            }
            index += 1
        }
        self.lineStarts = starts
    }

    public convenience init(name: String, text: String) {
        self.init(name: name, bytes: Array(text.utf8))
    }

    /// The 1-based line that contains `offset`.
    public func line(of offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return low + 1
    }

    /// The 1-based line and 0-based UTF-8 byte column of `offset` (CPython's `col_offset`).
    public func location(of offset: Int) -> (line: Int, column: Int) {
        let line = line(of: offset)
        return (line, offset - lineStarts[line - 1])
    }

    /// The bytes of a 1-based line, without its line terminator.
    public func lineBytes(_ line: Int) -> ArraySlice<UInt8> {
        guard line >= 1, line <= lineStarts.count else { return [] }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] : bytes.count
        while end > start, bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D { end -= 1 }
        return bytes[start..<end]
    }

    /// The text of a 1-based line, without its line terminator.
    public func lineText(_ line: Int) -> String {
        String(decoding: lineBytes(line), as: UTF8.self)
    }

    /// The 1-based character column of `offset`, as CPython reports `SyntaxError.offset`.
    public func characterColumn(of offset: Int) -> Int {
        let line = line(of: offset)
        let start = lineStarts[line - 1]
        let clamped = min(max(offset, start), bytes.count)
        return Self.countScalars(bytes[start..<clamped]) + 1
    }

    /// The number of Unicode scalars in UTF-8 bytes (continuation bytes are not counted).
    static func countScalars(_ bytes: ArraySlice<UInt8>) -> Int {
        var count = 0
        for byte in bytes where byte & 0xC0 != 0x80 { count += 1 }
        return count
    }

    /// The text between two byte offsets.
    public func text(_ start: Int, _ end: Int) -> String {
        String(decoding: bytes[start..<end], as: UTF8.self)
    }
}

/// A half-open span `[start, end)` of byte offsets into a `SourceFile`.
public struct SourceRange: Hashable, Sendable {
    public var start: Int
    public var end: Int

    public init(_ start: Int, _ end: Int) {
        self.start = start
        self.end = end
    }

    /// The smallest range covering both.
    public func joined(_ other: SourceRange) -> SourceRange {
        SourceRange(min(start, other.start), max(end, other.end))
    }
}
