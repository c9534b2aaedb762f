import CoroRuntime
import CoroSyntax
import Testing

@Suite struct TracebackFormatterTests {
    @Test func caretsSpanTheErrorRangeUnderTheDedentedLine() {
        let error = SyntaxError(.syntaxError, "cannot assign to function call", filename: "x.py", line: 3, column: 5,
                                endLine: 3, endColumn: 8, lineText: "    f() = 3")
        #expect(TracebackFormatter.format(error) == "  File \"x.py\", line 3\n    f() = 3\n    ^^^\nSyntaxError: cannot assign to function call\n")
    }

    @Test func emptyOrBackwardRangeGetsOneCaret() {
        let error = SyntaxError(.syntaxError, "'(' was never closed", filename: "x.py", line: 1, column: 5,
                                endLine: 1, endColumn: 0, lineText: "x = (1,")
        #expect(TracebackFormatter.format(error) == "  File \"x.py\", line 1\n    x = (1,\n        ^\nSyntaxError: '(' was never closed\n")
    }

    @Test func recursionErrorHasNoLocation() {
        let error = SyntaxError(.recursionError, "maximum recursion depth exceeded during compilation", filename: "x.py",
                                line: 0, column: 0, endLine: 0, endColumn: 0, lineText: "")
        #expect(TracebackFormatter.format(error) == "RecursionError: maximum recursion depth exceeded during compilation\n")
    }
}
