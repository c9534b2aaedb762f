#if canImport(Glibc)
import Glibc
#endif
import BigInt

/// Sizes a script asks for (`'x' * n`, `s.ljust(n)`, `bytes(n)`, `list(range(n))`):
/// Swift traps on an allocation it cannot make, so every script-sized buffer is checked
/// here first and raises what CPython raises when its `malloc` fails.
extension VM {
    /// The largest buffer a script may ask for, in bytes: the machine's physical memory.
    static let allocationLimit: Int = {
        let pages = sysconf(Int32(_SC_PHYS_PAGES)), pageSize = sysconf(Int32(_SC_PAGESIZE))
        guard pages > 0, pageSize > 0 else { return Int.max }
        return pages.multipliedReportingOverflow(by: pageSize).overflow ? Int.max : pages * pageSize
    }()

    /// CPython's `MemoryError()`, which has no message.
    func memoryError() -> PyError {
        PyError(exception: newException(types[exception: "MemoryError"], []))
    }

    /// Throws `MemoryError` unless `count` items of `itemSize` bytes fit in memory.
    func checkAllocation<Count: BinaryInteger>(_ count: Count, itemSize: Int) throws(PyError) {
        guard let items = Int(exactly: count) else { throw memoryError() }
        let (bytes, overflow) = items.multipliedReportingOverflow(by: itemSize)
        if overflow || bytes > VM.allocationLimit { throw memoryError() }
    }

    /// `unit` repeated `count` times, checked first (padding, `str * n`).
    func repeated(_ unit: String, _ count: Int) throws(PyError) -> String {
        guard count > 0, !unit.isEmpty else { return "" }
        try checkAllocation(count, itemSize: unit.utf8.count)
        return String(repeating: unit, count: count)
    }

    /// An argument CPython converts to a C `Py_ssize_t` (widths, counts).
    func sizeArgument(_ value: Value) throws(PyError) -> Int {
        if let big = value.as(PyBigInt.self), big.small == nil {
            throw error("OverflowError", "Python int too large to convert to C ssize_t")
        }
        return try index(value)
    }

    /// An argument CPython converts to a C `int` (tab sizes, `%.*f` precisions).
    func cIntArgument(_ value: Value) throws(PyError) -> Int {
        guard value.as(PyBigInt.self).map({ $0.small != nil }) ?? true, let fitted = Int32(exactly: try index(value)) else {
            throw error("OverflowError", "Python int too large to convert to C int")
        }
        return Int(fitted)
    }
}
