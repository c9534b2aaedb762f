import CoroSyntax

/// How the compiler accesses one name in one scope.
enum NameAccess: Equatable {
    /// A slot of the frame (function locals).
    case fast
    /// A cell of this frame or a free variable captured from an outer one.
    case deref
    /// A global (module dict, then builtins).
    case global
    /// A namespace (module or class body) entry.
    case name
    /// In a class body: the namespace first, then a captured variable.
    case classDeref
}

/// The names of one scope, resolved: what each name is and which are cells or free.
final class Scope {
    enum Kind { case module, function, classBody, comprehension }
    let kind: Kind
    let name: String
    var isGenerator = false
    var isCoroutine = false
    var parameters: [String] = []
    var bound: Set<String> = []
    var used: Set<String> = []
    var declaredGlobal: Set<String> = []
    var declaredNonlocal: Set<String> = []
    /// Locals in order of first binding (parameters first).
    var localOrder: [String] = []
    var cells: [String] = []
    var frees: [String] = []
    var children: [Scope] = []
    /// A class body whose methods use `super()` or `__class__` gets a `__class__` cell.
    var needsClassCell = false

    init(kind: Kind, name: String) {
        self.kind = kind
        self.name = name
    }

    var isFunctionLike: Bool { kind == .function || kind == .comprehension }

    func bind(_ name: String) {
        if !bound.contains(name) {
            bound.insert(name)
            localOrder.append(name)
        }
    }

    /// How code in this scope reaches `name`.
    func access(_ name: String) -> NameAccess {
        if declaredGlobal.contains(name) { return kind == .module ? .global : .global }
        switch kind {
        case .module:
            return .global
        case .classBody:
            if frees.contains(name) && !bound.contains(name) && !declaredGlobal.contains(name) { return .classDeref }
            return .name
        case .function, .comprehension:
            if cells.contains(name) || frees.contains(name) { return .deref }
            if bound.contains(name) { return .fast }
            return .global
        }
    }
}

/// Builds the scope tree of a module (CPython's symtable): which names are local,
/// global, cells and free variables in every function, class and comprehension.
/// Scopes are keyed by the source range of the node that opens them.
struct ScopeAnalyzer {
    private(set) var scopes: [SourceRange: Scope] = [:]
    private var stack: [Scope] = []

    static func analyze(_ module: Module) -> (module: Scope, scopes: [SourceRange: Scope]) {
        var analyzer = ScopeAnalyzer()
        let root = Scope(kind: .module, name: "<module>")
        analyzer.stack = [root]
        analyzer.visit(module.body)
        analyzer.resolve(root, enclosing: [])
        return (root, analyzer.scopes)
    }

    private var current: Scope { stack[stack.count - 1] }

    // MARK: collecting

    private mutating func open(_ scope: Scope, at range: SourceRange, _ body: (inout ScopeAnalyzer) -> Void) {
        current.children.append(scope)
        scopes[range] = scope
        stack.append(scope)
        body(&self)
        stack.removeLast()
    }

    private mutating func visit(_ body: [Stmt]) {
        for statement in body { visit(statement) }
    }

    private mutating func visitFunction(_ name: String, _ arguments: Arguments, range: SourceRange,
                                        isAsync: Bool, body: (inout ScopeAnalyzer) -> Void) {
        for expression in arguments.defaults { visit(expression) }
        for case let expression? in arguments.keywordDefaults { visit(expression) }
        let scope = Scope(kind: .function, name: name)
        scope.isCoroutine = isAsync
        open(scope, at: range) { analyzer in
            // CPython's slot order: positional, keyword-only, then *args and **kwargs.
            var ordered = arguments.positionalOnly + arguments.positional + arguments.keywordOnly
            if let varArgs = arguments.varArgs { ordered.append(varArgs) }
            if let varKeywords = arguments.varKeywords { ordered.append(varKeywords) }
            for parameter in ordered {
                analyzer.current.parameters.append(parameter.name)
                analyzer.current.bind(parameter.name)
            }
            body(&analyzer)
        }
    }

    private mutating func visit(_ statement: Stmt) {
        switch statement.kind {
        case .functionDef(let function):
            for decorator in function.decorators { visit(decorator) }
            visitFunction(function.name, function.arguments, range: statement.range, isAsync: function.isAsync) {
                $0.visit(function.body)
            }
            current.bind(function.name)
        case .classDef(let definition):
            for decorator in definition.decorators { visit(decorator) }
            for base in definition.bases { visit(base) }
            for keyword in definition.keywords { visit(keyword.value) }
            open(Scope(kind: .classBody, name: definition.name), at: statement.range) { $0.visit(definition.body) }
            current.bind(definition.name)
        case .return(let value):
            if let value { visit(value) }
        case .delete(let targets):
            for target in targets { visit(target) }
        case .assign(let targets, let value):
            visit(value)
            for target in targets { visit(target) }
        case .augAssign(let target, _, let value):
            visit(value)
            visit(target)
            if case .name(let name, _) = target.kind { current.used.insert(name) }
        case .annAssign(let target, let annotation, let value, _):
            if current.kind != .function { visit(annotation) }
            if let value { visit(value) }
            visit(target)
        case .for(let target, let iter, let body, let orelse, _):
            visit(iter)
            visit(target)
            visit(body)
            visit(orelse)
        case .while(let test, let body, let orelse), .if(let test, let body, let orelse):
            visit(test)
            visit(body)
            visit(orelse)
        case .with(let items, let body, _):
            for item in items {
                visit(item.contextExpr)
                if let target = item.optionalVars { visit(target) }
            }
            visit(body)
        case .raise(let exception, let cause):
            if let exception { visit(exception) }
            if let cause { visit(cause) }
        case .try(let body, let handlers, let orelse, let finalbody):
            visit(body)
            for handler in handlers {
                if let type = handler.type { visit(type) }
                if let name = handler.name { current.bind(name) }
                visit(handler.body)
            }
            visit(orelse)
            visit(finalbody)
        case .assert(let test, let message):
            visit(test)
            if let message { visit(message) }
        case .import(let aliases):
            for alias in aliases {
                current.bind(alias.asName ?? String(alias.name.split(separator: ".").first ?? ""))
            }
        case .importFrom(_, let aliases, _):
            for alias in aliases where alias.name != "*" { current.bind(alias.asName ?? alias.name) }
        case .global(let names):
            for name in names { current.declaredGlobal.insert(name) }
        case .nonlocal(let names):
            for name in names { current.declaredNonlocal.insert(name) }
        case .expr(let value):
            visit(value)
        case .pass, .break, .continue:
            break
        }
    }

    private mutating func visit(_ expressions: [Expr]) {
        for expression in expressions { visit(expression) }
    }

    private mutating func visit(_ expression: Expr) {
        switch expression.kind {
        case .boolOp(_, let values): visit(values)
        case .namedExpr(let target, let value):
            visit(value)
            if case .name(let name, _) = target.kind {
                // The walrus binds in the nearest scope that is not a comprehension.
                if let owner = stack.last(where: { $0.kind != .comprehension }) {
                    if owner.kind == .module {
                        for scope in stack.reversed() where scope.kind == .comprehension {
                            scope.declaredGlobal.insert(name)
                        }
                    } else {
                        owner.bind(name)
                        for scope in stack.reversed() where scope.kind == .comprehension {
                            scope.used.insert(name)
                        }
                    }
                }
            }
        case .binOp(let left, _, let right): visit(left); visit(right)
        case .unaryOp(_, let operand): visit(operand)
        case .lambda(let arguments, let body):
            visitFunction("<lambda>", arguments, range: expression.range, isAsync: false) { $0.visit(body) }
        case .ifExp(let test, let body, let orelse): visit(test); visit(body); visit(orelse)
        case .dict(let keys, let values):
            for case let key? in keys { visit(key) }
            visit(values)
        case .set(let elements), .list(let elements, _), .tuple(let elements, _): visit(elements)
        case .listComp(let element, let generators):
            visitComprehension("<listcomp>", expression.range, generators) { $0.visit(element) }
        case .setComp(let element, let generators):
            visitComprehension("<setcomp>", expression.range, generators) { $0.visit(element) }
        case .dictComp(let key, let value, let generators):
            visitComprehension("<dictcomp>", expression.range, generators) { $0.visit(key); $0.visit(value) }
        case .generatorExp(let element, let generators):
            visitComprehension("<genexpr>", expression.range, generators, isGenerator: true) { $0.visit(element) }
        case .await(let value):
            // An `await` makes the comprehension around it a coroutine (awaited where it is called).
            if current.kind == .comprehension { current.isCoroutine = true }
            visit(value)
        case .yield(let value):
            current.isGenerator = true
            if let value { visit(value) }
        case .yieldFrom(let value):
            current.isGenerator = true
            visit(value)
        case .compare(let left, _, let rights): visit(left); visit(rights)
        case .call(let function, let args, let keywords):
            visit(function)
            visit(args)
            for keyword in keywords { visit(keyword.value) }
        case .formattedValue(let value, _, let spec):
            visit(value)
            if let spec { visit(spec) }
        case .joinedStr(let values): visit(values)
        case .constant: break
        case .attribute(let value, _, _): visit(value)
        case .subscript(let value, let index, _): visit(value); visit(index)
        case .starred(let value, _): visit(value)
        case .name(let name, let context):
            if context == .load {
                current.used.insert(name)
                if name == "super" && current.kind == .function { current.used.insert("__class__") }
            } else {
                current.bind(name)
            }
        case .slice(let lower, let upper, let step):
            for case let part? in [lower, upper, step] { visit(part) }
        }
    }

    private mutating func visitComprehension(_ name: String, _ range: SourceRange, _ generators: [Comprehension],
                                             isGenerator: Bool = false, element: (inout ScopeAnalyzer) -> Void) {
        guard let first = generators.first else { return }
        visit(first.iter)
        let scope = Scope(kind: .comprehension, name: name)
        scope.isGenerator = isGenerator
        open(scope, at: range) { analyzer in
            analyzer.current.parameters.append(".0")
            analyzer.current.bind(".0")
            for (index, generator) in generators.enumerated() {
                if generator.isAsync { analyzer.current.isCoroutine = true }
                if index > 0 { analyzer.visit(generator.iter) }
                analyzer.visit(generator.target)
                analyzer.visit(generator.ifs)
            }
            element(&analyzer)
        }
        // An async list/set/dict comprehension is awaited: the comprehension calling it awaits too.
        if scope.isCoroutine && !isGenerator && current.kind == .comprehension { current.isCoroutine = true }
    }

    // MARK: resolving

    /// Resolves `scope` given the names bound by enclosing function scopes; returns the
    /// names that are free in it (to be captured from outside).
    @discardableResult
    private func resolve(_ scope: Scope, enclosing: Set<String>) -> Set<String> {
        var free: Set<String> = []
        // Locals of a function are its bound names, minus global/nonlocal declarations.
        if scope.isFunctionLike {
            scope.localOrder.removeAll { scope.declaredGlobal.contains($0) || scope.declaredNonlocal.contains($0) }
            scope.bound.subtract(scope.declaredGlobal)
            scope.bound.subtract(scope.declaredNonlocal)
        } else {
            scope.bound.subtract(scope.declaredGlobal)
        }
        for name in scope.declaredNonlocal { free.insert(name) }
        if scope.kind != .module {
            for name in scope.used where !scope.bound.contains(name) && !scope.declaredGlobal.contains(name) {
                if enclosing.contains(name) { free.insert(name) }
            }
        }
        var visible = enclosing
        if scope.isFunctionLike {
            visible.formUnion(scope.bound)
            visible.formUnion(scope.declaredNonlocal)
            visible.subtract(scope.declaredGlobal)
        } else if scope.kind == .module {
            visible = []
        } else {
            visible.subtract(scope.declaredGlobal)
        }
        if scope.kind == .classBody { visible.insert("__class__") }
        var cells: Set<String> = []
        for child in scope.children {
            let childFree = resolve(child, enclosing: visible)
            for name in childFree {
                if scope.kind == .classBody && name == "__class__" {
                    scope.needsClassCell = true
                } else if scope.isFunctionLike && scope.bound.contains(name) {
                    cells.insert(name)
                } else if !scope.declaredGlobal.contains(name) && scope.kind != .module {
                    free.insert(name)
                }
            }
        }
        if scope.needsClassCell { cells.insert("__class__") }
        // Parameters that become cells keep their slot order first, then the rest sorted.
        scope.cells = scope.localOrder.filter { cells.contains($0) } + cells.subtracting(scope.localOrder).sorted()
        scope.frees = free.sorted()
        if scope.isFunctionLike {
            scope.localOrder = scope.localOrder.filter { !cells.contains($0) || scope.parameters.contains($0) }
        }
        return free
    }
}
