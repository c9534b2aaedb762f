import CoroSyntax

/// Loops, `try`, `with`, and leaving blocks early with `break`, `continue` and `return`.
///
/// Exception handlers are zero-cost ranges (CPython 3.11): a handler receives the
/// exception on top of the stack; `pushExcInfo` makes it the exception being handled
/// (keeping the previous one under it) and `popExcept` restores the previous one.
extension Compiler {
    func pushBlock(_ kind: Block.Kind, continueLabel: Label? = nil, breakLabel: Label? = nil) {
        unit.blocks.append(Block(kind: kind, continueLabel: continueLabel, breakLabel: breakLabel,
                                 outerHandlers: unit.builder.activeHandlers))
    }

    func popBlock() {
        unit.blocks.removeLast()
    }

    func whileLoop(test: Expr, body: [Stmt], orelse: [Stmt]) {
        let top = makeLabel()
        let otherwise = makeLabel()
        let end = makeLabel()
        bind(top)
        condition(test, jumpTo: otherwise, when: false)
        pushBlock(.whileLoop, continueLabel: top, breakLabel: end)
        statements(body)
        popBlock()
        emitJump(.jump, to: top)
        bind(otherwise)
        statements(orelse)
        bind(end)
    }

    func forLoop(target: Expr, iter: Expr, body: [Stmt], orelse: [Stmt], isAsync: Bool) {
        if isAsync {
            asyncForLoop(target: target, iter: iter, body: body, orelse: orelse)
            return
        }
        let top = makeLabel()
        let exhausted = makeLabel()
        let end = makeLabel()
        expression(iter)
        emit(.getIter)
        bind(top)
        emitJump(.forIter, to: exhausted)
        store(target)
        pushBlock(.forLoop, continueLabel: top, breakLabel: end)
        statements(body)
        popBlock()
        emitJump(.jump, to: top)
        bind(exhausted)
        statements(orelse)
        bind(end)
    }

    /// `async for`: `__anext__` awaited until it raises `StopAsyncIteration`.
    private func asyncForLoop(target: Expr, iter: Expr, body: [Stmt], orelse: [Stmt]) {
        let top = makeLabel()
        let exhausted = makeLabel()
        let end = makeLabel()
        expression(iter)
        emit(.getAIter)
        bind(top)
        pushHandler(exhausted)
        emit(.getANext)
        yieldFrom(await: true)
        popHandler()
        store(target)
        pushBlock(.forLoop, continueLabel: top, breakLabel: end)
        statements(body)
        popBlock()
        emitJump(.jump, to: top)
        bind(exhausted)
        emit(.endAsyncFor)
        statements(orelse)
        bind(end)
    }

    func pushHandler(_ label: Label, excluding hidden: Int = 0) { unit.builder.pushHandler(label, excluding: hidden) }
    func popHandler() { unit.builder.popHandler() }

    /// Handler that restores the previously handled exception, then re-raises:
    /// entered with [prev, exc] on top of the stack.
    func emitRestoreAndReraise(_ label: Label) {
        bind(label)
        emit(.swap, 2)
        emit(.popExcept)
        emit(.reraise)
    }

    func tryExcept(body: [Stmt], handlers: [ExceptHandler], orelse: [Stmt]) {
        let handlerLabel = makeLabel()
        let cleanup = makeLabel()
        let otherwise = makeLabel()
        let end = makeLabel()
        pushBlock(.tryBody)
        pushHandler(handlerLabel)
        statements(body)
        popHandler()
        popBlock()
        emitJump(.jump, to: otherwise)

        bind(handlerLabel)
        pushHandler(cleanup)
        emit(.pushExcInfo)
        for handler in handlers {
            at(handler.range) {
                let next = makeLabel()
                if let type = handler.type {
                    expression(type)
                    emit(.checkExcMatch)
                    emitJump(.popJumpIfFalse, to: next)
                }
                if let name = handler.name {
                    storeName(name)
                    let nameCleanup = makeLabel()
                    pushBlock(.handlerBody(name))
                    pushHandler(nameCleanup)
                    statements(handler.body)
                    popHandler()
                    popBlock()
                    emit(.popExcept)
                    clearHandlerName(name)
                    emitJump(.jump, to: end)
                    // An exception in the body: unbind the name, then restore and re-raise.
                    bind(nameCleanup)
                    clearHandlerName(name)
                    emit(.reraise)
                } else {
                    emit(.popTop)
                    pushBlock(.handlerBody(nil))
                    statements(handler.body)
                    popBlock()
                    emit(.popExcept)
                    emitJump(.jump, to: end)
                }
                bind(next)
            }
        }
        emit(.reraise)
        popHandler()
        emitRestoreAndReraise(cleanup)
        bind(otherwise)
        statements(orelse)
        bind(end)
    }

    /// `name = None; del name` after an `except ... as name` clause.
    private func clearHandlerName(_ name: String) {
        emitConstant(.none)
        storeName(name)
        deleteName(name)
    }

    func tryFinally(body: [Stmt], finalbody: [Stmt], protected: (Compiler) -> Void) {
        let handlerLabel = makeLabel()
        let cleanup = makeLabel()
        let end = makeLabel()
        pushBlock(.finallyBody(finalbody))
        pushHandler(handlerLabel)
        protected(self)
        popHandler()
        popBlock()
        statements(finalbody)
        emitJump(.jump, to: end)

        bind(handlerLabel)
        pushHandler(cleanup)
        emit(.pushExcInfo)
        pushBlock(.finallyAfterError)
        statements(finalbody)
        popBlock()
        emit(.reraise)
        popHandler()
        emitRestoreAndReraise(cleanup)
        bind(end)
    }

    func withStatement(_ items: ArraySlice<WithItem>, body: [Stmt], isAsync: Bool) {
        guard let item = items.first else {
            statements(body)
            return
        }
        let handlerLabel = makeLabel()
        let cleanup = makeLabel()
        let suppress = makeLabel()
        let end = makeLabel()
        expression(item.contextExpr)
        if isAsync {
            emit(.beforeAsyncWith)
            yieldFrom(await: true)
        } else {
            emit(.beforeWith)
        }
        // The handler sees only the exit method: the entered value is stored first.
        pushBlock(.withBody(isAsync: isAsync))
        pushHandler(handlerLabel, excluding: 1)
        if let target = item.optionalVars { store(target) } else { emit(.popTop) }
        withStatement(items.dropFirst(), body: body, isAsync: isAsync)
        popHandler()
        popBlock()
        callExit(isAsync: isAsync)
        emitJump(.jump, to: end)

        bind(handlerLabel)
        pushHandler(cleanup)
        emit(.pushExcInfo)
        emit(.withExceptStart)
        if isAsync { yieldFrom(await: true) }
        emitJump(.popJumpIfTrue, to: suppress)
        emit(.reraise)
        bind(suppress)
        popHandler()
        emit(.popTop)
        emit(.popExcept)
        emit(.popTop)
        emitJump(.jump, to: end)
        emitRestoreAndReraise(cleanup)
        bind(end)
    }

    /// Calls the exit method on top of the stack with three Nones and drops the result.
    private func callExit(isAsync: Bool) {
        emitConstant(.none)
        emitConstant(.none)
        emitConstant(.none)
        emit(.call, 3)
        if isAsync { yieldFrom(await: true) }
        emit(.popTop)
    }

    /// `break` or `continue`: leaves the blocks inside the innermost loop, then jumps
    /// (popping a `for` loop's iterator on `break`).
    func jumpOutOfLoop(breaking: Bool) {
        unwindBlocks(preservingValue: false) { block in
            switch block.kind {
            case .whileLoop, .forLoop:
                if breaking, case .forLoop = block.kind { emit(.popTop) }
                if let label = breaking ? block.breakLabel : block.continueLabel { emitJump(.jump, to: label) }
                return true
            default:
                return false
            }
        }
    }

    /// Leaves every enclosing block, innermost first, running their exit code, until
    /// `stop` accepts one (it then emits the jump). The value on top of the stack is
    /// kept when `preservingValue` (a `return`). Blocks and handlers are restored after.
    func unwindBlocks(preservingValue: Bool, stop: (Block) -> Bool = { _ in false }) {
        let savedBlocks = unit.blocks
        let savedHandlers = unit.builder.activeHandlers
        let savedDepth = unit.builder.depth
        while let block = unit.blocks.last {
            if stop(block) { break }
            unit.blocks.removeLast()
            unit.builder.setActiveHandlers(block.outerHandlers)
            unwind(block, preservingValue: preservingValue)
        }
        unit.blocks = savedBlocks
        unit.builder.setActiveHandlers(savedHandlers)
        if let savedDepth { unit.builder.setDepth(savedDepth) }
    }

    private func unwind(_ block: Block, preservingValue: Bool) {
        switch block.kind {
        case .whileLoop, .tryBody:
            break
        case .forLoop:
            if preservingValue { emit(.swap, 2) }
            emit(.popTop)
        case .finallyBody(let finalbody):
            statements(finalbody)
        case .finallyAfterError:
            if preservingValue {
                emit(.swap, 3)
                emit(.popExcept)
                emit(.popTop)
            } else {
                emit(.popTop)
                emit(.popExcept)
            }
        case .handlerBody(let name):
            if preservingValue { emit(.swap, 2) }
            emit(.popExcept)
            if let name { clearHandlerName(name) }
        case .withBody(let isAsync):
            if preservingValue { emit(.swap, 2) }
            callExit(isAsync: isAsync)
        }
    }
}
