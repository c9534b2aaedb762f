import CoroSyntax
import Testing

@Suite struct LexerTests {
    func kinds(_ text: String) -> [TokenKind] {
        Lexer.tokenize(SourceFile(name: "t.py", text: text)).tokens.map(\.kind)
    }

    @Test func indentationProducesIndentAndDedent() {
        #expect(kinds("if x:\n    y\nz\n") == [.kwIf, .name, .colon, .newline, .indent, .name, .newline, .dedent, .name, .newline, .endMarker])
    }

    @Test func bracketsJoinLinesAndBackslashContinues() {
        #expect(kinds("x = (1,\n  2)\n") == [.name, .equal, .leftParen, .number, .comma, .number, .rightParen, .newline, .endMarker])
        #expect(kinds("x = 1 + \\\n  2\n") == [.name, .equal, .number, .plus, .number, .newline, .endMarker])
    }

    @Test func blankAndCommentLinesProduceNothing() {
        #expect(kinds("# c\n\n   \nx  # c\n") == [.name, .newline, .endMarker])
    }

    @Test func operatorsTakeTheLongestMatch() {
        #expect(kinds("a **= b // c -> d := e ... f != g") == [
            .name, .doubleStarEqual, .name, .doubleSlash, .name, .arrow, .name, .walrus, .name, .ellipsis, .name, .notEqual, .name,
            .newline, .endMarker,
        ])
    }

    @Test func stringPrefixesAndTripleQuotes() {
        #expect(kinds("rb'x' F\"y\" '''a\nb''' u'z'") == [.string, .string, .string, .string, .newline, .endMarker])
    }

    @Test func numbersOfEveryForm() {
        for number in ["0", "00", "1_000", "0xFF", "0o17", "0b1_01", "1.5", ".5", "5.", "1e-7", "1E+3", "2j", "1.5J"] {
            #expect(kinds(number) == [.number, .newline, .endMarker], "\(number)")
        }
    }

    @Test func lexicalErrorEndsTheStream() {
        let stream = Lexer.tokenize(SourceFile(name: "t.py", text: "x = 'abc\n"))
        #expect(stream.tokens.last?.kind == .error)
        #expect(stream.error?.message == "unterminated string literal (detected at line 1)")
    }
}
