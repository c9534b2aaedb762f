import BigInt
import CoroCompiler

/// Binary and unary operators, truth and membership: builtin types first, then the
/// dunder protocol with reflected operands and `NotImplemented` (comparisons are in
/// VM+Comparisons).
extension VM {
    /// Forward, reflected and in-place method names, indexed by `BinaryOperation`.
    static let binaryDunderNames: [(String, String, String)] = [
        ("__add__", "__radd__", "__iadd__"), ("__sub__", "__rsub__", "__isub__"), ("__mul__", "__rmul__", "__imul__"),
        ("__matmul__", "__rmatmul__", "__imatmul__"), ("__truediv__", "__rtruediv__", "__itruediv__"),
        ("__floordiv__", "__rfloordiv__", "__ifloordiv__"), ("__mod__", "__rmod__", "__imod__"),
        ("__pow__", "__rpow__", "__ipow__"), ("__lshift__", "__rlshift__", "__ilshift__"),
        ("__rshift__", "__rrshift__", "__irshift__"), ("__and__", "__rand__", "__iand__"),
        ("__or__", "__ror__", "__ior__"), ("__xor__", "__rxor__", "__ixor__"),
    ]

    func binaryOperation(_ left: Value, _ right: Value, _ operand: Int) throws(PyError) -> Value {
        let operation = BinaryOperation(rawValue: operand & 15) ?? .add
        let inPlace = operand & BinaryOperation.inPlace != 0
        let (forward, reflected, inPlaceName) = names.binary[operation.rawValue]
        // A script subclass of a builtin (class Meters(int)) that defines the operator
        // gets the dunder protocol first; the builtin operation is then the fallback.
        func overrides(_ value: Value) -> Bool {
            guard case .object(let reference) = value else { return false }
            let type = reference.takeUnretainedValue().type
            if type.isBuiltin { return false }
            func isScript(_ name: PyStr) -> Bool { type.lookup(name)?.object is PyFunction }
            return isScript(forward) || isScript(reflected) || isScript(inPlaceName)
        }
        let overridden = overrides(left) || overrides(right)
        if !overridden, let result = try builtinOperation(left, right, operation, inPlace: inPlace) { return result }
        let leftType = typeOf(left)
        let rightType = typeOf(right)
        if inPlace, !leftType.isBuiltin, let method = leftType.lookup(inPlaceName),
           let result = try callDunder(method, left, right) {
            return result
        }
        let rightFirst = rightType !== leftType && rightType.isSubtype(of: leftType) && !rightType.isBuiltin
        if rightFirst, let method = rightType.lookup(reflected), let result = try callDunder(method, right, left) {
            return result
        }
        if !leftType.isBuiltin, let method = leftType.lookup(forward), let result = try callDunder(method, left, right) {
            return result
        }
        if !rightFirst, rightType !== leftType, !rightType.isBuiltin, let method = rightType.lookup(reflected),
           let result = try callDunder(method, right, left) {
            return result
        }
        if overridden, let result = try builtinOperation(left, right, operation, inPlace: inPlace) { return result }
        throw binaryTypeError(left, right, operation, inPlace: inPlace)
    }

    /// The operation between numbers, strs and containers, as the builtin types do it
    /// (what `str.__add__` and `dict.__or__` run, whatever a subclass overrides).
    func builtinOperation(_ left: Value, _ right: Value, _ operation: BinaryOperation, inPlace: Bool) throws(PyError) -> Value? {
        if let result = try numericOperation(left, right, operation) { return result }
        return try builtinBinary(left, right, operation, inPlace: inPlace)
    }

    /// Calls a binary dunder method; nil when it returned NotImplemented.
    func callDunder(_ method: Value, _ first: Value, _ second: Value) throws(PyError) -> Value? {
        let result = try call(method, [first, second])
        return result.isIdentical(to: notImplemented) ? nil : result
    }

    private func binaryTypeError(_ left: Value, _ right: Value, _ operation: BinaryOperation, inPlace: Bool) -> PyError {
        let leftName = typeName(left)
        let rightName = typeName(right)
        let sequenceNames: Set = ["str", "list", "tuple", "bytes"]
        if operation == .add, sequenceNames.contains(leftName), leftName != rightName {
            return typeError("can only concatenate \(leftName) (not \"\(rightName)\") to \(leftName)")
        }
        if operation == .mul, sequenceNames.contains(leftName) || sequenceNames.contains(rightName) {
            let other = sequenceNames.contains(leftName) ? rightName : leftName
            return typeError("can't multiply sequence by non-int of type '\(other)'")
        }
        if operation == .pow {
            return typeError("unsupported operand type(s) for \(inPlace ? "**=" : "** or pow()"): '\(leftName)' and '\(rightName)'")
        }
        return typeError("unsupported operand type(s) for \(operation.symbol)\(inPlace ? "=" : ""): '\(leftName)' and '\(rightName)'")
    }

    /// Operators of builtin containers and strings.
    private func builtinBinary(_ left: Value, _ right: Value, _ operation: BinaryOperation, inPlace: Bool) throws(PyError) -> Value? {
        if operation == .mul, isIntLike(left), case .object = right, !isIntLike(right) {
            return try builtinBinary(right, left, .mul, inPlace: false)
        }
        guard case .object(let leftReference) = left else { return nil }
        let leftObject = leftReference.takeUnretainedValue()
        switch (leftObject, operation) {
        case (let string as PyStr, .add):
            guard let other = right.as(PyStr.self) else { return nil }
            return str(string.value + other.value)
        case (let string as PyStr, .mul):
            guard let count = try repeatCount(right) else { return nil }
            if string.count > Int.max / max(count, 1) { throw error("OverflowError", "repeated string is too long") }
            return str(try repeated(string.value, count))
        case (let string as PyStr, .mod):
            return str(try percentFormat(string.value, right))
        case (let list as PyList, .add):
            guard let other = right.as(PyList.self) else {
                if inPlace && list.type === types.list {
                    list.items.append(contentsOf: try collect(right))
                    return left
                }
                return nil
            }
            if inPlace {
                list.items.append(contentsOf: other.items)
                return left
            }
            return self.list(list.items + other.items)
        case (let list as PyList, .mul):
            guard let count = try repeatCount(right) else { return nil }
            let items = try repeatedItems(list.items, count, tooLong: memoryError())
            if inPlace {
                list.items = items
                return left
            }
            return self.list(items)
        case (let tuple as PyTuple, .add):
            guard let other = right.as(PyTuple.self) else { return nil }
            return self.tuple(tuple.items + other.items)
        case (let tuple as PyTuple, .mul):
            guard let count = try repeatCount(right) else { return nil }
            return self.tuple(try repeatedItems(tuple.items, count, tooLong: memoryError()))
        case (let bytes as PyBytes, .add):
            guard let other = right.as(PyBytes.self) else { return nil }
            return self.bytes(bytes.bytes + other.bytes)
        case (let bytes as PyBytes, .mul):
            guard let count = try repeatCount(right) else { return nil }
            return self.bytes(try repeatedItems(bytes.bytes, count, tooLong: error("OverflowError", "repeated bytes are too long")))
        case (let dict as PyDict, .or):
            guard let other = right.as(PyDict.self) else { return nil }
            if inPlace {
                try dict.update(from: other, vm: self)
                return left
            }
            let merged = newDict()
            try merged.update(from: dict, vm: self)
            try merged.update(from: other, vm: self)
            return Value(merged)
        case (let set as PySet, .or), (let set as PySet, .and), (let set as PySet, .sub), (let set as PySet, .xor):
            guard let other = right.as(PySet.self) else { return nil }
            return try setOperation(set, other, operation, inPlace: inPlace)
        case (let view as PyBox, .or), (let view as PyBox, .and), (let view as PyBox, .sub), (let view as PyBox, .xor):
            guard view.kind == .dictKeys || view.kind == .dictItems else { return nil }
            return try setOperation(try setFrom(left), try setFrom(right), operation, inPlace: false)
        default:
            return nil
        }
    }

    /// `items * count` for lists, tuples and bytes; `tooLong` is raised when the size overflows.
    private func repeatedItems<Item>(_ items: [Item], _ count: Int, tooLong: @autoclosure () -> PyError) throws(PyError) -> [Item] {
        if items.isEmpty { return [] }
        if items.count > Int.max / max(count, 1) { throw tooLong() }
        try checkAllocation(items.count * count, itemSize: MemoryLayout<Item>.stride)
        var result: [Item] = []
        result.reserveCapacity(items.count * count)
        for _ in 0..<count { result.append(contentsOf: items) }
        return result
    }

    private func repeatCount(_ value: Value) throws(PyError) -> Int? {
        switch value {
        case .int(let count): return max(0, count)
        case .bool(let flag): return flag ? 1 : 0
        default:
            if let big = value.as(PyBigInt.self) {
                if let small = big.small { return max(0, small) }
                if big.value < 0 { return 0 }
                throw error("OverflowError", "cannot fit 'int' into an index-sized integer")
            }
            return nil
        }
    }

    func unaryOperation(_ value: Value, _ opcode: Opcode) throws(PyError) -> Value {
        let name = opcode == .unaryNegative ? "__neg__" : opcode == .unaryPositive ? "__pos__" : "__invert__"
        let type = typeOf(value)
        let method = type.isBuiltin ? nil : type.lookup(intern(name))
        // A script method first, even on a subclass of int (class Money(int)).
        if let method, method.object is PyFunction { return try call(method, [value]) }
        if let result = builtinUnary(value, opcode) { return result }
        if let method { return try call(method, [value]) }
        let symbol = opcode == .unaryNegative ? "-" : opcode == .unaryPositive ? "+" : "~"
        throw typeError("bad operand type for unary \(symbol): '\(type.name)'")
    }

    /// `-`, `+` and `~` of ints and floats, as the builtin types do them (what
    /// `int.__neg__` runs, whatever a subclass overrides); nil for anything else.
    func builtinUnary(_ value: Value, _ opcode: Opcode) -> Value? {
        switch (value, opcode) {
        case (.int(let number), .unaryNegative):
            return number == Int.min ? intValue(-BigInt(number)) : .int(-number)
        case (.int, .unaryPositive): return value
        case (.int(let number), .unaryInvert): return .int(~number)
        case (.bool(let flag), _): return builtinUnary(.int(flag ? 1 : 0), opcode)
        case (.float(let number), .unaryNegative): return .float(-number)
        case (.float, .unaryPositive): return value
        default: break
        }
        guard let big = value.as(PyBigInt.self) else { return nil }
        switch opcode {
        case .unaryNegative: return intValue(-big.value)
        case .unaryPositive: return big.type === types.int ? value : intValue(big.value)
        default: return intValue(-big.value - 1)
        }
    }

    // MARK: truth and membership

    func isTrue(_ value: Value) throws(PyError) -> Bool {
        switch value {
        case .bool(let flag): return flag
        case .none, .null: return false
        case .int(let number): return number != 0
        case .float(let number): return number != 0
        case .object(let reference):
            let object = reference.takeUnretainedValue()
            if object.type.isBuiltin {
                switch object {
                case let string as PyStr: return string.count > 0
                case let list as PyList: return !list.items.isEmpty
                case let tuple as PyTuple: return !tuple.items.isEmpty
                case let dict as PyDict: return dict.count > 0
                case let set as PySet: return set.count > 0
                case let range as PyRange: return range.length > 0
                case is PyBigInt: return true
                case let bytes as PyBytes: return !bytes.bytes.isEmpty
                case let box as PyBox where [.dictKeys, .dictValues, .dictItems].contains(box.kind):
                    return (box.values[0].as(PyDict.self)?.count ?? 0) > 0
                default: return true
                }
            }
            if let method = object.type.lookup(names.bool) {
                let result = try call(method, [value])
                guard case .bool(let flag) = result else {
                    throw typeError("__bool__ should return bool, returned \(typeName(result))")
                }
                return flag
            }
            if object.type.lookup(names.len) != nil { return try length(value) > 0 }
            // An int subclass instance may be zero.
            if let big = object as? PyBigInt { return big.medium != 0 }
            return true
        }
    }

    /// `needle in container`.
    func contains(_ container: Value, _ needle: Value) throws(PyError) -> Bool {
        guard case .object(let reference) = container else {
            throw typeError("argument of type '\(typeName(container))' is not iterable")
        }
        let object = reference.takeUnretainedValue()
        if !object.type.isBuiltin, let method = object.type.lookup(names.contains), !(method.object is PyBuiltin) {
            return try isTrue(try call(method, [container, needle]))
        }
        switch object {
        case let string as PyStr:
            guard let other = needle.as(PyStr.self) else {
                throw typeError("'in <string>' requires string as left operand, not \(typeName(needle))")
            }
            return other.value.isEmpty || string.value.utf8.firstRange(of: other.value.utf8) != nil
        case let list as PyList:
            for item in list.items where try equals(item, needle) { return true }
            return false
        case let tuple as PyTuple:
            for item in tuple.items where try equals(item, needle) { return true }
            return false
        case let dict as PyDict:
            return try dict.lookup(needle, vm: self) != nil
        case let set as PySet:
            return try set.contains(needle, hash: try hash(needle), vm: self)
        case let range as PyRange:
            guard case .int(let number) = needle.normalizedBool else {
                for item in try collect(container) where try equals(item, needle) { return true }
                return false
            }
            return range.contains(number)
        case let bytes as PyBytes:
            if case .int(let byte) = needle.normalizedBool {
                guard let value = UInt8(exactly: byte) else { throw error("ValueError", "byte must be in range(0, 256)") }
                return bytes.bytes.contains(value)
            }
            guard let other = needle.as(PyBytes.self) else { throw typeError("a bytes-like object is required, not '\(typeName(needle))'") }
            return other.bytes.isEmpty || bytes.bytes.firstRange(of: other.bytes) != nil
        case let box as PyBox where box.kind == .dictKeys || box.kind == .dictItems:
            guard let dict = box.values[0].as(PyDict.self) else { return false }
            if box.kind == .dictKeys { return try dict.lookup(needle, vm: self) != nil }
            guard let pair = needle.as(PyTuple.self), pair.items.count == 2,
                  let value = try dict.lookup(pair.items[0], vm: self) else { return false }
            return try equals(value, pair.items[1])
        default:
            let iterator = try iterate(container)
            return try withRoots([iterator]) { () throws(PyError) -> Bool in
                while let item = try nextItem(iterator) {
                    if try equals(item, needle) { return true }
                }
                return false
            }
        }
    }
}
