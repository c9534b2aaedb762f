/// Expressions, from `star_expressions` down to `power`; binary operators by precedence climbing.
extension Parser {
    /// Whether the current token can start an expression.
    mutating func startsExpression() -> Bool {
        switch kind {
        case .name, .number, .string, .leftParen, .leftBracket, .leftBrace, .minus, .plus, .tilde,
            .kwNot, .kwLambda, .kwAwait, .kwNone, .kwTrue, .kwFalse, .ellipsis, .star, .kwYield:
            return true
        default:
            return false
        }
    }

    /// star_expressions: star_expression (',' star_expression)* [',']
    mutating func parseStarExpressions() throws -> Expr {
        let first = try parseStarExpression()
        guard check(.comma) else { return first }
        var elements = [first]
        while accept(.comma) != nil {
            guard startsExpression(), !check(.kwYield) else { break }
            elements.append(try parseStarExpression())
        }
        return Expr(.tuple(elements, .load), SourceRange(extent(first).start, previous.range.end))
    }

    /// expressions: expression (',' expression)* [',']
    mutating func parseExpressions() throws -> Expr {
        let first = try parseExpression()
        guard check(.comma) else { return first }
        var elements = [first]
        while accept(.comma) != nil {
            guard startsExpression() else { break }
            elements.append(try parseExpression())
        }
        return Expr(.tuple(elements, .load), SourceRange(extent(first).start, previous.range.end))
    }

    /// star_expression: '*' bitwise_or | expression
    mutating func parseStarExpression() throws -> Expr {
        if let star = accept(.star) {
            let value = try parseBitwiseOr()
            return Expr(.starred(value, .load), SourceRange(star.range.start, value.range.end))
        }
        return try parseExpression()
    }

    /// star_named_expression: '*' bitwise_or | named_expression
    mutating func parseStarNamedExpression() throws -> Expr {
        check(.star) ? try parseStarExpression() : try parseNamedExpression()
    }

    /// star_target-like operand: '*' bitwise_or | bitwise_or
    mutating func parseStarOrBitwiseOr() throws -> Expr {
        if let star = accept(.star) {
            let value = try parseBitwiseOr()
            return Expr(.starred(value, .load), SourceRange(star.range.start, value.range.end))
        }
        return try parseBitwiseOr()
    }

    /// named_expression: NAME ':=' expression | expression !':='
    ///
    /// `reportsAssignment` is false where a following '=' has a meaning of its own
    /// (a call argument), so that CPython's "Maybe you meant '=='" is not reported there.
    mutating func parseNamedExpression(reportsAssignment: Bool = true) throws -> Expr {
        if check(.name) && peek(1) == .walrus {
            let name = advance()
            advance()
            let value = try parseExpression()
            let target = Expr(.name(text(name), .store), name.range)
            return Expr(.namedExpr(target: target, value: value), SourceRange(name.range.start, value.range.end))
        }
        let expression = try parseExpression()
        if check(.walrus) {
            // invalid_named_expression: expression ':=' expression
            throw error("cannot use assignment expressions with \(expressionName(expression))", at: expression.range)
        }
        if reportsAssignment && check(.equal) { try reportAssignmentInExpression(expression) }
        return expression
    }

    /// invalid_named_expression: `if x = 1:` and `if f() = 1:`, where '==' was meant.
    mutating func reportAssignmentInExpression(_ target: Expr) throws {
        let value = probe { parser -> Expr? in
            parser.advance()
            let value = try parser.parseBitwiseOr()
            return parser.check(.equal) || parser.check(.walrus) ? nil : value
        }
        guard let value else { return }
        if case .name = target.kind, !isParenthesized(target) {
            throw error("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", from: target, to: value)
        }
        guard isBitwiseOrLevel(target), !isAssignmentLiteralException(target) else { return }
        throw error("cannot assign to \(expressionName(target)) here. Maybe you meant '==' instead of '='?", at: target.range)
    }

    /// expression: disjunction 'if' disjunction 'else' expression | disjunction | lambdef
    mutating func parseExpression() throws -> Expr {
        if check(.kwLambda) { return try parseLambda() }
        try nest()
        defer { unnest() }
        let body = try parseDisjunction()
        guard check(.kwIf) else { return body }
        advance()
        let test = try parseDisjunction()
        guard accept(.kwElse) != nil else {
            if !check(.colon) {
                throw error("expected 'else' after 'if' expression", from: body, to: test)
            }
            throw invalidSyntax()
        }
        let orelse = try parseExpression()
        return Expr(.ifExp(test: test, body: body, orelse: orelse), span(body, orelse))
    }

    /// yield_expr: 'yield' 'from' expression | 'yield' [star_expressions]
    mutating func parseYield() throws -> Expr {
        let keyword = advance()
        if accept(.kwFrom) != nil {
            let value = try parseExpression()
            return Expr(.yieldFrom(value), SourceRange(keyword.range.start, extent(value).end))
        }
        guard startsExpression() else { return Expr(.yield(nil), keyword.range) }
        let value = try parseStarExpressions()
        return Expr(.yield(value), SourceRange(keyword.range.start, extent(value).end))
    }

    /// disjunction: conjunction ('or' conjunction)+ | conjunction
    mutating func parseDisjunction() throws -> Expr {
        let first = try parseConjunction()
        guard check(.kwOr) else { return first }
        var values = [first]
        while accept(.kwOr) != nil { values.append(try parseConjunction()) }
        return Expr(.boolOp(.or, values), span(first, values[values.count - 1]))
    }

    /// conjunction: inversion ('and' inversion)+ | inversion
    mutating func parseConjunction() throws -> Expr {
        let first = try parseInversion()
        guard check(.kwAnd) else { return first }
        var values = [first]
        while accept(.kwAnd) != nil { values.append(try parseInversion()) }
        return Expr(.boolOp(.and, values), span(first, values[values.count - 1]))
    }

    /// inversion: 'not' inversion | comparison
    mutating func parseInversion() throws -> Expr {
        guard let keyword = accept(.kwNot) else { return try parseComparison() }
        try nest()
        defer { unnest() }
        let operand = try parseInversion()
        return Expr(.unaryOp(.not, operand), SourceRange(keyword.range.start, extent(operand).end))
    }

    /// comparison: bitwise_or compare_op_bitwise_or_pair+ | bitwise_or
    mutating func parseComparison() throws -> Expr {
        let left = try parseBitwiseOr()
        var operators: [ComparisonOperator] = []
        var comparators: [Expr] = []
        while let op = try parseComparisonOperator() {
            operators.append(op)
            comparators.append(try parseBitwiseOr())
        }
        guard let last = comparators.last else { return left }
        return Expr(.compare(left, operators, comparators), span(left, last))
    }

    /// compare_op: '==' | '!=' | '<=' | '<' | '>=' | '>' | 'not' 'in' | 'in' | 'is' 'not' | 'is'
    mutating func parseComparisonOperator() throws -> ComparisonOperator? {
        switch kind {
        case .equalEqual: advance(); return .eq
        case .notEqual: advance(); return .notEq
        case .less: advance(); return .lt
        case .lessEqual: advance(); return .ltE
        case .greater: advance(); return .gt
        case .greaterEqual: advance(); return .gtE
        case .kwIn: advance(); return .in
        case .kwIs:
            advance()
            return accept(.kwNot) != nil ? .isNot : .is
        case .kwNot where peek(1) == .kwIn:
            advance()
            advance()
            return .notIn
        default:
            return nil
        }
    }

    /// The binary operator of a token and its precedence (higher binds tighter).
    func binaryOperator(_ kind: TokenKind) -> (BinaryOperator, Int)? {
        switch kind {
        case .pipe: (.bitOr, 1)
        case .caret: (.bitXor, 2)
        case .ampersand: (.bitAnd, 3)
        case .leftShift: (.lShift, 4)
        case .rightShift: (.rShift, 4)
        case .plus: (.add, 5)
        case .minus: (.sub, 5)
        case .star: (.mult, 6)
        case .slash: (.div, 6)
        case .doubleSlash: (.floorDiv, 6)
        case .percent: (.mod, 6)
        case .at: (.matMult, 6)
        default: nil
        }
    }

    /// bitwise_or: bitwise_or '|' bitwise_xor | bitwise_xor
    /// bitwise_xor: bitwise_xor '^' bitwise_and | bitwise_and
    /// bitwise_and: bitwise_and '&' shift_expr | shift_expr
    /// shift_expr: shift_expr ('<<' | '>>') sum | sum
    /// sum: sum ('+' | '-') term | term
    /// term: term ('*' | '/' | '//' | '%' | '@') factor | factor
    mutating func parseBitwiseOr() throws -> Expr {
        try parseBinary(minimumPrecedence: 1)
    }

    /// Precedence climbing over the left-associative binary operators. Chains such as
    /// `1 + 2 + ... + n` are built in a loop, so their length costs no native stack.
    mutating func parseBinary(minimumPrecedence: Int) throws -> Expr {
        var left = try parseFactor()
        var chainLength = 0
        while let (op, precedence) = binaryOperator(kind), precedence >= minimumPrecedence {
            advance()
            chainLength += 1
            try nest(extra: chainLength)
            let right = try parseBinary(minimumPrecedence: precedence + 1)
            unnest()
            left = Expr(.binOp(left, op, right), span(left, right))
        }
        return left
    }

    /// factor: '+' factor | '-' factor | '~' factor | power
    mutating func parseFactor() throws -> Expr {
        let op: UnaryOperator
        switch kind {
        case .plus: op = .uAdd
        case .minus: op = .uSub
        case .tilde: op = .invert
        default: return try parsePower()
        }
        let token = advance()
        try nest()
        defer { unnest() }
        let operand = try parseFactor()
        return Expr(.unaryOp(op, operand), SourceRange(token.range.start, extent(operand).end))
    }

    /// power: await_primary '**' factor | await_primary
    /// await_primary: 'await' primary | primary
    mutating func parsePower() throws -> Expr {
        var base: Expr
        if let keyword = accept(.kwAwait) {
            let operand = try parsePrimary()
            base = Expr(.await(operand), SourceRange(keyword.range.start, extent(operand).end))
        } else {
            base = try parsePrimary()
        }
        guard accept(.doubleStar) != nil else { return base }
        try nest()
        defer { unnest() }
        let exponent = try parseFactor()
        base = Expr(.binOp(base, .pow, exponent), span(base, exponent))
        return base
    }

    /// lambdef: 'lambda' [parameters] ':' expression
    mutating func parseLambda() throws -> Expr {
        let keyword = advance()
        try nest()
        defer { unnest() }
        let arguments = try parseParameters(closing: .colon)
        try expect(.colon)
        let body = try parseExpression()
        return Expr(.lambda(arguments, body), SourceRange(keyword.range.start, body.range.end))
    }
}
