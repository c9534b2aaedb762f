import CoroSyntax

/// Formats errors for stderr exactly as CPython prints them.
public enum TracebackFormatter {
    /// A compile-time error as CPython prints it: the file and line, the source line
    /// without its indentation, a caret line under the error's range, then the message.
    public static func format(_ error: SyntaxError) -> String {
        guard error.hasLocation else { return "\(error.kind.rawValue): \(error.message)\n" }
        var output = "  File \"\(error.filename)\", line \(error.line)\n"
        var text = Substring(error.lineText)
        while text.last == "\n" { text.removeLast() }
        let body = text.drop { $0 == " " || $0 == "\n" || $0 == "\u{0C}" }
        let indentation = text.count - body.count
        if !error.lineText.isEmpty || error.column > 0 {
            output += "    \(body)\n"
            var start = error.column
            var end = error.endColumn > 0 ? error.endColumn : start
            if error.endLine != error.line && error.endColumn > 0 { end = text.count + 1 }
            if start == end || end < 0 { end = start + 1 }
            start -= 1 + indentation
            end -= 1 + indentation
            if start >= 0 {
                let lead = body.prefix(start).map { $0.isWhitespace ? String($0) : " " }.joined()
                output += "    \(lead)\(String(repeating: "^", count: max(end - start, 1)))\n"
            }
        }
        output += "\(error.kind.rawValue): \(error.message)\n"
        return output
    }
}
