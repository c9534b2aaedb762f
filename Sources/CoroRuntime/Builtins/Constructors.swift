import BigInt
import CoroSyntax

/// Calling builtin classes: `int("12")`, `list(iterable)`, `dict(a=1)`... `type` is the
/// class being instantiated (a script subclass of `base` keeps its class).
extension VM {
    func constructBuiltin(_ base: PyType, _ type: PyType, _ arguments: Arguments) throws(PyError) -> Value {
        let name = base.name
        switch base.layout {
        case .int:
            try arguments.expect("int", self, min: 0, max: 2, keywords: true)
            let value = arguments.argument(0, "x") ?? .int(0)
            let result: Value
            if let radix = arguments.argument(1, "base") {
                result = try parseInt(value, base: try index(radix))
            } else {
                result = try toInt(value)
            }
            guard type !== types.int, let number = bigInt(result) else { return result }
            // An instance of an int subclass is an object even when its value is small.
            return Value(heap.register(PyBigInt(type: type, number)))
        case .bool:
            try arguments.expect("bool", self, min: 0, max: 1)
            return .bool(arguments.positionalCount == 1 ? try isTrue(arguments[0]) : false)
        case .float:
            try arguments.expect("float", self, min: 0, max: 1)
            return arguments.positionalCount == 1 ? .float(try toFloat(arguments[0])) : .float(0)
        case .str:
            let text: Value
            if arguments.positionalCount == 0 && arguments.keywordNames.isEmpty {
                text = str("")
            } else if let bytes = arguments[0].as(PyBytes.self), arguments.values.count > 1 {
                text = str(String(decoding: bytes.bytes, as: UTF8.self))
            } else {
                try arguments.expect("str", self, min: 0, max: 1)
                text = try str(of: arguments[0])
            }
            guard type !== types.str, let string = text.as(PyStr.self) else { return text }
            // An instance of a str subclass is its own object, of its own class.
            return Value(heap.register(PyStr(type: type, string.value, count: string.count, isASCII: string.isASCII)))
        case .bytes:
            if arguments.positionalCount == 0 { return bytes([]) }
            if let string = arguments[0].as(PyStr.self) { return bytes(Array(string.value.utf8)) }
            if isIntLike(arguments[0]) {
                let count = try sizeArgument(arguments[0])
                if count < 0 { throw error("ValueError", "negative count") }
                try checkAllocation(count, itemSize: 1)
                return bytes([UInt8](repeating: 0, count: count))
            }
            var result: [UInt8] = []
            for item in try collect(arguments[0]) {
                guard case .int(let byte) = item, (0..<256).contains(byte) else { throw error("ValueError", "bytes must be in range(0, 256)") }
                result.append(UInt8(byte))
            }
            return bytes(result)
        case .list:
            try arguments.expect("list", self, min: 0, max: 1)
            let items = arguments.positionalCount == 1 ? try collect(arguments[0]) : []
            return Value(heap.register(PyList(type: type, items)))
        case .tuple:
            try arguments.expect("tuple", self, min: 0, max: 1)
            let items = arguments.positionalCount == 1 ? try collect(arguments[0]) : []
            if type === types.tuple { return tuple(items) }
            return Value(heap.register(PyTuple(type: type, items)))
        case .dict:
            let dict = heap.register(PyDict(type: type))
            try withRoots([Value(dict)]) { () throws(PyError) in try updateDict(dict, arguments, offset: 0, name: "dict") }
            return Value(dict)
        case .set, .frozenset:
            try arguments.expect(name, self, min: 0, max: 1)
            let items = arguments.positionalCount == 1 ? try collect(arguments[0]) : []
            let set = heap.register(PySet(type: type))
            root(Value(set))
            for item in items { try set.add(item, hash: try hash(item), vm: self) }
            return Value(set)
        case .range:
            try arguments.expect("range", self, min: 1, max: 3)
            let values = try arguments.positional.map { value throws(PyError) in try rangeIndex(value) }
            let (start, stop, step) = values.count == 1 ? (0, values[0], 1) : (values[0], values[1], values.count == 3 ? values[2] : 1)
            if step == 0 { throw error("ValueError", "range() arg 3 must not be zero") }
            return Value(heap.register(PyRange(type: types.range, start: start, stop: stop, step: step)))
        case .slice:
            try arguments.expect("slice", self, min: 1, max: 3)
            let values = Array(arguments.positional)
            let (start, stop, step): (Value, Value, Value) = values.count == 1 ? (.none, values[0], .none)
                : (values[0], values[1], values.count == 3 ? values[2] : .none)
            return Value(heap.register(PySlice(type: types.slice, start: start, stop: stop, step: step)))
        case .property:
            let getter = arguments.argument(0, "fget") ?? .none
            let doc = arguments.argument(3, "doc") ?? getter.as(PyFunction.self)?.doc ?? .none
            return Value(heap.register(PyBox(type: type, kind: .property, values: [
                getter, arguments.argument(1, "fset") ?? .none, arguments.argument(2, "fdel") ?? .none, doc,
                str(getter.as(PyFunction.self)?.name ?? ""),
            ])))
        case .staticMethod, .classMethod:
            let function = try arguments.exactlyOne(name, self)
            return Value(heap.register(PyBox(type: type, kind: base.layout == .staticMethod ? .staticMethod : .classMethod, values: [function])))
        case .superObject:
            return try makeSuper(arguments)
        case .exception:
            var exceptionType = type
            var members = Array(arguments.positional)
            if type.isSubtype(of: types[exception: "BaseExceptionGroup"]) { members = try exceptionGroupMembers(&exceptionType, members) }
            return Value(heap.register(PyException(type: exceptionType, args: members)))
        case .object:
            if arguments.values.count > 0 && type === types.object { throw typeError("object() takes no arguments") }
            return Value(newInstance(type))
        case .iterator:
            return try constructIterator(type, arguments)
        default:
            throw typeError("cannot create '\(type.name)' instances")
        }
    }

    private func rangeIndex(_ value: Value) throws(PyError) -> Int {
        if case .float = value { throw typeError("'float' object cannot be interpreted as an integer") }
        guard isIntLike(value) || !typeOf(value).isBuiltin else {
            throw typeError("'\(typeName(value))' object cannot be interpreted as an integer")
        }
        return try index(value)
    }

    /// `enumerate`, `zip`, `map`, `filter`, `reversed` as classes.
    private func constructIterator(_ type: PyType, _ arguments: Arguments) throws(PyError) -> Value {
        switch type.name {
        case "enumerate":
            guard let iterable = arguments.argument(0, "iterable") else { throw typeError("enumerate() missing required argument 'iterable'") }
            let start = arguments.argument(1, "start") ?? .int(0)
            return box(.enumerate, [try iterate(iterable), start])
        case "zip":
            let iterators = try arguments.positional.map { value throws(PyError) in
                let iterator = try iterate(value)
                root(iterator)
                return iterator
            }
            let strict = try isTrue(arguments.keyword("strict") ?? .bool(false))
            return box(.zip, iterators, state: strict ? 1 : 0)
        case "map":
            guard arguments.positionalCount >= 2 else { throw typeError("map() must have at least two arguments.") }
            let iterators = try arguments.positional.dropFirst().map { value throws(PyError) in
                let iterator = try iterate(value)
                root(iterator)
                return iterator
            }
            return box(.map, [arguments[0]] + iterators)
        case "filter":
            try arguments.expect("filter", self, min: 2, max: 2)
            return box(.filter, [arguments[0], try iterate(arguments[1])])
        case "partial":
            return try constructPartial(arguments)
        case "reversed":
            guard let reversed = builtins.lookupString(intern("reversed")) else { return .none }
            return try call(reversed, Array(arguments.values))
        default:
            throw typeError("cannot create '\(type.name)' instances")
        }
    }

    /// `functools.partial(function, *args, **keywords)`; a partial of a partial is
    /// flattened into one, as CPython's is.
    private func constructPartial(_ arguments: Arguments) throws(PyError) -> Value {
        guard arguments.positionalCount >= 1 else { throw typeError("type 'partial' takes at least one argument") }
        var function = arguments[0]
        guard isCallable(function) else { throw typeError("the first argument must be callable") }
        var stored = Array(arguments.positional.dropFirst())
        let keywords = newDict()
        if let inner = function.as(PyBox.self), inner.kind == .partial {
            function = inner.values[0]
            stored = (inner.values[1].as(PyTuple.self)?.items ?? []) + stored
            if let innerKeywords = inner.values[2].as(PyDict.self) { try keywords.update(from: innerKeywords, vm: self) }
        }
        for (offset, name) in arguments.keywordNames.enumerated() {
            keywords.setString(name, arguments[arguments.positionalCount + offset])
        }
        return box(.partial, [function, tuple(stored), Value(keywords)])
    }

    /// `int(value)`.
    func toInt(_ value: Value) throws(PyError) -> Value {
        switch value {
        case .int: return value
        case .bool(let flag): return .int(flag ? 1 : 0)
        case .float(let number):
            if number.isNaN { throw error("ValueError", "cannot convert float NaN to integer") }
            if number.isInfinite { throw error("OverflowError", "cannot convert float infinity to integer") }
            let truncated = number.rounded(.towardZero)
            if let small = Int(exactly: truncated) { return .int(small) }
            return intValue(BigInt(truncated))
        default:
            if let big = value.as(PyBigInt.self) { return big.type === types.int ? value : intValue(big.value) }
            if value.object is PyStr || value.object is PyBytes { return try parseInt(value, base: 10) }
            let type = typeOf(value)
            for name in ["__int__", "__index__", "__trunc__"] {
                if let method = type.lookup(intern(name)) { return try call(method, [value]) }
            }
            throw typeError("int() argument must be a string, a bytes-like object or a real number, not '\(type.name)'")
        }
    }

    /// `int(text, base)`.
    func parseInt(_ value: Value, base: Int) throws(PyError) -> Value {
        let text: String
        if let string = value.as(PyStr.self) {
            text = string.value
        } else if let bytes = value.as(PyBytes.self) {
            text = String(decoding: bytes.bytes, as: UTF8.self)
        } else {
            throw typeError("int() can't convert non-string with explicit base")
        }
        guard base == 0 || (2...36).contains(base) else { throw error("ValueError", "int() base must be >= 2 and <= 36, or 0") }
        if base == 10, let small = Self.parseSmallDecimal(text) { return .int(small) }
        let invalid = error("ValueError", "invalid literal for int() with base \(base): \(try repr(value))")
        var body = Substring(text.trimmingWhitespace())
        var negative = false
        if body.hasPrefix("-") || body.hasPrefix("+") {
            negative = body.hasPrefix("-")
            body = body.dropFirst()
        }
        var radix = base
        let lower = body.lowercased()
        for (prefix, prefixRadix) in [("0x", 16), ("0o", 8), ("0b", 2)] where lower.hasPrefix(prefix) && (base == 0 || base == prefixRadix) {
            radix = prefixRadix
            body = body.dropFirst(2)
            if body.hasPrefix("_") { body = body.dropFirst() }
        }
        if radix == 0 {
            radix = 10
            if body.count > 1 && body.hasPrefix("0") && body.contains(where: { $0 != "0" && $0 != "_" }) { throw invalid }
        }
        if body.isEmpty || body.hasPrefix("_") || body.hasSuffix("_") || body.contains("__") { throw invalid }
        let digits = body.filter { $0 != "_" }
        guard let parsed = BigInt(String(digits), radix: radix), digits.allSatisfy({ $0.isASCII }) else { throw invalid }
        return intValue(negative ? -parsed : parsed)
    }

    /// Plain decimal digits with an optional sign that fit in an Int (the common case).
    private static func parseSmallDecimal(_ text: String) -> Int? {
        let bytes = text.utf8
        guard !bytes.isEmpty, bytes.count <= 18 else { return nil }
        var negative = false
        var result = 0
        var sawDigit = false
        for (offset, byte) in bytes.enumerated() {
            if offset == 0 && (byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+")) {
                negative = byte == UInt8(ascii: "-")
                continue
            }
            guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { return nil }
            result = result * 10 + Int(byte - UInt8(ascii: "0"))
            sawDigit = true
        }
        return sawDigit ? (negative ? -result : result) : nil
    }

    /// `float(value)`.
    func toFloat(_ value: Value) throws(PyError) -> Double {
        if let number = try floatValue(value) { return number }
        if let string = value.as(PyStr.self) {
            let text = string.value.trimmingWhitespace().lowercased().filter { $0 != "_" }
            switch text {
            case "inf", "+inf", "infinity", "+infinity": return .infinity
            case "-inf", "-infinity": return -.infinity
            case "nan", "+nan", "-nan": return .nan
            default:
                if let number = Double(text), !text.contains("x"), !text.isEmpty,
                   text.allSatisfy({ $0.isNumber || "+-.e".contains($0) }) {
                    return number
                }
                throw error("ValueError", "could not convert string to float: \(try repr(value))")
            }
        }
        let type = typeOf(value)
        if let method = type.lookup(names.float) {
            return try floatValue(try call(method, [value])) ?? 0
        }
        if let method = type.lookup(names.index) {
            return try floatValue(try call(method, [value])) ?? 0
        }
        throw typeError("float() argument must be a string or a real number, not '\(type.name)'")
    }

    /// `dict(mapping_or_pairs, **kwargs)` and `dict.update`.
    func updateDict(_ dict: PyDict, _ arguments: Arguments, offset: Int, name: String) throws(PyError) {
        let positional = arguments.positionalCount - offset
        if positional > 1 { throw typeError("\(name) expected at most 1 argument, got \(positional)") }
        if positional == 1 {
            let source = arguments[offset]
            if let other = source.as(PyDict.self) {
                try dict.update(from: other, vm: self)
            } else if typeOf(source).lookup(intern("keys")) != nil {
                for key in try collect(try callMethod(source, "keys", [])) {
                    try dict.set(key, try getItem(source, key), vm: self)
                }
            } else {
                for (index, item) in try collect(source).enumerated() {
                    let pair: [Value]
                    do throws(PyError) {
                        pair = try collect(item)
                    } catch {
                        throw typeError("cannot convert dictionary update sequence element #\(index) to a sequence")
                    }
                    guard pair.count == 2 else {
                        throw error("ValueError", "dictionary update sequence element #\(index) has length \(pair.count); 2 is required")
                    }
                    try dict.set(pair[0], pair[1], vm: self)
                }
            }
        }
        for (offset, keyword) in arguments.keywordNames.enumerated() {
            dict.setString(keyword, arguments[arguments.positionalCount + offset])
        }
    }
}

extension String {
    /// Without leading and trailing Unicode whitespace: what `int()` and `float()`
    /// strip (unlike `str.strip()`, they keep U+001C-U+001F).
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }
}
