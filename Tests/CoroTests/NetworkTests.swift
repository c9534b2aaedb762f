import Coro
import Glibc
import Testing

/// The interpreter's network permission and its HTTP client's lifetime, through the
/// library API. Only loopback is touched: nothing listens on 127.0.0.1:9 (discard).
@Suite(.serialized) struct NetworkTests {
    final class Capture: @unchecked Sendable {
        var text = ""
    }

    private static let script = Array("""
        try:
            response = await fetch('http://127.0.0.1:9/')
        except PermissionError as error:
            print('denied:', error)
        except OSError as error:
            print('allowed:', type(error).__name__)

        """.utf8)

    private func run(allowsNetwork: Bool) -> (Int32, String) {
        let output = Capture()
        let interpreter = Interpreter(allowsNetwork: allowsNetwork, output: OutputSink { output.text += $0 })
        let status = interpreter.run(source: Self.script, name: "net.coro")
        return (status, output.text)
    }

    @Test func aDeniedInterpreterRaisesPermissionError() {
        let (status, output) = run(allowsNetwork: false)
        #expect(status == 0)
        #expect(output == "denied: network access is not allowed (coro --no-net)\n")
    }

    /// The request really goes out (and is refused); the client made for it, with its
    /// event loop thread, is shut down when the interpreter goes.
    @Test func anAllowedInterpreterConnectsAndShutsItsClientDown() {
        let before = Self.eventLoopThreads()
        for _ in 0..<2 {
            let (status, output) = run(allowsNetwork: true)
            #expect(status == 0)
            #expect(output == "allowed: ClientConnectorError\n")
            #expect(Self.eventLoopThreads() == before)
        }
    }

    /// How many of this process's threads are swift-nio event loops ("NIO-ELT-...").
    private static func eventLoopThreads() -> Int {
        guard let directory = opendir("/proc/self/task") else { return -1 }
        defer { closedir(directory) }
        var count = 0
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
            guard name.first?.isNumber == true, let file = fopen("/proc/self/task/\(name)/comm", "r") else { continue }
            var buffer = [CChar](repeating: 0, count: 64)
            if fgets(&buffer, 64, file) != nil, String(cString: buffer).hasPrefix("NIO-ELT") { count += 1 }
            fclose(file)
        }
        return count
    }
}
