/// Prints code objects the way `coro --dis` shows them: one line per instruction with
/// its source line, offset, name, operand and what the operand refers to; nested code
/// objects follow their parent.
public enum Disassembler {
    public static func disassemble(_ code: CodeObject) -> String {
        var output = ""
        var pending = [code]
        var first = true
        while !pending.isEmpty {
            let current = pending.removeFirst()
            if !first { output += "\nDisassembly of <code object \(current.name), line \(current.firstLine)>:\n" }
            first = false
            output += listing(current)
            for constant in current.constants {
                if case .code(let inner) = constant { pending.append(inner) }
            }
        }
        return output
    }

    private static func listing(_ code: CodeObject) -> String {
        let targets = Set(code.instructions.filter { $0.opcode.isJump }.map(\.operand))
            .union(code.exceptionTable.map(\.target))
        var output = ""
        var lastLine = -1
        for (offset, instruction) in code.instructions.enumerated() {
            let line = code.line(at: offset)
            let lineColumn = line == lastLine ? "" : String(line)
            if line != lastLine && offset > 0 { output += "\n" }
            lastLine = line
            let marker = targets.contains(offset) ? ">>" : "  "
            var text = pad(lineColumn, 6) + marker + pad(String(offset), 6, right: true) + " "
            text += pad(instruction.opcode.name, 20)
            if hasOperand(instruction.opcode) {
                text += pad(String(instruction.operand), 6, right: true)
                let note = describe(instruction, in: code)
                if !note.isEmpty { text += " (" + note + ")" }
            }
            output += text.trimmingTrailingSpaces() + "\n"
        }
        if !code.exceptionTable.isEmpty {
            output += "ExceptionTable:\n"
            for entry in code.exceptionTable {
                output += "  \(entry.start) to \(entry.end) -> \(entry.target) [\(entry.depth)]\n"
            }
        }
        return output
    }

    private static func hasOperand(_ opcode: Opcode) -> Bool {
        switch opcode {
        case .nop, .popTop, .pushNull, .binarySubscr, .binarySlice, .storeSubscr, .deleteSubscr, .unaryNegative,
             .unaryPositive, .unaryNot, .unaryInvert, .getIter, .listToTuple, .loadBuildClass,
             .returnValue, .yieldValue, .getYieldFromIter, .reraise, .pushExcInfo, .popExcept,
             .checkExcMatch, .beforeWith, .withExceptStart, .loadAssertionError, .getAwaitable,
             .getAIter, .getANext, .beforeAsyncWith, .endAsyncFor, .printExpr, .importStar:
            return false
        default:
            return true
        }
    }

    private static func describe(_ instruction: Instruction, in code: CodeObject) -> String {
        let operand = instruction.operand
        func item(_ array: [String], _ index: Int) -> String { array.indices.contains(index) ? array[index] : "?" }
        switch instruction.opcode {
        case .loadConst, .kwNames:
            return code.constants.indices.contains(operand) ? constantText(code.constants[operand]) : "?"
        case .loadFast, .storeFast, .deleteFast:
            return item(code.localNames, operand)
        case .loadDeref, .storeDeref, .deleteDeref, .loadClosure, .loadClassDeref:
            return item(code.cellNames + code.freeNames, operand)
        case .loadGlobal, .storeGlobal, .deleteGlobal, .loadName, .storeName, .deleteName, .loadAttr,
             .storeAttr, .deleteAttr, .loadMethod, .importName, .importFrom:
            return item(code.names, operand)
        case .binaryOp:
            let operation = BinaryOperation(rawValue: operand & 15)?.symbol ?? "?"
            return operand & BinaryOperation.inPlace != 0 ? operation + "=" : operation
        case .compareOp:
            return ComparisonOperation(rawValue: operand)?.symbol ?? "?"
        case .jump, .popJumpIfFalse, .popJumpIfTrue, .jumpIfFalseOrPop, .jumpIfTrueOrPop, .forIter, .send:
            return "to \(operand)"
        default:
            return ""
        }
    }

    private static func constantText(_ constant: CodeConstant) -> String {
        switch constant {
        case .none: return "None"
        case .ellipsis: return "Ellipsis"
        case .bool(let flag): return flag ? "True" : "False"
        case .int(let number): return String(number)
        case .bigInt(let digits, let radix): return radix == 10 ? digits : "0x" + digits
        case .float(let number): return String(number)
        case .imaginary(let number): return String(number) + "j"
        case .string(let text): return "'" + text + "'"
        case .bytes(let bytes): return "b<\(bytes.count) bytes>"
        case .tuple(let items): return "(" + items.map(constantText).joined(separator: ", ") + (items.count == 1 ? ",)" : ")")
        case .code(let code): return "<code object \(code.name), line \(code.firstLine)>"
        }
    }

    private static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let padding = String(repeating: " ", count: max(0, width - text.count))
        return right ? padding + text : text + padding
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var result = self
        while result.last == " " { result.removeLast() }
        return result
    }
}
