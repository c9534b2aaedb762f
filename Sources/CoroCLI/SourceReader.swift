#if canImport(Glibc)
    import Glibc
#endif

/// Reads script files with plain POSIX calls (no Foundation on the start-up path).
enum SourceReader {
    /// The whole file, or nil (with `errno` set) when it cannot be read.
    static func read(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        return readAll(descriptor)
    }

    /// Everything on standard input.
    static func readStandardInput() -> [UInt8] {
        readAll(0) ?? []
    }

    private static func readAll(_ descriptor: Int32) -> [UInt8]? {
        var result: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 { return nil }
            if count == 0 { return result }
            result.append(contentsOf: buffer[0..<count])
        }
    }
}
