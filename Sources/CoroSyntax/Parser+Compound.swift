/// Compound statements: if, while, for, try, with, def, class, and their async forms.
extension Parser {
    /// compound_stmt: [decorators] (function_def_raw | class_def_raw) | if_stmt | with_stmt
    ///   | for_stmt | try_stmt | while_stmt
    mutating func parseCompoundStatement() throws -> Stmt {
        switch kind {
        case .kwIf: return try parseIf()
        case .kwWhile: return try parseWhile()
        case .kwFor: return try parseFor(isAsync: false, start: current.range.start)
        case .kwTry: return try parseTry()
        case .kwWith: return try parseWith(isAsync: false, start: current.range.start)
        case .kwDef: return try parseFunctionDef(decorators: [], isAsync: false, start: current.range.start)
        case .kwClass: return try parseClassDef(decorators: [], start: current.range.start)
        case .at: return try parseDecorated()
        default: return try parseAsyncStatement()
        }
    }

    /// Consumes the ':' that opens a block; a NEWLINE in its place is CPython's "expected ':'".
    mutating func expectBlockColon() throws {
        if accept(.colon) != nil { return }
        if check(.newline) { throw error("expected ':'", at: current.range) }
        throw invalidSyntax()
    }

    /// if_stmt: 'if' named_expression ':' block (elif_stmt | [else_block])
    /// elif_stmt: 'elif' named_expression ':' block (elif_stmt | [else_block])
    mutating func parseIf() throws -> Stmt {
        let keyword = advance()
        let test = try parseNamedExpression()
        try expectBlockColon()
        let name = keyword.kind == .kwIf ? "'if' statement" : "'elif' statement"
        let body = try parseBlock(after: name, line: line(of: keyword))
        var orelse: [Stmt] = []
        if check(.kwElif) {
            orelse = [try parseIf()]
        } else if check(.kwElse) {
            orelse = try parseElseBlock()
        }
        return Stmt(.if(test: test, body: body, orelse: orelse), SourceRange(keyword.range.start, previous.range.end))
    }

    /// else_block: 'else' &&':' block
    mutating func parseElseBlock() throws -> [Stmt] {
        let keyword = advance()
        try expectForced(.colon, ":")
        return try parseBlock(after: "'else' statement", line: line(of: keyword))
    }

    /// while_stmt: 'while' named_expression ':' block [else_block]
    mutating func parseWhile() throws -> Stmt {
        let keyword = advance()
        let test = try parseNamedExpression()
        try expectBlockColon()
        let body = try parseBlock(after: "'while' statement", line: line(of: keyword))
        let orelse = check(.kwElse) ? try parseElseBlock() : []
        return Stmt(.while(test: test, body: body, orelse: orelse), SourceRange(keyword.range.start, previous.range.end))
    }

    /// for_stmt: ['async'] 'for' star_targets 'in' star_expressions ':' block [else_block]
    mutating func parseFor(isAsync: Bool, start: Int) throws -> Stmt {
        let keyword = advance()
        let target = try parseForTarget()
        try expect(.kwIn)
        let iter = try parseStarExpressions()
        try expectBlockColon()
        let body = try parseBlock(after: "'for' statement", line: line(of: keyword))
        let orelse = check(.kwElse) ? try parseElseBlock() : []
        return Stmt(.for(target: target, iter: iter, body: body, orelse: orelse, isAsync: isAsync),
                    SourceRange(start, previous.range.end))
    }

    /// star_targets of a `for` statement or comprehension, up to 'in'.
    mutating func parseForTarget() throws -> Expr {
        let target = try parseTargetList()
        guard check(.kwIn) else {
            // invalid_for_target: ASYNC? 'for' star_expressions
            if let invalid = invalidTarget(target, context: .store) {
                throw error("cannot assign to \(expressionName(invalid))", at: invalid.range)
            }
            throw invalidSyntax()
        }
        return try toTarget(target, context: .store)
    }

    /// Parses star_targets as expressions (bitwise_or level, so that 'in' ends them).
    mutating func parseTargetList() throws -> Expr {
        let start = current.range.start
        var elements = [try parseStarOrBitwiseOr()]
        var sawComma = false
        while check(.comma) {
            advance()
            sawComma = true
            guard startsExpression() else { break }
            elements.append(try parseStarOrBitwiseOr())
        }
        if !sawComma { return elements[0] }
        return Expr(.tuple(elements, .load), SourceRange(start, previous.range.end))
    }

    /// try_stmt: 'try' &&':' block finally_block
    ///   | 'try' &&':' block except_block+ [else_block] [finally_block]
    /// except_block: 'except' expression ['as' NAME] ':' block | 'except' ':' block
    /// finally_block: 'finally' &&':' block
    mutating func parseTry() throws -> Stmt {
        let keyword = advance()
        try expectForced(.colon, ":")
        let body = try parseBlock(after: "'try' statement", line: line(of: keyword))
        var handlers: [ExceptHandler] = []
        while check(.kwExcept) {
            handlers.append(try parseExceptHandler())
        }
        let orelse = (!handlers.isEmpty && check(.kwElse)) ? try parseElseBlock() : []
        var finalbody: [Stmt] = []
        if let finallyToken = accept(.kwFinally) {
            try expectForced(.colon, ":")
            finalbody = try parseBlock(after: "'finally' statement", line: line(of: finallyToken))
        }
        if handlers.isEmpty && finalbody.isEmpty {
            throw error("expected 'except' or 'finally' block", at: current.range)
        }
        return Stmt(.try(body: body, handlers: handlers, orelse: orelse, finalbody: finalbody),
                    SourceRange(keyword.range.start, previous.range.end))
    }

    mutating func parseExceptHandler() throws -> ExceptHandler {
        let keyword = advance()
        var type: Expr?
        var name: String?
        if !check(.colon) {
            if check(.newline) { throw error("expected ':'", at: current.range) }
            if check(.star) { throw invalidSyntax() }
            let first = try parseExpression()
            if check(.comma) {
                // invalid_except_stmt: 'except' expression ',' expressions ['as' NAME] ':'
                let isTypeList = probe { parser -> Bool? in
                    parser.advance()
                    _ = try parser.parseExpressions()
                    return parser.check(.colon) || parser.check(.kwAs)
                }
                if isTypeList == true {
                    throw error("multiple exception types must be parenthesized", at: SourceRange(first.range.start, first.range.start))
                }
                throw invalidSyntax()
            }
            type = first
            if accept(.kwAs) != nil { name = text(try expect(.name)) }
            if check(.newline) { throw error("expected ':'", at: current.range) }
        }
        try expect(.colon)
        let body = try parseBlock(after: "'except' statement", line: line(of: keyword))
        return ExceptHandler(type: type, name: name, body: body, range: SourceRange(keyword.range.start, previous.range.end))
    }

    /// with_stmt: ['async'] 'with' '(' ','.with_item+ ','? ')' ':' block
    ///   | ['async'] 'with' ','.with_item+ ':' block
    /// with_item: expression 'as' star_target &(',' | ')' | ':') | expression
    mutating func parseWith(isAsync: Bool, start: Int) throws -> Stmt {
        let keyword = advance()
        var items: [WithItem] = []
        let save = index
        if check(.leftParen), let grouped = try? parseParenthesizedWithItems() {
            items = grouped
        } else {
            index = save
            repeat {
                items.append(try parseWithItem())
            } while accept(.comma) != nil
        }
        try expectBlockColon()
        let body = try parseBlock(after: "'with' statement", line: line(of: keyword))
        return Stmt(.with(items: items, body: body, isAsync: isAsync), SourceRange(start, previous.range.end))
    }

    /// '(' ','.with_item+ ','? ')' followed by ':' (otherwise the parentheses belong to an expression).
    mutating func parseParenthesizedWithItems() throws -> [WithItem] {
        advance()
        var items: [WithItem] = []
        repeat {
            if check(.rightParen) && !items.isEmpty { break }
            items.append(try parseWithItem())
        } while accept(.comma) != nil
        try expect(.rightParen)
        guard check(.colon) else { throw invalidSyntax() }
        return items
    }

    mutating func parseWithItem() throws -> WithItem {
        let context = try parseExpression()
        guard accept(.kwAs) != nil else { return WithItem(contextExpr: context, optionalVars: nil) }
        let target = try parseStarOrBitwiseOr()
        guard check(.comma) || check(.rightParen) || check(.colon) || check(.newline) else { throw invalidSyntax() }
        return WithItem(contextExpr: context, optionalVars: try toTarget(target, context: .store))
    }

    /// decorators: ('@' named_expression NEWLINE)+
    mutating func parseDecorated() throws -> Stmt {
        let start = current.range.start
        var decorators: [Expr] = []
        while accept(.at) != nil {
            decorators.append(try parseNamedExpression())
            try expect(.newline)
        }
        switch kind {
        case .kwDef:
            return try parseFunctionDef(decorators: decorators, isAsync: false, start: start)
        case .kwClass:
            return try parseClassDef(decorators: decorators, start: start)
        case .kwAsync where peek(1) == .kwDef:
            advance()
            return try parseFunctionDef(decorators: decorators, isAsync: true, start: start)
        default:
            throw invalidSyntax()
        }
    }

    /// 'async' (function_def_raw | with_stmt | for_stmt)
    mutating func parseAsyncStatement() throws -> Stmt {
        let start = advance().range.start
        switch kind {
        case .kwDef: return try parseFunctionDef(decorators: [], isAsync: true, start: start)
        case .kwWith: return try parseWith(isAsync: true, start: start)
        case .kwFor: return try parseFor(isAsync: true, start: start)
        default: throw invalidSyntax()
        }
    }

    /// function_def_raw: ['async'] 'def' NAME '(' [parameters] ')' ['->' expression] ':' block
    mutating func parseFunctionDef(decorators: [Expr], isAsync: Bool, start: Int) throws -> Stmt {
        let keyword = advance()
        let name = text(try expect(.name))
        try expectForced(.leftParen, "(")
        let arguments = try parseParameters(closing: .rightParen)
        try expect(.rightParen)
        let returns = accept(.arrow) != nil ? try parseExpression() : nil
        try expectForced(.colon, ":")
        let body = try parseBlock(after: "function definition", line: line(of: keyword))
        let definition = FunctionDef(
            name: name, arguments: arguments, body: body, decorators: decorators, returns: returns, isAsync: isAsync)
        return Stmt(.functionDef(definition), SourceRange(start, previous.range.end))
    }

    /// class_def_raw: 'class' NAME ['(' [arguments] ')'] ':' block
    mutating func parseClassDef(decorators: [Expr], start: Int) throws -> Stmt {
        let keyword = advance()
        let name = text(try expect(.name))
        var bases: [Expr] = []
        var keywords: [Keyword] = []
        if accept(.leftParen) != nil {
            (bases, keywords) = try parseCallArguments()
            try expect(.rightParen)
        }
        try expectBlockColon()
        let body = try parseBlock(after: "class definition", line: line(of: keyword))
        let definition = ClassDef(name: name, bases: bases, keywords: keywords, body: body, decorators: decorators)
        return Stmt(.classDef(definition), SourceRange(start, previous.range.end))
    }
}
