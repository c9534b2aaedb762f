/// A script value: small, trivially copyable, never reference counted.
///
/// Ints that fit in 64 bits, floats, bools and None are stored inline; everything else
/// is an unmanaged reference to an object owned by the interpreter's `Heap`. `null`
/// marks an unbound local or an absent value and never reaches a script.
@frozen
public enum Value {
    case null
    case none
    case bool(Bool)
    case int(Int)
    case float(Double)
    case object(Unmanaged<PyObject>)

    @inline(__always)
    init(_ object: PyObject) {
        self = .object(Unmanaged.passUnretained(object))
    }

    /// The object this value refers to, if it is one.
    @inline(__always)
    var object: PyObject? {
        if case .object(let reference) = self { return reference.takeUnretainedValue() }
        return nil
    }

    @inline(__always)
    var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    @inline(__always)
    var isNone: Bool {
        if case .none = self { return true }
        return false
    }

    /// Identity, as Python's `is`.
    func isIdentical(to other: Value) -> Bool {
        switch (self, other) {
        case (.null, .null), (.none, .none): return true
        case let (.bool(a), .bool(b)): return a == b
        case let (.int(a), .int(b)): return a == b
        case let (.float(a), .float(b)): return a.bitPattern == b.bitPattern
        case let (.object(a), .object(b)): return a.toOpaque() == b.toOpaque()
        default: return false
        }
    }

    /// The object as `T` when it is exactly that Swift class (subclass instances included).
    @inline(__always)
    func `as`<T: PyObject>(_: T.Type) -> T? {
        if case .object(let reference) = self { return reference.takeUnretainedValue() as? T }
        return nil
    }
}

/// A script exception in flight through native code: the exception object.
public struct PyError: Error, @unchecked Sendable {
    let exception: PyException
}
