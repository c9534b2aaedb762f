/// Methods of `bytes`: decoding, and the searching and splitting that protocols need.
extension VM {
    func installBytesMethods() {
        let type = types.bytes
        func bytes(_ arguments: Arguments) -> [UInt8] { arguments[0].as(PyBytes.self)?.bytes ?? [] }
        func bytesArgument(_ value: Value, _ method: String) throws(PyError) -> [UInt8] {
            guard let bytes = value.as(PyBytes.self) else {
                throw typeError("a bytes-like object is required, not '\(typeName(value))'")
            }
            return bytes.bytes
        }
        defineMethod(type, "decode") { vm, arguments throws(PyError) in
            let (codec, errors) = try vm.codecArguments(arguments)
            let subject = bytes(arguments)
            switch codec.decode(subject, errors: errors) {
            case .success(let text): return vm.str(text)
            case .failure(let failure): throw vm.error("UnicodeDecodeError", failure.message(subject))
            }
        }
        defineMethod(type, "hex") { vm, arguments throws(PyError) in
            let digits = Array("0123456789abcdef".utf8)
            return vm.str(String(decoding: bytes(arguments).flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 15)]] },
                                 as: UTF8.self))
        }
        defineMethod(type, "join") { vm, arguments throws(PyError) in
            try arguments.expectMethod("join", vm, min: 1, max: 1)
            let separator = bytes(arguments)
            var joined: [UInt8] = []
            for (position, item) in try vm.collect(arguments[1]).enumerated() {
                if position > 0 { joined += separator }
                guard let part = item.as(PyBytes.self) else {
                    throw vm.typeError("sequence item \(position): expected a bytes-like object, \(vm.typeName(item)) found")
                }
                joined += part.bytes
            }
            return vm.bytes(joined)
        }
        defineMethod(type, "split") { vm, arguments throws(PyError) in
            try arguments.expectMethod("split", vm, min: 0, max: 1)
            let subject = bytes(arguments)
            guard arguments.positionalCount > 1, !arguments[1].isNone else {
                return vm.list(subject.split(whereSeparator: { $0 == 32 || (9...13).contains($0) }).map { vm.bytes(Array($0)) })
            }
            let separator = try bytesArgument(arguments[1], "split")
            if separator.isEmpty { throw vm.error("ValueError", "empty separator") }
            return vm.list(splitBytes(subject, by: separator).map { vm.bytes($0) })
        }
        defineMethod(type, "strip") { vm, arguments throws(PyError) in
            try arguments.expectMethod("strip", vm, min: 0, max: 0)
            let isSpace = { (byte: UInt8) in byte == 32 || (9...13).contains(byte) }
            let subject = bytes(arguments)
            let start = subject.firstIndex { !isSpace($0) } ?? subject.count
            let end = subject.lastIndex { !isSpace($0) }.map { $0 + 1 } ?? start
            return vm.bytes(Array(subject[start..<max(start, end)]))
        }
        for (name, atStart) in [("startswith", true), ("endswith", false)] {
            defineMethod(type, name) { vm, arguments throws(PyError) in
                try arguments.expectMethod(name, vm, min: 1, max: 1)
                let subject = bytes(arguments), affix = try bytesArgument(arguments[1], name)
                guard affix.count <= subject.count else { return .bool(false) }
                return .bool(atStart ? subject.prefix(affix.count).elementsEqual(affix)
                                     : subject.suffix(affix.count).elementsEqual(affix))
            }
        }
        defineMethod(type, "find") { vm, arguments throws(PyError) in
            try arguments.expectMethod("find", vm, min: 1, max: 1)
            let subject = bytes(arguments), needle = try bytesArgument(arguments[1], "find")
            return .int(firstRange(of: needle, in: subject, from: 0) ?? -1)
        }
    }

    /// The codec and error handler of `encode`/`decode(encoding='utf-8', errors='strict')`.
    func codecArguments(_ arguments: Arguments) throws(PyError) -> (Codec, String) {
        func text(_ keyword: String, _ position: Int, _ fallback: String) throws(PyError) -> String {
            if let value = arguments.keyword(keyword) { return try strText(value) }
            return arguments.positionalCount > position ? try strText(arguments[position]) : fallback
        }
        let encoding = try text("encoding", 1, "utf-8")
        let errors = try text("errors", 2, "strict")
        guard let codec = Codec(named: encoding) else { throw error("LookupError", "unknown encoding: \(encoding)") }
        return (codec, errors)
    }
}

/// Where `needle` first occurs in `haystack` at or after `start`.
private func firstRange(of needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
    guard needle.count <= haystack.count else { return nil }
    var index = start
    while index + needle.count <= haystack.count {
        if haystack[index..<index + needle.count].elementsEqual(needle) { return index }
        index += 1
    }
    return nil
}

/// `subject` split at each occurrence of `separator`.
private func splitBytes(_ subject: [UInt8], by separator: [UInt8]) -> [[UInt8]] {
    var parts: [[UInt8]] = []
    var start = 0
    while let found = firstRange(of: separator, in: subject, from: start) {
        parts.append(Array(subject[start..<found]))
        start = found + separator.count
    }
    parts.append(Array(subject[start...]))
    return parts
}
