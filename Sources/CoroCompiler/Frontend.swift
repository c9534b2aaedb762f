import CoroSyntax

/// The front end as one call: tokenize, parse, and run the compile-time checks.
public enum Frontend {
    /// Parses and checks a source file, throwing the first error CPython would report.
    public static func check(_ source: SourceFile, allowsTopLevelAwait: Bool) throws(SyntaxError) -> Module {
        let module = try Parser.parse(source)
        try SemanticChecker.check(module, source: source, allowsTopLevelAwait: allowsTopLevelAwait)
        return module
    }
}

extension Frontend {
    /// Parses, checks and compiles a source file into its module code object.
    public static func compile(_ source: SourceFile, allowsTopLevelAwait: Bool,
                               interactive: Bool = false) throws(SyntaxError) -> CodeObject {
        let module = try check(source, allowsTopLevelAwait: allowsTopLevelAwait)
        return try Compiler.compile(module, source: source, interactive: interactive)
    }
}
