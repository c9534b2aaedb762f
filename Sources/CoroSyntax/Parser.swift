/// A recursive-descent parser with precedence climbing for binary operators, producing
/// the AST of Grammar/coro.gram. Each parse function's doc comment quotes its rule.
///
/// Errors follow CPython 3.11: specialised messages where CPython has one, otherwise
/// "invalid syntax" at the furthest token the parser examined. A lexical error is
/// raised once the parser reaches it, and replaces a generic error when CPython's
/// tokenizer would have raised it eagerly.
public struct Parser {
    let source: SourceFile
    let bytes: [UInt8]
    let tokens: [Token]
    let lexicalError: SyntaxError?
    let lexicalErrorIsEager: Bool
    var index = 0
    /// The furthest token index examined: where a generic syntax error is reported.
    var furthest = 0
    /// Whether a `probe` reached the lexical error token (CPython's tokenizer raises on
    /// any fetch of it, even while looking ahead for an error message).
    var probeReachedLexicalError = false
    /// Current nesting of recursive parse functions; see `nest()`.
    var depth = 0
    /// Set while parsing the expression of an f-string replacement field.
    var fstringContext: FStringContext?
    /// Ranges of expressions written inside their own parentheses, e.g. `(a)` or `(a, b)`.
    var parenthesized: Set<SourceRange> = []
    /// The span of each parenthesized expression including its parentheses.
    var parenthesizedExtent: [SourceRange: SourceRange] = [:]

    /// CPython's compiler gives up ("maximum recursion depth exceeded during compilation")
    /// on expressions nested about this deep.
    static let maximumDepth = 2990

    init(source: SourceFile, stream: TokenStream) {
        self.source = source
        self.bytes = source.bytes
        self.tokens = stream.tokens
        self.lexicalError = stream.error
        self.lexicalErrorIsEager = stream.errorOverridesGenericSyntaxError
    }

    /// Parses a whole module.
    public static func parse(_ source: SourceFile) throws(SyntaxError) -> Module {
        var parser = Parser(source: source, stream: Lexer.tokenize(source))
        do {
            return try parser.parseFile()
        } catch let error as SyntaxError {
            throw parser.reconcile(error)
        } catch {
            preconditionFailure("the parser throws only SyntaxError")
        }
    }

    /// Chooses between a parse error and a pending lexical error as CPython would.
    func reconcile(_ error: SyntaxError) -> SyntaxError {
        guard let lexicalError else { return error }
        if probeReachedLexicalError || tokens[furthest].kind == .error { return lexicalError }
        if lexicalErrorIsEager && error.kind == .syntaxError && error.message == "invalid syntax" {
            return lexicalError
        }
        return error
    }

    // MARK: Token access

    /// The current token; looking at it counts as examining it.
    var current: Token {
        mutating get {
            if index > furthest { furthest = index }
            return tokens[index]
        }
    }

    var kind: TokenKind { mutating get { current.kind } }

    /// The kind of the token `distance` ahead, without moving.
    mutating func peek(_ distance: Int) -> TokenKind {
        let at = min(index + distance, tokens.count - 1)
        if at > furthest { furthest = at }
        return tokens[at].kind
    }

    /// The previous token (the last one consumed).
    var previous: Token { tokens[max(index - 1, 0)] }

    @discardableResult
    mutating func advance() -> Token {
        let token = current
        if index < tokens.count - 1 { index += 1 }
        return token
    }

    mutating func check(_ kind: TokenKind) -> Bool { self.kind == kind }

    mutating func accept(_ kind: TokenKind) -> Token? {
        self.kind == kind ? advance() : nil
    }

    /// Consumes a token of `kind` or fails with a generic syntax error.
    @discardableResult
    mutating func expect(_ kind: TokenKind) throws -> Token {
        guard self.kind == kind else { throw invalidSyntax() }
        return advance()
    }

    /// Consumes a token of `kind` or fails with CPython's "expected 'X'" at the current token.
    @discardableResult
    mutating func expectForced(_ kind: TokenKind, _ spelling: String) throws -> Token {
        guard self.kind == kind else {
            throw error("expected '\(spelling)'", at: current.range)
        }
        return advance()
    }

    func text(_ token: Token) -> String { source.text(token.range.start, token.range.end) }

    func isParenthesized(_ expression: Expr) -> Bool { parenthesized.contains(expression.range) }

    /// An expression's span including any parentheses around it.
    func extent(_ expression: Expr) -> SourceRange { parenthesizedExtent[expression.range] ?? expression.range }

    /// The span from the first expression to the last, parentheses included.
    func span(_ first: Expr, _ last: Expr) -> SourceRange { SourceRange(extent(first).start, extent(last).end) }

    // MARK: Errors

    func error(_ message: String, at range: SourceRange, kind: SyntaxError.Kind = .syntaxError) -> SyntaxError {
        var error = SyntaxError(kind, message, in: source, range: range)
        if let fstringContext { fstringContext.adjust(&error) }
        return error
    }

    func error(_ message: String, from start: Expr, to end: Expr) -> SyntaxError {
        error(message, at: SourceRange(start.range.start, end.range.end))
    }

    /// CPython's generic error, at the furthest token examined.
    func invalidSyntax() -> SyntaxError {
        let token = tokens[min(furthest, tokens.count - 1)]
        switch token.kind {
        case .indent:
            let at = max(token.range.end - 1, token.range.start)
            return error("unexpected indent", at: SourceRange(at, at), kind: .indentationError)
        case .dedent:
            return error("unexpected unindent", at: token.range, kind: .indentationError)
        default:
            return error("invalid syntax", at: token.range)
        }
    }

    /// Parses ahead only to choose an error message, as CPython's second pass over its
    /// `invalid_` rules does, then rewinds. The furthest token examined is restored too, so
    /// a generic error is still reported where the real parse stopped.
    mutating func probe<T>(_ parse: (inout Parser) throws -> T?) -> T? {
        let savedIndex = index
        let savedFurthest = furthest
        defer {
            if tokens[furthest].kind == .error { probeReachedLexicalError = true }
            index = savedIndex
            furthest = savedFurthest
        }
        return (try? parse(&self)) ?? nil
    }

    /// Guards recursion: every self-recursive parse function calls this on entry and
    /// `unnest()` on exit, so that absurdly nested input fails as CPython's compiler does
    /// instead of overflowing the native stack. `extra` counts the levels of a left-nested
    /// chain (`a.b.c`, `1 + 2 + 3`) that the parser builds in a loop.
    mutating func nest(extra: Int = 0) throws {
        depth += 1
        if depth + extra > Parser.maximumDepth {
            throw SyntaxError(
                .recursionError, "maximum recursion depth exceeded during compilation",
                filename: source.name, line: 0, column: 0, endLine: 0, endColumn: 0, lineText: "")
        }
    }

    mutating func unnest() { depth -= 1 }
}
