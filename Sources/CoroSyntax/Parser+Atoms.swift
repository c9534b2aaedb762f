/// Primaries and atoms: names, literals, displays, comprehensions, calls, subscripts.
extension Parser {
    /// primary: primary '.' NAME | primary '(' [arguments] ')' | primary '[' slices ']' | atom
    mutating func parsePrimary() throws -> Expr {
        var expression = try parseAtom()
        var chainLength = 0
        while true {
            let start = extent(expression).start
            switch kind {
            case .dot:
                advance()
                let name = try expect(.name)
                expression = Expr(.attribute(expression, text(name), .load), SourceRange(start, name.range.end))
            case .leftParen:
                advance()
                let (args, keywords) = try parseCallArguments()
                try expect(.rightParen)
                expression = Expr(.call(expression, args: args, keywords: keywords), SourceRange(start, previous.range.end))
            case .leftBracket:
                advance()
                let slice = try parseSlices()
                try expect(.rightBracket)
                expression = Expr(.subscript(expression, slice, .load), SourceRange(start, previous.range.end))
            default:
                return expression
            }
            chainLength += 1
            if depth + chainLength > Parser.maximumDepth { try nest(extra: chainLength) }
        }
    }

    /// atom: NAME | 'True' | 'False' | 'None' | strings | NUMBER | (tuple | group | genexp)
    ///   | (list | listcomp) | (dict | set | dictcomp | setcomp) | '...'
    mutating func parseAtom() throws -> Expr {
        let token = current
        switch token.kind {
        case .name:
            advance()
            return Expr(.name(text(token), .load), token.range)
        case .kwTrue, .kwFalse, .kwNone, .ellipsis:
            advance()
            let value: Constant =
                token.kind == .kwTrue ? .bool(true) : token.kind == .kwFalse ? .bool(false) : token.kind == .kwNone ? .none : .ellipsis
            return Expr(.constant(value), token.range)
        case .number:
            advance()
            return Expr(.constant(try LiteralDecoder.number(text(token))), token.range)
        case .string:
            return try parseStrings()
        case .leftParen:
            return try parseGroup()
        case .leftBracket:
            return try parseList()
        case .leftBrace:
            return try parseBraces()
        default:
            throw invalidSyntax()
        }
    }

    /// tuple: '(' [star_named_expression ',' [star_named_expressions]] ')'
    /// group: '(' (yield_expr | named_expression) ')'
    /// genexp: '(' named_expression for_if_clauses ')'
    mutating func parseGroup() throws -> Expr {
        let open = advance()
        try nest()
        defer { unnest() }
        if let close = accept(.rightParen) {
            return markParenthesized(Expr(.tuple([], .load), SourceRange(open.range.start, close.range.end)), opening: open.range.start)
        }
        if check(.kwYield) {
            let value = try parseYield()
            try expect(.rightParen)
            return markParenthesized(value, opening: open.range.start)
        }
        if check(.doubleStar) {
            // invalid_group: '(' '**' expression ')'
            let star = advance()
            _ = try parseExpression()
            if check(.rightParen) { throw error("cannot use double starred expression here", at: star.range) }
            throw invalidSyntax()
        }
        let first = try parseStarNamedExpression()
        if startsComprehension() {
            let generators = try parseComprehensionClauses(element: first)
            try expect(.rightParen)
            return Expr(.generatorExp(first, generators), SourceRange(open.range.start, previous.range.end))
        }
        if accept(.rightParen) != nil {
            if case .starred = first.kind {
                throw error("cannot use starred expression here", at: first.range)
            }
            return markParenthesized(first, opening: open.range.start)
        }
        let elements = try parseElementList(first: first, closing: .rightParen)
        return markParenthesized(Expr(.tuple(elements, .load), SourceRange(open.range.start, previous.range.end)), opening: open.range.start)
    }

    /// Records that an expression was written in parentheses.
    mutating func markParenthesized(_ expression: Expr, opening: Int) -> Expr {
        parenthesized.insert(expression.range)
        // The span with its parentheses: enclosing nodes start and end there, as in CPython.
        let outer = SourceRange(min(extent(expression).start, opening), previous.range.end)
        parenthesizedExtent[expression.range] = outer
        return expression
    }

    /// list: '[' [star_named_expressions] ']'
    /// listcomp: '[' named_expression for_if_clauses ']'
    mutating func parseList() throws -> Expr {
        let open = advance()
        try nest()
        defer { unnest() }
        if let close = accept(.rightBracket) {
            return Expr(.list([], .load), SourceRange(open.range.start, close.range.end))
        }
        let first = try parseStarNamedExpression()
        if startsComprehension() {
            let generators = try parseComprehensionClauses(element: first)
            try expect(.rightBracket)
            return Expr(.listComp(first, generators), SourceRange(open.range.start, previous.range.end))
        }
        let elements = try parseElementList(first: first, closing: .rightBracket)
        return Expr(.list(elements, .load), SourceRange(open.range.start, previous.range.end))
    }

    /// The rest of a tuple, list or set display after its first element, through the closing bracket.
    /// star_named_expressions: ','.star_named_expression+ [',']
    mutating func parseElementList(first: Expr, closing: TokenKind) throws -> [Expr] {
        var elements = [first]
        while true {
            if accept(closing) != nil { return elements }
            guard accept(.comma) != nil else { throw try forgottenCommaOrInvalid(after: elements[elements.count - 1]) }
            if accept(closing) != nil { return elements }
            elements.append(try parseStarNamedExpression())
            // CPython has this message for lists and sets only; a tuple gets "invalid syntax".
            if closing != .rightParen && startsComprehension() {
                // invalid_comprehension: '[' star_named_expression ',' star_named_expressions for_if_clauses
                throw error("did you forget parentheses around the comprehension target?",
                            from: elements[0], to: elements[elements.count - 1])
            }
        }
    }

    mutating func startsComprehension() -> Bool {
        check(.kwFor) || (check(.kwAsync) && peek(1) == .kwFor)
    }

    /// invalid_expression: inside brackets, two expressions in a row are a forgotten comma.
    mutating func forgottenCommaOrInvalid(after element: Expr) throws -> SyntaxError {
        let generic = invalidSyntax()
        guard startsExpression(), !check(.star), !check(.kwYield) else { return generic }
        if case .name = element.kind, check(.string) { return generic }
        guard let next = probe({ try $0.parseExpression() }) else { return generic }
        return error("invalid syntax. Perhaps you forgot a comma?", from: element, to: next)
    }

    /// dict: '{' [double_starred_kvpairs] '}'
    /// set: '{' star_named_expressions '}'
    /// dictcomp: '{' kvpair for_if_clauses '}'
    /// setcomp: '{' named_expression for_if_clauses '}'
    mutating func parseBraces() throws -> Expr {
        let open = advance()
        try nest()
        defer { unnest() }
        if let close = accept(.rightBrace) {
            return Expr(.dict(keys: [], values: []), SourceRange(open.range.start, close.range.end))
        }
        if let stars = accept(.doubleStar) {
            let value = try parseBitwiseOr()
            if startsComprehension() { throw error("dict unpacking cannot be used in dict comprehension", at: stars.range) }
            return try parseDictRest(keys: [nil], values: [value], open: open)
        }
        let first = try parseStarNamedExpression()
        if accept(.colon) != nil {
            let value = try parseDictValue()
            if startsComprehension() {
                let generators = try parseComprehensionClauses()
                try expect(.rightBrace)
                return Expr(.dictComp(key: first, value: value, generators), SourceRange(open.range.start, previous.range.end))
            }
            return try parseDictRest(keys: [first], values: [value], open: open)
        }
        if startsComprehension() {
            let generators = try parseComprehensionClauses(element: first)
            try expect(.rightBrace)
            return Expr(.setComp(first, generators), SourceRange(open.range.start, previous.range.end))
        }
        let elements = try parseElementList(first: first, closing: .rightBrace)
        return Expr(.set(elements), SourceRange(open.range.start, previous.range.end))
    }

    /// double_starred_kvpairs: ','.double_starred_kvpair+ [',']
    /// double_starred_kvpair: '**' bitwise_or | kvpair
    /// kvpair: expression ':' expression
    mutating func parseDictRest(keys: [Expr?], values: [Expr], open: Token) throws -> Expr {
        var keys = keys
        var values = values
        while true {
            if accept(.rightBrace) != nil { break }
            guard accept(.comma) != nil else { throw try forgottenCommaOrInvalid(after: values[values.count - 1]) }
            if accept(.rightBrace) != nil { break }
            if accept(.doubleStar) != nil {
                keys.append(nil)
                values.append(try parseBitwiseOr())
                continue
            }
            let key = try parseExpression()
            guard accept(.colon) != nil else {
                if check(.comma) || check(.rightBrace) {
                    let at = max(key.range.end - 1, key.range.start)
                    throw error("':' expected after dictionary key", at: SourceRange(at, at))
                }
                throw invalidSyntax()
            }
            keys.append(key)
            values.append(try parseDictValue())
        }
        return Expr(.dict(keys: keys, values: values), SourceRange(open.range.start, previous.range.end))
    }

    /// The value of a kvpair, after its ':', with CPython's errors for a missing or starred value.
    mutating func parseDictValue() throws -> Expr {
        if check(.rightBrace) || check(.comma) {
            throw error("expression expected after dictionary key and ':'", at: previous.range)
        }
        if check(.star) {
            throw error("cannot use a starred expression in a dictionary value", at: SourceRange(current.range.start, current.range.start))
        }
        return try parseExpression()
    }

    /// for_if_clauses: for_if_clause+
    /// for_if_clause: ['async'] 'for' star_targets 'in' disjunction ('if' disjunction)*
    mutating func parseComprehensionClauses(element: Expr? = nil) throws -> [Comprehension] {
        if let element, case .starred = element.kind {
            throw error("iterable unpacking cannot be used in comprehension", at: element.range)
        }
        var clauses: [Comprehension] = []
        while startsComprehension() {
            let isAsync = accept(.kwAsync) != nil
            advance()
            let target = try parseForTarget()
            try expect(.kwIn)
            let iter = try parseDisjunction()
            var ifs: [Expr] = []
            while accept(.kwIf) != nil { ifs.append(try parseDisjunction()) }
            clauses.append(Comprehension(target: target, iter: iter, ifs: ifs, isAsync: isAsync))
        }
        return clauses
    }

    /// slices: slice !',' | ','.(slice | star_expression)+ [',']
    mutating func parseSlices() throws -> Expr {
        let first = try parseSlice()
        guard check(.comma) else {
            // A starred index is always a tuple: x[*a] is x[(*a,)].
            if case .starred = first.kind { return Expr(.tuple([first], .load), first.range) }
            return first
        }
        var elements = [first]
        while accept(.comma) != nil {
            if check(.rightBracket) { break }
            elements.append(try parseSlice())
        }
        return Expr(.tuple(elements, .load), SourceRange(first.range.start, previous.range.end))
    }

    /// slice: [expression] ':' [expression] [':' [expression]] | named_expression
    mutating func parseSlice() throws -> Expr {
        let start = current.range.start
        if check(.star) { return try parseStarExpression() }
        var lower: Expr?
        if !check(.colon) {
            let expression = try parseNamedExpression()
            guard check(.colon) else {
                if !check(.comma) && !check(.rightBracket) { throw try forgottenCommaOrInvalid(after: expression) }
                return expression
            }
            lower = expression
        }
        advance()
        let upper = (check(.colon) || check(.comma) || check(.rightBracket)) ? nil : try parseExpression()
        var step: Expr?
        if accept(.colon) != nil, !check(.comma), !check(.rightBracket) {
            step = try parseExpression()
        }
        return Expr(.slice(lower: lower, upper: upper, step: step), SourceRange(start, previous.range.end))
    }
}
