import CoroSyntax

/// Expressions: operators, displays, f-strings, attributes and subscripts, `yield`
/// and `await`, and conditions compiled straight into jumps.
extension Compiler {
    func expression(_ expression: Expr) {
        at(expression.range) { compileExpression(expression) }
    }

    private func compileExpression(_ expr: Expr) {
        switch expr.kind {
        case .constant(let value):
            emitConstant(codeConstant(value))
        case .name(let name, _):
            loadName(name)
        case .boolOp(let op, let values):
            let end = makeLabel()
            for (index, value) in values.enumerated() {
                expression(value)
                if index < values.count - 1 {
                    emitJump(op == .and ? .jumpIfFalseOrPop : .jumpIfTrueOrPop, to: end)
                }
            }
            bind(end)
        case .namedExpr(let target, let value):
            expression(value)
            emit(.copy, 1)
            store(target)
        case .binOp(let left, let op, let right):
            expression(left)
            expression(right)
            emit(.binaryOp, binaryOperation(op).rawValue)
        case .unaryOp(let op, let operand):
            expression(operand)
            switch op {
            case .not: emit(.unaryNot)
            case .uSub: emit(.unaryNegative)
            case .uAdd: emit(.unaryPositive)
            case .invert: emit(.unaryInvert)
            }
        case .lambda(let arguments, let body):
            makeFunction(name: "<lambda>", arguments: arguments, range: expr.range, isLambda: true) {
                $0.expression(body)
                $0.emit(.returnValue)
            }
        case .ifExp(let test, let body, let orelse):
            let otherwise = makeLabel()
            let end = makeLabel()
            condition(test, jumpTo: otherwise, when: false)
            expression(body)
            emitJump(.jump, to: end)
            bind(otherwise)
            expression(orelse)
            bind(end)
        case .dict(let keys, let values):
            dictionaryDisplay(keys: keys, values: values)
        case .set(let elements):
            sequenceDisplay(elements, build: .buildSet, add: .setAdd, extend: .setUpdate)
        case .list(let elements, _):
            sequenceDisplay(elements, build: .buildList, add: .listAppend, extend: .listExtend)
        case .tuple(let elements, _):
            if let folded = constantTuple(elements) {
                emitConstant(folded)
            } else if elements.contains(where: isStarred) {
                sequenceDisplay(elements, build: .buildList, add: .listAppend, extend: .listExtend)
                emit(.listToTuple)
            } else {
                for element in elements { expression(element) }
                emit(.buildTuple, elements.count)
            }
        case .listComp(let element, let generators):
            comprehension("<listcomp>", expr.range, generators, kind: .list) { $0.expression(element) }
        case .setComp(let element, let generators):
            comprehension("<setcomp>", expr.range, generators, kind: .set) { $0.expression(element) }
        case .dictComp(let key, let value, let generators):
            comprehension("<dictcomp>", expr.range, generators, kind: .dict) {
                $0.expression(key)
                $0.expression(value)
            }
        case .generatorExp(let element, let generators):
            comprehension("<genexpr>", expr.range, generators, kind: .generator) { $0.expression(element) }
        case .await(let value):
            expression(value)
            yieldFrom(await: true)
        case .yield(let value):
            if let value { expression(value) } else { emitConstant(.none) }
            emit(.yieldValue, unit.scope.isCoroutine ? 1 : 0)
        case .yieldFrom(let value):
            expression(value)
            yieldFrom(await: false)
        case .compare(let left, let ops, let rights):
            comparison(left, ops, rights)
        case .call(let function, let args, let keywords):
            call(function, args, keywords)
        case .formattedValue:
            formattedValue(expr)
        case .joinedStr(let values):
            if values.isEmpty {
                emitConstant(.string(""))
            } else if values.count == 1, case .constant = values[0].kind {
                expression(values[0])
            } else {
                for value in values {
                    if case .constant = value.kind { expression(value) } else { formattedValue(value) }
                }
                emit(.buildString, values.count)
            }
        case .attribute(let value, let name, _):
            expression(value)
            emit(.loadAttr, nameIndex(name))
        case .subscript(let value, let index, _):
            expression(value)
            if case .slice(let lower, let upper, nil) = index.kind {
                // BINARY_SLICE: `x[a:b]` without a slice object when `x` is a str or list.
                at(index.range) { sliceBounds(lower, upper) }
                emit(.binarySlice)
            } else {
                expression(index)
                emit(.binarySubscr)
            }
        case .starred(let value, _):
            expression(value)
        case .slice(let lower, let upper, let step):
            sliceBounds(lower, upper)
            if let step {
                expression(step)
                emit(.buildSlice, 3)
            } else {
                emit(.buildSlice, 2)
            }
        }
    }

    /// A slice's lower and upper bounds, None for each one left out.
    private func sliceBounds(_ lower: Expr?, _ upper: Expr?) {
        for part in [lower, upper] {
            if let part { expression(part) } else { emitConstant(.none) }
        }
    }

    func codeConstant(_ value: Constant) -> CodeConstant {
        switch value {
        case .none: .none
        case .ellipsis: .ellipsis
        case .bool(let flag): .bool(flag)
        case .int(let number): .int(number)
        case .bigInt(let digits, let radix): .bigInt(digits: digits, radix: radix)
        case .float(let number): .float(number)
        case .imaginary(let number): .imaginary(number)
        case .string(let text, _): .string(text)
        case .bytes(let bytes): .bytes(bytes)
        }
    }

    private func constantTuple(_ elements: [Expr]) -> CodeConstant? {
        var constants: [CodeConstant] = []
        for element in elements {
            switch element.kind {
            case .constant(let value): constants.append(codeConstant(value))
            case .tuple(let inner, _):
                guard let folded = constantTuple(inner) else { return nil }
                constants.append(folded)
            default: return nil
            }
        }
        return .tuple(constants)
    }

    func isStarred(_ expression: Expr) -> Bool {
        if case .starred = expression.kind { return true }
        return false
    }

    func binaryOperation(_ op: BinaryOperator) -> BinaryOperation {
        switch op {
        case .add: .add
        case .sub: .sub
        case .mult: .mul
        case .matMult: .matMul
        case .div: .trueDiv
        case .mod: .mod
        case .pow: .pow
        case .lShift: .lShift
        case .rShift: .rShift
        case .bitOr: .or
        case .bitXor: .xor
        case .bitAnd: .and
        case .floorDiv: .floorDiv
        }
    }

    /// A list, set or tuple display; starred elements extend the container in place.
    private func sequenceDisplay(_ elements: [Expr], build: Opcode, add: Opcode, extend: Opcode) {
        var leading = 0
        for element in elements {
            if isStarred(element) { break }
            expression(element)
            leading += 1
        }
        emit(build, leading)
        for element in elements.dropFirst(leading) {
            expression(element)
            emit(isStarred(element) ? extend : add, 1)
        }
    }

    private func dictionaryDisplay(keys: [Expr?], values: [Expr]) {
        var pending = 0
        var built = false
        func flush() {
            if pending > 0 || !built {
                emit(.buildMap, pending)
                if built { emit(.dictUpdate, 1) }
                built = true
                pending = 0
            }
        }
        for (key, value) in zip(keys, values) {
            if let key {
                expression(key)
                expression(value)
                pending += 1
            } else {
                flush()
                expression(value)
                emit(.dictUpdate, 1)
            }
        }
        flush()
    }

    private func comparison(_ left: Expr, _ ops: [ComparisonOperator], _ rights: [Expr]) {
        expression(left)
        if ops.count == 1 {
            expression(rights[0])
            emitComparison(ops[0])
            return
        }
        let cleanup = makeLabel()
        let end = makeLabel()
        for (index, (op, right)) in zip(ops, rights).enumerated() {
            expression(right)
            if index < ops.count - 1 {
                emit(.swap, 2)
                emit(.copy, 2)
                emitComparison(op)
                emitJump(.jumpIfFalseOrPop, to: cleanup)
            } else {
                emitComparison(op)
                emitJump(.jump, to: end)
            }
        }
        bind(cleanup)
        emit(.swap, 2)
        emit(.popTop)
        bind(end)
    }

    private func emitComparison(_ op: ComparisonOperator) {
        switch op {
        case .eq: emit(.compareOp, ComparisonOperation.eq.rawValue)
        case .notEq: emit(.compareOp, ComparisonOperation.ne.rawValue)
        case .lt: emit(.compareOp, ComparisonOperation.lt.rawValue)
        case .ltE: emit(.compareOp, ComparisonOperation.le.rawValue)
        case .gt: emit(.compareOp, ComparisonOperation.gt.rawValue)
        case .gtE: emit(.compareOp, ComparisonOperation.ge.rawValue)
        case .is: emit(.isOp, 0)
        case .isNot: emit(.isOp, 1)
        case .in: emit(.containsOp, 0)
        case .notIn: emit(.containsOp, 1)
        }
    }

    private func formattedValue(_ expr: Expr) {
        guard case .formattedValue(let value, let conversion, let spec) = expr.kind else {
            expression(expr)
            return
        }
        expression(value)
        var flags = 0
        switch conversion {
        case .str: flags = 1
        case .repr: flags = 2
        case .ascii: flags = 3
        case nil: flags = 0
        }
        if let spec {
            expression(spec)
            flags |= 4
        }
        emit(.formatValue, flags)
    }

    /// `yield from` or `await` of the value on top of the stack.
    func yieldFrom(await isAwait: Bool) {
        if isAwait { unit.awaits = true }
        emit(isAwait ? .getAwaitable : .getYieldFromIter)
        emitConstant(.none)
        let loop = makeLabel()
        let exit = makeLabel()
        bind(loop)
        emitJump(.send, to: exit)
        emit(.yieldValue)
        emitJump(.jump, to: loop)
        bind(exit)
    }

    /// Jumps to `label` when `test` is truthy (`when: true`) or falsy, without building
    /// a bool for `not`, `and` and `or`.
    func condition(_ test: Expr, jumpTo label: Label, when: Bool) {
        switch test.kind {
        case .unaryOp(.not, let operand):
            condition(operand, jumpTo: label, when: !when)
        case .boolOp(let op, let values):
            let jumpsOut = (op == .or) == when
            if jumpsOut {
                for value in values { condition(value, jumpTo: label, when: when) }
            } else {
                let skip = makeLabel()
                for value in values.dropLast() { condition(value, jumpTo: skip, when: !when) }
                if let last = values.last { condition(last, jumpTo: label, when: when) }
                bind(skip)
            }
        default:
            expression(test)
            at(test.range) { emitJump(when ? .popJumpIfTrue : .popJumpIfFalse, to: label) }
        }
    }
}
