/// Warnings printed on stderr as Python's `warnings` module prints them with its default
/// filters: `file:line: Category: message`, then the source line, each location once.
extension VM {
    /// Reports the coroutines the last collection found that never ran, at the line
    /// that made each (CPython reports where the last reference died: the same line
    /// in the usual `f()`-without-`await` mistake).
    func warnUnawaited() {
        let found = heap.unawaited
        heap.unawaited.removeAll()
        for (name, reference, instruction) in found {
            let code = reference.takeUnretainedValue()
            let line = code.code.line(at: instruction)
            let file = code.code.source.name
            let message = "coroutine '\(name)' was never awaited"
            guard warnedLocations.insert("\(file):\(line):\(message)").inserted else { continue }
            output.flush()
            var text = "\(file):\(line): RuntimeWarning: \(message)\n"
            let source = file.hasPrefix("<") ? "" : code.code.source.lineText(line).trimmingWhitespace()
            if !source.isEmpty { text += "  \(source)\n" }
            text += "RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n"
            errorOutput.write(text)
        }
    }
}
