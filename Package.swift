// swift-tools-version:6.0
import PackageDescription

/// Coro: an async-first interpreter for a subset of Python 3.
/// Targets follow the data flow of the interpreter (see README.md):
/// syntax -> compiler -> runtime -> embedding API -> command line.
let package = Package(
    name: "Coro",
    products: [
        .library(name: "Coro", targets: ["Coro"]),
        .executable(name: "coro", targets: ["coro"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/attaswift/BigInt", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.0"),
    ],
    targets: [
        .target(name: "CoroSyntax"),
        .target(name: "CoroCompiler", dependencies: ["CoroSyntax"]),
        .target(
            name: "CoroRuntime",
            dependencies: [
                "CoroCompiler",
                .product(name: "BigInt", package: "BigInt"),
                .product(name: "HeapModule", package: "swift-collections"),
                .product(name: "DequeModule", package: "swift-collections"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]),
        .target(name: "Coro", dependencies: ["CoroRuntime"]),
        .systemLibrary(name: "CLibEdit", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),
        // mimalloc replaces glibc's malloc in the coro executable: coroutines, frames and
        // the collector's bulk frees run up to 30% faster (chain.py, dict_str.py).
        .systemLibrary(name: "CMalloc", providers: [.apt(["libmimalloc-dev"])]),
        .target(
            name: "CoroCLI",
            dependencies: [
                "Coro", "CLibEdit", "CMalloc",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .executableTarget(name: "coro", dependencies: ["CoroCLI"]),
        // libFuzzer entry point: build with `Scripts/fuzz` (swift build --sanitize fuzzer).
        .executableTarget(name: "FuzzParser", dependencies: ["CoroCompiler"]),

        // Paths to fixtures and ../shared, shared by the test targets.
        .target(name: "CoroTestSupport", path: "Tests/CoroTestSupport"),
        .testTarget(name: "CoroSyntaxTests", dependencies: ["CoroSyntax", "CoroTestSupport"]),
        .testTarget(name: "CoroCompilerTests", dependencies: ["CoroCompiler", "CoroTestSupport"]),
        .testTarget(name: "CoroRuntimeTests", dependencies: ["CoroRuntime", .product(name: "BigInt", package: "BigInt")]),
        .testTarget(name: "CoroTests", dependencies: ["Coro"]),
        .testTarget(name: "CoroCLITests", dependencies: ["CoroCLI", "CoroTestSupport"]),
    ]
)
