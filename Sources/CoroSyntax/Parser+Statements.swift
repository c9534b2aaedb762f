/// Simple statements, blocks, and the statement dispatcher.
extension Parser {
    /// file: [statements] ENDMARKER
    mutating func parseFile() throws -> Module {
        var body: [Stmt] = []
        while !check(.endMarker) {
            try parseStatement(into: &body)
        }
        return Module(body: body)
    }

    /// statement: compound_stmt | simple_stmts
    mutating func parseStatement(into body: inout [Stmt]) throws {
        switch kind {
        case .kwIf, .kwWhile, .kwFor, .kwTry, .kwWith, .kwDef, .kwClass, .at, .kwAsync:
            body.append(try parseCompoundStatement())
        default:
            try parseSimpleStatements(into: &body)
        }
    }

    /// simple_stmts: simple_stmt (';' simple_stmt)* [';'] NEWLINE
    mutating func parseSimpleStatements(into body: inout [Stmt]) throws {
        while true {
            body.append(try parseSimpleStatement())
            if accept(.semicolon) != nil {
                if check(.newline) { break }
                continue
            }
            break
        }
        try expect(.newline)
    }

    /// block: NEWLINE INDENT statements DEDENT | simple_stmts
    /// statements: statement+
    ///
    /// `header` names the statement for CPython's "expected an indented block after ..." message.
    mutating func parseBlock(after header: String?, line: Int) throws -> [Stmt] {
        var body: [Stmt] = []
        guard check(.newline) else {
            try parseSimpleStatements(into: &body)
            return body
        }
        advance()
        guard check(.indent) else {
            let message = header.map { "expected an indented block after \($0) on line \(line)" } ?? "expected an indented block"
            throw error(message, at: current.range, kind: .indentationError)
        }
        advance()
        try nest()
        defer { unnest() }
        while !check(.dedent) && !check(.endMarker) {
            try parseStatement(into: &body)
        }
        try expect(.dedent)
        return body
    }

    /// The line of a token, for "... on line N" messages.
    func line(of token: Token) -> Int { source.line(of: token.range.start) }

    /// simple_stmt: assignment | expression_stmt | return_stmt | import_name | import_from
    ///   | raise_stmt | 'pass' | del_stmt | assert_stmt | 'break' | 'continue'
    ///   | global_stmt | nonlocal_stmt
    mutating func parseSimpleStatement() throws -> Stmt {
        let start = current.range.start
        func finish(_ kind: StmtKind) -> Stmt { Stmt(kind, SourceRange(start, previous.range.end)) }
        switch kind {
        case .kwPass:
            advance()
            return finish(.pass)
        case .kwBreak:
            advance()
            return finish(.break)
        case .kwContinue:
            advance()
            return finish(.continue)
        case .kwReturn:
            // return_stmt: 'return' [star_expressions]
            advance()
            let value = startsExpression() ? try parseStarExpressions() : nil
            return finish(.return(value))
        case .kwRaise:
            // raise_stmt: 'raise' expression ['from' expression] | 'raise'
            advance()
            guard startsExpression() else { return finish(.raise(exception: nil, cause: nil)) }
            let exception = try parseExpression()
            let cause = accept(.kwFrom) != nil ? try parseExpression() : nil
            return finish(.raise(exception: exception, cause: cause))
        case .kwGlobal, .kwNonlocal:
            // global_stmt: 'global' ','.NAME+
            // nonlocal_stmt: 'nonlocal' ','.NAME+
            let isGlobal = advance().kind == .kwGlobal
            var names = [text(try expect(.name))]
            while accept(.comma) != nil { names.append(text(try expect(.name))) }
            return finish(isGlobal ? .global(names) : .nonlocal(names))
        case .kwDel:
            return try parseDelete()
        case .kwAssert:
            // assert_stmt: 'assert' expression [',' expression]
            advance()
            let test = try parseExpression()
            let message = accept(.comma) != nil ? try parseExpression() : nil
            return finish(.assert(test: test, message: message))
        case .kwImport:
            return try parseImport()
        case .kwFrom:
            return try parseImportFrom()
        default:
            return try parseExpressionStatement()
        }
    }

    /// del_stmt: 'del' del_targets &(';' | NEWLINE)
    /// del_targets: ','.del_target+ [',']
    /// del_target: NAME | primary '.' NAME | primary '[' slices ']' | '(' [del_targets] ')' | '[' [del_targets] ']'
    mutating func parseDelete() throws -> Stmt {
        let start = advance().range.start
        let targets = try parseStarExpressions()
        guard check(.semicolon) || check(.newline) else { throw invalidSyntax() }
        let list: [Expr]
        if case .tuple(let elements, _) = targets.kind, !isParenthesized(targets) {
            list = elements
        } else {
            list = [targets]
        }
        let converted = try list.map { try toTarget($0, context: .del) }
        return Stmt(.delete(converted), SourceRange(start, previous.range.end))
    }

    /// import_name: 'import' ','.(dotted_name ['as' NAME])+
    mutating func parseImport() throws -> Stmt {
        let start = advance().range.start
        var names: [Alias] = []
        repeat {
            let nameStart = current.range.start
            let name = try parseDottedName()
            let asName = accept(.kwAs) != nil ? text(try expect(.name)) : nil
            names.append(Alias(name: name, asName: asName, range: SourceRange(nameStart, previous.range.end)))
        } while accept(.comma) != nil
        return Stmt(.import(names), SourceRange(start, previous.range.end))
    }

    /// dotted_name: NAME ('.' NAME)*
    mutating func parseDottedName() throws -> String {
        var name = text(try expect(.name))
        while accept(.dot) != nil { name += "." + text(try expect(.name)) }
        return name
    }

    /// import_from: 'from' ('.' | '...')* dotted_name 'import' import_from_targets
    ///   | 'from' ('.' | '...')+ 'import' import_from_targets
    /// import_from_targets: '(' import_from_as_names [','] ')' | import_from_as_names !',' | '*'
    /// import_from_as_names: ','.(NAME ['as' NAME])+
    mutating func parseImportFrom() throws -> Stmt {
        let start = advance().range.start
        var level = 0
        while true {
            if accept(.dot) != nil { level += 1 } else if accept(.ellipsis) != nil { level += 3 } else { break }
        }
        let module = (level == 0 || check(.name)) ? try parseDottedName() : nil
        try expect(.kwImport)
        var names: [Alias] = []
        if let star = accept(.star) {
            names.append(Alias(name: "*", asName: nil, range: star.range))
        } else {
            let parenthesized = accept(.leftParen) != nil
            repeat {
                if parenthesized && check(.rightParen) && !names.isEmpty { break }
                if !parenthesized && check(.newline) && !names.isEmpty {
                    // invalid_import_from_targets: import_from_as_names ',' NEWLINE
                    throw error("trailing comma not allowed without surrounding parentheses", at: current.range)
                }
                let nameToken = try expect(.name)
                let asName = accept(.kwAs) != nil ? text(try expect(.name)) : nil
                names.append(Alias(name: text(nameToken), asName: asName, range: SourceRange(nameToken.range.start, previous.range.end)))
            } while accept(.comma) != nil
            if parenthesized { try expect(.rightParen) }
        }
        return Stmt(.importFrom(module: module, names: names, level: level), SourceRange(start, previous.range.end))
    }

    /// assignment: single_target ':' expression ['=' annotated_rhs]
    ///   | (star_targets '=')+ annotated_rhs !'='
    ///   | single_target augassign annotated_rhs
    /// expression_stmt: star_expressions | yield_expr
    mutating func parseExpressionStatement() throws -> Stmt {
        let start = current.range.start
        let first = try parseStatementExpression()
        func finish(_ kind: StmtKind) -> Stmt { Stmt(kind, SourceRange(start, previous.range.end)) }

        if check(.colon) {
            return try parseAnnotatedAssignment(target: first, start: start)
        }
        if kind.isAugmentedAssignment {
            let op = augmentedOperator(advance().kind)
            let target = try toAugmentedTarget(first)
            let value = try parseStarExpressionsOrYield()
            return finish(.augAssign(target: target, op: op, value: value))
        }
        guard check(.equal) else {
            if !check(.newline) && !check(.semicolon) { throw invalidSyntax() }
            return finish(.expr(first))
        }
        var targets = [first]
        var value = first
        while accept(.equal) != nil {
            value = try parseStarExpressionsOrYield()
            targets.append(value)
        }
        targets.removeLast()
        let converted = try convertAssignmentTargets(targets, value: value)
        return finish(.assign(targets: converted, value: value))
    }

    /// The annotated assignment forms of `assignment`, with CPython's errors for bad targets.
    mutating func parseAnnotatedAssignment(target: Expr, start: Int) throws -> Stmt {
        let parenthesized = isParenthesized(target)
        switch target.kind {
        case .name, .attribute, .subscript:
            break
        case .tuple where !parenthesized:
            throw error("only single target (not tuple) can be annotated", at: target.range)
        case .tuple, .list:
            throw error("only single target (not \(expressionName(target))) can be annotated", at: target.range)
        default:
            throw error("illegal target for annotation", at: target.range)
        }
        advance()
        let annotation = try parseExpression()
        let value = accept(.equal) != nil ? try parseStarExpressionsOrYield() : nil
        var isSimple = false
        if case .name = target.kind, !parenthesized { isSimple = true }
        let stored = try toTarget(target, context: .store)
        return Stmt(.annAssign(target: stored, annotation: annotation, value: value, isSimple: isSimple),
                    SourceRange(start, previous.range.end))
    }

    /// augassign: '+=' | '-=' | '*=' | '@=' | '/=' | '%=' | '&=' | '|=' | '^=' | '<<=' | '>>=' | '**=' | '//='
    func augmentedOperator(_ kind: TokenKind) -> BinaryOperator {
        switch kind {
        case .plusEqual: .add
        case .minusEqual: .sub
        case .starEqual: .mult
        case .atEqual: .matMult
        case .slashEqual: .div
        case .percentEqual: .mod
        case .ampersandEqual: .bitAnd
        case .pipeEqual: .bitOr
        case .caretEqual: .bitXor
        case .leftShiftEqual: .lShift
        case .rightShiftEqual: .rShift
        case .doubleStarEqual: .pow
        default: .floorDiv
        }
    }

    /// annotated_rhs: yield_expr | star_expressions
    mutating func parseStarExpressionsOrYield() throws -> Expr {
        check(.kwYield) ? try parseYield() : try parseStarExpressions()
    }

    /// The expression that starts an expression statement or assignment, with
    /// invalid_legacy_expression: NAME !'(' star_expressions, for `print x` and `exec x`.
    mutating func parseStatementExpression() throws -> Expr {
        let start = index
        do {
            let expression = try parseStarExpressionsOrYield()
            if case .name(let name, _) = expression.kind, name == "print" || name == "exec", startsExpression() {
                throw invalidSyntax()
            }
            return expression
        } catch let failure as SyntaxError {
            // A name token is never the last token, which is ENDMARKER or an error.
            guard failure.message == "invalid syntax", tokens[start].kind == .name, tokens[start + 1].kind != .leftParen
            else { throw failure }
            let name = text(tokens[start])
            guard name == "print" || name == "exec",
                let arguments = probe({ parser -> Expr? in
                    parser.index = start + 1
                    return try parser.parseStarExpressions()
                })
            else { throw failure }
            throw error("Missing parentheses in call to '\(name)'. Did you mean \(name)(...)?",
                        at: SourceRange(tokens[start].range.start, arguments.range.end))
        }
    }
}
