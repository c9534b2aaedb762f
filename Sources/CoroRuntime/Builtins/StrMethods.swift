/// Methods of `str`. Indexes count code points.
extension VM {
    func installStrMethods() {
        let type = types.str
        func text(_ arguments: Arguments) -> PyStr { arguments[0].as(PyStr.self) ?? intern("") }
        func stringArgument(_ arguments: Arguments, _ index: Int, _ method: String) throws(PyError) -> PyStr {
            guard index < arguments.positionalCount, let string = arguments[index].as(PyStr.self) else {
                let given = index < arguments.positionalCount ? typeName(arguments[index]) : "nothing"
                throw typeError("\(method)() argument must be str, not \(given)")
            }
            return string
        }
        for (name, transform) in [("upper", { (s: String) in s.uppercased() }), ("lower", { $0.lowercased() }),
                                  ("casefold", { $0.lowercased() }), ("swapcase", swapCase),
                                  ("title", titleCase), ("capitalize", capitalize)] as [(String, (String) -> String)] {
            defineMethod(type, name) { vm, arguments throws(PyError) in
                try arguments.expectMethod(name, vm, min: 0, max: 0)
                return vm.str(transform(text(arguments).value))
            }
        }
        for (name, predicate) in [
            ("isdigit", { (s: Unicode.Scalar) in s.properties.numericType == .decimal || s.properties.numericType == .digit }),
            ("isdecimal", { $0.properties.numericType == .decimal }), ("isnumeric", { $0.properties.numericType != nil }),
            ("isalpha", { $0.properties.isAlphabetic }), ("isspace", { $0.isPythonWhitespace }),
            ("isalnum", { $0.properties.isAlphabetic || $0.properties.numericType != nil }),
            ("isascii", { $0.isASCII }), ("isprintable", { s in s.value >= 0x20 && s.value != 0x7f }),
        ] as [(String, (Unicode.Scalar) -> Bool)] {
            defineMethod(type, name) { _, arguments throws(PyError) in
                let scalars = text(arguments).value.unicodeScalars
                if name == "isascii" || name == "isprintable" { return .bool(scalars.allSatisfy(predicate)) }
                return .bool(!scalars.isEmpty && scalars.allSatisfy(predicate))
            }
        }
        defineMethod(type, "isupper") { _, arguments throws(PyError) in
            let value = text(arguments).value
            return .bool(value.contains { $0.isCased } && value.allSatisfy { !$0.isLowercase })
        }
        defineMethod(type, "islower") { _, arguments throws(PyError) in
            let value = text(arguments).value
            return .bool(value.contains { $0.isCased } && value.allSatisfy { !$0.isUppercase })
        }
        defineMethod(type, "istitle") { _, arguments throws(PyError) in
            let value = text(arguments).value
            return .bool(value.contains { $0.isCased } && titleCase(value) == value)
        }
        defineMethod(type, "isidentifier") { _, arguments throws(PyError) in
            .bool(text(arguments).value.isPythonIdentifier)
        }
        for name in ["strip", "lstrip", "rstrip"] {
            defineMethod(type, name) { vm, arguments throws(PyError) in
                try arguments.expectMethod(name, vm, min: 0, max: 1)
                var scalars = Substring(text(arguments).value).unicodeScalars
                let characters = arguments.positionalCount > 1 && !arguments[1].isNone ? Set(try stringArgument(arguments, 1, name).value.unicodeScalars) : nil
                let strips = { (s: Unicode.Scalar) in characters?.contains(s) ?? s.isPythonWhitespace }
                if name != "rstrip" { while let first = scalars.first, strips(first) { scalars.removeFirst() } }
                if name != "lstrip" { while let last = scalars.last, strips(last) { scalars.removeLast() } }
                return vm.str(String(scalars))
            }
        }
        defineMethod(type, "split") { vm, arguments throws(PyError) in try vm.split(arguments, fromRight: false) }
        defineMethod(type, "rsplit") { vm, arguments throws(PyError) in try vm.split(arguments, fromRight: true) }
        defineMethod(type, "splitlines") { vm, arguments throws(PyError) in
            let keepEnds = try vm.isTrue(arguments.argument(1, "keepends") ?? .bool(false))
            var lines: [Value] = []
            var current = ""
            var scalars = text(arguments).value.unicodeScalars.makeIterator()
            var pending = scalars.next()
            while let scalar = pending {
                pending = scalars.next()
                if "\n\r\u{0B}\u{0C}\u{1C}\u{1D}\u{1E}\u{85}\u{2028}\u{2029}".unicodeScalars.contains(scalar) {
                    var ending = String(scalar)
                    if scalar == "\r", pending == "\n" {
                        ending += "\n"
                        pending = scalars.next()
                    }
                    lines.append(vm.str(keepEnds ? current + ending : current))
                    current = ""
                } else {
                    current.unicodeScalars.append(scalar)
                }
            }
            if !current.isEmpty { lines.append(vm.str(current)) }
            return vm.list(lines)
        }
        defineMethod(type, "join") { vm, arguments throws(PyError) in
            try arguments.expectMethod("join", vm, min: 1, max: 1)
            return try vm.join(text(arguments), arguments[1])
        }
        defineMethod(type, "replace") { vm, arguments throws(PyError) in
            try arguments.expectMethod("replace", vm, min: 2, max: 3)
            let old = try stringArgument(arguments, 1, "replace").value
            let new = try stringArgument(arguments, 2, "replace").value
            let limit = arguments.positionalCount > 3 ? try vm.index(arguments[3]) : -1
            return vm.str(replace(text(arguments).value, old, new, limit: limit))
        }
        for name in ["startswith", "endswith"] {
            defineMethod(type, name) { vm, arguments throws(PyError) in
                try arguments.expectMethod(name, vm, min: 1, max: 3)
                let string = text(arguments)
                let (start, end) = try vm.bounds(arguments, from: 2, count: string.count)
                let window = start <= end ? string.substring(start..<end) : ""
                let candidates = arguments[1].as(PyTuple.self)?.items ?? [arguments[1]]
                for candidate in candidates {
                    guard let affix = candidate.as(PyStr.self) else {
                        throw vm.typeError("\(name) first arg must be str or a tuple of str, not \(vm.typeName(candidate))")
                    }
                    if start > string.count { continue }
                    let matches = name == "startswith" ? window.unicodeScalars.starts(with: affix.value.unicodeScalars)
                        : window.unicodeScalars.reversed().starts(with: affix.value.unicodeScalars.reversed())
                    if matches { return .bool(true) }
                }
                return .bool(false)
            }
        }
        for name in ["find", "rfind", "index", "rindex", "count"] {
            defineMethod(type, name) { vm, arguments throws(PyError) in
                try arguments.expectMethod(name, vm, min: 1, max: 3)
                let string = text(arguments)
                let needle = try stringArgument(arguments, 1, name)
                let (start, end) = try vm.bounds(arguments, from: 2, count: string.count)
                if string.isASCII, needle.isASCII, !needle.value.isEmpty, name != "count" {
                    // ASCII: code points are bytes, searched in place.
                    var text = string.value
                    var pattern = needle.value
                    let found = start > end ? -1 : text.withUTF8 { haystack in
                        pattern.withUTF8 { findBytes($0, in: haystack, start..<end, fromRight: name.hasPrefix("r")) }
                    }
                    if found < 0 && name.hasSuffix("index") { throw vm.error("ValueError", "substring not found") }
                    return .int(found)
                }
                let haystack = Array(string.value.unicodeScalars)
                let pattern = Array(needle.value.unicodeScalars)
                if name == "count" { return .int(countOccurrences(haystack, pattern, start, end)) }
                let found = search(haystack, pattern, start, end, fromRight: name.hasPrefix("r"))
                if found < 0 && name.hasSuffix("index") { throw vm.error("ValueError", "substring not found") }
                return .int(found)
            }
        }
        for name in ["center", "ljust", "rjust"] {
            defineMethod(type, name) { vm, arguments throws(PyError) in
                try arguments.expectMethod(name, vm, min: 1, max: 2)
                let width = try vm.sizeArgument(arguments[1])
                var fill = " "
                if arguments.positionalCount > 2 {
                    guard let given = arguments[2].as(PyStr.self), given.count == 1 else {
                        throw vm.typeError("The fill character must be exactly one character long")
                    }
                    fill = given.value
                }
                let value = text(arguments).value
                let length = text(arguments).count
                guard width > length else { return vm.str(value) }
                let padding = width - length
                switch name {
                case "ljust": return vm.str(value + (try vm.repeated(fill, padding)))
                case "rjust": return vm.str((try vm.repeated(fill, padding)) + value)
                default:
                    let left = padding / 2 + (padding & width & 1)
                    return vm.str((try vm.repeated(fill, left)) + value + (try vm.repeated(fill, padding - left)))
                }
            }
        }
        defineMethod(type, "zfill") { vm, arguments throws(PyError) in
            try arguments.expectMethod("zfill", vm, min: 1, max: 1)
            let width = try vm.sizeArgument(arguments[1])
            var value = text(arguments).value
            let length = text(arguments).count
            guard width > length else { return vm.str(value) }
            var sign = ""
            if let first = value.first, first == "-" || first == "+" {
                sign = String(first)
                value.removeFirst()
            }
            return vm.str(sign + (try vm.repeated("0", width - length)) + value)
        }
        for name in ["partition", "rpartition"] {
            defineMethod(type, name) { vm, arguments throws(PyError) in
                try arguments.expectMethod(name, vm, min: 1, max: 1)
                let string = text(arguments)
                let separator = try stringArgument(arguments, 1, name)
                if separator.count == 0 { throw vm.error("ValueError", "empty separator") }
                let haystack = Array(string.value.unicodeScalars)
                let found = search(haystack, Array(separator.value.unicodeScalars), 0, haystack.count, fromRight: name == "rpartition")
                if found < 0 {
                    return name == "partition" ? vm.tuple([arguments[0], vm.str(""), vm.str("")]) : vm.tuple([vm.str(""), vm.str(""), arguments[0]])
                }
                return vm.tuple([vm.str(string.substring(0..<found)), arguments[1],
                                 vm.str(string.substring((found + separator.count)..<string.count))])
            }
        }
        defineMethod(type, "removeprefix") { vm, arguments throws(PyError) in
            let value = text(arguments).value
            let prefix = try stringArgument(arguments, 1, "removeprefix").value
            return vm.str(value.unicodeScalars.starts(with: prefix.unicodeScalars) ? String(value.unicodeScalars.dropFirst(prefix.unicodeScalars.count)) : value)
        }
        defineMethod(type, "removesuffix") { vm, arguments throws(PyError) in
            let value = text(arguments).value
            let suffix = try stringArgument(arguments, 1, "removesuffix").value
            let matches = !suffix.isEmpty && value.unicodeScalars.reversed().starts(with: suffix.unicodeScalars.reversed())
            return vm.str(matches ? String(value.unicodeScalars.dropLast(suffix.unicodeScalars.count)) : value)
        }
        defineMethod(type, "format") { vm, arguments throws(PyError) in vm.str(try vm.strFormat(text(arguments).value, arguments)) }
        defineMethod(type, "format_map") { vm, arguments throws(PyError) in
            try arguments.expectMethod("format_map", vm, min: 1, max: 1)
            guard let mapping = arguments[1].as(PyDict.self) else { return vm.str(text(arguments).value) }
            var keywordValues: [Value] = [arguments[0]]
            var names: [PyStr] = []
            for entry in mapping.liveEntries {
                if let key = entry.key.as(PyStr.self) {
                    names.append(key)
                    keywordValues.append(entry.value)
                }
            }
            return try keywordValues.withUnsafeBufferPointer { buffer throws(PyError) in
                vm.str(try vm.strFormat(text(arguments).value, Arguments(values: buffer, keywordNames: names)))
            }
        }
        defineMethod(type, "encode") { vm, arguments throws(PyError) in
            let (codec, errors) = try vm.codecArguments(arguments)
            switch codec.encode(text(arguments).value, errors: errors) {
            case .success(let bytes): return vm.bytes(bytes)
            case .failure(let failure): throw vm.error("UnicodeEncodeError", failure.message([]))
            }
        }
        defineMethod(type, "expandtabs") { vm, arguments throws(PyError) in
            let size = arguments.positionalCount > 1 ? try vm.cIntArgument(arguments[1]) : 8
            var result = ""
            var column = 0
            for scalar in text(arguments).value.unicodeScalars {
                if scalar == "\t" {
                    let spaces = size > 0 ? size - column % size : 0
                    result += try vm.repeated(" ", spaces)
                    column += spaces
                } else {
                    result.unicodeScalars.append(scalar)
                    column = scalar == "\n" || scalar == "\r" ? 0 : column + 1
                }
            }
            return vm.str(result)
        }
        defineMethod(type, "__len__") { vm, arguments throws(PyError) in .int(text(arguments).count) }
        defineMethod(type, "__contains__") { vm, arguments throws(PyError) in .bool(try vm.contains(arguments[0], arguments[1])) }
        defineMethod(type, "__getitem__") { vm, arguments throws(PyError) in try vm.getItem(arguments[0], arguments[1]) }
        defineMethod(type, "__add__") { vm, arguments throws(PyError) in
            guard let sum = try vm.builtinOperation(arguments[0], arguments[1], .add, inPlace: false) else {
                throw vm.typeError("can only concatenate str (not \"\(vm.typeName(arguments[1]))\") to str")
            }
            return sum
        }
        defineMethod(type, "__mod__") { vm, arguments throws(PyError) in vm.str(try vm.percentFormat(text(arguments).value, arguments[1])) }
    }

    /// `start`/`end` arguments of find-like methods, clamped like slice indices.
    func bounds(_ arguments: Arguments, from index: Int, count: Int) throws(PyError) -> (Int, Int) {
        func resolve(_ value: Value?, _ fallback: Int) throws(PyError) -> Int {
            guard let value, !value.isNone else { return fallback }
            var position = try self.index(value)
            if position < 0 { position = max(0, position + count) }
            return min(position, count + (fallback == 0 ? 1 : 0))
        }
        let start = try resolve(index < arguments.positionalCount ? arguments[index] : nil, 0)
        let end = try resolve(index + 1 < arguments.positionalCount ? arguments[index + 1] : nil, count)
        return (start, min(end, count))
    }
}

/// The first (or last) position of `pattern` in `haystack[start..<end]`, or -1.
func search<T: Equatable>(_ haystack: [T], _ pattern: [T], _ start: Int, _ end: Int, fromRight: Bool) -> Int {
    if start > end || start > haystack.count { return -1 }
    if pattern.isEmpty { return fromRight ? end : start }
    let last = end - pattern.count
    guard last >= start else { return -1 }
    return haystack.withUnsafeBufferPointer { text in
        pattern.withUnsafeBufferPointer { needle in
            let first = needle[0]
            var position = fromRight ? last : start
            while fromRight ? position >= start : position <= last {
                if text[position] == first {
                    var offset = 1
                    while offset < needle.count && text[position + offset] == needle[offset] { offset += 1 }
                    if offset == needle.count { return position }
                }
                position += fromRight ? -1 : 1
            }
            return -1
        }
    }
}

func countOccurrences(_ haystack: [Unicode.Scalar], _ pattern: [Unicode.Scalar], _ start: Int, _ end: Int) -> Int {
    if start > end { return 0 }
    if pattern.isEmpty { return end - start + 1 }
    var count = 0
    var position = start
    while true {
        let found = search(haystack, pattern, position, end, fromRight: false)
        if found < 0 { return count }
        count += 1
        position = found + pattern.count
    }
}

func replace(_ value: String, _ old: String, _ new: String, limit: Int) -> String {
    if old.isEmpty {
        var result = ""
        var count = 0
        for scalar in value.unicodeScalars {
            if limit < 0 || count < limit {
                result += new
                count += 1
            }
            result.unicodeScalars.append(scalar)
        }
        if limit < 0 || count < limit { result += new }
        return result
    }
    let haystack = Array(value.utf8)
    let pattern = Array(old.utf8)
    var result: [UInt8] = []
    result.reserveCapacity(haystack.count)
    var position = 0
    var count = 0
    while limit < 0 || count < limit {
        let found = search(haystack, pattern, position, haystack.count, fromRight: false)
        if found < 0 { break }
        result.append(contentsOf: haystack[position..<found])
        result.append(contentsOf: new.utf8)
        position = found + pattern.count
        count += 1
    }
    result.append(contentsOf: haystack[position...])
    return String(decoding: result, as: UTF8.self)
}

func swapCase(_ value: String) -> String {
    String(value.map { $0.isUppercase ? Character($0.lowercased()) : $0.isLowercase ? Character($0.uppercased()) : $0 })
}

func titleCase(_ value: String) -> String {
    var result = ""
    var previousCased = false
    for character in value {
        result += previousCased ? character.lowercased() : character.uppercased()
        previousCased = character.isCased
    }
    return result
}

func capitalize(_ value: String) -> String {
    guard let first = value.first else { return value }
    return first.uppercased() + value.dropFirst().lowercased()
}

extension String {
    /// `str.isidentifier()`: an XID_Start scalar or `_`, then XID_Continue scalars.
    var isPythonIdentifier: Bool {
        var scalars = unicodeScalars.makeIterator()
        guard let first = scalars.next(), first == "_" || first.properties.isXIDStart else { return false }
        while let scalar = scalars.next() {
            guard scalar == "_" || scalar.properties.isXIDContinue else { return false }
        }
        return true
    }
}
