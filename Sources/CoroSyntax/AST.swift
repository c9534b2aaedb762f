/// The abstract syntax tree. Node kinds and fields mirror CPython's `ast` module
/// (Parser/Python.asdl), so `coro --ast` can be checked against `ast.dump`.
/// Every node carries the byte range of its source text.

/// A parsed module: a list of statements.
public struct Module: Sendable {
    public var body: [Stmt]
}

/// An expression node.
public struct Expr: Sendable {
    public var kind: ExprKind
    public var range: SourceRange

    public init(_ kind: ExprKind, _ range: SourceRange) {
        self.kind = kind
        self.range = range
    }
}

/// How an expression is used: read, assigned to, or deleted.
public enum ExprContext: String, Sendable {
    case load = "Load", store = "Store", del = "Del"
}

/// A compile-time constant.
public enum Constant: Sendable, Equatable {
    case none, ellipsis, bool(Bool), int(Int)
    /// An integer literal too large for 64 bits: its digits and radix.
    case bigInt(digits: String, radix: Int)
    case float(Double), imaginary(Double)
    /// A string; `isUnicodeMarked` records a `u` prefix (CPython's `kind='u'`).
    case string(String, isUnicodeMarked: Bool)
    case bytes([UInt8])
}

public enum BinaryOperator: String, Sendable {
    case add = "Add", sub = "Sub", mult = "Mult", matMult = "MatMult", div = "Div", mod = "Mod"
    case pow = "Pow", lShift = "LShift", rShift = "RShift", bitOr = "BitOr", bitXor = "BitXor"
    case bitAnd = "BitAnd", floorDiv = "FloorDiv"
}

public enum UnaryOperator: String, Sendable {
    case invert = "Invert", not = "Not", uAdd = "UAdd", uSub = "USub"
}

public enum BoolOperator: String, Sendable {
    case and = "And", or = "Or"
}

public enum ComparisonOperator: String, Sendable {
    case eq = "Eq", notEq = "NotEq", lt = "Lt", ltE = "LtE", gt = "Gt", gtE = "GtE"
    case `is` = "Is", isNot = "IsNot", `in` = "In", notIn = "NotIn"
}

/// The conversion of an f-string replacement field (`!s`, `!r`, `!a`).
public enum Conversion: Character, Sendable {
    case str = "s", repr = "r", ascii = "a"
}

public indirect enum ExprKind: Sendable {
    case boolOp(BoolOperator, [Expr])
    case namedExpr(target: Expr, value: Expr)
    case binOp(Expr, BinaryOperator, Expr)
    case unaryOp(UnaryOperator, Expr)
    case lambda(Arguments, Expr)
    case ifExp(test: Expr, body: Expr, orelse: Expr)
    case dict(keys: [Expr?], values: [Expr])
    case set([Expr])
    case listComp(Expr, [Comprehension])
    case setComp(Expr, [Comprehension])
    case dictComp(key: Expr, value: Expr, [Comprehension])
    case generatorExp(Expr, [Comprehension])
    case await(Expr)
    case yield(Expr?)
    case yieldFrom(Expr)
    case compare(Expr, [ComparisonOperator], [Expr])
    case call(Expr, args: [Expr], keywords: [Keyword])
    case formattedValue(Expr, conversion: Conversion?, formatSpec: Expr?)
    case joinedStr([Expr])
    case constant(Constant)
    case attribute(Expr, String, ExprContext)
    case `subscript`(Expr, Expr, ExprContext)
    case starred(Expr, ExprContext)
    case name(String, ExprContext)
    case list([Expr], ExprContext)
    case tuple([Expr], ExprContext)
    case slice(lower: Expr?, upper: Expr?, step: Expr?)
}

/// One `for ... in ... if ...` clause of a comprehension.
public struct Comprehension: Sendable {
    public var target: Expr
    public var iter: Expr
    public var ifs: [Expr]
    public var isAsync: Bool
}

/// A keyword argument in a call; `name` is nil for `**mapping`.
public struct Keyword: Sendable {
    public var name: String?
    public var value: Expr
    public var range: SourceRange
}

/// One parameter of a function or lambda.
public struct Parameter: Sendable {
    public var name: String
    public var annotation: Expr?
    public var range: SourceRange
}

/// The parameter list of a function or lambda, with CPython's grouping.
public struct Arguments: Sendable {
    public var positionalOnly: [Parameter] = []
    public var positional: [Parameter] = []
    public var varArgs: Parameter?
    public var keywordOnly: [Parameter] = []
    /// One entry per keyword-only parameter; nil where it has no default.
    public var keywordDefaults: [Expr?] = []
    public var varKeywords: Parameter?
    /// Defaults of the last positional (and positional-only) parameters.
    public var defaults: [Expr] = []

    public init() {}
}

/// A statement node.
public struct Stmt: Sendable {
    public var kind: StmtKind
    public var range: SourceRange

    public init(_ kind: StmtKind, _ range: SourceRange) {
        self.kind = kind
        self.range = range
    }
}

/// `def` and `async def`.
public struct FunctionDef: Sendable {
    public var name: String
    public var arguments: Arguments
    public var body: [Stmt]
    public var decorators: [Expr]
    public var returns: Expr?
    public var isAsync: Bool
}

/// `class`.
public struct ClassDef: Sendable {
    public var name: String
    public var bases: [Expr]
    public var keywords: [Keyword]
    public var body: [Stmt]
    public var decorators: [Expr]
}

/// One `except` clause.
public struct ExceptHandler: Sendable {
    public var type: Expr?
    public var name: String?
    public var body: [Stmt]
    public var range: SourceRange
}

/// One `expr as target` item of a `with` statement.
public struct WithItem: Sendable {
    public var contextExpr: Expr
    public var optionalVars: Expr?
}

/// One name of an `import` statement.
public struct Alias: Sendable {
    public var name: String
    public var asName: String?
    public var range: SourceRange
}

public indirect enum StmtKind: Sendable {
    case functionDef(FunctionDef)
    case classDef(ClassDef)
    case `return`(Expr?)
    case delete([Expr])
    case assign(targets: [Expr], value: Expr)
    case augAssign(target: Expr, op: BinaryOperator, value: Expr)
    case annAssign(target: Expr, annotation: Expr, value: Expr?, isSimple: Bool)
    case `for`(target: Expr, iter: Expr, body: [Stmt], orelse: [Stmt], isAsync: Bool)
    case `while`(test: Expr, body: [Stmt], orelse: [Stmt])
    case `if`(test: Expr, body: [Stmt], orelse: [Stmt])
    case with(items: [WithItem], body: [Stmt], isAsync: Bool)
    case raise(exception: Expr?, cause: Expr?)
    case `try`(body: [Stmt], handlers: [ExceptHandler], orelse: [Stmt], finalbody: [Stmt])
    case assert(test: Expr, message: Expr?)
    case `import`([Alias])
    case importFrom(module: String?, names: [Alias], level: Int)
    case global([String])
    case nonlocal([String])
    case expr(Expr)
    case pass, `break`, `continue`
}
