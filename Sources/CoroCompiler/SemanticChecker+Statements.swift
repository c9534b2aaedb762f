import CoroSyntax

extension SemanticChecker {
    mutating func visit(_ body: [Stmt]) {
        for statement in body { visit(statement) }
    }

    mutating func visit(_ statement: Stmt) {
        switch statement.kind {
        case .functionDef(let function):
            visitAll(function.decorators)
            visitDefaults(function.arguments)
            visitAnnotations(function.arguments)
            if let returns = function.returns { visit(returns) }
            bind(function.name)
            enterFunction(function.isAsync ? .asyncFunction : .function, function.arguments)
            visit(function.body)
            pop()
        case .classDef(let definition):
            visitAll(definition.decorators)
            visitAll(definition.bases)
            for keyword in definition.keywords { visit(keyword.value) }
            bind(definition.name)
            push(.classBody)
            visit(definition.body)
            pop()
        case .return(let value):
            if !enclosingCode.isFunction { compiler("'return' outside function", statement.range) }
            if let value {
                visit(value)
                if scope.kind == .asyncFunction && scope.returnWithValue == nil { scope.returnWithValue = statement.range }
            }
        case .delete(let targets):
            for target in targets { visitTarget(target) }
        case .assign(let targets, let value):
            visit(value)
            for target in targets { visitTarget(target) }
        case .augAssign(let target, _, let value):
            visit(value)
            visitTarget(target)
        case .annAssign(let target, let annotation, let value, _):
            if let value { visit(value) }
            visit(annotation)
            visitTarget(target)
        case .for(let target, let iter, let body, let orelse, let isAsync):
            if isAsync && !allowsAwait { compiler("'async for' outside async function", statement.range) }
            visit(iter)
            visitTarget(target)
            visitLoopBody(body)
            visit(orelse)
        case .while(let test, let body, let orelse):
            visit(test)
            visitLoopBody(body)
            visit(orelse)
        case .if(let test, let body, let orelse):
            visit(test)
            visit(body)
            visit(orelse)
        case .with(let items, let body, let isAsync):
            if isAsync && !allowsAwait { compiler("'async with' outside async function", statement.range) }
            for item in items {
                visit(item.contextExpr)
                if let target = item.optionalVars { visitTarget(target) }
            }
            visit(body)
        case .raise(let exception, let cause):
            if let exception { visit(exception) }
            if let cause { visit(cause) }
        case .try(let body, let handlers, let orelse, let finalbody):
            visit(body)
            for (position, handler) in handlers.enumerated() {
                if handler.type == nil && position < handlers.count - 1 {
                    compiler("default 'except:' must be last", handler.range)
                }
                if let type = handler.type { visit(type) }
                if let name = handler.name { bind(name) }
                visit(handler.body)
            }
            visit(orelse)
            visit(finalbody)
        case .assert(let test, let message):
            visit(test)
            if let message { visit(message) }
        case .import(let names), .importFrom(_, let names, _):
            for alias in names {
                let bound = alias.asName ?? String(alias.name.split(separator: ".").first ?? "")
                if bound != "*" { bind(bound) }
            }
        case .global(let names):
            for name in names { declareGlobal(name, statement.range) }
        case .nonlocal(let names):
            for name in names { declareNonlocal(name, statement.range) }
        case .expr(let value):
            visit(value)
        case .pass:
            break
        case .break:
            if scope.loopDepth == 0 { compiler("'break' outside loop", statement.range) }
        case .continue:
            if scope.loopDepth == 0 { compiler("'continue' not properly in loop", statement.range) }
        }
    }

    mutating func visitLoopBody(_ body: [Stmt]) {
        scope.loopDepth += 1
        visit(body)
        scope.loopDepth -= 1
    }

    /// Opens a function scope and declares its parameters (duplicates are an error).
    mutating func enterFunction(_ kind: ScopeKind, _ arguments: Arguments) {
        push(kind)
        var all = arguments.positionalOnly + arguments.positional
        if let varArgs = arguments.varArgs { all.append(varArgs) }
        all += arguments.keywordOnly
        if let varKeywords = arguments.varKeywords { all.append(varKeywords) }
        for parameter in all {
            if scope.parameters.contains(parameter.name) {
                symbolTable("duplicate argument '\(parameter.name)' in function definition", parameter.range)
            }
            scope.parameters.insert(parameter.name)
            bind(parameter.name)
        }
    }

    mutating func visitDefaults(_ arguments: Arguments) {
        visitAll(arguments.defaults)
        for value in arguments.keywordDefaults { if let value { visit(value) } }
    }

    mutating func visitAnnotations(_ arguments: Arguments) {
        var all = arguments.positionalOnly + arguments.positional + arguments.keywordOnly
        if let varArgs = arguments.varArgs { all.append(varArgs) }
        if let varKeywords = arguments.varKeywords { all.append(varKeywords) }
        for parameter in all { if let annotation = parameter.annotation { visit(annotation) } }
    }

    /// CPython's errors for a `global` or `nonlocal` declaration of a name that is a
    /// parameter, declared the other way, or already assigned or used in this scope.
    mutating func checkDeclaration(_ name: String, keyword: String, clashesWith other: Set<String>, _ range: SourceRange) {
        if scope.parameters.contains(name) {
            symbolTable("name '\(name)' is parameter and \(keyword)", range)
        } else if other.contains(name) {
            symbolTable("name '\(name)' is nonlocal and global", scope.directives[name] ?? range)
        } else if scope.assigned.contains(name) {
            symbolTable("name '\(name)' is assigned to before \(keyword) declaration", range)
        } else if scope.used.contains(name) {
            symbolTable("name '\(name)' is used prior to \(keyword) declaration", range)
        }
    }

    mutating func declareGlobal(_ name: String, _ range: SourceRange) {
        checkDeclaration(name, keyword: "global", clashesWith: scope.nonlocals, range)
        scope.globals.insert(name)
        if scope.directives[name] == nil { scope.directives[name] = range }
    }

    mutating func declareNonlocal(_ name: String, _ range: SourceRange) {
        if scope.kind == .module {
            symbolTable("nonlocal declaration not allowed at module level", range)
            return
        }
        checkDeclaration(name, keyword: "nonlocal", clashesWith: scope.globals, range)
        scope.nonlocals.insert(name)
        if scope.directives[name] == nil { scope.directives[name] = range }
        let enclosing = outer.filter(\.isFunction).map(\.identity)
        pendingNonlocals.append((name, range, enclosing))
    }
}
