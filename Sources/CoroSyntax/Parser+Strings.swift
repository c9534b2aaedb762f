/// String literals: implicit concatenation, bytes, and f-strings parsed as CPython 3.11
/// does (the string token is scanned for replacement fields, whose expressions are then
/// parsed as if parenthesized).
extension Parser {
    /// strings: STRING+
    mutating func parseStrings() throws -> Expr {
        let first = current
        var tokens: [Token] = []
        while check(.string) { tokens.append(advance()) }
        // CPython reports string-content errors at the token after the strings.
        let errorRange = SourceRange(current.range.start, current.range.start)
        let range = SourceRange(first.range.start, tokens[tokens.count - 1].range.end)

        var parts = FStringParts()
        var sawBytes = false
        var sawText = false
        var isFormatted = false
        var isUnicodeMarked = false
        var bytesValue: [UInt8] = []
        for (position, token) in tokens.enumerated() {
            let prefix = LiteralDecoder.Prefix(bytes[token.range.start..<token.range.end])
            if position == 0 { isUnicodeMarked = prefix.isUnicodeMarked }
            let quoteStart = token.range.start + prefix.length
            let quoteLength = (bytes[quoteStart] == bytes[quoteStart + 1] && token.range.end - quoteStart >= 6
                               && bytes[quoteStart + 1] == bytes[quoteStart + 2]) ? 3 : 1
            let body = (quoteStart + quoteLength)..<(token.range.end - quoteLength)
            if prefix.isBytes {
                sawBytes = true
                if bytes[body].contains(where: { $0 >= 0x80 }) {
                    throw error("bytes can only contain ASCII literal characters", at: token.range)
                }
                if prefix.isRaw {
                    bytesValue += bytes[body]
                } else {
                    do { bytesValue += try LiteralDecoder.decodeBytes(bytes[body]) } catch { throw self.error(error.message, at: errorRange) }
                }
            } else if prefix.isFormatted {
                sawText = true
                isFormatted = true
                try parseFStringBody(body, isRaw: prefix.isRaw, nesting: 0, into: &parts, errorRange: errorRange)
            } else {
                sawText = true
                parts.appendLiteral(try text(body, isRaw: prefix.isRaw, errorRange: errorRange))
            }
        }
        if sawBytes && sawText {
            throw error("cannot mix bytes and nonbytes literals", at: first.range)
        }
        if sawBytes { return Expr(.constant(.bytes(bytesValue)), range) }
        if !isFormatted {
            // Without f-strings every part is literal text, still pending.
            return Expr(.constant(.string(parts.pendingLiteral, isUnicodeMarked: isUnicodeMarked)), range)
        }
        return Expr(.joinedStr(parts.finish(range: range)), range)
    }

    /// The text of a str literal's body: as written when raw, else with its escapes decoded.
    func text(_ body: Range<Int>, isRaw: Bool, errorRange: SourceRange) throws -> String {
        if isRaw { return source.text(body.lowerBound, body.upperBound) }
        do {
            return try LiteralDecoder.decodeString(bytes[body])
        } catch {
            throw self.error(error.message, at: errorRange)
        }
    }

    /// Scans an f-string body (or a format spec) for literal text and replacement fields.
    /// `nesting` is 1 inside a format spec; CPython allows no deeper.
    mutating func parseFStringBody(
        _ body: Range<Int>, isRaw: Bool, nesting: Int, into parts: inout FStringParts, errorRange: SourceRange
    ) throws {
        var index = body.lowerBound
        var literalStart = index
        func literal(_ end: Int) throws -> String { try text(literalStart..<end, isRaw: isRaw, errorRange: errorRange) }
        while index < body.upperBound {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\") && !isRaw {
                index += 2
                continue
            }
            if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "}") {
                let doubled = index + 1 < body.upperBound && bytes[index + 1] == byte
                if doubled && (nesting == 0 || byte == UInt8(ascii: "}")) {
                    parts.appendLiteral(try literal(index + 1))
                    index += 2
                    literalStart = index
                    continue
                }
                if byte == UInt8(ascii: "}") {
                    throw error("f-string: single '}' is not allowed", at: errorRange)
                }
                parts.appendLiteral(try literal(index))
                index = try parseReplacementField(from: index + 1, in: body, isRaw: isRaw, nesting: nesting,
                                                  into: &parts, errorRange: errorRange)
                literalStart = index
                continue
            }
            index += 1
        }
        parts.appendLiteral(try literal(min(index, body.upperBound)))
    }

    /// Parses `expression [=] [!conversion] [:format_spec] }` starting after '{'.
    /// Returns the offset after the closing '}'.
    mutating func parseReplacementField(
        from start: Int, in body: Range<Int>, isRaw: Bool, nesting: Int, into parts: inout FStringParts,
        errorRange: SourceRange
    ) throws -> Int {
        if nesting >= 2 { throw error("f-string: expressions nested too deeply", at: errorRange) }
        let end = try findExpressionEnd(from: start, in: body, errorRange: errorRange)
        let expressionText = bytes[start..<end]
        if expressionText.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == 0x0C }) {
            if end < body.upperBound, bytes[end] == UInt8(ascii: "=") {
                throw error("f-string: expression required before '='", at: errorRange)
            }
            throw error("f-string: empty expression not allowed", at: errorRange)
        }
        let value = try parseFieldExpression(start..<end)
        var index = end
        var conversion: Conversion?
        var debugText: String?
        if index < body.upperBound, bytes[index] == UInt8(ascii: "=") {
            index += 1
            var textEnd = index
            while textEnd < body.upperBound, [0x20, 0x09].contains(bytes[textEnd]) { textEnd += 1 }
            index = textEnd
            debugText = source.text(start, textEnd)
        }
        if index < body.upperBound, bytes[index] == UInt8(ascii: "!") {
            index += 1
            guard index < body.upperBound, let letter = Conversion(rawValue: Character(UnicodeScalar(bytes[index]))),
                index + 1 < body.upperBound, bytes[index + 1] == UInt8(ascii: ":") || bytes[index + 1] == UInt8(ascii: "}")
            else {
                if index >= body.upperBound { throw error("f-string: expecting '}'", at: errorRange) }
                throw error("f-string: invalid conversion character: expected 's', 'r', or 'a'", at: errorRange)
            }
            conversion = letter
            index += 1
        }
        var formatSpec: Expr?
        if index < body.upperBound, bytes[index] == UInt8(ascii: ":") {
            let specStart = index + 1
            let specEnd = try findFormatSpecEnd(from: specStart, in: body, errorRange: errorRange)
            var specParts = FStringParts()
            try parseFStringBody(specStart..<specEnd, isRaw: isRaw, nesting: nesting + 1, into: &specParts, errorRange: errorRange)
            let specRange = SourceRange(specStart, specEnd)
            formatSpec = Expr(.joinedStr(specParts.finish(range: specRange)), specRange)
            index = specEnd
        }
        guard index < body.upperBound, bytes[index] == UInt8(ascii: "}") else {
            throw error("f-string: expecting '}'", at: errorRange)
        }
        if let debugText {
            parts.appendLiteral(debugText)
            if conversion == nil && formatSpec == nil { conversion = .repr }
        }
        let fieldRange = SourceRange(start - 1, index + 1)
        parts.appendField(Expr(.formattedValue(value, conversion: conversion, formatSpec: formatSpec), fieldRange))
        return index + 1
    }

    /// The end of a field's expression: the first '=', '!', ':' or '}' outside brackets and
    /// strings (but not the operators '==', '!=', '<=', '>=').
    func findExpressionEnd(from start: Int, in body: Range<Int>, errorRange: SourceRange) throws -> Int {
        var index = start
        var depth = 0
        var quote: UInt8?
        while index < body.upperBound {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\") { throw error("f-string expression part cannot include a backslash", at: errorRange) }
            if let open = quote {
                if byte == open { quote = nil }
                index += 1
                continue
            }
            let next: UInt8? = index + 1 < body.upperBound ? bytes[index + 1] : nil
            switch byte {
            case UInt8(ascii: "'"), UInt8(ascii: "\""):
                quote = byte
            case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
            case UInt8(ascii: ")"), UInt8(ascii: "]"):
                depth -= 1
            case UInt8(ascii: "}"):
                if depth == 0 { return index }
                depth -= 1
            case UInt8(ascii: "#"):
                throw error("f-string expression part cannot include '#'", at: errorRange)
            case UInt8(ascii: "="), UInt8(ascii: "!"), UInt8(ascii: "<"), UInt8(ascii: ">"):
                // '==', '!=', '<=', '>=' are operators; a lone '=' or '!' ends the expression.
                if next == UInt8(ascii: "=") {
                    index += 1
                } else if depth == 0 && (byte == UInt8(ascii: "=") || byte == UInt8(ascii: "!")) {
                    return index
                }
            case UInt8(ascii: ":"):
                if depth == 0 { return index }
            default:
                break
            }
            index += 1
        }
        if quote != nil { throw error("f-string: unterminated string", at: errorRange) }
        throw error("f-string: expecting '}'", at: errorRange)
    }

    /// The end of a format spec: its matching '}' (nested fields may open and close braces).
    func findFormatSpecEnd(from start: Int, in body: Range<Int>, errorRange: SourceRange) throws -> Int {
        var index = start
        var depth = 0
        while index < body.upperBound {
            switch bytes[index] {
            case UInt8(ascii: "{"): depth += 1
            case UInt8(ascii: "}"):
                if depth == 0 { return index }
                depth -= 1
            default: break
            }
            index += 1
        }
        throw error("f-string: expecting '}'", at: errorRange)
    }

    /// fstring: star_expressions, parsed from the field's source bytes as if parenthesized.
    mutating func parseFieldExpression(_ range: Range<Int>) throws -> Expr {
        let stream = Lexer.tokenize(source, range: range)
        var parser = Parser(source: source, stream: stream)
        parser.depth = depth
        parser.fstringContext = FStringContext(source: source, expressionStart: range.lowerBound,
                                               expressionText: source.text(range.lowerBound, range.upperBound))
        do {
            let expression = try parser.check(.kwYield) ? parser.parseYield() : parser.parseStarExpressions()
            if !parser.check(.endMarker) { throw try parser.forgottenCommaOrInvalid(after: expression) }
            return expression
        } catch let failure as SyntaxError {
            var reconciled = parser.reconcile(failure)
            if stream.error != nil && reconciled == stream.error {
                parser.fstringContext?.adjust(&reconciled)
            }
            throw reconciled
        }
    }
}

/// Where an f-string field's expression sits, so that errors inside it are reported as
/// CPython 3.11 reports them: prefixed "f-string: ", located in the text "(expression)".
struct FStringContext {
    let source: SourceFile
    let expressionStart: Int
    let expressionText: String

    func adjust(_ error: inout SyntaxError) {
        guard !error.message.hasPrefix("f-string") else { return }
        let startLine = source.line(of: expressionStart)
        let startColumn = source.characterColumn(of: expressionStart)
        func relocate(line: Int, column: Int) -> (Int, Int) {
            line == startLine ? (1, column - startColumn + 2) : (line - startLine + 1, column)
        }
        (error.line, error.column) = relocate(line: error.line, column: error.column)
        (error.endLine, error.endColumn) = relocate(line: error.endLine, column: error.endColumn)
        error.message = "f-string: " + error.message
        error.lineText = "(" + expressionText + ")"
    }
}

/// The values of a JoinedStr under construction: adjacent literal text is merged, and
/// empty literals are dropped, as CPython does.
struct FStringParts {
    var values: [Expr] = []
    /// Literal text since the last field.
    var pendingLiteral = ""

    mutating func appendLiteral(_ text: String) {
        pendingLiteral += text
    }

    mutating func appendField(_ field: Expr) {
        flushLiteral(before: field.range.start)
        values.append(field)
    }

    mutating func flushLiteral(before offset: Int) {
        guard !pendingLiteral.isEmpty else { return }
        values.append(Expr(.constant(.string(pendingLiteral, isUnicodeMarked: false)), SourceRange(offset, offset)))
        pendingLiteral = ""
    }

    mutating func finish(range: SourceRange) -> [Expr] {
        flushLiteral(before: range.end)
        return values
    }
}
