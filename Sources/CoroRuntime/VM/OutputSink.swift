#if canImport(Glibc)
import Glibc
#endif

/// A buffered text stream: a file descriptor, or a closure the host provides.
/// Output is flushed when the buffer fills, on `flush()`, and before the program ends.
public final class OutputSink {
    private let descriptor: Int32
    private let handler: (@Sendable (String) -> Void)?
    @exclusivity(unchecked) private var buffer: [UInt8] = []
    /// Flush after every write (stderr, or a terminal).
    @exclusivity(unchecked) public var isUnbuffered: Bool

    public init(descriptor: Int32) {
        self.descriptor = descriptor
        handler = nil
        isUnbuffered = descriptor == 2 || isatty(descriptor) != 0
        buffer.reserveCapacity(1 << 16)
    }

    /// Output goes to `handler` (for embedding and tests).
    public init(handler: @escaping @Sendable (String) -> Void) {
        descriptor = -1
        self.handler = handler
        isUnbuffered = true
    }

    deinit {
        flush()
    }

    public func write(_ text: String) {
        if let handler {
            handler(text)
            return
        }
        buffer.append(contentsOf: text.utf8)
        if isUnbuffered || buffer.count >= 1 << 16 { flush() }
    }

    public func flush() {
        guard !buffer.isEmpty, descriptor >= 0 else { return }
        var offset = 0
        buffer.withUnsafeBytes { bytes in
            while offset < bytes.count {
                let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written <= 0 { break }
                offset += written
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
