import CoroCompiler

/// One line of a traceback: the code and the instruction that was running.
struct TracebackEntry {
    /// Owned by its code constant, which lives as long as the interpreter.
    unowned(unsafe) let code: RuntimeCode
    let instruction: Int
}

/// An exception instance (of `BaseException` or a subclass).
public final class PyException: PyObject {
    @exclusivity(unchecked) var args: [Value]
    /// Innermost frame first: appended as the exception leaves each frame.
    @exclusivity(unchecked) var traceback = Traceback()
    @exclusivity(unchecked) var cause: Value = .none
    @exclusivity(unchecked) var context: Value = .none
    @exclusivity(unchecked) var suppressContext = false
    /// Extra slots for subclasses (`StopIteration.value`, `SystemExit.code`, `OSError.errno`...).
    @exclusivity(unchecked) var notes: Value = .null
    /// `--debug`: the tasks the exception crossed (the one it was raised in, then each
    /// that awaited it, with the line of the await), printed after its frames.
    @exclusivity(unchecked) var taskChain: [String] = []

    init(type: PyType, args: [Value]) {
        self.args = args
        super.init(type: type)
    }

    override func trace(_ tracer: inout Tracer) {
        super.trace(&tracer)
        tracer.mark(args)
        tracer.mark(cause)
        tracer.mark(context)
        tracer.mark(notes)
    }
}

/// A traceback's entries, innermost first. The first is stored inline: most exceptions
/// are caught in the frame that raised them, and then no array is allocated.
struct Traceback {
    private var first: TracebackEntry?
    private var rest: [TracebackEntry] = []

    var isEmpty: Bool { first == nil }

    mutating func append(_ entry: TracebackEntry) {
        if first == nil { first = entry } else { rest.append(entry) }
    }

    /// Every entry, innermost first.
    var entries: [TracebackEntry] { first.map { [$0] + rest } ?? [] }
}
