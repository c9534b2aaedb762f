import ArgumentParser
import Coro

#if canImport(Glibc)
    // Linked for its malloc, which replaces glibc's in the whole process (see
    // Sources/CMalloc): the collector frees thousands of objects at once.
    import CMalloc
    import Glibc
#endif

/// The `coro` command line.
public struct CoroCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "coro",
        abstract: "Coro: an async-first interpreter for a subset of Python 3.",
        usage: "coro [options] [FILE | -c CODE | -] [ARGS...]",
        version: "coro 0.1.0")

    @Flag(name: .long, help: "Parse and check each FILE; print nothing when all are valid.")
    var check = false

    @Flag(name: .long, help: "Print the syntax tree of FILE, as Python's ast.dump(tree, indent=2).")
    var ast = false

    @Flag(name: .long, help: "Print the bytecode of FILE.")
    var dis = false

    @Flag(name: .long, help: "Run on a virtual clock: sleeps and timers complete at once, in order (also CORO_VIRTUAL_TIME=1).")
    var virtualTime = false

    @Flag(name: .long, help: "asyncio debug mode: report loop steps over 100 ms and where each task was created.")
    var debug = false

    @Flag(name: .long, help: "Deny the script network access: fetch and HTTP clients raise PermissionError.")
    var noNet = false

    @Option(name: .customShort("c"), help: "Run CODE as the program (the remaining arguments are sys.argv[1:]).")
    var command: String?

    @Argument(parsing: .captureForPassthrough, help: "The script (or - for stdin) and its arguments.")
    var arguments: [String] = []

    public init() {}

    public mutating func validate() throws {
        if (check || ast || dis) && arguments.isEmpty { throw ValidationError("Missing expected argument '<file>'.") }
        if (ast || dis) && arguments.count != 1 { throw ValidationError("--ast and --dis take exactly one file.") }
    }

    public mutating func run() throws {
        // Passthrough parsing also captures these when they come first.
        if arguments.first == "--version" {
            print(Self.configuration.version)
            return
        }
        if arguments.first == "--help" || arguments.first == "-h" {
            print(Self.helpMessage())
            return
        }
        let gcStress = getenv("CORO_GC_STRESS").map { String(cString: $0) == "1" } ?? false
        let virtual = virtualTime || (getenv("CORO_VIRTUAL_TIME").map { String(cString: $0) == "1" } ?? false)
        let interpreter = Interpreter(gcStress: gcStress, virtualTime: virtual, debug: debug, allowsNetwork: !noNet)
        Interruption.install(interpreter.interruptFlags)
        if check || ast || dis {
            try inspect(interpreter)
            return
        }
        let source: [UInt8]
        let name: String
        var argv = arguments
        if let command {
            source = Array(command.utf8)
            name = "<string>"
            argv.insert("-c", at: 0)
        } else if let path = arguments.first, path != "-" {
            guard let bytes = SourceReader.read(path) else {
                printError("coro: can't open file '\(path)': [Errno \(errno)] \(String(cString: strerror(errno)))\n")
                throw ExitCode(2)
            }
            source = bytes
            name = Self.absolutePath(path)
        } else {
            source = SourceReader.readStandardInput()
            name = "<stdin>"
            if argv.isEmpty { argv = [""] }
        }
        let status = interpreter.run(source: source, name: name, arguments: argv, endsProcess: true)
        if status != 0 { throw ExitCode(status) }
    }

    /// The script's path as tracebacks show it: absolute, as CPython 3.11 shows `__main__`'s.
    static func absolutePath(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return path }
        let directory = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var relative = Substring(path)
        while relative.hasPrefix("./") { relative = relative.dropFirst(2) }
        return (directory == "/" ? "" : directory) + "/" + relative
    }

    /// `--check`, `--ast` and `--dis`.
    private func inspect(_ interpreter: Interpreter) throws {
        var failed = false
        for path in arguments {
            guard let bytes = SourceReader.read(path) else {
                printError("coro: can't open file '\(path)': [Errno \(errno)] \(String(cString: strerror(errno)))\n")
                throw ExitCode(2)
            }
            do {
                if ast {
                    print(try interpreter.dumpAST(source: bytes, name: path))
                } else if dis {
                    print(try interpreter.disassemble(source: bytes, name: path), terminator: "")
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

