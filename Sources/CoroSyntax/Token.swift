/// The kind of a token. Keywords and operators each have their own kind so that the
/// parser matches them with one integer comparison.
public enum TokenKind: UInt8, Sendable {
    case endMarker, name, number, string, newline, indent, dedent
    /// A lexical error; the error itself is in `TokenStream.error`.
    case error
    /// A character that starts no token (`$`, `?`, a backtick). CPython's tokenizer passes
    /// it on and goes on tokenizing; the parser matches it nowhere ("invalid syntax").
    case unknown

    // Keywords.
    case kwFalse, kwNone, kwTrue, kwAnd, kwAs, kwAssert, kwAsync, kwAwait, kwBreak, kwClass
    case kwContinue, kwDef, kwDel, kwElif, kwElse, kwExcept, kwFinally, kwFor, kwFrom
    case kwGlobal, kwIf, kwImport, kwIn, kwIs, kwLambda, kwNonlocal, kwNot, kwOr, kwPass
    case kwRaise, kwReturn, kwTry, kwWhile, kwWith, kwYield

    // Brackets and punctuation.
    case leftParen, rightParen, leftBracket, rightBracket, leftBrace, rightBrace
    case comma, colon, semicolon, dot, ellipsis, arrow, walrus, exclamation

    // Operators.
    case plus, minus, star, slash, doubleSlash, percent, doubleStar, at
    case pipe, ampersand, caret, tilde, leftShift, rightShift
    case equal, equalEqual, notEqual, less, greater, lessEqual, greaterEqual

    // Augmented assignment.
    case plusEqual, minusEqual, starEqual, slashEqual, doubleSlashEqual, percentEqual
    case doubleStarEqual, atEqual, pipeEqual, ampersandEqual, caretEqual
    case leftShiftEqual, rightShiftEqual

    /// Whether this is a keyword (reserved word).
    public var isKeyword: Bool { rawValue >= TokenKind.kwFalse.rawValue && rawValue <= TokenKind.kwYield.rawValue }

    /// Whether this is an augmented assignment operator such as `+=`.
    public var isAugmentedAssignment: Bool {
        rawValue >= TokenKind.plusEqual.rawValue && rawValue <= TokenKind.rightShiftEqual.rawValue
    }

    static let keywords: [String: TokenKind] = [
        "False": .kwFalse, "None": .kwNone, "True": .kwTrue, "and": .kwAnd, "as": .kwAs,
        "assert": .kwAssert, "async": .kwAsync, "await": .kwAwait, "break": .kwBreak,
        "class": .kwClass, "continue": .kwContinue, "def": .kwDef, "del": .kwDel,
        "elif": .kwElif, "else": .kwElse, "except": .kwExcept, "finally": .kwFinally,
        "for": .kwFor, "from": .kwFrom, "global": .kwGlobal, "if": .kwIf, "import": .kwImport,
        "in": .kwIn, "is": .kwIs, "lambda": .kwLambda, "nonlocal": .kwNonlocal, "not": .kwNot,
        "or": .kwOr, "pass": .kwPass, "raise": .kwRaise, "return": .kwReturn, "try": .kwTry,
        "while": .kwWhile, "with": .kwWith, "yield": .kwYield,
    ]

    /// Keywords by first byte, so that the lexer compares bytes without building a String.
    static let keywordsByFirstByte = byFirstByte(keywords.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })

    /// Operators by first byte, longest spelling first, as the lexer matches them.
    static let operatorsByFirstByte = byFirstByte(operators)

    /// Spellings grouped by their first (ASCII) byte, keeping their order.
    static func byFirstByte(_ entries: [(String, TokenKind)]) -> [[(spelling: [UInt8], kind: TokenKind)]] {
        var table = [[(spelling: [UInt8], kind: TokenKind)]](repeating: [], count: 128)
        for (spelling, kind) in entries {
            let bytes = Array(spelling.utf8)
            table[Int(bytes[0])].append((bytes, kind))
        }
        return table
    }

    /// Operators by spelling, longest first, as the lexer matches them.
    static let operators: [(String, TokenKind)] = [
        ("**=", .doubleStarEqual), ("//=", .doubleSlashEqual), (">>=", .rightShiftEqual),
        ("<<=", .leftShiftEqual), ("...", .ellipsis),
        ("!=", .notEqual), ("%=", .percentEqual), ("&=", .ampersandEqual), ("**", .doubleStar),
        ("*=", .starEqual), ("+=", .plusEqual), ("-=", .minusEqual), ("->", .arrow),
        ("//", .doubleSlash), ("/=", .slashEqual), (":=", .walrus), ("<<", .leftShift),
        ("<=", .lessEqual), ("==", .equalEqual), (">=", .greaterEqual), (">>", .rightShift),
        ("@=", .atEqual), ("^=", .caretEqual), ("|=", .pipeEqual),
        ("(", .leftParen), (")", .rightParen), ("[", .leftBracket), ("]", .rightBracket),
        ("{", .leftBrace), ("}", .rightBrace), (",", .comma), (":", .colon), (";", .semicolon),
        (".", .dot), ("+", .plus), ("-", .minus), ("*", .star), ("/", .slash), ("%", .percent),
        ("@", .at), ("|", .pipe), ("&", .ampersand), ("^", .caret), ("~", .tilde),
        ("=", .equal), ("<", .less), (">", .greater), ("!", .exclamation),
    ]
}

/// One token: its kind and the byte range of its text in the source.
public struct Token: Sendable {
    public var kind: TokenKind
    public var range: SourceRange

    public init(_ kind: TokenKind, _ start: Int, _ end: Int) {
        self.kind = kind
        self.range = SourceRange(start, end)
    }
}

/// The tokens of a source, ending in `endMarker`, or in `error` when lexing failed.
public struct TokenStream: Sendable {
    public var tokens: [Token]
    /// The lexical error behind a final `error` token.
    public var error: SyntaxError?
    /// Whether CPython's tokenizer raises this error eagerly, so that it replaces a generic
    /// "invalid syntax" found earlier in the file (CPython tokenizes the rest of the file
    /// before it reports a generic error).
    public var errorOverridesGenericSyntaxError: Bool
}
