import CoroSyntax

/// `def`, `lambda`, `class` and comprehensions: each compiles into its own code
/// object, made into a function at run time with its defaults and closure cells.
extension Compiler {
    func functionDefinition(_ function: FunctionDef, range: SourceRange) {
        for decorator in function.decorators { expression(decorator) }
        makeFunction(name: function.name, arguments: function.arguments, range: range, isLambda: false) { compiler in
            var body = function.body[...]
            if let first = body.first, case .expr(let value) = first.kind, case .constant(.string(let text, _)) = value.kind {
                compiler.unit.docString = text
                body = body.dropFirst()
            }
            compiler.statements(Array(body))
            compiler.emitConstant(.none)
            compiler.emit(.returnValue)
        }
        for _ in function.decorators { emit(.call, 1) }
        storeName(function.name)
    }

    /// Pushes a new function: defaults, keyword defaults and closure, then the code.
    func makeFunction(name: String, arguments: Arguments, range: SourceRange, isLambda: Bool,
                      body: (Compiler) -> Void) {
        var flags = 0
        if !arguments.defaults.isEmpty {
            for value in arguments.defaults { expression(value) }
            emit(.buildTuple, arguments.defaults.count)
            flags |= 1
        }
        let keywordDefaults = zip(arguments.keywordOnly, arguments.keywordDefaults).compactMap { parameter, value in
            value.map { (parameter.name, $0) }
        }
        if !keywordDefaults.isEmpty {
            for (parameterName, value) in keywordDefaults {
                emitConstant(.string(parameterName))
                expression(value)
            }
            emit(.buildMap, keywordDefaults.count)
            flags |= 2
        }
        guard let scope = scopes[range] else { return }
        if !scope.frees.isEmpty {
            loadClosure(scope.frees)
            flags |= 4
        }
        enterUnit(scope, qualifiedName: qualifiedName(for: name))
        body(self)
        let code = finish(name: name, arguments: arguments, flags: [],
                          firstLine: source.line(of: range.start))
        emitConstant(.code(code))
        emit(.makeFunction, flags)
    }

    /// Pushes a tuple of the cells for `names`, which the new function captures.
    private func loadClosure(_ names: [String]) {
        for name in names { emit(.loadClosure, derefSlot(name)) }
        emit(.buildTuple, names.count)
    }

    func classDefinition(_ definition: ClassDef, range: SourceRange) {
        for decorator in definition.decorators { expression(decorator) }
        guard let scope = scopes[range] else { return }
        emit(.loadBuildClass)
        var flags = 0
        if !scope.frees.isEmpty {
            loadClosure(scope.frees)
            flags = 4
        }
        enterUnit(scope, qualifiedName: qualifiedName(for: definition.name))
        emit(.loadName, nameIndex("__name__"))
        emit(.storeName, nameIndex("__module__"))
        emitConstant(.string(unit.qualifiedName))
        emit(.storeName, nameIndex("__qualname__"))
        var body = definition.body[...]
        if let first = body.first, case .expr(let value) = first.kind, case .constant(.string(let text, _)) = value.kind {
            emitConstant(.string(text))
            emit(.storeName, nameIndex("__doc__"))
            body = body.dropFirst()
        }
        statements(Array(body))
        if scope.needsClassCell {
            emit(.loadClosure, derefSlot("__class__"))
        } else {
            emitConstant(.none)
        }
        emit(.returnValue)
        let code = finish(name: definition.name, arguments: nil, flags: [.namespace],
                          firstLine: source.line(of: range.start))
        emitConstant(.code(code))
        emit(.makeFunction, flags)
        emitConstant(.string(definition.name))
        for base in definition.bases { expression(base) }
        for keyword in definition.keywords { expression(keyword.value) }
        if !definition.keywords.isEmpty {
            emit(.kwNames, unit.builder.constant(.tuple(definition.keywords.map { .string($0.name ?? "") })))
        }
        emit(.call, 2 + definition.bases.count + definition.keywords.count)
        for _ in definition.decorators { emit(.call, 1) }
        storeName(definition.name)
    }

    enum ComprehensionKind { case list, set, dict, generator }

    /// A comprehension runs as a function called with the first iterator (`.0`).
    func comprehension(_ name: String, _ range: SourceRange, _ generators: [Comprehension],
                       kind: ComprehensionKind, element: (Compiler) -> Void) {
        guard let scope = scopes[range], let first = generators.first else { return }
        var flags = 0
        if !scope.frees.isEmpty {
            loadClosure(scope.frees)
            flags = 4
        }
        enterUnit(scope, qualifiedName: qualifiedName(for: name))
        switch kind {
        case .list: emit(.buildList, 0)
        case .set: emit(.buildSet, 0)
        case .dict: emit(.buildMap, 0)
        case .generator: break
        }
        comprehensionLoop(generators[...], depth: 1, kind: kind, element: element)
        if kind == .generator { emitConstant(.none) }
        emit(.returnValue)
        let code = finish(name: name, arguments: nil, flags: [], firstLine: source.line(of: range.start))
        emitConstant(.code(code))
        emit(.makeFunction, flags)
        expression(first.iter)
        emit(first.isAsync ? .getAIter : .getIter)
        emit(.call, 1)
        if scope.isCoroutine && kind != .generator { yieldFrom(await: true) }
    }

    private func comprehensionLoop(_ generators: ArraySlice<Comprehension>, depth: Int, kind: ComprehensionKind,
                                   element: (Compiler) -> Void) {
        guard let generator = generators.first else {
            element(self)
            switch kind {
            case .list: emit(.listAppend, depth)
            case .set: emit(.setAdd, depth)
            case .dict: emit(.mapAdd, depth)
            case .generator:
                emit(.yieldValue, unit.scope.isCoroutine ? 1 : 0)
                emit(.popTop)
            }
            return
        }
        let top = makeLabel()
        let end = makeLabel()
        if generators.startIndex == 0 {
            emit(.loadFast, localSlot(".0"))
        } else {
            expression(generator.iter)
            emit(generator.isAsync ? .getAIter : .getIter)
        }
        bind(top)
        if generator.isAsync {
            pushHandler(end)
            emit(.getANext)
            yieldFrom(await: true)
            popHandler()
        } else {
            emitJump(.forIter, to: end)
        }
        store(generator.target)
        for test in generator.ifs { condition(test, jumpTo: top, when: false) }
        comprehensionLoop(generators.dropFirst(), depth: depth + 1, kind: kind, element: element)
        emitJump(.jump, to: top)
        bind(end)
        if generator.isAsync { emit(.endAsyncFor) }
    }
}
