/// Assignment, deletion and augmented-assignment targets. Targets are parsed as
/// expressions and then checked and converted, with CPython's messages for bad ones.
extension Parser {
    /// star_targets: star_target (',' star_target)* [',']
    /// star_target: ['*'] (NAME | primary '.' NAME | primary '[' slices ']' | '(' [star_targets] ')' | '[' [star_targets] ']')
    /// single_target: NAME | primary '.' NAME | primary '[' slices ']' | '(' single_target ')'
    ///
    /// Converts an expression to a target with the given context, or reports the first
    /// part that cannot be one ("cannot assign to ...", "cannot delete ...").
    func toTarget(_ expression: Expr, context: ExprContext) throws -> Expr {
        if let invalid = invalidTarget(expression, context: context) {
            let verb = context == .del ? "delete" : "assign to"
            throw error("cannot \(verb) \(expressionName(invalid))", at: invalid.range)
        }
        return withContext(expression, context)
    }

    /// The same expression with `context` set on it and on its nested targets.
    func withContext(_ expression: Expr, _ context: ExprContext) -> Expr {
        var result = expression
        switch expression.kind {
        case .name(let name, _): result.kind = .name(name, context)
        case .attribute(let value, let name, _): result.kind = .attribute(value, name, context)
        case .subscript(let value, let slice, _): result.kind = .subscript(value, slice, context)
        case .starred(let value, _): result.kind = .starred(withContext(value, context), context)
        case .tuple(let elements, _): result.kind = .tuple(elements.map { withContext($0, context) }, context)
        case .list(let elements, _): result.kind = .list(elements.map { withContext($0, context) }, context)
        default: break
        }
        return result
    }

    /// CPython's `_PyPegen_get_invalid_target`: the first sub-expression that is not a valid target.
    func invalidTarget(_ expression: Expr, context: ExprContext) -> Expr? {
        switch expression.kind {
        case .name, .attribute, .subscript:
            return nil
        case .tuple(let elements, _), .list(let elements, _):
            for element in elements {
                if let invalid = invalidTarget(element, context: context) { return invalid }
            }
            return nil
        case .starred(let value, _):
            return context == .del ? expression : invalidTarget(value, context: context)
        default:
            return expression
        }
    }

    /// Checks the targets of `t1 = t2 = ... = value`. The first bad target gets CPython's
    /// "... here. Maybe you meant '==' instead of '='?" when it directly precedes the only '='.
    func convertAssignmentTargets(_ targets: [Expr], value: Expr) throws -> [Expr] {
        for (position, target) in targets.enumerated() {
            guard let invalid = invalidTarget(target, context: .store) else { continue }
            var isYield = false
            if case .yield = invalid.kind { isYield = true }
            if case .yieldFrom = invalid.kind { isYield = true }
            if isYield && invalid.range == target.range && !isParenthesized(invalid) {
                throw error("assignment to yield expression not possible", at: invalid.range)
            }
            let precedesEqual = invalid.range.end == target.range.end && !isParenthesized(target) || invalid.range == target.range
            if position == 0, targets.count == 1, precedesEqual, isBitwiseOrLevel(invalid),
                !isAssignmentLiteralException(invalid), isBitwiseOrLevel(firstElement(of: value))
            {
                throw error("cannot assign to \(expressionName(invalid)) here. Maybe you meant '==' instead of '='?", at: invalid.range)
            }
            throw error("cannot assign to \(expressionName(invalid))", at: invalid.range)
        }
        return targets.map { withContext($0, .store) }
    }

    /// The first element of an unparenthesized tuple, or the expression itself.
    func firstElement(of expression: Expr) -> Expr {
        if case .tuple(let elements, _) = expression.kind, !isParenthesized(expression), let first = elements.first {
            return first
        }
        return expression
    }

    /// single_target augassign: only a name, attribute or subscript.
    func toAugmentedTarget(_ expression: Expr) throws -> Expr {
        switch expression.kind {
        case .name, .attribute, .subscript:
            return withContext(expression, .store)
        default:
            throw error("'\(expressionName(expression))' is an illegal expression for augmented assignment", at: expression.range)
        }
    }

    /// Whether the expression is one `bitwise_or` (or tighter) produces, or is parenthesized.
    func isBitwiseOrLevel(_ expression: Expr) -> Bool {
        if isParenthesized(expression) { return true }
        switch expression.kind {
        case .boolOp, .compare, .ifExp, .lambda, .namedExpr, .starred, .yield, .yieldFrom, .tuple:
            return false
        case .unaryOp(let op, _):
            return op != .not
        default:
            return true
        }
    }

    /// Targets CPython excludes from the "Maybe you meant '=='" message.
    func isAssignmentLiteralException(_ expression: Expr) -> Bool {
        switch expression.kind {
        case .list, .tuple, .generatorExp:
            return true
        case .constant(let value):
            return value == .bool(true) || value == .bool(false) || value == .none
        default:
            return false
        }
    }
}

/// CPython's `_PyPegen_get_expr_name`: how error messages name a kind of expression.
public func expressionName(_ expression: Expr) -> String {
    switch expression.kind {
    case .attribute: return "attribute"
    case .subscript: return "subscript"
    case .starred: return "starred"
    case .name: return "name"
    case .list: return "list"
    case .tuple: return "tuple"
    case .lambda: return "lambda"
    case .call: return "function call"
    case .boolOp, .binOp, .unaryOp: return "expression"
    case .generatorExp: return "generator expression"
    case .yield, .yieldFrom: return "yield expression"
    case .await: return "await expression"
    case .listComp: return "list comprehension"
    case .setComp: return "set comprehension"
    case .dictComp: return "dict comprehension"
    case .dict: return "dict literal"
    case .set: return "set display"
    case .joinedStr, .formattedValue: return "f-string expression"
    case .compare: return "comparison"
    case .ifExp: return "conditional expression"
    case .namedExpr: return "named expression"
    case .slice: return "slice"
    case .constant(let value):
        switch value {
        case .none: return "None"
        case .bool(true): return "True"
        case .bool(false): return "False"
        case .ellipsis: return "ellipsis"
        default: return "literal"
        }
    }
}
