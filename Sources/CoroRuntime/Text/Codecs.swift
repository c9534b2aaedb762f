/// The text encodings Coro knows (UTF-8, ASCII, Latin-1) for `str.encode` and
/// `bytes.decode`, with CPython's error handlers (strict, replace, ignore) and messages.
enum Codec: String {
    case utf8 = "utf-8"
    case ascii
    case latin1 = "latin-1"

    /// The codec a name means, as Python's codec registry normalizes names.
    init?(named name: String) {
        switch name.lowercased().replacingOccurrences(of: "_", with: "-") {
        case "utf-8", "utf8", "u8", "utf": self = .utf8
        case "ascii", "us-ascii", "646": self = .ascii
        case "latin-1", "latin1", "iso-8859-1", "iso8859-1", "8859", "l1", "cp819", "latin": self = .latin1
        default: return nil
        }
    }

    /// The largest code point a single-byte codec can carry.
    private var limit: UInt32 { self == .ascii ? 128 : 256 }

    /// `bytes.decode`: the text, or a failure (the reason, the bad bytes' range).
    func decode(_ bytes: [UInt8], errors: String) -> Result<String, CodecFailure> {
        var scalars = String.UnicodeScalarView()
        var index = 0
        while index < bytes.count {
            let (scalar, length, reason) = self == .utf8 ? Self.utf8Scalar(bytes, at: index) : singleByte(bytes[index])
            if let scalar {
                scalars.append(scalar)
            } else {
                switch errors {
                case "ignore": break
                case "replace": scalars.append("\u{FFFD}")
                default: return .failure(CodecFailure(codec: self, reason: reason, start: index, end: index + length))
                }
            }
            index += length
        }
        return .success(String(scalars))
    }

    /// `str.encode`: the bytes, or a failure (the first character the codec cannot carry).
    func encode(_ text: String, errors: String) -> Result<[UInt8], CodecFailure> {
        if self == .utf8 { return .success(Array(text.utf8)) }
        var bytes: [UInt8] = []
        for (position, scalar) in text.unicodeScalars.enumerated() {
            if scalar.value < limit {
                bytes.append(UInt8(scalar.value))
                continue
            }
            switch errors {
            case "ignore": continue
            case "replace": bytes.append(UInt8(ascii: "?"))
            default:
                return .failure(CodecFailure(codec: self, reason: "ordinal not in range(\(limit))", start: position,
                                             end: position + 1, character: scalar))
            }
        }
        return .success(bytes)
    }

    private func singleByte(_ byte: UInt8) -> (Unicode.Scalar?, Int, String) {
        UInt32(byte) < limit ? (Unicode.Scalar(byte), 1, "") : (nil, 1, "ordinal not in range(128)")
    }

    /// The scalar encoded at `index`, how many bytes it takes (or the invalid prefix's
    /// length), and CPython's reason when it is invalid.
    private static func utf8Scalar(_ bytes: [UInt8], at index: Int) -> (Unicode.Scalar?, Int, String) {
        let first = bytes[index]
        if first < 0x80 { return (Unicode.Scalar(first), 1, "") }
        let length: Int
        var secondRange: ClosedRange<UInt8> = 0x80...0xBF
        switch first {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; secondRange = 0xA0...0xBF
        case 0xED: length = 3; secondRange = 0x80...0x9F
        case 0xE1...0xEF: length = 3
        case 0xF0: length = 4; secondRange = 0x90...0xBF
        case 0xF4: length = 4; secondRange = 0x80...0x8F
        case 0xF1...0xF3: length = 4
        default: return (nil, 1, "invalid start byte")
        }
        var value = UInt32(first) & (0xFF >> (length + 1))
        for offset in 1..<length {
            guard index + offset < bytes.count else { return (nil, offset, "unexpected end of data") }
            let byte = bytes[index + offset]
            guard (offset == 1 ? secondRange : 0x80...0xBF).contains(byte) else {
                return (nil, offset, "invalid continuation byte")
            }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        return (Unicode.Scalar(value), length, "")
    }
}

/// Where and why a codec failed, for UnicodeDecodeError/UnicodeEncodeError's message.
struct CodecFailure: Error {
    let codec: Codec
    let reason: String
    let start: Int
    let end: Int
    var character: Unicode.Scalar? = nil

    func message(_ bytes: [UInt8]) -> String {
        if let character {
            let escaped = character.value <= 0xFF ? "\\x" + hex(character.value, 2)
                : character.value <= 0xFFFF ? "\\u" + hex(character.value, 4) : "\\U" + hex(character.value, 8)
            return "'\(codec.rawValue)' codec can't encode character '\(escaped)' in position \(start): \(reason)"
        }
        if end - start > 1 {
            return "'\(codec.rawValue)' codec can't decode bytes in position \(start)-\(end - 1): \(reason)"
        }
        return "'\(codec.rawValue)' codec can't decode byte 0x\(hex(UInt32(bytes[start]), 2)) in position \(start): \(reason)"
    }

    private func hex(_ value: UInt32, _ digits: Int) -> String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
