import CoroCompiler
import CoroRuntime
import CoroSyntax

/// A Coro interpreter: the public entry point for embedding. Each instance is isolated;
/// no state is shared between interpreters.
public final class Interpreter {
    public init() {}

    /// A script error, carrying the exact text CPython would print for it.
    public struct ScriptError: Error, CustomStringConvertible {
        /// The Python exception class, e.g. `SyntaxError`.
        public var typeName: String
        public var message: String
        /// The full report for stderr (location, source line, caret, message).
        public var report: String
        public var description: String { report }

        init(_ error: SyntaxError) {
            typeName = error.kind.rawValue
            message = error.message
            report = TracebackFormatter.format(error)
        }
    }

    /// Parses and checks `source` without running it. `name` is the file name shown in
    /// errors; names ending in `.coro` allow top-level `await`.
    public func check(source: [UInt8], name: String) throws(ScriptError) {
        _ = try parse(source: source, name: name)
    }

    /// The syntax tree of `source`, rendered as CPython's `ast.dump(ast.parse(source), indent=2)`:
    /// like `ast.parse`, this parses without the compiler's checks.
    public func dumpAST(source: [UInt8], name: String) throws(ScriptError) -> String {
        do {
            return ASTDump.dump(try Parser.parse(SourceFile(name: name, bytes: source)))
        } catch {
            throw ScriptError(error)
        }
    }

    func parse(source: [UInt8], name: String) throws(ScriptError) -> Module {
        let file = SourceFile(name: name, bytes: source)
        do {
            return try Frontend.check(file, allowsTopLevelAwait: name.hasSuffix(".coro"))
        } catch {
            throw ScriptError(error)
        }
    }
}
