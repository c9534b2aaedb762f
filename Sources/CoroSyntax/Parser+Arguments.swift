/// Call arguments and function/lambda parameters.
extension Parser {
    /// arguments: args [','] &')'
    /// args: ','.(starred_expression | named_expression !'=')+ [',' kwargs] | kwargs
    /// kwargs: ','.kwarg_or_starred+ [',' ','.kwarg_or_double_starred+] | ','.kwarg_or_double_starred+
    /// kwarg_or_starred: NAME '=' expression | starred_expression
    /// kwarg_or_double_starred: NAME '=' expression | '**' expression
    /// starred_expression: '*' expression
    mutating func parseCallArguments() throws -> ([Expr], [Keyword]) {
        var args: [Expr] = []
        var keywords: [Keyword] = []
        var sawKeyword = false
        var sawDoubleStar = false
        while !check(.rightParen) {
            let start = current.range.start
            // The expression just parsed: what a forgotten comma would follow.
            let value: Expr
            if let star = accept(.star) {
                value = try parseExpression()
                if sawDoubleStar {
                    throw error("iterable argument unpacking follows keyword argument unpacking", at: star.range)
                }
                args.append(Expr(.starred(value, .load), SourceRange(start, value.range.end)))
            } else if accept(.doubleStar) != nil {
                value = try parseExpression()
                keywords.append(Keyword(name: nil, value: value, range: SourceRange(start, value.range.end)))
                sawDoubleStar = true
            } else if check(.name) && peek(1) == .equal {
                let name = advance()
                advance()
                value = try parseExpression()
                if startsComprehension() {
                    throw error("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", at: SourceRange(name.range.start, name.range.end + 1))
                }
                keywords.append(Keyword(name: text(name), value: value, range: SourceRange(start, value.range.end)))
                sawKeyword = true
            } else {
                value = try parseNamedExpressionArgument()
                if startsComprehension() {
                    // A generator expression needs no parentheses of its own only as the sole argument.
                    let generators = try parseComprehensionClauses(element: value)
                    let generator = Expr(.generatorExp(value, generators), SourceRange(start, previous.range.end))
                    guard args.isEmpty && keywords.isEmpty && check(.rightParen) else {
                        throw error("Generator expression must be parenthesized", at: generator.range)
                    }
                    args.append(generator)
                    break
                }
                // CPython reports these at the token after the argument.
                if sawDoubleStar {
                    throw error("positional argument follows keyword argument unpacking", at: current.range)
                }
                if sawKeyword {
                    throw error("positional argument follows keyword argument", at: current.range)
                }
                args.append(value)
            }
            guard accept(.comma) != nil else {
                if !check(.rightParen) { throw try forgottenCommaOrInvalid(after: value) }
                break
            }
        }
        return (args, keywords)
    }

    /// A positional argument, with CPython's errors for `f(a.b=1)` and `f(True=1)`.
    mutating func parseNamedExpressionArgument() throws -> Expr {
        let value = try parseNamedExpression(reportsAssignment: false)
        guard let equal = accept(.equal) else { return value }
        if case .constant(let constant) = value.kind, [.bool(true), .bool(false), .none].contains(constant) {
            throw error("cannot assign to \(expressionName(value))", at: SourceRange(value.range.start, equal.range.end))
        }
        throw error("expression cannot contain assignment, perhaps you meant \"==\"?", at: SourceRange(value.range.start, equal.range.end))
    }

    /// The parameters of a `def` (closing ')') or a `lambda` (closing ':', no annotations).
    /// The order rules (defaults last, one '/', one '*', '**' at the end) are checked here
    /// with CPython's messages rather than spelled out in the grammar.
    ///
    /// parameters: parameter_item (',' parameter_item)* [',']
    /// parameter_item: param ['=' expression] | '/' | '*' [param] | '**' param
    mutating func parseParameters(closing: TokenKind) throws -> Arguments {
        var arguments = Arguments()
        let isLambda = closing == .colon
        var sawDefault = false
        var sawSlash = false
        var starToken: Token?
        while !check(closing) {
            if let slash = accept(.slash) {
                if sawSlash { throw error("/ may appear only once", at: slash.range) }
                if starToken != nil { throw error("/ must be ahead of *", at: slash.range) }
                if arguments.positional.isEmpty { throw error("at least one argument must precede /", at: slash.range) }
                sawSlash = true
                arguments.positionalOnly = arguments.positional
                arguments.positional = []
            } else if let star = accept(.star) {
                if starToken != nil { throw error("* argument may appear only once", at: star.range) }
                starToken = star
                if check(.name) {
                    arguments.varArgs = try parseParameter(allowAnnotation: !isLambda)
                    if let equal = accept(.equal) {
                        throw error("var-positional argument cannot have default value", at: equal.range)
                    }
                } else if check(closing) || (check(.comma) && (peek(1) == closing || peek(1) == .doubleStar)) {
                    if isLambda { throw error("named arguments must follow bare *", at: current.range) }
                    throw error("named arguments must follow bare *", at: star.range)
                } else if !check(.comma) {
                    throw invalidSyntax()
                }
            } else if accept(.doubleStar) != nil {
                arguments.varKeywords = try parseParameter(allowAnnotation: !isLambda)
                if let equal = accept(.equal) {
                    throw error("var-keyword argument cannot have default value", at: equal.range)
                }
                if accept(.comma) != nil, !check(closing) {
                    throw error("arguments cannot follow var-keyword argument", at: current.range)
                }
                break
            } else if check(.leftParen) {
                throw error(isLambda ? "Lambda expression parameters cannot be parenthesized"
                                     : "Function parameters cannot be parenthesized", at: current.range)
            } else {
                let parameter = try parseParameter(allowAnnotation: !isLambda)
                var defaultValue: Expr?
                if let equal = accept(.equal) {
                    if check(.comma) || check(closing) { throw error("expected default value expression", at: equal.range) }
                    defaultValue = try parseExpression()
                }
                if starToken != nil {
                    arguments.keywordOnly.append(parameter)
                    arguments.keywordDefaults.append(defaultValue)
                } else {
                    if let defaultValue {
                        arguments.defaults.append(defaultValue)
                        sawDefault = true
                    } else if sawDefault {
                        throw error("non-default argument follows default argument", at: parameter.range)
                    }
                    arguments.positional.append(parameter)
                }
            }
            guard accept(.comma) != nil else { break }
        }
        return arguments
    }

    /// param: NAME [':' expression]
    mutating func parseParameter(allowAnnotation: Bool) throws -> Parameter {
        let name = try expect(.name)
        var annotation: Expr?
        if allowAnnotation && accept(.colon) != nil { annotation = try parseExpression() }
        return Parameter(name: text(name), annotation: annotation, range: SourceRange(name.range.start, previous.range.end))
    }
}
