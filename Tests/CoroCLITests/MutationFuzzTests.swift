import CoroTestSupport
import Foundation
import Testing

/// Bad input never crashes: every conformance program (the async ones on virtual time),
/// mutated at random (bytes and lines deleted, duplicated, swapped, replaced), must end
/// in normal output or a Python exception, never a signal. The generator is seeded, so a
/// failure is reproducible.
@Suite(.serialized) struct MutationFuzzTests {
    /// A small deterministic generator (SplitMix64).
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(max(bound, 1)))
        }
    }

    static let tokens = ["(", ")", "[", "]", ":", "def ", "return ", "yield ", "lambda: ", "**", "\n", "    ", "1/0",
                         "'", "\"\"\"", "None", "self.", "*", "=", "import ", "class X:", "-1",
                         "await ", "async ", "async for x in y:", "async with x:"]

    static func mutate(_ text: [UInt8], _ generator: inout Generator) -> [UInt8] {
        var bytes = text
        for _ in 0..<(1 + generator.next(3)) {
            guard !bytes.isEmpty else { break }
            let at = generator.next(bytes.count)
            switch generator.next(4) {
            case 0: bytes.remove(at: at)
            case 1: bytes.insert(contentsOf: Array(tokens[generator.next(tokens.count)].utf8), at: at)
            case 2:
                var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
                let line = generator.next(lines.count)
                lines.insert(lines[line], at: generator.next(lines.count))
                bytes = Array(lines.joined(separator: [0x0A]))
            default:
                let other = generator.next(bytes.count)
                bytes.swapAt(at, other)
            }
        }
        return bytes
    }

    @Test func mutatedProgramsEndInOutputOrAnException() throws {
        let programs = Fixtures.pythonFiles(under: Fixtures.shared.appendingPathComponent("conformance"))
        #expect(programs.count > 70)
        var generator = Generator(state: 0xC0_40)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("coro-mutants-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var runs = 0
        for program in programs {
            let source = Fixtures.bytes(program)
            for index in 0..<3 {
                let mutant = Self.mutate(source, &generator)
                let url = directory.appendingPathComponent("m\(index)_\(program.lastPathComponent)")
                try Data(mutant).write(to: url)
                // Virtual time: the async mutants' sleeps cost no wall time.
                let result = try CoroBinary.run([url.path], environment: ["CORO_VIRTUAL_TIME": "1"], timeout: 10)
                #expect(!result.signaled, "\(url.path) ended by a signal")
                // 0: ran, 1: a Python exception, 124: still running (a mutant may loop forever).
                #expect([0, 1, 124].contains(result.status), "\(url.path): status \(result.status)\n\(result.stderr.suffix(300))")
                runs += 1
            }
        }
        #expect(runs == programs.count * 3)
    }
}
