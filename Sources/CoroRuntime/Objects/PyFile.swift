#if canImport(Glibc)
import Glibc
#endif

/// A text file: `open()` results, and `sys.stdout`/`sys.stderr` over output sinks.
public final class PyFile: PyObject {
    let name: String
    let mode: String
    /// The whole contents for reading, consumed from `position`.
    @exclusivity(unchecked) var contents: [UInt8] = []
    @exclusivity(unchecked) var position = 0
    /// Where writes go: a sink (standard streams) or a file descriptor.
    let sink: OutputSink?
    @exclusivity(unchecked) var descriptor: Int32
    @exclusivity(unchecked) var isClosed = false

    init(type: PyType, name: String, mode: String, sink: OutputSink?, descriptor: Int32) {
        self.name = name
        self.mode = mode
        self.sink = sink
        self.descriptor = descriptor
        super.init(type: type)
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    var isReadable: Bool { mode.contains("r") || mode.contains("+") }
    var isWritable: Bool { mode.contains("w") || mode.contains("a") || mode.contains("+") || mode.contains("x") }
}
