import CoroCompiler
import CoroSyntax
import CoroTestSupport
import Foundation
import Testing

/// One row of Tests/Fixtures/invalid/expected.tsv, written by Scripts/gen-syntax-fixtures
/// from what CPython 3.11's `compile()` reports.
struct InvalidProgram: CustomTestStringConvertible, Sendable {
    var name: String
    var kind: String
    var line: Int?
    var column: Int?
    var message: String
    var testDescription: String { name }

    static let all: [InvalidProgram] = {
        let table = String(decoding: Fixtures.bytes(Fixtures.directory.appendingPathComponent("invalid/expected.tsv")), as: UTF8.self)
        return table.split(separator: "\n").map { row in
            let fields = row.split(separator: "\t", maxSplits: 4, omittingEmptySubsequences: false).map(String.init)
            return InvalidProgram(name: fields[0], kind: fields[1], line: Int(fields[2]), column: Int(fields[3]), message: fields[4])
        }
    }()
}

@Suite struct InvalidProgramTests {
    @Test func tableIsComplete() {
        #expect(InvalidProgram.all.count >= 80)
    }

    @Test(arguments: InvalidProgram.all)
    func reportsWhatCPythonReports(_ program: InvalidProgram) throws {
        let url = Fixtures.directory.appendingPathComponent("invalid/\(program.name).py")
        let source = SourceFile(name: program.name + ".py", bytes: Fixtures.bytes(url))
        do {
            _ = try Frontend.check(source, allowsTopLevelAwait: false)
            Issue.record("\(program.name) was accepted; CPython says \(program.kind): \(program.message)")
        } catch {
            #expect(error.kind.rawValue == program.kind)
            #expect(error.message == program.message)
            if let line = program.line, error.hasLocation { #expect(error.line == line) }
            if let column = program.column, error.hasLocation { #expect(error.column == column) }
        }
    }
}
