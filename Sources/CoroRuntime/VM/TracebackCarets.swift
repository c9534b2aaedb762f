import CoroSyntax

/// The position markers CPython 3.11 prints under a traceback's source line: `^` under
/// the failing expression, and for a binary operation or a subscript, `~` under the
/// operands with `^` under the operator or the brackets (traceback.py's anchors).
enum TracebackCarets {
    /// The marker line for the expression at `range` on `line`, or nil when CPython
    /// prints none (the expression spans the whole line, or several lines).
    static func markers(source: SourceFile, range: SourceRange, line: Int) -> String? {
        guard range.end > range.start, source.line(of: range.start) == line, source.line(of: max(range.start, range.end - 1)) == line
        else { return nil }
        let text = source.lineText(line)
        let characters = Array(text.unicodeScalars)
        let start = source.characterColumn(of: range.start) - 1
        let end = source.characterColumn(of: range.end) - 1
        let leading = characters.prefix { $0 == " " || $0 == "\t" || $0 == "\u{0C}" }.count
        let stripped = text.trimmingWhitespace().unicodeScalars.count
        guard start >= leading, end > start, end <= characters.count else { return nil }
        let segment = String(String.UnicodeScalarView(characters[start..<end]))
        let anchors = anchorsFor(segment)
        let width = end - start
        if !(width < stripped || (anchors.map { $0.right - $0.left > 0 } ?? false)) { return nil }
        var output = "    " + String(repeating: " ", count: start - leading)
        if let anchors {
            output += String(repeating: "~", count: anchors.left)
            output += String(repeating: "^", count: anchors.right - anchors.left)
            output += String(repeating: "~", count: width - anchors.right)
        } else {
            output += String(repeating: "^", count: width)
        }
        return output
    }

    /// Where the `^` run starts and ends in `segment` (character offsets), for a binary
    /// operation or a subscript; nil for anything else.
    private static func anchorsFor(_ segment: String) -> (left: Int, right: Int)? {
        let file = SourceFile(name: "<segment>", text: segment)
        guard let module = try? Parser.parse(file), module.body.count == 1,
              case .expr(let expression) = module.body[0].kind else { return nil }
        let scalars = Array(segment.unicodeScalars)
        func character(_ byteOffset: Int) -> Int { file.characterColumn(of: byteOffset) - 1 }
        func isSpace(_ index: Int) -> Bool { scalars[index].properties.isWhitespace }
        switch expression.kind {
        case .binOp(let left, _, let right):
            // CPython's C traceback printer: the first operator character after the left
            // operand, looking past closing parentheses.
            let operandEnd = character(left.range.end)
            let operandStart = character(right.range.start)
            var anchors: (Int, Int)?
            var index = operandEnd
            while index < operandStart && index < scalars.count {
                if isSpace(index) {
                    index += 1
                    continue
                }
                var rightAnchor = index + 1
                if index + 1 < operandStart && !isSpace(index + 1) { rightAnchor += 1 }
                anchors = (index, rightAnchor)
                if index + 1 < operandStart && scalars[index] == ")" {
                    index += 1
                    continue
                }
                break
            }
            return anchors
        case .subscript(let value, let index, _):
            var leftAnchor = character(value.range.end)
            var rightAnchor = character(index.range.end) + 1
            while leftAnchor < scalars.count && scalars[leftAnchor] != "[" { leftAnchor += 1 }
            while rightAnchor < scalars.count && scalars[rightAnchor] != "]" { rightAnchor += 1 }
            if rightAnchor < scalars.count { rightAnchor += 1 }
            return (leftAnchor, rightAnchor)
        default:
            return nil
        }
    }
}
