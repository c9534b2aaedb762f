import CoroCompiler
import CoroSyntax

/// Printing an uncaught exception as CPython does: chained exceptions first, each
/// with its frames (source line included, runs of a repeated frame collapsed).
extension VM {
    func formatException(_ exception: PyException) -> String {
        var printer = ExceptionPrinter()
        printChain(exception, &printer)
        return printer.output
    }

    /// The exception and, before it, its cause or context (each once).
    private func printChain(_ exception: PyException, _ printer: inout ExceptionPrinter) {
        printer.seen.insert(ObjectIdentifier(exception))
        if let cause = exception.cause.as(PyException.self), !printer.seen.contains(ObjectIdentifier(cause)) {
            printChain(cause, &printer)
            printer.emit("\nThe above exception was the direct cause of the following exception:\n\n")
        } else if !exception.suppressContext, let context = exception.context.as(PyException.self),
                  !printer.seen.contains(ObjectIdentifier(context)) {
            printChain(context, &printer)
            printer.emit("\nDuring handling of the above exception, another exception occurred:\n\n")
        }
        if exception.type.isSubtype(of: types[exception: "BaseExceptionGroup"]) {
            printGroup(exception, &printer)
        } else {
            if !exception.traceback.isEmpty {
                printer.emit("Traceback (most recent call last):\n")
                printer.emit(formatFrames(exception))
            }
            if debugMode && !exception.taskChain.isEmpty {
                printer.emit("Tasks (the innermost first):\n" + exception.taskChain.map { "  \($0)\n" }.joined())
            }
            printer.emit(formatExceptionOnly(exception))
        }
    }

    /// An exception group as CPython boxes it: its traceback and message, then each
    /// member (at most 15, nested at most 10 deep) in a numbered section.
    private func printGroup(_ exception: PyException, _ printer: inout ExceptionPrinter) {
        let maxWidth = 15, maxDepth = 10
        if printer.groupDepth > maxDepth {
            printer.emit("... (max_group_depth is \(maxDepth))\n")
            return
        }
        let isTopLevel = printer.groupDepth == 0
        if isTopLevel { printer.groupDepth += 1 }
        if !exception.traceback.isEmpty {
            printer.emit("Exception Group Traceback (most recent call last):\n", margin: isTopLevel ? "+" : "|")
            printer.emit(formatFrames(exception))
        }
        printer.emit(formatExceptionOnly(exception))
        let members = groupMembers(exception)
        let shown = members.count <= maxWidth ? members.count : maxWidth + 1
        printer.needClose = false
        for index in 0..<shown {
            let isLast = index == shown - 1
            if isLast { printer.needClose = true }
            let truncated = index >= maxWidth
            printer.output += printer.indent + (index == 0 ? "+-" : "  ") + "+---------------- \(truncated ? "..." : String(index + 1)) ----------------\n"
            printer.groupDepth += 1
            if truncated {
                let remaining = members.count - maxWidth
                printer.emit("and \(remaining) more exception\(remaining > 1 ? "s" : "")\n")
            } else if let member = members[index].as(PyException.self) {
                printChain(member, &printer)
            }
            if isLast && printer.needClose {
                printer.output += printer.indent + "+------------------------------------\n"
                printer.needClose = false
            }
            printer.groupDepth -= 1
        }
        if isTopLevel { printer.groupDepth = 0 }
    }

    /// The `  File ..., line N, in f` lines of a traceback, with source lines and carets.
    private func formatFrames(_ exception: PyException) -> String {
        var output = ""
        var lastKey = ""
        var repeats = 0
        func flushRepeats() {
            if repeats > 3 {
                output += "  [Previous line repeated \(repeats - 3) more time\(repeats - 3 == 1 ? "" : "s")]\n"
            }
        }
        for entry in exception.traceback.entries.reversed() where !isNativeInCPython(entry.code.code) {
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
        return output
    }

    /// asyncio's Future and Task methods, which CPython implements in C: their frames
    /// do not appear in CPython's tracebacks, so they do not appear in Coro's.
    private func isNativeInCPython(_ code: CodeObject) -> Bool {
        code.source.name == "<asyncio>" && (code.qualifiedName.hasPrefix("Future.") || code.qualifiedName.hasPrefix("Task."))
    }

    /// `Type: message` and the exception's notes (a SyntaxError's report instead).
    private func formatExceptionOnly(_ exception: PyException) -> String {
        if case .object = exception.notes, let syntaxReport = exception.notes.as(PyStr.self),
           exception.type.isSubtype(of: types[exception: "SyntaxError"]) {
            return syntaxReport.value
        }
        var name = exception.type.qualifiedName
        if let module = moduleName(of: exception.type), module != "__main__" { name = module + "." + name }
        let message = (try? strText(Value(exception))) ?? "<exception str() failed>"
        var output = message.isEmpty ? "\(name)\n" : "\(name): \(message)\n"
        if let notes = exception.notes.as(PyList.self) {
            for note in notes.items { output += ((try? strText(note)) ?? "") + "\n" }
        }
        return output
    }
}

/// The state of printing one uncaught exception: which exceptions were printed (chains
/// can loop), and how deep inside exception groups the printer is (CPython's
/// `_ExceptionPrintContext`: each group level indents by two and draws a `|` margin).
struct ExceptionPrinter {
    var output = ""
    var seen = Set<ObjectIdentifier>()
    var groupDepth = 0
    var needClose = false

    var indent: String { String(repeating: " ", count: 2 * groupDepth) }

    /// Appends `text`, each of its lines prefixed by the indent and margin.
    mutating func emit(_ text: String, margin: Character = "|") {
        guard groupDepth > 0 else {
            output += text
            return
        }
        let prefix = indent + String(margin) + " "
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
            output += prefix + line + "\n"
        }
    }
}
