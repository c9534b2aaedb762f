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
                return pieces(of: source, reversed: fromRight) { bytes, emit in
                    wordRanges(count: bytes.count, limit: limit, fromRight: fromRight, isSpace: { isASCIIWhitespace(bytes[$0]) }, emit)
                }
            }
            let scalars = source.scalars
            var values: [Value] = []
            wordRanges(count: scalars.count, limit: limit, fromRight: fromRight, isSpace: { scalars[$0].isPythonWhitespace }) {
                values.append(str(source.substring($0)))
            }
            return list(fromRight ? values.reversed() : values)
        }
        guard let separatorText = separator.as(PyStr.self) else {
            throw typeError("must be str or None, not \(typeName(separator))")
        }
        if separatorText.count == 0 { throw error("ValueError", "empty separator") }
        // UTF-8 is self-synchronising: byte matches of a whole separator fall on code points.
        var pattern = separatorText.value
        return pattern.withUTF8 { needle in
            pieces(of: source, reversed: fromRight) { haystack, emit in
                separatedRanges(haystack, needle, limit: limit, fromRight: fromRight, emit)
            }
        }
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

    /// The pieces of `source` that `ranges` reports (by UTF-8 byte range, in order, or
    /// in reverse order when `reversed`), as a list of strs made as they are found.
    private func pieces(of source: PyStr, reversed: Bool,
                        _ ranges: (UnsafeBufferPointer<UInt8>, (Range<Int>) -> Void) -> Void) -> Value {
        var text = source.value
        var values: [Value] = []
        values.reserveCapacity(8)
        text.withUTF8 { bytes in
            ranges(bytes) { range in
                let piece = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
                values.append(source.isASCII ? str(piece, count: range.count, isASCII: true) : str(piece))
            }
        }
        if reversed { values.reverse() }
        return list(values)
    }
}

/// Reports the runs of non-space units among `count` units, as `split()` with no
/// separator finds them: after `limit` splits (negative: no limit), the rest of the
/// text from the next run on is the last piece, trailing whitespace and all;
/// `fromRight` splits from the end and reports the last run first.
private func wordRanges(count: Int, limit: Int, fromRight: Bool, isSpace: (Int) -> Bool, _ emit: (Range<Int>) -> Void) {
    var found = 0
    if fromRight {
        var end = count
        while true {
            while end > 0 && isSpace(end - 1) { end -= 1 }
            if end == 0 { return }
            var start = limit >= 0 && found >= limit ? 0 : end
            while start > 0 && !isSpace(start - 1) { start -= 1 }
            emit(start..<end)
            found += 1
            end = start
        }
    }
    var start = 0
    while true {
        while start < count && isSpace(start) { start += 1 }
        if start == count { return }
        var end = limit >= 0 && found >= limit ? count : start
        while end < count && !isSpace(end) { end += 1 }
        emit(start..<end)
        found += 1
        start = end
    }
}

/// Reports the byte ranges between occurrences of `needle` in `haystack`, after at
/// most `limit` splits (negative: no limit); `fromRight` splits from the end and
/// reports the last range first.
private func separatedRanges(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>,
                             limit: Int, fromRight: Bool, _ emit: (Range<Int>) -> Void) {
    var splits = 0
    if fromRight {
        var end = haystack.count
        while limit < 0 || splits < limit {
            let found = findBytes(needle, in: haystack, 0..<end, fromRight: true)
            if found < 0 { break }
            emit((found + needle.count)..<end)
            splits += 1
            end = found
        }
        emit(0..<end)
        return
    }
    var start = 0
    while limit < 0 || splits < limit {
        let found = findBytes(needle, in: haystack, start..<haystack.count, fromRight: false)
        if found < 0 { break }
        emit(start..<found)
        splits += 1
        start = found + needle.count
    }
    emit(start..<haystack.count)
}

/// The first (or last) offset of `needle` (not empty) within `window` of `haystack`, or -1.
func findBytes(_ needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>,
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
