import CoroSyntax

/// A constant in a code object's constant pool.
public indirect enum CodeConstant: Sendable, Equatable {
    case none, ellipsis, bool(Bool), int(Int)
    case bigInt(digits: String, radix: Int)
    case float(Double), imaginary(Double)
    case string(String), bytes([UInt8])
    case tuple([CodeConstant])
    case code(CodeObject)

    public static func == (lhs: CodeConstant, rhs: CodeConstant) -> Bool {
        switch (lhs, rhs) {
        case (.none, .none), (.ellipsis, .ellipsis): return true
        case let (.bool(a), .bool(b)): return a == b
        case let (.int(a), .int(b)): return a == b
        case let (.bigInt(a, r), .bigInt(b, s)): return a == b && r == s
        // Floats compare by bit pattern so that 0.0 and -0.0 stay distinct constants.
        case let (.float(a), .float(b)), let (.imaginary(a), .imaginary(b)): return a.bitPattern == b.bitPattern
        // By bytes: Swift's `==` equates canonically equivalent texts ("é" and "e\u{301}"),
        // which are distinct Python strings.
        case let (.string(a), .string(b)): return a.utf8.elementsEqual(b.utf8)
        case let (.bytes(a), .bytes(b)): return a == b
        case let (.tuple(a), .tuple(b)): return a == b
        case let (.code(a), .code(b)): return a === b
        default: return false
        }
    }
}

/// What kind of code object this is.
public struct CodeFlags: OptionSet, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }
    public static let varArgs = CodeFlags(rawValue: 1)
    public static let varKeywords = CodeFlags(rawValue: 2)
    public static let generator = CodeFlags(rawValue: 4)
    public static let coroutine = CodeFlags(rawValue: 8)
    public static let asyncGenerator = CodeFlags(rawValue: 16)
    /// Module or class body: its names live in a namespace, not in slots.
    public static let namespace = CodeFlags(rawValue: 32)
    /// Module body that awaits at top level (a `.coro` script).
    public static let topLevelAwait = CodeFlags(rawValue: 64)
}

/// One zero-cost exception handler: instructions in `start..<end` that raise jump to
/// `target` with the stack cut down to `depth` and the exception pushed.
public struct ExceptionTableEntry: Sendable {
    public var start: Int
    public var end: Int
    public var target: Int
    public var depth: Int
}

/// Compiled code of one module, class body, function, lambda or comprehension.
public final class CodeObject: Sendable {
    public let name: String
    public let qualifiedName: String
    public let source: SourceFile
    public let flags: CodeFlags
    public let argumentCount: Int
    public let positionalOnlyCount: Int
    public let keywordOnlyCount: Int
    public let instructions: [Instruction]
    /// The source range each instruction came from (for tracebacks).
    public let positions: [SourceRange]
    public let constants: [CodeConstant]
    /// Names of globals, attributes and namespace entries.
    public let names: [String]
    /// Local variable slots, parameters first.
    public let localNames: [String]
    /// Variables of this code captured by inner functions (cells), then those it
    /// captures from outer ones (free variables).
    public let cellNames: [String]
    public let freeNames: [String]
    /// For each cell, the parameter slot that initialises it, or -1.
    public let cellParameters: [Int]
    public let exceptionTable: [ExceptionTableEntry]
    public let stackSize: Int
    public let firstLine: Int
    /// A function's docstring (its first statement, when a string literal).
    public let docString: String?

    init(name: String, qualifiedName: String, source: SourceFile, flags: CodeFlags,
         argumentCount: Int, positionalOnlyCount: Int, keywordOnlyCount: Int,
         instructions: [Instruction], positions: [SourceRange], constants: [CodeConstant],
         names: [String], localNames: [String], cellNames: [String], freeNames: [String],
         cellParameters: [Int], exceptionTable: [ExceptionTableEntry], stackSize: Int, firstLine: Int,
         docString: String?) {
        self.name = name
        self.qualifiedName = qualifiedName
        self.source = source
        self.flags = flags
        self.argumentCount = argumentCount
        self.positionalOnlyCount = positionalOnlyCount
        self.keywordOnlyCount = keywordOnlyCount
        self.instructions = instructions
        self.positions = positions
        self.constants = constants
        self.names = names
        self.localNames = localNames
        self.cellNames = cellNames
        self.freeNames = freeNames
        self.cellParameters = cellParameters
        self.exceptionTable = exceptionTable
        self.stackSize = stackSize
        self.firstLine = firstLine
        self.docString = docString
    }

    /// Slots a frame of this code needs: locals, cells and free variables, then the stack.
    public var frameSize: Int { localNames.count + cellNames.count + freeNames.count + stackSize }

    /// The source line of instruction `index`.
    public func line(at index: Int) -> Int {
        guard positions.indices.contains(index) else { return firstLine }
        return source.line(of: positions[index].start)
    }

    /// The handler for an exception raised by instruction `index`, if any.
    public func handler(at index: Int) -> ExceptionTableEntry? {
        for entry in exceptionTable where entry.start <= index && index < entry.end { return entry }
        return nil
    }
}
