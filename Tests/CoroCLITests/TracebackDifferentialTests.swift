import CoroTestSupport
import Foundation
import Testing

/// Uncaught exceptions print exactly what CPython 3.11 prints: every synchronous
/// failing conformance program and Tests/Programs/uncaught_*.py run under both
/// `python3` and `coro` from the same folder, and their stderr must be equal
/// (frames, source lines, position markers, chained exceptions, final line).
@Suite(.serialized) struct TracebackDifferentialTests {
    static var programs: [URL] {
        let shared = Fixtures.pythonFiles(under: Fixtures.shared.appendingPathComponent("conformance"))
            .filter { $0.lastPathComponent.hasPrefix("fail_") && !$0.lastPathComponent.contains("async") }
        let own = Fixtures.pythonFiles(under: Fixtures.packageRoot.appendingPathComponent("Tests/Programs"))
            .filter { $0.lastPathComponent.hasPrefix("uncaught_") }
        return shared + own
    }

    static func python(_ program: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", program.lastPathComponent]
        process.currentDirectoryURL = program.deletingLastPathComponent()
        let errors = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        let data = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test(arguments: programs) func stderrMatchesCPython(program: URL) throws {
        let expected = try Self.python(program)
        let result = try CoroBinary.run([program.lastPathComponent], in: program.deletingLastPathComponent())
        #expect(result.status == 1)
        #expect(result.stderr == expected)
    }
}
