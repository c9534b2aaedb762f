/// Computes the values of number and string literals whose form the lexer has validated.
enum LiteralDecoder {
    /// The value of a NUMBER token.
    static func number(_ text: String) throws -> Constant {
        let digits = String(text.filter { $0 != "_" })
        let lowered = digits.lowercased()
        if lowered.hasSuffix("j") {
            return .imaginary(Double(lowered.dropLast()) ?? .infinity)
        }
        for (prefix, radix) in [("0x", 16), ("0o", 8), ("0b", 2)] where lowered.hasPrefix(prefix) {
            let body = String(lowered.dropFirst(2))
            if let value = Int(body, radix: radix) { return .int(value) }
            return .bigInt(digits: body, radix: radix)
        }
        if lowered.contains(".") || lowered.contains("e") {
            // strtod-style parsing: correctly rounded, overflow to inf as in CPython.
            return .float(Double(lowered) ?? .infinity)
        }
        if let value = Int(lowered) { return .int(value) }
        let trimmed = lowered.drop { $0 == "0" }
        return .bigInt(digits: trimmed.isEmpty ? "0" : String(trimmed), radix: 10)
    }

    /// A string literal's prefix letters, lowercased.
    struct Prefix {
        var isRaw = false, isBytes = false, isFormatted = false, isUnicodeMarked = false
        var length = 0

        init(_ bytes: ArraySlice<UInt8>) {
            for byte in bytes {
                switch byte | 0x20 {
                case UInt8(ascii: "r"): isRaw = true
                case UInt8(ascii: "b"): isBytes = true
                case UInt8(ascii: "f"): isFormatted = true
                case UInt8(ascii: "u"): isUnicodeMarked = true
                default: return
                }
                length += 1
            }
        }
    }

    /// An escape sequence that cannot be decoded, as CPython words it.
    struct EscapeError: Error {
        var message: String
    }

    /// Decodes the escapes in the body of a non-raw str literal.
    static func decodeString(_ body: ArraySlice<UInt8>) throws(EscapeError) -> String {
        guard body.contains(UInt8(ascii: "\\")) else { return String(decoding: body, as: UTF8.self) }
        var scalars = String.UnicodeScalarView()
        var index = body.startIndex
        var pending: [UInt8] = []
        func flush() {
            scalars.append(contentsOf: String(decoding: pending, as: UTF8.self).unicodeScalars)
            pending.removeAll(keepingCapacity: true)
        }
        while index < body.endIndex {
            let byte = body[index]
            guard byte == UInt8(ascii: "\\"), index + 1 < body.endIndex else {
                pending.append(byte)
                index += 1
                continue
            }
            flush()
            let escapeStart = index - body.startIndex
            let code = body[index + 1]
            index += 2
            if let escape = sharedEscape(code, in: body, at: &index) {
                if case .value(let value) = escape { scalars.append(UnicodeScalar(value) ?? "\u{FFFD}") }
                continue
            }
            switch code {
            case UInt8(ascii: "x"), UInt8(ascii: "u"), UInt8(ascii: "U"):
                let width = code == UInt8(ascii: "x") ? 2 : code == UInt8(ascii: "u") ? 4 : 8
                var value: UInt32 = 0
                var count = 0
                while count < width, index < body.endIndex, body[index].isHexDigit {
                    value = value * 16 + UInt32(hexValue(body[index]))
                    index += 1
                    count += 1
                }
                let name = code == UInt8(ascii: "x") ? "\\xXX" : code == UInt8(ascii: "u") ? "\\uXXXX" : "\\UXXXXXXXX"
                let end = index - body.startIndex - 1
                guard count == width else {
                    throw EscapeError(message: unicodeError(escapeStart, end, "truncated \(name) escape"))
                }
                guard let scalar = UnicodeScalar(value) else {
                    if value > 0x10FFFF { throw EscapeError(message: unicodeError(escapeStart, end, "illegal Unicode character")) }
                    // A lone surrogate cannot be held in a Swift string.
                    scalars.append("\u{FFFD}")
                    continue
                }
                scalars.append(scalar)
            case UInt8(ascii: "N"):
                guard index < body.endIndex, body[index] == UInt8(ascii: "{"),
                    let close = body[index...].firstIndex(of: UInt8(ascii: "}"))
                else {
                    throw EscapeError(message: unicodeError(escapeStart, index - body.startIndex - 1, "malformed \\N character escape"))
                }
                let name = String(decoding: body[(index + 1)..<close], as: UTF8.self)
                guard let scalar = UnicodeNames.scalar(named: name) else {
                    throw EscapeError(message: unicodeError(escapeStart, close - body.startIndex, "unknown Unicode character name"))
                }
                scalars.append(scalar)
                index = close + 1
            default:
                // Unknown escapes keep their backslash (a DeprecationWarning in CPython).
                pending.append(UInt8(ascii: "\\"))
                pending.append(code)
            }
        }
        flush()
        return String(scalars)
    }

    /// Decodes the escapes in the body of a non-raw bytes literal.
    static func decodeBytes(_ body: ArraySlice<UInt8>) throws(EscapeError) -> [UInt8] {
        var result: [UInt8] = []
        var index = body.startIndex
        while index < body.endIndex {
            let byte = body[index]
            guard byte == UInt8(ascii: "\\"), index + 1 < body.endIndex else {
                result.append(byte)
                index += 1
                continue
            }
            let escapeStart = index - body.startIndex
            let code = body[index + 1]
            index += 2
            if let escape = sharedEscape(code, in: body, at: &index) {
                if case .value(let value) = escape { result.append(UInt8(truncatingIfNeeded: value)) }
                continue
            }
            if code == UInt8(ascii: "x") {
                guard index + 1 < body.endIndex, body[index].isHexDigit, body[index + 1].isHexDigit else {
                    throw EscapeError(message: "(value error) invalid \\x escape at position \(escapeStart)")
                }
                result.append(hexValue(body[index]) * 16 + hexValue(body[index + 1]))
                index += 2
            } else {
                result.append(UInt8(ascii: "\\"))
                result.append(code)
            }
        }
        return result
    }

    /// An escape that str and bytes literals decode alike.
    enum SharedEscape {
        /// A backslash before a line break: the break is dropped.
        case lineContinuation
        case value(UInt32)
    }

    /// Decodes the escape after a backslash when str and bytes treat it alike: a line
    /// continuation, a one-character escape such as `\n`, or one to three octal digits.
    /// `index` is just past `code` and moves past whatever else the escape uses.
    static func sharedEscape(_ code: UInt8, in body: ArraySlice<UInt8>, at index: inout Int) -> SharedEscape? {
        switch code {
        case UInt8(ascii: "\n"):
            return .lineContinuation
        case UInt8(ascii: "\r"):
            if index < body.endIndex, body[index] == UInt8(ascii: "\n") { index += 1 }
            return .lineContinuation
        case UInt8(ascii: "0")...UInt8(ascii: "7"):
            var value = UInt32(code - UInt8(ascii: "0"))
            var count = 1
            while count < 3, index < body.endIndex, body[index] >= UInt8(ascii: "0"), body[index] <= UInt8(ascii: "7") {
                value = value * 8 + UInt32(body[index] - UInt8(ascii: "0"))
                index += 1
                count += 1
            }
            return .value(value)
        default:
            return simpleEscape(code).map { .value(UInt32($0)) }
        }
    }

    static func simpleEscape(_ code: UInt8) -> UInt8? {
        switch code {
        case UInt8(ascii: "\\"): 0x5C
        case UInt8(ascii: "'"): 0x27
        case UInt8(ascii: "\""): 0x22
        case UInt8(ascii: "a"): 0x07
        case UInt8(ascii: "b"): 0x08
        case UInt8(ascii: "f"): 0x0C
        case UInt8(ascii: "n"): 0x0A
        case UInt8(ascii: "r"): 0x0D
        case UInt8(ascii: "t"): 0x09
        case UInt8(ascii: "v"): 0x0B
        default: nil
        }
    }

    static func hexValue(_ byte: UInt8) -> UInt8 {
        byte <= UInt8(ascii: "9") ? byte - UInt8(ascii: "0") : (byte | 0x20) - UInt8(ascii: "a") + 10
    }

    static func unicodeError(_ start: Int, _ end: Int, _ reason: String) -> String {
        "(unicode error) 'unicodeescape' codec can't decode bytes in position \(start)-\(end): \(reason)"
    }
}

/// Reverse lookup of Unicode character names for `\N{...}`, built on first use.
enum UnicodeNames {
    static let table: [String: UnicodeScalar] = {
        var names: [String: UnicodeScalar] = [:]
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = UnicodeScalar(value) else { continue }
            if let name = scalar.properties.name { names[name] = scalar }
            if let alias = scalar.properties.nameAlias { names[alias] = scalar }
        }
        return names
    }()

    static func scalar(named name: String) -> UnicodeScalar? {
        table[name.uppercased()]
    }
}
