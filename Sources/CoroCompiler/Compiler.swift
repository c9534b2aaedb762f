import CoroSyntax

/// Compiles a checked module into code objects: one per module, class body, function,
/// lambda and comprehension. Split by facet: statements, expressions, assignment
/// targets, control flow, calls, functions and classes, comprehensions.
public final class Compiler {
    let source: SourceFile
    let scopes: [SourceRange: Scope]
    /// The code object being built, and those it is nested in.
    var unit: CodeUnit
    var outerUnits: [CodeUnit] = []
    /// The first place an instruction operand overflowed (reported after compiling).
    var tooLarge: SourceRange?

    /// One code object under construction.
    struct CodeUnit {
        var builder = CodeBuilder()
        let scope: Scope
        let qualifiedName: String
        var blocks: [Block] = []
        var localSlots: [String: Int] = [:]
        var derefSlots: [String: Int] = [:]
        var docString: String?
        /// Whether the unit awaits (a module body that does is a `.coro` script's main coroutine).
        var awaits = false
    }

    /// A block that `break`, `continue` and `return` must unwind out of (CPython's fblock).
    struct Block {
        enum Kind {
            case whileLoop, forLoop
            /// The body of a `try` with handlers (nothing to undo).
            case tryBody
            /// The body of a `try` with `finally`: leaving it runs the finally body.
            case finallyBody([Stmt])
            /// Running the finally body after an exception: [prev, exc] on the stack.
            case finallyAfterError
            /// An `except` clause body: [prev] on the stack, and the bound name if any.
            case handlerBody(String?)
            /// A `with` body: the exit method on the stack.
            case withBody(isAsync: Bool)
        }
        var kind: Kind
        var continueLabel: Label?
        var breakLabel: Label?
        /// Handlers active outside this block.
        var outerHandlers: [Int]
    }

    init(source: SourceFile, module: Module) {
        self.source = source
        let analysis = ScopeAnalyzer.analyze(module)
        scopes = analysis.scopes
        unit = CodeUnit(scope: analysis.module, qualifiedName: "<module>")
    }

    /// Compiles a module body; `allowsTopLevelAwait` marks `.coro` scripts whose body awaits.
    public static func compile(_ module: Module, source: SourceFile, interactive: Bool = false) throws(SyntaxError) -> CodeObject {
        let compiler = Compiler(source: source, module: module)
        compiler.unit.builder.position = module.body.first?.range ?? SourceRange(0, 0)
        for (index, statement) in module.body.enumerated() {
            if interactive, index == module.body.count - 1, case .expr(let value) = statement.kind {
                compiler.unit.builder.position = statement.range
                compiler.expression(value)
                compiler.emit(.printExpr)
            } else {
                compiler.statement(statement)
            }
        }
        compiler.emitConstant(.none)
        compiler.emit(.returnValue)
        let code = compiler.finish(name: "<module>", arguments: nil, flags: [.namespace], firstLine: 1)
        if let range = compiler.tooLarge {
            throw SyntaxError(.syntaxError, "too many items to compile in one code object", in: source, range: range)
        }
        return code
    }

    // MARK: emitting

    func emit(_ opcode: Opcode, _ operand: Int = 0) { unit.builder.emit(opcode, operand) }
    func emitJump(_ opcode: Opcode, to label: Label) { unit.builder.emitJump(opcode, to: label) }
    func makeLabel() -> Label { unit.builder.makeLabel() }
    func bind(_ label: Label) { unit.builder.bind(label) }
    func emitConstant(_ value: CodeConstant) { emit(.loadConst, unit.builder.constant(value)) }
    func nameIndex(_ name: String) -> Int { unit.builder.name(name) }

    /// Runs `body` with the source position set to `range`, for the line table.
    func at(_ range: SourceRange, _ body: () -> Void) {
        let saved = unit.builder.position
        unit.builder.position = range
        body()
        unit.builder.position = saved
    }

    // MARK: names

    func loadName(_ name: String) { accessName(name, fast: .loadFast, deref: .loadDeref, global: .loadGlobal, namespace: .loadName) }
    func storeName(_ name: String) { accessName(name, fast: .storeFast, deref: .storeDeref, global: .storeGlobal, namespace: .storeName) }
    func deleteName(_ name: String) { accessName(name, fast: .deleteFast, deref: .deleteDeref, global: .deleteGlobal, namespace: .deleteName) }

    private func accessName(_ name: String, fast: Opcode, deref: Opcode, global: Opcode, namespace: Opcode) {
        switch unit.scope.access(name) {
        case .fast: emit(fast, localSlot(name))
        case .deref: emit(deref, derefSlot(name))
        case .global: emit(global, nameIndex(name))
        case .name: emit(namespace, nameIndex(name))
        case .classDeref:
            if fast == .loadFast { emit(.loadClassDeref, derefSlot(name)) } else { emit(namespace, nameIndex(name)) }
        }
    }

    func localSlot(_ name: String) -> Int {
        if let slot = unit.localSlots[name] { return slot }
        let slot = unit.localSlots.count
        unit.localSlots[name] = slot
        return slot
    }

    /// Cells come first, then free variables, numbered from 0 after the locals.
    func derefSlot(_ name: String) -> Int {
        if let slot = unit.derefSlots[name] { return slot }
        if let index = unit.scope.cells.firstIndex(of: name) { return index }
        if let index = unit.scope.frees.firstIndex(of: name) { return unit.scope.cells.count + index }
        return 0
    }

    // MARK: code units

    /// Opens a nested code unit for `scope`; its locals start with the scope's order.
    func enterUnit(_ scope: Scope, qualifiedName: String) {
        outerUnits.append(unit)
        unit = CodeUnit(scope: scope, qualifiedName: qualifiedName)
        if scope.isFunctionLike {
            for name in scope.localOrder { _ = localSlot(name) }
        }
    }

    /// Finishes the current unit into a code object and returns to the enclosing one.
    func finish(name: String, arguments: Arguments?, flags: CodeFlags, firstLine: Int) -> CodeObject {
        if tooLarge == nil { tooLarge = unit.builder.tooLarge }
        let built = unit.builder.finish()
        let locals = unit.localSlots.sorted { $0.value < $1.value }.map(\.key)
        let cellParameters = unit.scope.cells.map { cell in
            unit.scope.parameters.contains(cell) ? (unit.localSlots[cell] ?? -1) : -1
        }
        var allFlags = flags
        if unit.scope.isGenerator && unit.scope.isCoroutine {
            allFlags.insert(.asyncGenerator)
        } else if unit.scope.isGenerator {
            allFlags.insert(.generator)
        } else if unit.scope.isCoroutine && unit.scope.kind != .module {
            allFlags.insert(.coroutine)
        } else if unit.scope.kind == .module && unit.awaits {
            allFlags.formUnion([.coroutine, .topLevelAwait])
        }
        if let arguments {
            if arguments.varArgs != nil { allFlags.insert(.varArgs) }
            if arguments.varKeywords != nil { allFlags.insert(.varKeywords) }
        }
        let code = CodeObject(
            name: name, qualifiedName: unit.qualifiedName, source: source, flags: allFlags,
            argumentCount: (arguments?.positionalOnly.count ?? 0) + (arguments?.positional.count ?? 0)
                + (unit.scope.kind == .comprehension ? 1 : 0),
            positionalOnlyCount: arguments?.positionalOnly.count ?? 0,
            keywordOnlyCount: arguments?.keywordOnly.count ?? 0,
            instructions: built.instructions, positions: built.positions, constants: built.constants,
            names: built.names, localNames: locals, cellNames: unit.scope.cells, freeNames: unit.scope.frees,
            cellParameters: cellParameters, exceptionTable: built.exceptionTable,
            stackSize: built.stackSize, firstLine: firstLine, docString: unit.docString)
        if let outer = outerUnits.popLast() { unit = outer }
        return code
    }

    /// The qualified name of a function or class defined in the current unit.
    func qualifiedName(for name: String) -> String {
        switch unit.scope.kind {
        case .module: return name
        case .classBody: return unit.qualifiedName + "." + name
        case .function, .comprehension: return unit.qualifiedName + ".<locals>." + name
        }
    }
}
