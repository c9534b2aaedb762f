import CoroSyntax
import CoroTestSupport
import Foundation
import Testing

/// The parser's trees, rendered like `ast.dump(indent=2)`, equal CPython's.
@Suite struct ASTDifferentialTests {
    /// Checked-in programs whose `.ast` files Scripts/gen-syntax-fixtures wrote with python3.
    static let fixtures = Fixtures.pythonFiles(under: Fixtures.directory.appendingPathComponent("valid"))

    @Test(arguments: fixtures)
    func matchesCheckedInDump(_ url: URL) throws {
        let expected = String(decoding: Fixtures.bytes(url.deletingPathExtension().appendingPathExtension("ast")), as: UTF8.self)
        let module = try Parser.parse(SourceFile(name: url.lastPathComponent, bytes: Fixtures.bytes(url)))
        #expect(ASTDump.dump(module) + "\n" == expected)
    }

    /// Every program under ../shared, against python3 run now (the oracle is on every
    /// machine this project runs on; Scripts/setup installs it).
    @Test func matchesPythonOnSharedPrograms() throws {
        let files = Fixtures.pythonFiles(under: Fixtures.shared)
        #expect(files.count > 100)
        let expected = try PythonOracle.astDumps(files)
        for (url, dump) in zip(files, expected) {
            let module = try Parser.parse(SourceFile(name: url.lastPathComponent, bytes: Fixtures.bytes(url)))
            #expect(ASTDump.dump(module) == dump, "\(url.lastPathComponent)")
        }
    }
}

/// Runs python3 to compute what CPython says.
enum PythonOracle {
    /// `ast.dump(ast.parse(file), indent=2)` for each file, in one python3 process.
    static func astDumps(_ files: [URL]) throws -> [String] {
        let script = """
            import ast, sys
            for path in sys.argv[1:]:
                with open(path, encoding='utf-8') as f:
                    sys.stdout.write(ast.dump(ast.parse(f.read()), indent=2) + '\\0')
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script] + files.map(\.path)
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: "\0", omittingEmptySubsequences: false).dropLast().map(String.init)
    }
}
