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
