import CoroCompiler
import CoroRuntime
import CoroSyntax

/// Where a script's output goes: a file descriptor, or a closure the host provides.
public typealias OutputSink = CoroRuntime.OutputSink

/// A Coro interpreter: the public entry point for embedding. Each instance is isolated;
/// no state is shared between interpreters.
public final class Interpreter {
    private let vm: VM

    /// `gcStress` collects garbage at every safepoint (for testing the collector);
    /// `virtualTime` runs the script on a virtual clock (sleeps complete at once, in order);
    /// `debug` turns on asyncio's debug mode (slow steps reported, tasks' creation sites);
    /// `allowsNetwork` false makes every HTTP request raise PermissionError.
    public init(gcStress: Bool = false, virtualTime: Bool = false, debug: Bool = false, allowsNetwork: Bool = true,
                output: OutputSink = OutputSink(descriptor: 1), errorOutput: OutputSink = OutputSink(descriptor: 2)) {
        vm = VM(gcStress: gcStress, output: output, errorOutput: errorOutput)
        vm.clock = ScriptClock(isVirtual: virtualTime)
        vm.debugMode = debug
        vm.allowsNetwork = allowsNetwork
    }

    /// An interpreter's HTTP client (its connections and thread) ends with it.
    deinit {
        vm.shutdownNetwork()
    }

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

    /// Asks the running script to stop: it raises KeyboardInterrupt at its next safepoint.
    /// Safe to call from a signal handler through `interruptFlags` (two plain stores).
    public var interruptFlags: (request: UnsafeMutablePointer<Int32>, budget: UnsafeMutablePointer<Int>) {
        (vm.interruptRequest, vm.safepointBudget)
    }

    /// Compiles and runs `source` as the main module. `name` is the file name shown in
    /// tracebacks (names ending in `.coro` allow top-level `await`); `arguments` become
    /// `sys.argv`. Errors are printed as CPython prints them; returns the exit status.
    /// `endsProcess` says the host exits right after (as the `coro` command does): the
    /// objects the script leaves behind are then not freed one by one.
    public func run(source: [UInt8], name: String, arguments: [String] = [], endsProcess: Bool = false) -> Int32 {
        // `name` is the path tracebacks show; `arguments[0]` (sys.argv[0]) may differ.
        let code: CodeObject
        do {
            code = try compile(source: source, name: name)
        } catch {
            vm.errorOutput.write(error.report)
            return 1
        }
        vm.argv = arguments.isEmpty ? [name] : arguments
        let folder = name.contains("/") ? String(name[..<(name.lastIndex(of: "/") ?? name.endIndex)]) : ""
        vm.searchPath = [folder]
        let vm = self.vm
        return VM.onLargeStack { vm.runMain(code, path: name, endsProcess: endsProcess) }
    }

    /// Parses and checks `source` without running it. `name` is the file name shown in
    /// errors; names ending in `.coro` allow top-level `await`.
    public func check(source: [UInt8], name: String) throws(ScriptError) {
        _ = try parse(source: source, name: name)
    }

    /// The bytecode of `source`, as `coro --dis` prints it.
    public func disassemble(source: [UInt8], name: String) throws(ScriptError) -> String {
        Disassembler.disassemble(try compile(source: source, name: name))
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

    func compile(source: [UInt8], name: String) throws(ScriptError) -> CodeObject {
        let file = SourceFile(name: name, bytes: source)
        do {
            return try Frontend.compile(file, allowsTopLevelAwait: name.hasSuffix(".coro"))
        } catch {
            throw ScriptError(error)
        }
    }
}
