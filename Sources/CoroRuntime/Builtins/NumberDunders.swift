import CoroCompiler

/// The operator methods of `int` and `float` (`int.__add__(2, 3)`, `float.__rmul__`),
/// for scripts that call them by name and for subclasses that defer to them through
/// `super()`. As in CPython, each answers NotImplemented for an operand its type does
/// not handle (`int.__add__(1, 1.5)`), and only `int` has the bitwise ones.
extension VM {
    func installNumberDunders() {
        let bitwise: Set<BinaryOperation> = [.lShift, .rShift, .and, .or, .xor]
        for (index, (forward, reflected, _)) in VM.binaryDunderNames.enumerated() {
            guard let operation = BinaryOperation(rawValue: index), operation != .matMul else { continue }
            for type in bitwise.contains(operation) ? [types.int] : [types.int, types.float] {
                let isInt = type === types.int
                defineMethod(type, forward) { vm, arguments throws(PyError) in
                    try vm.numberDunder(forward, arguments, operation, ownsInts: isInt, reflected: false)
                }
                defineMethod(type, reflected) { vm, arguments throws(PyError) in
                    try vm.numberDunder(reflected, arguments, operation, ownsInts: isInt, reflected: true)
                }
            }
        }
        for (name, opcode) in [("__neg__", Opcode.unaryNegative), ("__pos__", .unaryPositive)] {
            for type in [types.int, types.float] {
                defineMethod(type, name) { vm, arguments throws(PyError) in
                    try vm.expectSlotArguments(arguments, 0)
                    return vm.builtinUnary(arguments[0], opcode) ?? vm.notImplemented
                }
            }
        }
        defineMethod(types.int, "__invert__") { vm, arguments throws(PyError) in
            try vm.expectSlotArguments(arguments, 0)
            return vm.builtinUnary(arguments[0], .unaryInvert) ?? vm.notImplemented
        }
    }

    /// A slot wrapper's argument count, checked with CPython's message for them.
    fileprivate func expectSlotArguments(_ arguments: Arguments, _ count: Int) throws(PyError) {
        let given = arguments.positionalCount - 1
        if given != count { throw typeError("expected \(count) argument\(count == 1 ? "" : "s"), got \(given)") }
    }

    /// One operator method: `self op other`, or `other op self` when `reflected`.
    private func numberDunder(_ name: String, _ arguments: Arguments, _ operation: BinaryOperation,
                              ownsInts: Bool, reflected: Bool) throws(PyError) -> Value {
        try expectSlotArguments(arguments, 1)
        let other = arguments[1]
        let handled: Bool
        if case .float = other { handled = !ownsInts } else { handled = isIntLike(other) }
        guard handled else { return notImplemented }
        let (left, right) = reflected ? (other, arguments[0]) : (arguments[0], other)
        return try numericOperation(left, right, operation) ?? notImplemented
    }
}
