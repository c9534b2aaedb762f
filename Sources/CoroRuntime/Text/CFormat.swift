#if canImport(Glibc)
import Glibc
#endif

/// C's printf for one double (`%.*f`, `%.*e`, `%.*g`): glibc rounds the exact binary
/// value correctly, which is what CPython's formatting does too.
func formatC(_ value: Double, _ conversion: Character, precision: Int, alternate: Bool = false) -> String {
    let format = "%" + (alternate ? "#" : "") + ".*" + String(conversion)
    var buffer = [CChar](repeating: 0, count: 512 + max(0, precision))
    let written = withVaList([Int32(clamping: precision), value]) { arguments in
        vsnprintf(&buffer, buffer.count, format, arguments)
    }
    if written < 0 { return "" }
    return String(decoding: buffer.prefix(Int(written)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
}
