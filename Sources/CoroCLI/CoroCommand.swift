import ArgumentParser
import Coro

#if canImport(Glibc)
    import Glibc
#endif

/// The `coro` command line.
public struct CoroCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "coro",
        abstract: "Coro: an async-first interpreter for a subset of Python 3.",
        version: "coro 0.1.0")

    @Flag(name: .long, help: "Parse and check each FILE; print nothing when all are valid.")
    var check = false

    @Flag(name: .long, help: "Print the syntax tree of FILE, as Python's ast.dump(tree, indent=2).")
    var ast = false

    @Argument(help: "Script files.")
    var files: [String] = []

    public init() {}

    public mutating func validate() throws {
        if files.isEmpty { throw ValidationError("Missing expected argument '<files> ...'.") }
        if !check && !ast {
            throw ValidationError("Running scripts needs the bytecode VM, which is not built yet; use --check or --ast.")
        }
        if ast && files.count != 1 { throw ValidationError("--ast takes exactly one file.") }
    }

    public mutating func run() throws {
        let interpreter = Interpreter()
        var failed = false
        for path in files {
            guard let bytes = SourceReader.read(path) else {
                printError("coro: can't open file '\(path)': [Errno \(errno)] \(String(cString: strerror(errno)))\n")
                throw ExitCode(2)
            }
            do {
                if ast {
                    print(try interpreter.dumpAST(source: bytes, name: path))
                } else {
                    try interpreter.check(source: bytes, name: path)
                }
            } catch {
                printError(error.report)
                failed = true
            }
        }
        if failed { throw ExitCode(1) }
    }
}

/// Writes to stderr, unbuffered.
func printError(_ text: String) {
    let bytes = Array(text.utf8)
    _ = bytes.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
}
