import CoroSyntax

/// Printing an uncaught exception as CPython does: chained exceptions first, each
/// with its frames (source line included, runs of a repeated frame collapsed).
extension VM {
    func formatException(_ exception: PyException) -> String {
        var seen = Set<ObjectIdentifier>()
        return formatChain(exception, &seen)
    }

    private func formatChain(_ exception: PyException, _ seen: inout Set<ObjectIdentifier>) -> String {
        seen.insert(ObjectIdentifier(exception))
        var output = ""
        if let cause = exception.cause.as(PyException.self), !seen.contains(ObjectIdentifier(cause)) {
            output += formatChain(cause, &seen)
            output += "\nThe above exception was the direct cause of the following exception:\n\n"
        } else if !exception.suppressContext, let context = exception.context.as(PyException.self),
                  !seen.contains(ObjectIdentifier(context)) {
            output += formatChain(context, &seen)
            output += "\nDuring handling of the above exception, another exception occurred:\n\n"
        }
        return output + formatSingle(exception)
    }

    private func formatSingle(_ exception: PyException) -> String {
        var output = ""
        if !exception.traceback.isEmpty {
            output += "Traceback (most recent call last):\n"
            var lastKey = ""
            var repeats = 0
            func flushRepeats() {
                if repeats > 3 {
                    output += "  [Previous line repeated \(repeats - 3) more time\(repeats - 3 == 1 ? "" : "s")]\n"
                }
            }
            for entry in exception.traceback.entries.reversed() {
                let code = entry.code.code
                let line = code.line(at: entry.instruction)
                let key = "\(code.source.name):\(line):\(code.name)"
                if key == lastKey {
                    repeats += 1
                    if repeats > 3 { continue }
                } else {
                    flushRepeats()
                    lastKey = key
                    repeats = 1
                }
                output += "  File \"\(code.source.name)\", line \(line), in \(code.name)\n"
                // Like linecache, only real files have source lines to show (not "<string>").
                let hasFile = !code.source.name.hasPrefix("<")
                let text = hasFile ? code.source.lineText(line).trimmingWhitespace() : ""
                if !text.isEmpty {
                    output += "    \(text)\n"
                    if code.positions.indices.contains(entry.instruction),
                       let markers = TracebackCarets.markers(source: code.source, range: code.positions[entry.instruction], line: line) {
                        output += markers + "\n"
                    }
                }
            }
            flushRepeats()
        }
        if case .object = exception.notes, let syntaxReport = exception.notes.as(PyStr.self),
           exception.type.isSubtype(of: types[exception: "SyntaxError"]) {
            return output + syntaxReport.value
        }
        var name = exception.type.qualifiedName
        if let module = moduleName(of: exception.type), module != "__main__" { name = module + "." + name }
        let message = (try? strText(Value(exception))) ?? "<exception str() failed>"
        output += message.isEmpty ? "\(name)\n" : "\(name): \(message)\n"
        if let notes = exception.notes.as(PyList.self) {
            for note in notes.items { output += ((try? strText(note)) ?? "") + "\n" }
        }
        return output
    }
}
