import Coro
import Testing

/// The embedding API, as a host program uses it.
@Suite struct InterpreterTests {
    @Test func checkAcceptsValidSource() throws {
        try Interpreter().check(source: Array("def f():\n    return 1\n".utf8), name: "ok.py")
    }

    @Test func checkReportsSyntaxErrorWithCPythonsText() {
        do {
            try Interpreter().check(source: Array("return 1\n".utf8), name: "bad.py")
            Issue.record("accepted 'return' outside function")
        } catch {
            #expect(error.typeName == "SyntaxError")
            #expect(error.message == "'return' outside function")
            #expect(error.report == "  File \"bad.py\", line 1\n    return 1\n    ^^^^^^^^\nSyntaxError: 'return' outside function\n")
        }
    }

    @Test func topLevelAwaitIsAllowedInCoroScriptsOnly() throws {
        let source = Array("await sleep(1)\n".utf8)
        try Interpreter().check(source: source, name: "main.coro")
        #expect(throws: Interpreter.ScriptError.self) { try Interpreter().check(source: source, name: "main.py") }
    }

    @Test func dumpASTMatchesPythonsFormat() throws {
        let dump = try Interpreter().dumpAST(source: Array("x = 1\n".utf8), name: "x.py")
        #expect(dump == "Module(\n  body=[\n    Assign(\n      targets=[\n        Name(id='x', ctx=Store())],\n      value=Constant(value=1))],\n  type_ignores=[])")
    }
}

/// Running programs through the library, with output captured by the host.
@Suite struct InterpreterRunTests {
    /// Collects what a script prints.
    final class Capture: @unchecked Sendable {
        var text = ""
    }

    @Test func runPrintsThroughTheHostsSinkAndReturnsTheStatus() {
        let output = Capture()
        let errors = Capture()
        let interpreter = Interpreter(output: OutputSink { output.text += $0 }, errorOutput: OutputSink { errors.text += $0 })
        let status = interpreter.run(source: Array("print(sum(range(10)))\nraise ValueError('late')\n".utf8), name: "lib.py")
        #expect(status == 1)
        #expect(output.text == "45\n")
        #expect(errors.text.hasSuffix("ValueError: late\n"))
        #expect(errors.text.contains("File \"lib.py\", line 2, in <module>"))
    }

    @Test func interpretersAreIsolated() {
        let first = Capture()
        let second = Capture()
        let a = Interpreter(output: OutputSink { first.text += $0 })
        let b = Interpreter(output: OutputSink { second.text += $0 })
        _ = a.run(source: Array("import sys\nsys.shared = 1\nx = 1\nprint(hasattr(sys, 'shared'))\n".utf8), name: "a.py")
        _ = b.run(source: Array("import sys\nprint(hasattr(sys, 'shared'))\n".utf8), name: "b.py")
        #expect(first.text == "True\n")
        #expect(second.text == "False\n")
    }

    @Test func hostsRunScriptsOnVirtualTime() {
        let output = Capture()
        let interpreter = Interpreter(virtualTime: true, output: OutputSink { output.text += $0 })
        let source = """
            import asyncio
            async def tick(name, delay):
                await asyncio.sleep(delay)
                print(name)
            async def main():
                start = asyncio.get_running_loop().time()
                await asyncio.gather(tick("day", 86400), tick("hour", 3600), tick("minute", 60))
                print(round(asyncio.get_running_loop().time() - start))
            asyncio.run(main())
            """
        #expect(interpreter.run(source: Array(source.utf8), name: "days.py") == 0)
        #expect(output.text == "minute\nhour\nday\n86400\n")
    }

    @Test func syntaxErrorsAreReportedNotRun() {
        let errors = Capture()
        let status = Interpreter(errorOutput: OutputSink { errors.text += $0 }).run(source: Array("x = (1\n".utf8), name: "s.py")
        #expect(status == 1)
        #expect(errors.text.hasSuffix("SyntaxError: '(' was never closed\n"))
    }
}
