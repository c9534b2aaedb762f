import CoroSyntax

/// A jump target inside the code being built.
struct Label: Hashable {
    let id: Int
}

/// Accumulates the instructions of one code object: operands interned into the
/// constant and name pools, jumps patched to labels, the stack depth tracked through
/// every instruction (to size the frame and to give each handler its depth), and the
/// active exception handler recorded per instruction for the exception table.
struct CodeBuilder {
    private(set) var instructions: [Instruction] = []
    private(set) var positions: [SourceRange] = []
    /// The handler covering each instruction, as an index into `handlers`, or -1.
    private var coveringHandler: [Int] = []
    private var handlers: [(label: Label, depth: Int)] = []
    /// Handlers active now, innermost last (indexes into `handlers`).
    private(set) var activeHandlers: [Int] = []
    private var labelOffsets: [Int?] = []
    private var labelDepths: [Int?] = []
    private var constants: [CodeConstant] = []
    private var names: [String] = []
    private var nameIndexes: [String: Int] = [:]

    /// The current stack depth; nil after an unconditional jump until a label is bound.
    private(set) var depth: Int? = 0
    private(set) var maxDepth = 0
    var position = SourceRange(0, 0)
    /// Where an operand did not fit in 24 bits (a program too large to compile), if anywhere.
    private(set) var tooLarge: SourceRange?

    mutating func makeLabel() -> Label {
        labelOffsets.append(nil)
        labelDepths.append(nil)
        return Label(id: labelOffsets.count - 1)
    }

    mutating func emit(_ opcode: Opcode, _ operand: Int = 0) {
        if operand < 0 || operand > Instruction.maxOperand { tooLarge = position }
        instructions.append(Instruction(opcode, operand))
        positions.append(position)
        coveringHandler.append(activeHandlers.last ?? -1)
        let effect = opcode.stackEffect(operand)
        adjustDepth(effect.fallThrough)
        if opcode.isTerminator { depth = nil }
    }

    /// Emits a jump to `label`, recording the depth the label will start with.
    mutating func emitJump(_ opcode: Opcode, to label: Label) {
        // Unreachable code (after a return or raise) tells nothing about the label.
        if let before = depth {
            recordDepth(before + opcode.stackEffect(0).branch, at: label)
        }
        emit(opcode, label.id)
    }

    /// Places `label` at the next instruction. A label that no reachable code has jumped
    /// to yet, bound after a terminator, starts unreachable code: its depth stays unknown
    /// rather than guessed, so that jumps out of it record nothing.
    mutating func bind(_ label: Label) {
        labelOffsets[label.id] = instructions.count
        if let known = labelDepths[label.id] { depth = known }
    }

    /// Forgets the depth (code after a `return` in a block) until the next label.
    mutating func setDepth(_ value: Int) {
        depth = value
        maxDepth = max(maxDepth, value)
    }

    private mutating func adjustDepth(_ delta: Int) {
        guard let current = depth else { return }
        depth = current + delta
        maxDepth = max(maxDepth, current + delta, current)
    }

    private mutating func recordDepth(_ value: Int, at label: Label) {
        if labelDepths[label.id] == nil { labelDepths[label.id] = value }
        maxDepth = max(maxDepth, value)
    }

    /// Starts covering instructions with a handler at `label`; the handler runs with the
    /// current depth (less the `hidden` values on top) plus the exception.
    mutating func pushHandler(_ label: Label, excluding hidden: Int = 0) {
        let current = (depth ?? 0) - hidden
        handlers.append((label, current))
        recordDepth(current + 1, at: label)
        activeHandlers.append(handlers.count - 1)
    }

    mutating func popHandler() {
        activeHandlers.removeLast()
    }

    /// Replaces the active handlers (while emitting code that unwinds out of blocks).
    mutating func setActiveHandlers(_ value: [Int]) {
        activeHandlers = value
    }

    mutating func constant(_ value: CodeConstant) -> Int {
        if let index = constants.firstIndex(of: value) { return index }
        constants.append(value)
        return constants.count - 1
    }

    mutating func name(_ value: String) -> Int {
        if let index = nameIndexes[value] { return index }
        names.append(value)
        nameIndexes[value] = names.count - 1
        return names.count - 1
    }

    /// Resolves labels and coalesces the handler of each instruction into a table.
    func finish() -> (instructions: [Instruction], positions: [SourceRange], constants: [CodeConstant],
                      names: [String], exceptionTable: [ExceptionTableEntry], stackSize: Int) {
        var resolved = instructions
        for index in resolved.indices where resolved[index].opcode.isJump {
            let label = resolved[index].operand
            resolved[index] = Instruction(resolved[index].opcode, labelOffsets[label] ?? 0)
        }
        var table: [ExceptionTableEntry] = []
        var index = 0
        while index < coveringHandler.count {
            let handler = coveringHandler[index]
            var end = index + 1
            while end < coveringHandler.count && coveringHandler[end] == handler { end += 1 }
            if handler >= 0 {
                let entry = handlers[handler]
                table.append(ExceptionTableEntry(
                    start: index, end: end, target: labelOffsets[entry.label.id] ?? 0, depth: entry.depth))
            }
            index = end
        }
        return (resolved, positions, constants, names, table, maxDepth + 1)
    }
}
