import CoroSyntax

/// Calls: method calls without a bound-method object, keyword names passed as one
/// constant tuple, and `*args`/`**kwargs` through `callEx`.
extension Compiler {
    func call(_ function: Expr, _ args: [Expr], _ keywords: [Keyword]) {
        let needsUnpacking = args.contains(where: isStarred) || keywords.contains { $0.name == nil }
        if needsUnpacking {
            expression(function)
            unpackingCall(args, keywords)
            return
        }
        if case .attribute(let object, let name, _) = function.kind {
            expression(object)
            at(function.range) { emit(.loadMethod, nameIndex(name)) }
            arguments(args, keywords)
            emit(.callMethod, args.count + keywords.count)
        } else {
            expression(function)
            arguments(args, keywords)
            emit(.call, args.count + keywords.count)
        }
    }

    private func arguments(_ args: [Expr], _ keywords: [Keyword]) {
        for argument in args { expression(argument) }
        for keyword in keywords { expression(keyword.value) }
        if !keywords.isEmpty {
            emit(.kwNames, unit.builder.constant(.tuple(keywords.map { .string($0.name ?? "") })))
        }
    }

    /// Builds a positional tuple and, if there are keywords, a dict, then `callEx`.
    private func unpackingCall(_ args: [Expr], _ keywords: [Keyword]) {
        emit(.buildList, 0)
        for argument in args {
            if case .starred(let value, _) = argument.kind {
                expression(value)
                emit(.listExtend, 1)
            } else {
                expression(argument)
                emit(.listAppend, 1)
            }
        }
        emit(.listToTuple)
        guard !keywords.isEmpty else {
            emit(.callEx, 0)
            return
        }
        emit(.buildMap, 0)
        for keyword in keywords {
            if let name = keyword.name {
                emitConstant(.string(name))
                expression(keyword.value)
                emit(.buildMap, 1)
            } else {
                expression(keyword.value)
            }
            emit(.dictMerge, 1)
        }
        emit(.callEx, 1)
    }
}
