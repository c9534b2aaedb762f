/// Turns a `SourceFile` into tokens, following CPython 3.11's tokenizer: NEWLINE, INDENT
/// and DEDENT from indentation, implicit line joining inside brackets, backslash
/// continuation, and CPython's messages for lexical errors.
///
/// The whole file is tokenized up front. A lexical error ends the stream with an `error`
/// token; the parser raises it only when it reaches that token, so an earlier syntax error
/// is still reported first, as CPython does.
public struct Lexer {
    let source: SourceFile
    let bytes: [UInt8]
    /// Where lexing stops: the end of the file, or of an f-string replacement field.
    let limit: Int
    /// Brackets open before lexing starts (one for an f-string field, which CPython
    /// parses as if it were parenthesized, so newlines inside it are ignored).
    let implicitBrackets: Int
    var position = 0
    var tokens: [Token] = []
    /// Indentation columns (tabs to multiples of 8) of the open blocks, innermost last.
    var indents: [Int] = [0]
    /// The same columns with tabs counted as one column, to detect inconsistent tabs.
    var alternateIndents: [Int] = [0]
    /// Open brackets: the byte and its offset, innermost last.
    var brackets: [(byte: UInt8, offset: Int)] = []
    var atLineStart = true

    /// CPython's limits: 100 levels of indentation, 200 nested brackets.
    static let maximumIndentation = 100
    static let maximumBrackets = 200

    init(source: SourceFile, range: Range<Int>? = nil) {
        self.source = source
        self.bytes = source.bytes
        self.limit = range?.upperBound ?? source.bytes.count
        self.position = range?.lowerBound ?? 0
        self.implicitBrackets = range == nil ? 0 : 1
        if let range { brackets = [(UInt8(ascii: "("), range.lowerBound)] }
        atLineStart = range == nil
    }

    /// Tokenizes a whole source file, or the expression of an f-string replacement field.
    public static func tokenize(_ source: SourceFile, range: Range<Int>? = nil) -> TokenStream {
        var lexer = Lexer(source: source, range: range)
        do {
            if range == nil { try lexer.checkEncoding() }
            try lexer.run()
            return TokenStream(tokens: lexer.tokens, error: nil, errorOverridesGenericSyntaxError: false)
        } catch let failure as LexicalFailure {
            lexer.tokens.append(Token(.error, lexer.position, lexer.position))
            return TokenStream(
                tokens: lexer.tokens, error: failure.error, errorOverridesGenericSyntaxError: failure.isEager)
        } catch {
            preconditionFailure("the lexer throws only LexicalFailure")
        }
    }

    /// NUL bytes and invalid UTF-8 are rejected before anything else, as CPython does.
    func checkEncoding() throws {
        if let nul = bytes.firstIndex(of: 0) {
            throw failure("source code cannot contain null bytes", at: nul)
        }
        try validateUTF8()
    }

    mutating func run() throws {
        while true {
            if atLineStart {
                atLineStart = false
                if try readIndentation() { continue }
            }
            skipWhitespace()
            guard position < limit else { return try finish() }
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: "#"):
                skipComment()
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                let start = position
                position += (byte == UInt8(ascii: "\r") && peek(1) == UInt8(ascii: "\n")) ? 2 : 1
                if brackets.isEmpty {
                    tokens.append(Token(.newline, start, position))
                    atLineStart = true
                }
            case UInt8(ascii: "\\"):
                try readContinuation()
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                try readNumber()
            case UInt8(ascii: "."):
                if let next = peek(1), isDigit(next) { try readNumber() } else { try readOperator() }
            case UInt8(ascii: "'"), UInt8(ascii: "\""):
                try readString(prefixStart: position)
            default:
                if isIdentifierStart(byte) {
                    try readName()
                } else {
                    try readOperator()
                }
            }
        }
    }

    // MARK: Lines and indentation

    /// Measures the indentation at the start of a line and emits INDENT/DEDENT tokens.
    /// Returns true when the line is blank or a comment, which produces no tokens.
    mutating func readIndentation() throws -> Bool {
        var column = 0
        var alternateColumn = 0
        let lineStart = position
        measuring: while position < limit {
            switch bytes[position] {
            case UInt8(ascii: " "):
                column += 1
                alternateColumn += 1
            case UInt8(ascii: "\t"):
                column = (column / 8 + 1) * 8
                alternateColumn += 1
            case 0x0C:
                column = 0
                alternateColumn = 0
            default:
                break measuring
            }
            position += 1
        }
        if position >= limit { return false }
        switch bytes[position] {
        case UInt8(ascii: "#"):
            skipComment()
            skipLineEnd()
            atLineStart = true
            return true
        case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
            skipLineEnd()
            atLineStart = true
            return true
        case UInt8(ascii: "\\"):
            // A continuation at the start of a line: indentation continues on the next line.
            return false
        default:
            break
        }
        if !brackets.isEmpty { return false }
        let current = indents[indents.count - 1]
        if column == current {
            if alternateColumn != alternateIndents[alternateIndents.count - 1] { throw tabError(lineStart) }
        } else if column > current {
            if indents.count >= Lexer.maximumIndentation {
                throw failure("too many levels of indentation", at: lineStart, kind: .indentationError, isEager: false)
            }
            if alternateColumn <= alternateIndents[alternateIndents.count - 1] { throw tabError(lineStart) }
            indents.append(column)
            alternateIndents.append(alternateColumn)
            tokens.append(Token(.indent, lineStart, position))
        } else {
            while indents.count > 1 && column < indents[indents.count - 1] {
                indents.removeLast()
                alternateIndents.removeLast()
                tokens.append(Token(.dedent, position, position))
            }
            if column != indents[indents.count - 1] {
                // CPython points one character past the first character of the line.
                throw failure("unindent does not match any outer indentation level", at: min(position + 1, limit),
                              kind: .indentationError, isEager: false)
            }
            if alternateColumn != alternateIndents[alternateIndents.count - 1] { throw tabError(lineStart) }
        }
        return false
    }

    func tabError(_ lineStart: Int) -> LexicalFailure {
        failure("inconsistent use of tabs and spaces in indentation", at: lineStart, kind: .tabError, isEager: false)
    }

    /// End of input: NEWLINE if the last line has tokens, DEDENTs, ENDMARKER.
    mutating func finish() throws {
        if brackets.count > implicitBrackets, let open = brackets.last {
            throw failure("'\(UnicodeScalar(open.byte))' was never closed", at: open.offset, isEager: false)
        }
        if implicitBrackets > 0 {
            tokens.append(Token(.endMarker, position, position))
            return
        }
        if let last = tokens.last, last.kind != .newline, last.kind != .dedent, last.kind != .indent {
            tokens.append(Token(.newline, position, position))
        }
        for _ in 1..<indents.count { tokens.append(Token(.dedent, position, position)) }
        tokens.append(Token(.endMarker, position, position))
    }

    mutating func readContinuation() throws {
        let start = position
        position += 1
        if position >= limit { throw failure("unexpected EOF while parsing", at: position, isEager: false) }
        guard bytes[position] == UInt8(ascii: "\n") || bytes[position] == UInt8(ascii: "\r") else {
            throw failure("unexpected character after line continuation character", at: start + 1)
        }
        skipLineEnd()
        if position >= limit { throw failure("unexpected EOF while parsing", at: start + 1, isEager: false) }
    }

    // MARK: Names, operators, brackets

    mutating func readName() throws {
        let start = position
        while position < limit {
            let byte = bytes[position]
            if byte < 0x80 {
                guard isIdentifierContinue(byte) else { break }
                position += 1
            } else {
                let (scalar, length) = decodeScalar(at: position)
                let valid = position == start ? scalar.properties.isXIDStart : scalar.properties.isXIDContinue
                guard valid else { throw invalidCharacter(scalar, at: position) }
                position += length
            }
        }
        if position < limit, bytes[position] == UInt8(ascii: "'") || bytes[position] == UInt8(ascii: "\""),
            isStringPrefix(bytes[start..<position])
        {
            return try readString(prefixStart: start)
        }
        tokens.append(Token(keyword(start..<position) ?? .name, start, position))
    }

    mutating func readOperator() throws {
        let start = position
        let byte = bytes[start]
        guard byte < 0x80 else {
            let (scalar, _) = decodeScalar(at: start)
            throw invalidCharacter(scalar, at: start)
        }
        for (spelling, kind) in TokenKind.operatorsByFirstByte[Int(byte)] where matches(spelling, at: start) {
            position += spelling.count
            try trackBracket(kind, at: start)
            tokens.append(Token(kind, start, position))
            return
        }
        if byte < 0x20 || byte == 0x7F {
            throw invalidCharacter(UnicodeScalar(byte), at: start)
        }
        position += 1
        tokens.append(Token(.unknown, start, position))
    }

    mutating func trackBracket(_ kind: TokenKind, at offset: Int) throws {
        switch kind {
        case .leftParen, .leftBracket, .leftBrace:
            if brackets.count >= Lexer.maximumBrackets { throw failure("too many nested parentheses", at: offset) }
            brackets.append((bytes[offset], offset))
        case .rightParen, .rightBracket, .rightBrace:
            let closing = bytes[offset]
            guard brackets.count > implicitBrackets, let open = brackets.popLast() else {
                throw failure("unmatched '\(UnicodeScalar(closing))'", at: offset)
            }
            let expected: UInt8 = open.byte == UInt8(ascii: "(") ? UInt8(ascii: ")") : open.byte + 2
            if closing != expected {
                let openLine = source.line(of: open.offset)
                let suffix = openLine == source.line(of: offset) ? "" : " on line \(openLine)"
                throw failure(
                    "closing parenthesis '\(UnicodeScalar(closing))' does not match opening parenthesis '\(UnicodeScalar(open.byte))'\(suffix)",
                    at: offset)
            }
        default:
            break
        }
    }

    // MARK: Helpers

    func peek(_ distance: Int) -> UInt8? {
        position + distance < limit ? bytes[position + distance] : nil
    }

    func matches(_ spelling: [UInt8], at offset: Int) -> Bool {
        guard offset + spelling.count <= limit else { return false }
        for (index, byte) in spelling.enumerated() where bytes[offset + index] != byte { return false }
        return true
    }

    /// The keyword spelled by `range`, if it is one.
    func keyword(_ range: Range<Int>) -> TokenKind? {
        let first = bytes[range.lowerBound]
        guard first < 0x80 else { return nil }
        for (spelling, kind) in TokenKind.keywordsByFirstByte[Int(first)]
        where spelling.count == range.count && matches(spelling, at: range.lowerBound) {
            return kind
        }
        return nil
    }

    mutating func skipWhitespace() {
        while position < limit,
            bytes[position] == UInt8(ascii: " ") || bytes[position] == UInt8(ascii: "\t") || bytes[position] == 0x0C
        {
            position += 1
        }
    }

    mutating func skipComment() {
        while position < limit, bytes[position] != UInt8(ascii: "\n"), bytes[position] != UInt8(ascii: "\r") {
            position += 1
        }
    }

    mutating func skipLineEnd() {
        if position < limit, bytes[position] == UInt8(ascii: "\r") { position += 1 }
        if position < limit, bytes[position] == UInt8(ascii: "\n") { position += 1 }
    }

    func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    func isIdentifierStart(_ byte: UInt8) -> Bool {
        (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z")) || byte == UInt8(ascii: "_") || byte >= 0x80
    }

    func isIdentifierContinue(_ byte: UInt8) -> Bool { isIdentifierStart(byte) || isDigit(byte) }

    func isStringPrefix(_ prefix: ArraySlice<UInt8>) -> Bool {
        let lowered = String(decoding: prefix.map { $0 | 0x20 }, as: UTF8.self)
        return ["r", "u", "b", "f", "br", "rb", "fr", "rf"].contains(lowered)
    }

    /// Decodes the scalar at a byte offset of already validated UTF-8.
    func decodeScalar(at offset: Int) -> (UnicodeScalar, Int) {
        let lead = bytes[offset]
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
        var value = UInt32(length == 1 ? lead : lead & (0xFF >> (length + 1)))
        for index in 1..<max(length, 1) where offset + index < limit {
            value = value << 6 | UInt32(bytes[offset + index] & 0x3F)
        }
        return (UnicodeScalar(value) ?? "\u{FFFD}", length)
    }

    func invalidCharacter(_ scalar: UnicodeScalar, at offset: Int) -> LexicalFailure {
        let code = String(scalar.value, radix: 16, uppercase: true)
        let padded = String(repeating: "0", count: max(0, 4 - code.count)) + code
        let message = Self.isPrintable(scalar)
            ? "invalid character '\(scalar)' (U+\(padded))"
            : "invalid non-printable character U+\(padded)"
        return failure(message, at: offset)
    }

    /// A lexical error at `offset` (through `end`). `isEager` says whether CPython's
    /// tokenizer raises it even after an earlier generic syntax error.
    func failure(
        _ message: String, at offset: Int, through end: Int? = nil, kind: SyntaxError.Kind = .syntaxError, isEager: Bool = true
    ) -> LexicalFailure {
        LexicalFailure(error: SyntaxError(kind, message, in: source, range: SourceRange(offset, end ?? offset)), isEager: isEager)
    }

    /// Python's `str.isprintable` for one character.
    static func isPrintable(_ scalar: UnicodeScalar) -> Bool {
        if scalar == " " { return true }
        switch scalar.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator, .spaceSeparator:
            return false
        default:
            return true
        }
    }

    /// Rejects invalid UTF-8 with CPython's message for undeclared encodings.
    func validateUTF8() throws {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                offset += UTF8.width(scalar)
            case .emptyInput:
                break loop
            case .error:
                let hex = String(bytes[min(offset, limit - 1)], radix: 16)
                throw failure(
                    "Non-UTF-8 code starting with '\\x\(hex)' in file \(source.name) on line \(source.line(of: offset)), but no encoding declared; see https://peps.python.org/pep-0263/ for details",
                    at: offset)
            }
        }
    }
}

/// A lexical error, and whether CPython reports it even after an earlier generic syntax
/// error. Its error token goes where the lexer stopped.
struct LexicalFailure: Error {
    var error: SyntaxError
    var isEager: Bool
}
