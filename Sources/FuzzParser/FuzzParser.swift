import CoroCompiler
import CoroSyntax

/// libFuzzer entry point: any input must parse and check to a result or a SyntaxError,
/// never a crash or hang. Build and run with `Scripts/fuzz`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let source = SourceFile(name: "<fuzz>", bytes: Array(UnsafeBufferPointer(start: data, count: size)))
    _ = try? Frontend.check(source, allowsTopLevelAwait: false)
    return 0
}
