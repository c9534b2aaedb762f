#if canImport(Glibc)
import Glibc
#endif

/// `str.split`, `str.rsplit` and `str.join`, over the text's UTF-8 bytes in place. An
/// ASCII text's pieces are ASCII too and need no second pass to count code points.
extension VM {
    /// `str.split` and `str.rsplit`.
    func split(_ arguments: Arguments, fromRight: Bool) throws(PyError) -> Value {
        let name = fromRight ? "rsplit" : "split"
        try arguments.expectMethod(name, self, min: 0, max: 2)
        let source = arguments[0].as(PyStr.self) ?? intern("")
        let separator = arguments.argument(1, "sep") ?? .none
        let limit = try (arguments.argument(2, "maxsplit")).map { value throws(PyError) in try integerArgument(value) } ?? -1
        if separator.isNone {
            if source.isASCII {
                var text = source.value
                let ranges = text.withUTF8 { bytes in
                    wordRanges(count: bytes.count, limit: limit, fromRight: fromRight) { isASCIIWhitespace(bytes[$0]) }
                }
                return list(strings(of: source, byteRanges: ranges))
            }
            let scalars = source.scalars
            let ranges = wordRanges(count: scalars.count, limit: limit, fromRight: fromRight) { scalars[$0].isPythonWhitespace }
            return list(ranges.map { str(source.substring($0)) })
        }
        guard let separatorText = separator.as(PyStr.self) else {
            throw typeError("must be str or None, not \(typeName(separator))")
        }
        if separatorText.count == 0 { throw error("ValueError", "empty separator") }
        // UTF-8 is self-synchronising: byte matches of a whole separator fall on code points.
        var text = source.value
        var pattern = separatorText.value
        let ranges = text.withUTF8 { haystack in
            pattern.withUTF8 { needle in separatedRanges(haystack, needle, limit: limit, fromRight: fromRight) }
        }
        return list(strings(of: source, byteRanges: ranges))
    }

    /// `separator.join(iterable)`: one buffer of the exact size, filled once.
    func join(_ separator: PyStr, _ iterable: Value) throws(PyError) -> Value {
        var source = iterable
        if !(iterable.object is PyList || iterable.object is PyTuple) {
            // As CPython, a TypeError from iter() itself becomes join's own.
            do {
                source = try iterate(iterable)
            } catch let failure where failure.exception.type.isSubtype(of: types[exception: "TypeError"]) {
                throw typeError("can only join an iterable")
            }
            root(source)
        }
        let items = try collect(source)
        var byteCount = 0
        var count = 0
        var isASCII = separator.isASCII
        for (index, item) in items.enumerated() {
            guard let string = item.as(PyStr.self) else {
                throw typeError("sequence item \(index): expected str instance, \(typeName(item)) found")
            }
            byteCount += string.value.utf8.count
            count += string.count
            isASCII = isASCII && string.isASCII
        }
        let gaps = max(items.count - 1, 0)
        byteCount += gaps * separator.value.utf8.count
        count += gaps * separator.count
        var result = ""
        result.reserveCapacity(byteCount)
        for (index, item) in items.enumerated() {
            if index > 0 { result += separator.value }
            if let string = item.as(PyStr.self) { result += string.value }
        }
        return str(result, count: count, isASCII: isASCII)
    }

    /// The pieces of `source` at UTF-8 byte ranges, as strs.
    private func strings(of source: PyStr, byteRanges: [Range<Int>]) -> [Value] {
        var text = source.value
        return text.withUTF8 { bytes in
            byteRanges.map { range in
                let piece = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
                return source.isASCII ? str(piece, count: range.count, isASCII: true) : str(piece)
            }
        }
    }
}

/// The runs of non-space units among `count` units, as `split()` with no separator
/// finds them: after `limit` splits (negative: no limit), the rest of the text from
/// the next run on is the last piece, trailing whitespace and all; `fromRight` splits
/// from the end.
private func wordRanges(count: Int, limit: Int, fromRight: Bool, isSpace: (Int) -> Bool) -> [Range<Int>] {
    var ranges: [Range<Int>] = []
    if fromRight {
        var end = count
        while true {
            while end > 0 && isSpace(end - 1) { end -= 1 }
            if end == 0 { break }
            var start = limit >= 0 && ranges.count >= limit ? 0 : end
            while start > 0 && !isSpace(start - 1) { start -= 1 }
            ranges.append(start..<end)
            end = start
        }
        return ranges.reversed()
    }
    var start = 0
    while true {
        while start < count && isSpace(start) { start += 1 }
        if start == count { break }
        var end = limit >= 0 && ranges.count >= limit ? count : start
        while end < count && !isSpace(end) { end += 1 }
        ranges.append(start..<end)
        start = end
    }
    return ranges
}

/// The byte ranges between occurrences of `needle` in `haystack`, at most `limit`
/// splits (negative: no limit), counted from the end when `fromRight`.
private func separatedRanges(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>,
                             limit: Int, fromRight: Bool) -> [Range<Int>] {
    var ranges: [Range<Int>] = []
    if fromRight {
        var end = haystack.count
        while limit < 0 || ranges.count < limit {
            let found = findBytes(needle, in: haystack, 0..<end, fromRight: true)
            if found < 0 { break }
            ranges.append((found + needle.count)..<end)
            end = found
        }
        ranges.append(0..<end)
        return ranges.reversed()
    }
    var start = 0
    while limit < 0 || ranges.count < limit {
        let found = findBytes(needle, in: haystack, start..<haystack.count, fromRight: false)
        if found < 0 { break }
        ranges.append(start..<found)
        start = found + needle.count
    }
    ranges.append(start..<haystack.count)
    return ranges
}

/// The first (or last) offset of `needle` (not empty) within `window` of `haystack`, or -1.
private func findBytes(_ needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>,
                       _ window: Range<Int>, fromRight: Bool) -> Int {
    guard let base = haystack.baseAddress, let pattern = needle.baseAddress, window.count >= needle.count else { return -1 }
    if fromRight {
        var offset = window.upperBound - needle.count
        while offset >= window.lowerBound {
            if base[offset] == pattern[0] && memcmp(base + offset, pattern, needle.count) == 0 { return offset }
            offset -= 1
        }
        return -1
    }
    var start = window.lowerBound
    let last = window.upperBound - needle.count
    while start <= last, let hit = memchr(base + start, Int32(pattern[0]), last - start + 1) {
        let offset = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        if memcmp(base + offset, pattern, needle.count) == 0 { return offset }
        start = offset + 1
    }
    return -1
}

/// Python's whitespace among ASCII bytes: \t \n \v \f \r, the separators \x1c-\x1f, space.
@inline(__always)
private func isASCIIWhitespace(_ byte: UInt8) -> Bool {
    (0x09...0x0D).contains(byte) || (0x1C...0x20).contains(byte)
}

extension Unicode.Scalar {
    /// `str.isspace()`'s notion of whitespace: Unicode's White_Space, plus the
    /// information separators U+001C-U+001F that Python counts by their bidi class.
    var isPythonWhitespace: Bool {
        properties.isWhitespace || (0x1C...0x1F).contains(value)
    }
}
