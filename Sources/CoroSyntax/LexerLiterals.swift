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
        if bytes[position] != UInt8(ascii: ".") { try readDigits(start: start) }
        let integerEnd = position
        if position < limit, bytes[position] == UInt8(ascii: ".") {
            isFloat = true
            position += 1
            if let next = peek(0), isDigit(next) { try readDigits(start: start) }
        }
        if let marker = peek(0), marker | 0x20 == UInt8(ascii: "e") {
            let save = position
            position += 1
            if let sign = peek(0), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { position += 1 }
            if let next = peek(0), isDigit(next) {
                isFloat = true
                try readDigits(start: start)
            } else {
                position = save
                throw numberError("invalid decimal literal", at: start)
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
    mutating func readDigits(start: Int) throws {
        while position < limit {
            if isDigit(bytes[position]) {
                position += 1
            } else if bytes[position] == UInt8(ascii: "_") {
                position += 1
                guard position < limit, isDigit(bytes[position]) else {
                    throw numberError("invalid decimal literal", at: position - 1)
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
                    throw numberError("invalid \(name) literal", at: position - 1)
                }
            } else if isDigit(byte) {
                sawDigit = true
                position += 1
            } else if self.isDigit(byte) {
                throw numberError("invalid digit '\(UnicodeScalar(byte))' in \(name) literal", at: position)
            } else {
                break
            }
        }
        if !sawDigit { throw numberError("invalid \(name) literal", at: position - 1) }
        try verifyEndOfNumber(start: start, kind: name)
        tokens.append(Token(.number, start, position))
    }

    /// `012` is an error; `000` is fine.
    func checkLeadingZeros(start: Int, end: Int) throws {
        guard bytes[start] == UInt8(ascii: "0") else { return }
        var zerosEnd = start
        while zerosEnd < end, bytes[zerosEnd] == UInt8(ascii: "0") || bytes[zerosEnd] == UInt8(ascii: "_") { zerosEnd += 1 }
        if zerosEnd < end {
            throw LexicalFailure(
                SyntaxError(.syntaxError,
                            "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                            in: source, range: SourceRange(start, zerosEnd)), isEager: true)
        }
    }

    /// A number may not run straight into a name, except into the keywords CPython
    /// still accepts there (`1if x else 2`).
    func verifyEndOfNumber(start: Int, kind: String) throws {
        guard position < limit, isIdentifierStart(bytes[position]) else { return }
        for keyword in ["and", "else", "for", "if", "in", "is", "not", "or"] where matches(keyword, at: position) {
            let after = position + keyword.utf8.count
            if after >= limit || !isIdentifierContinue(bytes[after]) { return }
        }
        let last = max(start, position - 1)
        throw numberError("invalid \(kind) literal", at: kind == "imaginary" ? last : (kind == "decimal" ? start : last))
    }

    func numberError(_ message: String, at offset: Int) -> LexicalFailure {
        LexicalFailure(SyntaxError(.syntaxError, message, in: source, range: SourceRange(offset, offset)), isEager: true)
    }

    // MARK: Strings

    /// A string literal with an optional prefix; the token covers prefix and quotes.
    mutating func readString(prefixStart: Int) throws {
        let quote = bytes[position]
        let isTriple = peek(1) == quote && peek(2) == quote
        position += isTriple ? 3 : 1
        while true {
            guard position < limit else {
                let kind = isTriple ? "unterminated triple-quoted string literal" : "unterminated string literal"
                let detectedLine = source.line(of: max(0, limit - 1))
                throw LexicalFailure(
                    SyntaxError(.syntaxError, "\(kind) (detected at line \(detectedLine))", in: source,
                                range: SourceRange(prefixStart, prefixStart)), isEager: true)
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
                throw LexicalFailure(
                    SyntaxError(.syntaxError, "unterminated string literal (detected at line \(source.line(of: position)))",
                                in: source, range: SourceRange(prefixStart, prefixStart)), isEager: true)
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
