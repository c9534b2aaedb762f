import CoroSyntax

/// The compile-time checks CPython makes after parsing: its symbol table's errors
/// (scope declarations, duplicate parameters, `yield` in comprehensions) and its
/// compiler's (`return`/`break`/`await` out of place, starred expressions).
///
/// CPython builds the whole symbol table before compiling, so a symbol-table error
/// anywhere wins over a compiler error earlier in the file; `check` keeps that order.
public struct SemanticChecker {
    /// Whether `await` (and `async for`/`async with`) may appear at module level, as in
    /// `.coro` scripts, whose module body runs as the main task.
    let allowsTopLevelAwait: Bool

    let source: SourceFile
    /// The scope being checked. It is kept apart from `outer` so that recording a name
    /// updates it in place (a scope held only in an array would be copied on each change).
    var scope = Scope(kind: .module)
    /// The enclosing scopes, outermost first.
    var outer: [Scope] = []
    var symbolTableError: SyntaxError?
    var compilerError: SyntaxError?
    /// Names bound (not declared global or nonlocal) in each scope, by scope identity.
    /// Kept after a scope closes: a `nonlocal` may refer to a name bound later on.
    var boundByScope: [Int: Set<String>] = [:]
    /// `nonlocal` declarations to resolve once every scope has been seen:
    /// the name, where it was declared, and the enclosing function scopes to search.
    var pendingNonlocals: [(name: String, range: SourceRange, enclosing: [Int])] = []
    var nextScopeIdentity = 0

    init(source: SourceFile, allowsTopLevelAwait: Bool) {
        self.source = source
        self.allowsTopLevelAwait = allowsTopLevelAwait
    }

    /// Checks a module, throwing the error CPython would report first.
    public static func check(_ module: Module, source: SourceFile, allowsTopLevelAwait: Bool) throws(SyntaxError) {
        var checker = SemanticChecker(source: source, allowsTopLevelAwait: allowsTopLevelAwait)
        checker.visit(module.body)
        checker.resolveNonlocals()
        if let error = checker.symbolTableError ?? checker.compilerError { throw error }
    }

    /// What kind of code a scope holds.
    enum ScopeKind: Equatable {
        case module, function, asyncFunction, lambda, classBody, comprehension(String)
    }

    /// One scope: its declarations so far and the loops enclosing the current statement.
    struct Scope {
        var kind: ScopeKind
        var identity = 0
        var isGenerator = false
        /// Where a `return value` appeared (an error if this turns out to be an async generator).
        var returnWithValue: SourceRange?
        var parameters: Set<String> = []
        var globals: Set<String> = []
        var nonlocals: Set<String> = []
        /// The first `global` or `nonlocal` statement naming each name, where CPython
        /// reports a name declared both ways.
        var directives: [String: SourceRange] = [:]
        var assigned: Set<String> = []
        var used: Set<String> = []
        var loopDepth = 0
        var isFunction: Bool { kind == .function || kind == .asyncFunction || kind == .lambda }
        var isComprehension: Bool {
            if case .comprehension = kind { return true }
            return false
        }

        /// Records a name bound here; `boundByScope` keeps the bindings `nonlocal` can refer to.
        mutating func bind(_ name: String, into boundByScope: inout [Int: Set<String>]) {
            assigned.insert(name)
            if !globals.contains(name) && !nonlocals.contains(name) {
                boundByScope[identity, default: []].insert(name)
            }
        }
    }

    mutating func symbolTable(_ message: String, _ range: SourceRange) {
        if symbolTableError == nil { symbolTableError = SyntaxError(.syntaxError, message, in: source, range: range) }
    }

    mutating func compiler(_ message: String, _ range: SourceRange) {
        if compilerError == nil { compilerError = SyntaxError(.syntaxError, message, in: source, range: range) }
    }

    /// Records a name bound in the current scope.
    mutating func bind(_ name: String) {
        scope.bind(name, into: &boundByScope)
    }

    /// Opens a new scope with a fresh identity.
    mutating func push(_ kind: ScopeKind) {
        nextScopeIdentity += 1
        outer.append(scope)
        scope = Scope(kind: kind, identity: nextScopeIdentity)
    }

    /// Closes the current scope, checking what can only be known once its body has been seen.
    mutating func pop() {
        let finished = scope
        scope = outer.removeLast()
        if finished.kind == .asyncFunction, finished.isGenerator, let range = finished.returnWithValue {
            symbolTable("'return' with value in async generator", range)
        }
    }

    /// `nonlocal x` needs `x` bound in an enclosing function scope.
    mutating func resolveNonlocals() {
        for pending in pendingNonlocals where !pending.enclosing.contains(where: { boundByScope[$0]?.contains(pending.name) == true }) {
            symbolTable("no binding for nonlocal '\(pending.name)' found", pending.range)
        }
    }

    /// The innermost enclosing function, class or module scope (skipping comprehensions).
    var enclosingCode: Scope {
        if !scope.isComprehension { return scope }
        return outer.last { !$0.isComprehension } ?? scope
    }

    /// Whether `await` is allowed here: in an async function (or a comprehension inside one),
    /// or at module level when top-level await is on.
    var allowsAwait: Bool {
        switch enclosingCode.kind {
        case .asyncFunction: return true
        case .module: return allowsTopLevelAwait
        default: return false
        }
    }
}
