import CoroSyntax

extension SemanticChecker {
    mutating func visitAll(_ expressions: [Expr]) {
        for expression in expressions { visit(expression) }
    }

    /// Visits an expression. `allowsStarred` is true for the direct elements of displays
    /// and call arguments, the only places a load of `*x` may appear.
    mutating func visit(_ expression: Expr, allowsStarred: Bool = false) {
        switch expression.kind {
        case .name(let name, _):
            scope.used.insert(name)
        case .constant:
            break
        case .starred(let value, _):
            if !allowsStarred { compiler("can't use starred expression here", expression.range) }
            visit(value)
        case .boolOp(_, let values):
            visitAll(values)
        case .namedExpr(let target, let value):
            visit(value)
            if case .name(let name, _) = target.kind { bindInEnclosingCode(name) }
        case .binOp(let left, _, let right):
            visit(left)
            visit(right)
        case .unaryOp(_, let operand):
            visit(operand)
        case .lambda(let arguments, let body):
            visitDefaults(arguments)
            enterFunction(.lambda, arguments)
            visit(body)
            pop()
        case .ifExp(let test, let body, let orelse):
            visitAll([test, body, orelse])
        case .dict(let keys, let values):
            for key in keys { if let key { visit(key) } }
            visitAll(values)
        case .set(let elements), .list(let elements, _), .tuple(let elements, _):
            for element in elements { visit(element, allowsStarred: true) }
        case .listComp(let element, let generators):
            visitComprehension(expression, generators, kind: "list comprehension") { $0.visit(element) }
        case .setComp(let element, let generators):
            visitComprehension(expression, generators, kind: "set comprehension") { $0.visit(element) }
        case .dictComp(let key, let value, let generators):
            visitComprehension(expression, generators, kind: "dict comprehension") { $0.visitAll([key, value]) }
        case .generatorExp(let element, let generators):
            visitComprehension(expression, generators, kind: "generator expression") { $0.visit(element) }
        case .await(let value):
            if !allowsAwait {
                let outside = enclosingCode.kind == .module || enclosingCode.kind == .classBody
                compiler(outside ? "'await' outside function" : "'await' outside async function", expression.range)
            }
            visit(value)
        case .yield(let value):
            visitYield(expression, isFrom: false)
            if let value { visit(value) }
        case .yieldFrom(let value):
            visitYield(expression, isFrom: true)
            visit(value)
        case .compare(let left, _, let comparators):
            visit(left)
            visitAll(comparators)
        case .call(let function, let args, let keywords):
            visit(function)
            for argument in args { visit(argument, allowsStarred: true) }
            var seen: Set<String> = []
            for keyword in keywords {
                if let name = keyword.name, !seen.insert(name).inserted {
                    compiler("keyword argument repeated: \(name)", keyword.range)
                }
                visit(keyword.value)
            }
        case .formattedValue(let value, _, let formatSpec):
            visit(value)
            if let formatSpec { visit(formatSpec) }
        case .joinedStr(let values):
            visitAll(values)
        case .attribute(let value, _, _):
            visit(value)
        case .subscript(let value, let slice, _):
            visit(value)
            visit(slice, allowsStarred: true)
        case .slice(let lower, let upper, let step):
            for part in [lower, upper, step] { if let part { visit(part) } }
        }
    }

    /// `yield` is an error in comprehensions (symbol table) and outside functions (compiler).
    mutating func visitYield(_ expression: Expr, isFrom: Bool) {
        if case .comprehension(let kind) = scope.kind {
            symbolTable("'yield' inside \(kind)", expression.range)
            return
        }
        guard enclosingCode.isFunction else {
            compiler("'yield' outside function", expression.range)
            return
        }
        if isFrom && scope.kind == .asyncFunction { compiler("'yield from' inside async function", expression.range) }
        scope.isGenerator = true
    }

    /// A comprehension: its first iterable is evaluated outside, the rest in its own scope.
    mutating func visitComprehension(
        _ comprehension: Expr, _ generators: [Comprehension], kind: String, element: (inout SemanticChecker) -> Void
    ) {
        guard let first = generators.first else { return }
        visit(first.iter)
        let isAsync = generators.contains { $0.isAsync }
        if isAsync && !allowsAwait && kind != "generator expression" {
            compiler("asynchronous comprehension outside of an asynchronous function", comprehension.range)
        }
        push(.comprehension(kind))
        for (position, generator) in generators.enumerated() {
            if position > 0 { visit(generator.iter) }
            visitTarget(generator.target)
            visitAll(generator.ifs)
        }
        element(&self)
        pop()
    }

    /// A walrus target binds in the nearest enclosing function or module, not the comprehension.
    mutating func bindInEnclosingCode(_ name: String) {
        if !scope.isComprehension {
            bind(name)
        } else if let index = outer.lastIndex(where: { !$0.isComprehension }) {
            outer[index].bind(name, into: &boundByScope)
        }
    }

    /// An assignment or deletion target: binds names and checks starred targets.
    mutating func visitTarget(_ target: Expr) {
        switch target.kind {
        case .starred:
            compiler("starred assignment target must be in a list or tuple", target.range)
        case .tuple(let elements, _), .list(let elements, _):
            visitTargetElements(elements, of: target)
        default:
            visitTargetElement(target)
        }
    }

    mutating func visitTargetElements(_ elements: [Expr], of container: Expr) {
        var sawStar = false
        for element in elements {
            if case .starred = element.kind {
                if sawStar { compiler("multiple starred expressions in assignment", container.range) }
                sawStar = true
            }
            visitTargetElement(element)
        }
    }

    mutating func visitTargetElement(_ target: Expr) {
        switch target.kind {
        case .name(let name, _):
            bind(name)
        case .starred(let value, _):
            visitTargetElement(value)
        case .tuple(let elements, _), .list(let elements, _):
            visitTargetElements(elements, of: target)
        case .attribute(let value, _, _):
            visit(value)
        case .subscript(let value, let slice, _):
            visit(value)
            visit(slice, allowsStarred: true)
        default:
            visit(target)
        }
    }
}
