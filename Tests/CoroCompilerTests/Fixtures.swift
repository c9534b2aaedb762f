import Foundation

/// Locations of the checked-in fixtures (Tests/Fixtures) and of ../shared.
enum Fixtures {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let directory = packageRoot.appendingPathComponent("Tests/Fixtures")
    static let shared = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")

    static func bytes(_ url: URL) -> [UInt8] {
        (try? Data(contentsOf: url)).map { [UInt8]($0) } ?? []
    }

    /// Every `.py` file under a directory, sorted.
    static func pythonFiles(under directory: URL) -> [URL] {
        let enumerator = FileManager.default.enumerator(at: directory.resolvingSymlinksInPath(), includingPropertiesForKeys: nil)
        var files: [URL] = []
        while let url = enumerator?.nextObject() as? URL {
            if url.pathExtension == "py" { files.append(url) }
        }
        return files.sorted { $0.path < $1.path }
    }
}
