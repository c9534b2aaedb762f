import CoroCompiler
#if canImport(Glibc)
import Glibc
#endif

/// Comparisons: builtin values first (numbers, strs, sequences, dicts, sets), then the
/// rich-comparison dunders with their reflected forms, and the key equality that dicts
/// and sets use.
extension VM {
    /// `left op right` as a value (user `__lt__` may return anything).
    func compare(_ left: Value, _ right: Value, _ operation: ComparisonOperation) throws(PyError) -> Value {
        if let result = try builtinCompare(left, right, operation) { return .bool(result) }
        let leftType = typeOf(left)
        let rightType = typeOf(right)
        let forward = names.comparison[operation.rawValue]
        let reflected = names.comparison[operation.swapped.rawValue]
        let rightFirst = rightType !== leftType && rightType.isSubtype(of: leftType) && !rightType.isBuiltin
        if rightFirst, let method = rightType.lookup(reflected), !(method.object is PyBuiltin),
           let result = try callDunder(method, right, left) {
            return result
        }
        if !leftType.isBuiltin, let method = leftType.lookup(forward), !(method.object is PyBuiltin),
           let result = try callDunder(method, left, right) {
            return result
        }
        if !rightType.isBuiltin, !rightFirst, let method = rightType.lookup(reflected), !(method.object is PyBuiltin),
           let result = try callDunder(method, right, left) {
            return result
        }
        switch operation {
        case .eq: return .bool(left.isIdentical(to: right))
        case .ne:
            if !leftType.isBuiltin, let method = leftType.lookup(names.eq), !(method.object is PyBuiltin),
               let result = try callDunder(method, left, right) {
                return .bool(!(try isTrue(result)))
            }
            return .bool(!left.isIdentical(to: right))
        default:
            throw typeError("'\(operation.symbol)' not supported between instances of '\(leftType.name)' and '\(rightType.name)'")
        }
    }

    func compareBool(_ left: Value, _ right: Value, _ operation: ComparisonOperation) throws(PyError) -> Bool {
        if let result = try builtinCompare(left, right, operation) { return result }
        return try isTrue(try compare(left, right, operation))
    }

    /// `==` as containers use it: identity first.
    func equals(_ left: Value, _ right: Value) throws(PyError) -> Bool {
        if left.isIdentical(to: right) { return true }
        return try compareBool(left, right, .eq)
    }

    /// Dict and set key equality (hashes already matched).
    func keysEqual(_ left: Value, _ right: Value) throws(PyError) -> Bool {
        if left.isIdentical(to: right) { return true }
        if let same = withExactStrings(left, right, { $0.equals($1) }) { return same }
        if case .object(let a) = left, case .object(let b) = right,
           let x = a.takeUnretainedValue() as? PyStr, let y = b.takeUnretainedValue() as? PyStr {
            return x.equals(y)
        }
        return try compareBool(left, right, .eq)
    }

    /// `body` applied to two exact strs (the usual keys and operands), reached without
    /// casts or reference counting; nil when either value is anything else.
    @inline(__always)
    func withExactStrings<Result>(_ left: Value, _ right: Value, _ body: (PyStr, PyStr) -> Result) -> Result? {
        guard case .object(let a) = left, case .object(let b) = right else { return nil }
        let strType = typeAddresses.str
        guard a._withUnsafeGuaranteedRef({ $0.typeStorage.toOpaque() }) == strType,
              b._withUnsafeGuaranteedRef({ $0.typeStorage.toOpaque() }) == strType else { return nil }
        return a._withUnsafeGuaranteedRef { x in
            b._withUnsafeGuaranteedRef { y in body(unsafeDowncast(x, to: PyStr.self), unsafeDowncast(y, to: PyStr.self)) }
        }
    }

    /// A comparison (COMPARE_OP's operand) between two strs.
    func compareStrings(_ s: PyStr, _ t: PyStr, _ operation: ComparisonOperation) -> Bool {
        switch operation {
        case .eq: return s.equals(t)
        case .ne: return !s.equals(t)
        default: return apply(compareText(s.value, t.value), operation)
        }
    }

    /// `==` between two builtin containers, ignoring any script overrides (`dict.__eq__`).
    func builtinEquals(_ left: Value, _ right: Value) throws(PyError) -> Bool {
        guard case .object(let a) = left, case .object(let b) = right else { return try equals(left, right) }
        switch (a.takeUnretainedValue(), b.takeUnretainedValue()) {
        case (let s as PyList, let t as PyList): return try compareSequences(s.items, t.items, .eq)
        case (let s as PyTuple, let t as PyTuple): return try compareSequences(s.items, t.items, .eq)
        case (let s as PyDict, let t as PyDict): return try dictsEqual(s, t)
        case (let s as PySet, let t as PySet): return try compareSets(s, t, .eq)
        default: return left.isIdentical(to: right)
        }
    }

    /// Comparisons between builtin values; nil when the dunder protocol must decide.
    private func builtinCompare(_ left: Value, _ right: Value, _ operation: ComparisonOperation) throws(PyError) -> Bool? {
        if let order = try compareNumbers(left, right) {
            if order == 2 { return operation == .ne }
            return apply(order, operation)
        }
        guard case .object(let a) = left, case .object(let b) = right else {
            if operation == .eq || operation == .ne, !(left.object.map { !$0.type.isBuiltin } ?? false),
               !(right.object.map { !$0.type.isBuiltin } ?? false) {
                return (operation == .eq) == left.isIdentical(to: right)
            }
            return nil
        }
        let x = a.takeUnretainedValue()
        let y = b.takeUnretainedValue()
        if hasScriptComparison(x.type, operation) || hasScriptComparison(y.type, operation.swapped) { return nil }
        switch (x, y) {
        case (let s as PyStr, let t as PyStr):
            return compareStrings(s, t, operation)
        case (let s as PyList, let t as PyList):
            return try compareSequences(s.items, t.items, operation)
        case (let s as PyTuple, let t as PyTuple):
            return try compareSequences(s.items, t.items, operation)
        case (let s as PyBytes, let t as PyBytes):
            return apply(s.bytes.lexicographicallyPrecedes(t.bytes) ? -1 : s.bytes == t.bytes ? 0 : 1, operation)
        case (let s as PyDict, let t as PyDict):
            guard operation == .eq || operation == .ne else { return nil }
            return try dictsEqual(s, t) == (operation == .eq)
        case (let s as PySet, let t as PySet):
            return try compareSets(s, t, operation)
        case (let s as PyBox, let t as PyBox) where s.kind == .dictKeys && t.kind == .dictKeys:
            guard operation == .eq || operation == .ne else { return nil }
            let sameKeys = try compareSets(try setFrom(Value(s)), try setFrom(Value(t)), .eq)
            return sameKeys == (operation == .eq)
        case (let s as PyMethod, let t as PyMethod):
            // Bound methods: the same receiver (by identity) and equal functions.
            guard operation == .eq || operation == .ne else { return nil }
            let same = s.receiver.isIdentical(to: t.receiver) ? try equals(s.function, t.function) : false
            return same == (operation == .eq)
        case (let s as PyBuiltin, let t as PyBuiltin) where !s.receiver.isNull && !t.receiver.isNull:
            guard operation == .eq || operation == .ne else { return nil }
            let same = s.receiver.isIdentical(to: t.receiver) && s.owner === t.owner && s.name == t.name
            return same == (operation == .eq)
        case (let s as PyRange, let t as PyRange):
            guard operation == .eq || operation == .ne else { return nil }
            let same = s.length == t.length && (s.length == 0 || (s.start == t.start && (s.length == 1 || s.step == t.step)))
            return same == (operation == .eq)
        default:
            if operation == .eq || operation == .ne {
                if x.type.lookup(names.eq)?.object is PyFunction { return nil }
                return (operation == .eq) == (x === y)
            }
            return nil
        }
    }

    /// Whether a script class overrides `operation` (or equality) for its instances.
    private func hasScriptComparison(_ type: PyType, _ operation: ComparisonOperation) -> Bool {
        if type.isBuiltin { return false }
        if type.lookup(names.comparison[operation.rawValue])?.object is PyFunction { return true }
        return (operation == .eq || operation == .ne) && type.lookup(names.eq)?.object is PyFunction
    }

    private func apply(_ order: Int, _ operation: ComparisonOperation) -> Bool {
        switch operation {
        case .lt: return order < 0
        case .le: return order <= 0
        case .eq: return order == 0
        case .ne: return order != 0
        case .gt: return order > 0
        case .ge: return order >= 0
        }
    }

    /// Code point order, which is UTF-8 byte order.
    func compareText(_ a: String, _ b: String) -> Int {
        var a = a
        var b = b
        return a.withUTF8 { left in
            b.withUTF8 { right in
                let common = min(left.count, right.count)
                if common > 0, let x = left.baseAddress, let y = right.baseAddress {
                    let order = memcmp(x, y, common)
                    if order != 0 { return order < 0 ? -1 : 1 }
                }
                return left.count < right.count ? -1 : left.count == right.count ? 0 : 1
            }
        }
    }

    private func compareSequences(_ a: [Value], _ b: [Value], _ operation: ComparisonOperation) throws(PyError) -> Bool {
        if (operation == .eq || operation == .ne) && a.count != b.count { return operation == .ne }
        var index = 0
        while index < a.count && index < b.count {
            if !(try equals(a[index], b[index])) { break }
            index += 1
        }
        if index >= a.count || index >= b.count {
            return apply(a.count < b.count ? -1 : a.count == b.count ? 0 : 1, operation)
        }
        if operation == .eq { return false }
        if operation == .ne { return true }
        return try compareBool(a[index], b[index], operation)
    }

    private func dictsEqual(_ a: PyDict, _ b: PyDict) throws(PyError) -> Bool {
        guard a.count == b.count else { return false }
        for entry in a.liveEntries {
            guard let other = try b.lookup(entry.key, hash: entry.hash, vm: self) else { return false }
            if !(try equals(entry.value, other)) { return false }
        }
        return true
    }
}
