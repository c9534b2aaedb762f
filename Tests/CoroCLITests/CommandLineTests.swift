import CoroTestSupport
import Foundation
import Testing

/// Runs the built `coro` executable and checks exactly what it prints.
enum CoroBinary {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        var signaled = false
    }

    /// Runs coro with `arguments`; `input` is its stdin (empty when nil), `environment`
    /// is added to the inherited one, `timeout` (seconds) stops a program that hangs.
    /// `signaled` tells whether a signal ended it.
    static func run(_ arguments: [String], in directory: URL? = nil, input: String? = nil,
                    environment: [String: String] = [:], timeout: Int? = nil) throws -> Result {
        let process = Process()
        let coro = Fixtures.packageRoot.appendingPathComponent(".build/debug/coro")
        if let timeout {
            // timeout(1) exits with 124 when it had to stop the program.
            process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
            process.arguments = [String(timeout), coro.path] + arguments
        } else {
            process.executableURL = coro
            process.arguments = arguments
        }
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let output = Pipe()
        let errors = Pipe()
        let standardInput = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = standardInput
        try process.run()
        standardInput.fileHandleForWriting.write(Data((input ?? "").utf8))
        try standardInput.fileHandleForWriting.close()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
                      stderr: String(decoding: err, as: UTF8.self),
                      signaled: process.terminationReason == .uncaughtSignal)
    }

    /// A temporary file holding `text`.
    static func file(_ name: String, _ text: String) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("coro-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }
}

@Suite(.serialized) struct CommandLineTests {
    @Test func checkIsSilentOnValidFiles() throws {
        let url = try CoroBinary.file("ok.py", "def f(x):\n    return x + 1\n")
        let result = try CoroBinary.run(["--check", url.path])
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty && result.stderr.isEmpty)
    }

    @Test func checkPrintsSyntaxErrorsAsCPythonDoes() throws {
        let url = try CoroBinary.file("bad.py", "def f():\n    x = 1\n    f() = 3\n")
        let result = try CoroBinary.run(["--check", "bad.py"], in: url.deletingLastPathComponent())
        #expect(result.status == 1)
        #expect(result.stderr == """
              File "bad.py", line 3
                f() = 3
                ^^^
            SyntaxError: cannot assign to function call here. Maybe you meant '==' instead of '='?

            """)
    }

    @Test func indentationErrorCaretSitsUnderTheLine() throws {
        let url = try CoroBinary.file("indent.py", "if x:\n  a\n b\n")
        let result = try CoroBinary.run(["--check", "indent.py"], in: url.deletingLastPathComponent())
        #expect(result.status == 1)
        #expect(result.stderr == "  File \"indent.py\", line 3\n    b\n     ^\nIndentationError: unindent does not match any outer indentation level\n")
    }

    @Test func deepNestingIsAnErrorNotACrash() throws {
        for (text, last) in [
            (String(repeating: "(", count: 10_000) + "\n", "SyntaxError: too many nested parentheses"),
            ("x = " + String(repeating: "-", count: 10_000) + "1\n", "RecursionError: maximum recursion depth exceeded during compilation"),
            ("x = 1" + String(repeating: " + 1", count: 100_000) + "\n", "RecursionError: maximum recursion depth exceeded during compilation"),
            ((0..<10_000).map { String(repeating: " ", count: $0) + "if x:\n" }.joined(), "IndentationError: too many levels of indentation"),
        ] {
            let url = try CoroBinary.file("deep.py", text)
            let result = try CoroBinary.run(["--check", url.path])
            #expect(result.status == 1)
            #expect(result.stderr.split(separator: "\n").last.map(String.init) == last)
        }
    }

    @Test func invalidEncodingIsReported() throws {
        let url = try CoroBinary.file("latin.py", "x = 'caf\u{E9}'\n")
        try Data([0x78, 0x20, 0x3D, 0x20, 0x27, 0xFF, 0x27, 0x0A]).write(to: url)
        let result = try CoroBinary.run(["--check", url.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("SyntaxError: Non-UTF-8 code starting with '\\xff' in file \(url.path) on line 1"))
    }

    @Test func astPrintsPythonsDump() throws {
        let url = try CoroBinary.file("tree.py", "x = f(1, *a)\n")
        let result = try CoroBinary.run(["--ast", url.path])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("Module(\n  body=[\n    Assign(\n      targets=[\n        Name(id='x', ctx=Store())],"))
    }

    @Test func acceptsEveryValidSharedProgram() throws {
        var checked = 0
        for url in Fixtures.pythonFiles(under: Fixtures.shared) {
            let errorFile = url.deletingPathExtension().appendingPathExtension("err")
            let expectedError = (try? String(contentsOf: errorFile, encoding: .utf8))?.split(separator: "\n").first.map(String.init)
            let result = try CoroBinary.run(["--check", url.path])
            if let expectedError, expectedError.hasPrefix("SyntaxError") {
                // Programs CPython rejects at compile time must fail here the same way.
                #expect(result.status == 1, "\(url.lastPathComponent)")
                #expect(result.stderr.split(separator: "\n").last.map(String.init) == expectedError, "\(url.lastPathComponent)")
            } else {
                #expect(result.status == 0, "\(url.lastPathComponent): \(result.stderr)")
            }
            checked += 1
        }
        #expect(checked > 100)
    }

    @Test func versionAndUsage() throws {
        #expect(try CoroBinary.run(["--version"]).stdout == "coro 0.1.0\n")
        let missing = try CoroBinary.run(["--check", "/nonexistent/x.py"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("can't open file '/nonexistent/x.py'"))
    }
}
