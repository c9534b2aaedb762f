/// A compile-time error in the shape of CPython's `SyntaxError` and its subclasses.
///
/// Positions follow CPython: `line` and `column` are 1-based, and `column` counts
/// characters (not bytes). `endLine`/`endColumn` bound the caret range.
public struct SyntaxError: Error, Equatable, Sendable {
    /// The Python exception class raised.
    public enum Kind: String, Sendable {
        case syntaxError = "SyntaxError"
        case indentationError = "IndentationError"
        case tabError = "TabError"
        /// Nesting too deep to compile (CPython: "maximum recursion depth exceeded during compilation").
        case recursionError = "RecursionError"
    }

    public var kind: Kind
    public var message: String
    public var filename: String
    public var line: Int
    public var column: Int
    public var endLine: Int
    public var endColumn: Int
    /// The source line the error points at, as CPython shows it (may be empty).
    public var lineText: String

    public init(
        _ kind: Kind, _ message: String, filename: String, line: Int, column: Int,
        endLine: Int, endColumn: Int, lineText: String
    ) {
        self.kind = kind
        self.message = message
        self.filename = filename
        self.line = line
        self.column = column
        self.endLine = endLine
        self.endColumn = endColumn
        self.lineText = lineText
    }

    /// An error located at a byte range of `source`.
    public init(_ kind: Kind, _ message: String, in source: SourceFile, range: SourceRange) {
        let line = source.line(of: range.start)
        let endLine = source.line(of: max(range.start, range.end))
        self.init(
            kind, message, filename: source.name, line: line,
            column: source.characterColumn(of: range.start),
            endLine: endLine, endColumn: source.characterColumn(of: max(range.start, range.end)),
            lineText: source.lineText(line))
    }

    /// Whether the error is reported without a location, as CPython does for
    /// RecursionError during compilation.
    public var hasLocation: Bool { kind != .recursionError }
}
