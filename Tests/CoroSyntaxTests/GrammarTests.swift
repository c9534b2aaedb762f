import CoroSyntax
import CoroTestSupport
import Foundation
import Testing

/// Grammar/coro.gram is normative: every rule it names is implemented by a parse
/// function that quotes it, and is exercised by at least one program here.
@Suite struct GrammarTests {
    /// The rule names defined in Grammar/coro.gram (lines `name:` at the margin).
    static let rules: [String] = {
        let text = (try? String(contentsOf: Fixtures.packageRoot.appendingPathComponent("Grammar/coro.gram"), encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { line in
            guard let colon = line.firstIndex(of: ":"), line.first?.isLetter == true else { return nil }
            let name = line[..<colon]
            return name.allSatisfy { $0.isLetter || $0 == "_" } ? String(name) : nil
        }
    }()

    /// One program per grammar rule that exercises it.
    static let examples: [String: String] = [
        "file": "x = 1\n", "statements": "a\nb\n", "statement": "if a: b\n", "simple_stmts": "a; b;\n",
        "simple_stmt": "pass\n", "expression_stmt": "f(x)\n", "assignment": "a = b = 1\n",
        "annotated_rhs": "x: int = yield\n", "augassign": "x //= 2\n", "return_stmt": "def f(): return 1, 2\n",
        "raise_stmt": "raise E from e\n", "global_stmt": "global a, b\n", "nonlocal_stmt": "def f():\n x = 1\n def g(): nonlocal x\n",
        "del_stmt": "del a, b[1]\n", "del_targets": "del (a, b), [c]\n", "del_target": "del a.b\n",
        "assert_stmt": "assert x, 'message'\n", "import_name": "import a.b as c, d\n", "dotted_name": "import a.b.c\n",
        "import_from": "from ..a import b\n", "import_from_targets": "from a import (b, c,)\n",
        "import_from_as_names": "from a import b as c, d\n", "compound_stmt": "@d\nclass C: pass\n",
        "block": "if a:\n    b\n    c\n", "decorators": "@a.b(1)\n@c\ndef f(): pass\n",
        "if_stmt": "if a: b\nelif c: d\nelse: e\n", "elif_stmt": "if a: pass\nelif b: pass\n",
        "else_block": "for a in b: pass\nelse: pass\n", "while_stmt": "while a: b\nelse: c\n",
        "for_stmt": "async def f():\n async for a, *b in c: pass\n", "try_stmt": "try: a\nexcept E: b\nelse: c\nfinally: d\n",
        "except_block": "try: a\nexcept (E, F) as e: b\nexcept: c\n", "finally_block": "try: a\nfinally: b\n",
        "with_stmt": "with (a as b, c as d,): pass\n", "with_item": "with a as (b, c): pass\n",
        "function_def_raw": "async def f(a, /, b=1, *c, d, **e) -> int: pass\n", "class_def_raw": "class C(B, metaclass=M): pass\n",
        "parameters": "def f(a, b=2, *, c): pass\n", "parameter_item": "def f(a, /, *args, **kw): pass\n",
        "param": "def f(a: int): pass\n", "star_targets": "a, *b = c\n", "star_target": "[a, (b, *c)] = d\n",
        "single_target": "(a) += 1\n", "star_expressions": "x = 1, *a, 2\n", "expressions": "assert (a, b)\n",
        "star_expression": "x = *a, b\n", "starred_expression": "f(*a)\n", "star_named_expressions": "x = [a, *b,]\n",
        "star_named_expression": "x = {*a}\n", "named_expression": "if (n := 10) > 5: pass\n",
        "expression": "x = a if b else c\n", "yield_expr": "def g(): x = yield from h()\n", "lambdef": "f = lambda a, *b: a\n",
        "disjunction": "x = a or b or c\n", "conjunction": "x = a and b\n", "inversion": "x = not a\n",
        "comparison": "x = a < b == c\n", "compare_op": "x = a not in b is not c\n", "bitwise_or": "x = a | b\n",
        "bitwise_xor": "x = a ^ b\n", "bitwise_and": "x = a & b\n", "shift_expr": "x = a << b >> c\n",
        "sum": "x = a + b - c\n", "term": "x = a * b / c // d % e @ f\n", "factor": "x = -+~a\n",
        "power": "x = a ** -b\n", "await_primary": "async def f(): await g()\n", "primary": "x = a.b(c)[d]\n",
        "slices": "x = a[1:2, ::3]\n", "slice": "x = a[::]\n", "arguments": "f(a, b=1,)\n", "args": "f(a, *b, c=1)\n",
        "kwargs": "f(a=1, *b, **c)\n", "kwarg_or_starred": "f(a=1, *b)\n", "kwarg_or_double_starred": "f(**a, b=1)\n",
        "atom": "x = (None, True, ..., 1.5)\n", "strings": "x = 'a' \"b\" f'{c!r:>{w}}'\n", "tuple": "x = (1,)\n",
        "group": "x = (yield)\n", "genexp": "x = (a for a in b)\n", "list": "x = [1, 2]\n",
        "listcomp": "x = [a for a in b if a for c in a]\n", "set": "x = {1, 2}\n", "setcomp": "x = {a for a in b}\n",
        "dict": "x = {'a': 1, **b}\n", "dictcomp": "x = {k: v for k, v in d}\n", "double_starred_kvpairs": "x = {**a, **b,}\n",
        "double_starred_kvpair": "x = {**a}\n", "kvpair": "x = {a: b}\n", "for_if_clauses": "x = [a for b in c for a in b]\n",
        "for_if_clause": "async def f(): return [a async for a in b if a if b]\n",
    ]

    @Test func grammarDefinesRules() {
        #expect(Self.rules.count > 80)
        #expect(Set(Self.rules).count == Self.rules.count, "a rule is defined twice")
    }

    @Test func everyRuleIsQuotedByTheParser() throws {
        let sources = try FileManager.default.contentsOfDirectory(
            at: Fixtures.packageRoot.appendingPathComponent("Sources/CoroSyntax"), includingPropertiesForKeys: nil)
        let parserText = try sources.filter { $0.lastPathComponent.hasPrefix("Parser") }
            .map { try String(contentsOf: $0, encoding: .utf8) }.joined()
        for rule in Self.rules {
            #expect(parserText.contains("/ \(rule): "), "rule '\(rule)' is not quoted in any parse function")
        }
    }

    @Test func everyRuleHasAnExampleThatParses() throws {
        for rule in Self.rules {
            guard let example = Self.examples[rule] else {
                Issue.record("rule '\(rule)' has no example")
                continue
            }
            #expect(throws: Never.self, "\(rule)") { try Parser.parse(SourceFile(name: "\(rule).py", text: example)) }
        }
        #expect(Set(Self.examples.keys).subtracting(Self.rules).isEmpty, "examples for rules the grammar lacks")
    }
}
