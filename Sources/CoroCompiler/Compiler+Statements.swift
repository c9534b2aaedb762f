import CoroSyntax

/// Simple statements, `if`, `import`, `raise`, `assert`, `del`.
extension Compiler {
    func statements(_ body: [Stmt]) {
        for statement in body { self.statement(statement) }
    }

    func statement(_ statement: Stmt) {
        at(statement.range) { compileStatement(statement) }
    }

    private func compileStatement(_ statement: Stmt) {
        switch statement.kind {
        case .functionDef(let function):
            functionDefinition(function, range: statement.range)
        case .classDef(let definition):
            classDefinition(definition, range: statement.range)
        case .return(let value):
            returnStatement(value)
        case .delete(let targets):
            for target in targets { delete(target) }
        case .assign(let targets, let value):
            expression(value)
            for (index, target) in targets.enumerated() {
                if index < targets.count - 1 { emit(.copy, 1) }
                store(target)
            }
        case .augAssign(let target, let op, let value):
            augmentedAssignment(target, op, value)
        case .annAssign(let target, let annotation, let value, _):
            if let value {
                expression(value)
                store(target)
            } else if case .name = target.kind {
                break
            } else if unit.scope.kind != .function {
                checkTargetOnly(target)
            }
            _ = annotation
        case .for(let target, let iter, let body, let orelse, let isAsync):
            forLoop(target: target, iter: iter, body: body, orelse: orelse, isAsync: isAsync)
        case .while(let test, let body, let orelse):
            whileLoop(test: test, body: body, orelse: orelse)
        case .if(let test, let body, let orelse):
            let otherwise = makeLabel()
            let end = makeLabel()
            condition(test, jumpTo: otherwise, when: false)
            statements(body)
            if !orelse.isEmpty { emitJump(.jump, to: end) }
            bind(otherwise)
            statements(orelse)
            bind(end)
        case .with(let items, let body, let isAsync):
            withStatement(items[...], body: body, isAsync: isAsync)
        case .raise(let exception, let cause):
            var count = 0
            if let exception {
                expression(exception)
                count = 1
                if let cause {
                    expression(cause)
                    count = 2
                }
            }
            emit(.raiseVarargs, count)
        case .try(let body, let handlers, let orelse, let finalbody):
            if finalbody.isEmpty {
                tryExcept(body: body, handlers: handlers, orelse: orelse)
            } else {
                tryFinally(body: body, finalbody: finalbody) {
                    if handlers.isEmpty {
                        $0.statements(body)
                        $0.statements(orelse)
                    } else {
                        $0.tryExcept(body: body, handlers: handlers, orelse: orelse)
                    }
                }
            }
        case .assert(let test, let message):
            let end = makeLabel()
            condition(test, jumpTo: end, when: true)
            // CPython reports a failed assert at its test expression.
            at(test.range) {
                emit(.loadAssertionError)
                if let message {
                    expression(message)
                    emit(.call, 1)
                }
                emit(.raiseVarargs, 1)
            }
            bind(end)
        case .import(let aliases):
            for alias in aliases {
                emitConstant(.none)
                emit(.importName, nameIndex(alias.name))
                if let asName = alias.asName {
                    for component in alias.name.split(separator: ".").dropFirst() {
                        emit(.importFrom, nameIndex(String(component)))
                        emit(.swap, 2)
                        emit(.popTop)
                    }
                    storeName(asName)
                } else {
                    storeName(String(alias.name.split(separator: ".").first ?? ""))
                }
            }
        case .importFrom(let module, let aliases, let level):
            emitConstant(.tuple(aliases.map { .string($0.name) }))
            emit(.importName, nameIndex(String(repeating: ".", count: level) + (module ?? "")))
            if aliases.first?.name == "*" {
                emit(.importStar)
                return
            }
            for alias in aliases {
                emit(.importFrom, nameIndex(alias.name))
                storeName(alias.asName ?? alias.name)
            }
            emit(.popTop)
        case .global, .nonlocal, .pass:
            break
        case .expr(let value):
            if case .constant = value.kind { return }
            expression(value)
            emit(.popTop)
        case .break:
            jumpOutOfLoop(breaking: true)
        case .continue:
            jumpOutOfLoop(breaking: false)
        }
    }

    /// `x: int` alone evaluates the parts of a non-name target and stores nothing.
    private func checkTargetOnly(_ target: Expr) {
        switch target.kind {
        case .attribute(let value, _, _):
            expression(value)
            emit(.popTop)
        case .subscript(let value, let index, _):
            expression(value)
            emit(.popTop)
            expression(index)
            emit(.popTop)
        default:
            break
        }
    }

    private func returnStatement(_ value: Expr?) {
        if let value {
            expression(value)
        } else {
            emitConstant(.none)
        }
        unwindBlocks(preservingValue: true)
        emit(.returnValue)
    }

    private func augmentedAssignment(_ target: Expr, _ op: BinaryOperator, _ value: Expr) {
        let operand = binaryOperation(op).rawValue + BinaryOperation.inPlace
        switch target.kind {
        case .name(let name, _):
            at(target.range) { loadName(name) }
            expression(value)
            emit(.binaryOp, operand)
            storeName(name)
        case .attribute(let object, let attribute, _):
            expression(object)
            emit(.copy, 1)
            at(target.range) { emit(.loadAttr, nameIndex(attribute)) }
            expression(value)
            emit(.binaryOp, operand)
            emit(.swap, 2)
            emit(.storeAttr, nameIndex(attribute))
        case .subscript(let object, let index, _):
            expression(object)
            expression(index)
            emit(.copy, 2)
            emit(.copy, 2)
            at(target.range) { emit(.binarySubscr) }
            expression(value)
            emit(.binaryOp, operand)
            emit(.swap, 3)
            emit(.swap, 2)
            emit(.storeSubscr)
        default:
            break
        }
    }
}
