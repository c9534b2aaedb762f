/// Number and string literals: the lexer only finds where they end and validates their
/// form; `LiteralDecoder` computes their values for the parser.
extension Lexer {
    // MARK: Numbers

    mutating func readNumber() throws {
        let start = position
        if bytes[position] == UInt8(ascii: "0"), let marker = peek(1) {
            switch marker | 0x20 {
            case UInt8(ascii: "x"):
                return try readRadixNumber(start: start, name: "hexadecimal", isDigit: { $0.isHexDigit })
            case UInt8(ascii: "o"):
                return try readRadixNumber(start: start, name: "octal", isDigit: { $0 >= 0x30 && $0 <= 0x37 })
            case UInt8(ascii: "b"):
                return try readRadixNumber(start: start, name: "binary", isDigit: { $0 == 0x30 || $0 == 0x31 })
            default:
                break
            }
        }
        var isFloat = false
        if bytes[position] != UInt8(ascii: ".") { try readDigits() }
        let integerEnd = position
        if position < limit, bytes[position] == UInt8(ascii: ".") {
            isFloat = true
            position += 1
            if let next = peek(0), isDigit(next) { try readDigits() }
        }
        if let marker = peek(0), marker | 0x20 == UInt8(ascii: "e") {
            let save = position
            position += 1
            if let sign = peek(0), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { position += 1 }
            if let next = peek(0), isDigit(next) {
                isFloat = true
                try readDigits()
            } else {
                position = save
                throw failure("invalid decimal literal", at: start)
            }
        }
        var kind = "decimal"
        if let marker = peek(0), marker | 0x20 == UInt8(ascii: "j") {
            position += 1
            kind = "imaginary"
        } else if !isFloat {
            try checkLeadingZeros(start: start, end: integerEnd)
        }
        try verifyEndOfNumber(start: start, kind: kind)
        tokens.append(Token(.number, start, position))
    }

    /// Digits with single underscores between them.
    mutating func readDigits() throws {
        while position < limit {
            if isDigit(bytes[position]) {
                position += 1
            } else if bytes[position] == UInt8(ascii: "_") {
                position += 1
                guard position < limit, isDigit(bytes[position]) else {
                    throw failure("invalid decimal literal", at: position - 1)
                }
            } else {
                break
            }
        }
    }

    mutating func readRadixNumber(start: Int, name: String, isDigit: (UInt8) -> Bool) throws {
        position += 2
        var sawDigit = false
        while position < limit {
            let byte = bytes[position]
            if byte == UInt8(ascii: "_") {
                position += 1
                guard position < limit, isDigit(bytes[position]) else {
                    throw failure("invalid \(name) literal", at: position - 1)
                }
            } else if isDigit(byte) {
                sawDigit = true
                position += 1
            } else if self.isDigit(byte) {
                throw failure("invalid digit '\(UnicodeScalar(byte))' in \(name) literal", at: position)
            } else {
                break
            }
        }
        if !sawDigit { throw failure("invalid \(name) literal", at: position - 1) }
        try verifyEndOfNumber(start: start, kind: name)
        tokens.append(Token(.number, start, position))
    }

    /// `012` is an error; `000` is fine.
    func checkLeadingZeros(start: Int, end: Int) throws {
        guard bytes[start] == UInt8(ascii: "0") else { return }
        var zerosEnd = start
        while zerosEnd < end, bytes[zerosEnd] == UInt8(ascii: "0") || bytes[zerosEnd] == UInt8(ascii: "_") { zerosEnd += 1 }
        if zerosEnd < end {
            throw failure(
                "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                at: start, through: zerosEnd)
        }
    }

    /// A number may not run straight into a name, except into the keywords CPython
    /// still accepts there (`1if x else 2`).
    func verifyEndOfNumber(start: Int, kind: String) throws {
        guard position < limit, isIdentifierStart(bytes[position]) else { return }
        var end = position
        while end < limit, isIdentifierContinue(bytes[end]) { end += 1 }
        if let word = keyword(position..<end), Lexer.keywordsAfterNumbers.contains(word) { return }
        throw failure("invalid \(kind) literal", at: kind == "decimal" ? start : max(start, position - 1))
    }

    /// The keywords CPython still accepts straight after a number.
    static let keywordsAfterNumbers: Set<TokenKind> = [.kwAnd, .kwElse, .kwFor, .kwIf, .kwIn, .kwIs, .kwNot, .kwOr]

    // MARK: Strings

    /// A string literal with an optional prefix; the token covers prefix and quotes.
    mutating func readString(prefixStart: Int) throws {
        let quote = bytes[position]
        let isTriple = peek(1) == quote && peek(2) == quote
        position += isTriple ? 3 : 1
        while true {
            guard position < limit else {
                let kind = isTriple ? "unterminated triple-quoted string literal" : "unterminated string literal"
                throw failure("\(kind) (detected at line \(source.line(of: max(0, limit - 1))))", at: prefixStart)
            }
            let byte = bytes[position]
            if byte == UInt8(ascii: "\\") {
                position += 2
                if position > limit { position = limit }
                // An escaped CRLF is one line break.
                if position < limit, bytes[position - 1] == UInt8(ascii: "\r"), bytes[position] == UInt8(ascii: "\n") {
                    position += 1
                }
                continue
            }
            if byte == quote {
                if !isTriple {
                    position += 1
                    break
                }
                if peek(1) == quote && peek(2) == quote {
                    position += 3
                    break
                }
            } else if !isTriple && (byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")) {
                throw failure("unterminated string literal (detected at line \(source.line(of: position)))", at: prefixStart)
            }
            position += 1
        }
        tokens.append(Token(.string, prefixStart, position))
    }
}

extension UInt8 {
    var isHexDigit: Bool {
        (self >= 0x30 && self <= 0x39) || (self | 0x20 >= 0x61 && self | 0x20 <= 0x66)
    }
}
