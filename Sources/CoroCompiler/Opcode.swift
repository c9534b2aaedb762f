/// The instruction set: the one table of opcodes, their names and stack effects.
///
/// An instruction is one 32-bit word: the opcode in the low 8 bits, a 24-bit operand
/// above it (`Instruction`). Stack effects are (fall-through, branch-taken) and let the
/// code builder compute each code object's stack size and each handler's stack depth.
public enum Opcode: UInt8, CaseIterable, Sendable {
    // Stack manipulation.
    case nop, popTop, copy, swap, pushNull
    // Constants, locals, cells, globals and names.
    case loadConst, loadFast, storeFast, deleteFast
    case loadDeref, storeDeref, deleteDeref, loadClosure, loadClassDeref
    case loadGlobal, storeGlobal, deleteGlobal
    case loadName, storeName, deleteName
    // Attributes, subscripts and calls.
    case loadAttr, storeAttr, deleteAttr, loadMethod
    case binarySubscr, storeSubscr, deleteSubscr, buildSlice, binarySlice
    case call, callMethod, kwNames, callEx
    // Operators.
    case binaryOp, compareOp, isOp, containsOp
    case unaryNegative, unaryPositive, unaryNot, unaryInvert
    // Control flow.
    case jump, popJumpIfFalse, popJumpIfTrue, jumpIfFalseOrPop, jumpIfTrueOrPop
    case getIter, forIter
    // Building containers and strings.
    case buildTuple, buildList, buildSet, buildMap, buildString
    case listAppend, setAdd, mapAdd, listExtend, setUpdate, dictUpdate, dictMerge, listToTuple
    case unpackSequence, unpackEx, formatValue
    // Functions, classes and modules.
    case makeFunction, loadBuildClass, returnValue, importName, importFrom, importStar
    // Generators. YIELD_VALUE's operand is 1 for an async generator's own values (as
    // opposed to an `await` passing a future through it).
    case yieldValue, getYieldFromIter, send
    // Exceptions and `with`.
    case raiseVarargs, reraise, pushExcInfo, popExcept, checkExcMatch
    case beforeWith, withExceptStart, loadAssertionError
    // Coroutines.
    case getAwaitable, getAIter, getANext, beforeAsyncWith, endAsyncFor
    // Interactive sessions.
    case printExpr

    /// The name `coro --dis` prints.
    public var name: String {
        var result = ""
        for character in String(describing: self) {
            if character.isUppercase { result.append("_") }
            result.append(contentsOf: character.uppercased())
        }
        return result
    }

    /// Whether the operand is a jump target.
    public var isJump: Bool {
        switch self {
        case .jump, .popJumpIfFalse, .popJumpIfTrue, .jumpIfFalseOrPop, .jumpIfTrueOrPop, .forIter, .send:
            return true
        default:
            return false
        }
    }

    /// Whether control never falls through to the next instruction.
    public var isTerminator: Bool {
        switch self {
        case .jump, .returnValue, .raiseVarargs, .reraise: return true
        default: return false
        }
    }

    /// The change in stack depth when execution falls through, and when it jumps.
    public func stackEffect(_ operand: Int) -> (fallThrough: Int, branch: Int) {
        switch self {
        case .nop, .swap, .deleteFast, .deleteDeref, .deleteGlobal, .deleteName, .loadAttr,
             .kwNames, .unaryNegative, .unaryPositive, .unaryNot, .unaryInvert, .getIter,
             .listToTuple, .getYieldFromIter, .yieldValue, .checkExcMatch, .getAwaitable,
             .getAIter, .jump, .importName:
            return (0, 0)
        case .popTop, .storeFast, .storeDeref, .storeGlobal, .storeName, .deleteAttr,
             .binarySubscr, .binaryOp, .compareOp, .isOp, .containsOp, .listAppend, .setAdd,
             .listExtend, .setUpdate, .dictUpdate, .dictMerge, .returnValue,
             .popExcept, .reraise, .printExpr, .importStar:
            return (-1, -1)
        case .copy, .pushNull, .loadConst, .loadFast, .loadDeref, .loadClosure, .loadClassDeref,
             .loadGlobal, .loadName, .loadMethod, .importFrom, .loadBuildClass, .pushExcInfo,
             .beforeWith, .withExceptStart, .loadAssertionError, .getANext, .beforeAsyncWith:
            return (1, 1)
        case .storeAttr, .deleteSubscr, .mapAdd, .endAsyncFor, .binarySlice:
            return (-2, -2)
        case .storeSubscr:
            return (-3, -3)
        case .buildSlice:
            return (1 - operand, 1 - operand)
        case .call:
            return (-operand, -operand)
        case .callMethod:
            return (-operand - 1, -operand - 1)
        case .callEx:
            return (operand & 1 != 0 ? -2 : -1, 0)
        case .popJumpIfFalse, .popJumpIfTrue:
            return (-1, -1)
        case .jumpIfFalseOrPop, .jumpIfTrueOrPop:
            return (-1, 0)
        case .forIter:
            return (1, -1)
        case .send:
            return (0, -1)
        case .buildTuple, .buildList, .buildSet, .buildString:
            return (1 - operand, 1 - operand)
        case .buildMap:
            return (1 - 2 * operand, 1 - 2 * operand)
        case .unpackSequence:
            return (operand - 1, operand - 1)
        case .unpackEx:
            return ((operand & 0xFF) + (operand >> 8), 0)
        case .formatValue:
            return (operand & 4 != 0 ? -1 : 0, 0)
        case .makeFunction:
            let extras = (operand & 1) + (operand >> 1 & 1) + (operand >> 2 & 1)
            return (-extras, -extras)
        case .raiseVarargs:
            return (-operand, -operand)
        }
    }
}

/// One instruction word: opcode and 24-bit operand.
public struct Instruction: Sendable, Equatable {
    public var word: UInt32

    public init(_ opcode: Opcode, _ operand: Int = 0) {
        word = UInt32(opcode.rawValue) | UInt32(truncatingIfNeeded: operand) << 8
    }

    public var opcode: Opcode { Opcode(rawValue: UInt8(truncatingIfNeeded: word)) ?? .nop }
    public var operand: Int { Int(word >> 8) }
    /// The largest operand an instruction can carry.
    public static let maxOperand = (1 << 24) - 1
}

/// Operands of `binaryOp`: the operator, plus `inPlace` for augmented assignment.
public enum BinaryOperation: Int, Sendable, CaseIterable {
    case add, sub, mul, matMul, trueDiv, floorDiv, mod, pow, lShift, rShift, and, or, xor
    /// Added to the operand of an augmented assignment (`+=`).
    public static let inPlace = 16

    public var symbol: String {
        switch self {
        case .add: "+"
        case .sub: "-"
        case .mul: "*"
        case .matMul: "@"
        case .trueDiv: "/"
        case .floorDiv: "//"
        case .mod: "%"
        case .pow: "**"
        case .lShift: "<<"
        case .rShift: ">>"
        case .and: "&"
        case .or: "|"
        case .xor: "^"
        }
    }
}

/// Operands of `compareOp`.
public enum ComparisonOperation: Int, Sendable {
    case lt, le, eq, ne, gt, ge

    public var symbol: String {
        switch self {
        case .lt: "<"
        case .le: "<="
        case .eq: "=="
        case .ne: "!="
        case .gt: ">"
        case .ge: ">="
        }
    }

    /// The operation with its operands swapped (`a < b` is `b > a`).
    public var swapped: ComparisonOperation {
        switch self {
        case .lt: .gt
        case .le: .ge
        case .eq: .eq
        case .ne: .ne
        case .gt: .lt
        case .ge: .le
        }
    }
}
