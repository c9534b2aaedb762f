import Foundation

/// Where the tests find their inputs: the package, its checked-in fixtures
/// (Tests/Fixtures), and ../shared beside the checkout.
public enum Fixtures {
    public static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    public static let directory = packageRoot.appendingPathComponent("Tests/Fixtures")
    public static let shared = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")

    /// A file's bytes, or none when it cannot be read.
    public static func bytes(_ url: URL) -> [UInt8] {
        (try? Data(contentsOf: url)).map { [UInt8]($0) } ?? []
    }

    /// Every `.py` file under a directory (following a symlinked directory), sorted.
    public static func pythonFiles(under directory: URL) -> [URL] {
        let enumerator = FileManager.default.enumerator(at: directory.resolvingSymlinksInPath(), includingPropertiesForKeys: nil)
        var files: [URL] = []
        while let url = enumerator?.nextObject() as? URL {
            if url.pathExtension == "py" { files.append(url) }
        }
        return files.sorted { $0.path < $1.path }
    }
}
