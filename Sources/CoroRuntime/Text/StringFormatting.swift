/// `str % values` and `str.format(...)`.
extension VM {
    /// printf-style formatting: `%s %r %d %i %f %e %g %x %o %c %%`, with flags, width,
    /// precision and `%(name)s` mapping keys.
    func percentFormat(_ template: String, _ values: Value) throws(PyError) -> String {
        let arguments: [Value]
        let mapping: Value?
        if let tuple = values.as(PyTuple.self), tuple.type.isBuiltin || namedTupleFields(tuple.type) == nil {
            arguments = tuple.items
            mapping = nil
        } else if values.object is PyDict || (!typeOf(values).isBuiltin && typeOf(values).lookup(names.getitem) != nil && !(values.object is PyStr)) {
            arguments = [values]
            mapping = values
        } else {
            arguments = [values]
            mapping = nil
        }
        var next = 0
        var result = ""
        let characters = Array(template.unicodeScalars)
        var position = 0
        func nextArgument() throws(PyError) -> Value {
            guard next < arguments.count else { throw typeError("not enough arguments for format string") }
            next += 1
            return arguments[next - 1]
        }
        while position < characters.count {
            let character = characters[position]
            position += 1
            guard character == "%" else {
                result.unicodeScalars.append(character)
                continue
            }
            guard position < characters.count else { throw error("ValueError", "incomplete format") }
            var key: Value?
            if characters[position] == "(" {
                var depth = 1
                var name = ""
                position += 1
                while position < characters.count {
                    if characters[position] == "(" { depth += 1 }
                    if characters[position] == ")" {
                        depth -= 1
                        if depth == 0 { break }
                    }
                    name.unicodeScalars.append(characters[position])
                    position += 1
                }
                position += 1
                guard let mapping else { throw typeError("format requires a mapping") }
                key = try getItem(mapping, str(name))
            }
            var flags = ""
            while position < characters.count, "-+ #0".unicodeScalars.contains(characters[position]) {
                flags.unicodeScalars.append(characters[position])
                position += 1
            }
            func number(limit: Int, tooBig: String) throws(PyError) -> Int? {
                var digits = ""
                while position < characters.count, characters[position].properties.numericType != nil, characters[position].isASCII {
                    digits.unicodeScalars.append(characters[position])
                    position += 1
                }
                if digits.isEmpty { return nil }
                guard let value = Int(digits), value <= limit else { throw error("ValueError", tooBig) }
                return value
            }
            var width: Int?
            if position < characters.count, characters[position] == "*" {
                position += 1
                let given = try sizeArgument(try nextArgument())
                if given < 0 { flags += "-" }
                width = given == .min ? .max : abs(given)
            } else {
                width = try number(limit: .max, tooBig: "width too big")
            }
            var precision: Int?
            if position < characters.count, characters[position] == "." {
                position += 1
                if position < characters.count, characters[position] == "*" {
                    position += 1
                    precision = max(0, try cIntArgument(try nextArgument()))
                } else {
                    precision = try number(limit: Int(Int32.max), tooBig: "precision too big") ?? 0
                }
            }
            guard position < characters.count else { throw error("ValueError", "incomplete format") }
            let conversion = Character(characters[position])
            position += 1
            if conversion == "%" {
                result += "%"
                continue
            }
            let value: Value
            if let key { value = key } else { value = try nextArgument() }
            let zeroPadded = flags.contains("0") && !flags.contains("-") && !"sra".contains(conversion)
            var spec = zeroPadded ? "" : (flags.contains("-") ? "<" : ">")
            if flags.contains("+") { spec += "+" } else if flags.contains(" ") { spec += " " }
            if flags.contains("#") { spec += "#" }
            if zeroPadded { spec += "0" }
            if let width { spec += String(width) }
            var piece: String
            switch conversion {
            case "s", "r", "a":
                var text = conversion == "s" ? try strText(value) : conversion == "r" ? try repr(value) : try ascii(value)
                if let precision { text = String(text.unicodeScalars.prefix(precision)) }
                piece = try strText(try format(str(text), spec))
            case "d", "i", "u":
                guard let number = try integerForPercent(value, conversion) else {
                    throw typeError("%\(conversion) format: a real number is required, not \(typeName(value))")
                }
                piece = try strText(try format(number, spec + "d"))
            case "x", "X", "o":
                guard isIntLike(value) else {
                    throw typeError("%\(conversion) format: an integer is required, not \(typeName(value))")
                }
                piece = try strText(try format(value, spec + String(conversion)))
            case "e", "E", "f", "F", "g", "G":
                guard let number = try floatValue(value) else {
                    throw typeError("must be real number, not \(typeName(value))")
                }
                piece = try strText(try format(.float(number), spec + "." + String(precision ?? 6) + String(conversion)))
            case "c":
                if let text = value.as(PyStr.self), text.count == 1 {
                    piece = try strText(try format(value, spec))
                } else {
                    piece = try strText(try format(value, spec + "c"))
                }
            default:
                throw error("ValueError", "unsupported format character '\(conversion)' (0x\(String(conversion.unicodeScalars.first?.value ?? 0, radix: 16))) at position \(position - 1)")
            }
            result += piece
        }
        if mapping == nil && next < arguments.count {
            throw typeError("not all arguments converted during string formatting")
        }
        return result
    }

    private func integerForPercent(_ value: Value, _ conversion: Character) throws(PyError) -> Value? {
        if isIntLike(value) { return value.normalizedBool }
        if case .float(let number) = value {
            if number.isNaN { throw error("ValueError", "cannot convert float NaN to integer") }
            if number.isInfinite { throw error("OverflowError", "cannot convert float infinity to integer") }
            return intValue(.init(number.rounded(.towardZero)))
        }
        return nil
    }

    /// `str.format(*args, **kwargs)`.
    func strFormat(_ template: String, _ arguments: Arguments) throws(PyError) -> String {
        var result = ""
        var automatic = 0
        var usedManual = false
        let scalars = Array(template.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let character = scalars[index]
            if character == "{" {
                if index + 1 < scalars.count, scalars[index + 1] == "{" {
                    result += "{"
                    index += 2
                    continue
                }
                var depth = 1
                var field = ""
                index += 1
                while index < scalars.count {
                    if scalars[index] == "{" { depth += 1 }
                    if scalars[index] == "}" {
                        depth -= 1
                        if depth == 0 { break }
                    }
                    field.unicodeScalars.append(scalars[index])
                    index += 1
                }
                guard index < scalars.count else { throw error("ValueError", "expected '}' before end of string") }
                index += 1
                result += try formatField(field, arguments, &automatic, &usedManual)
            } else if character == "}" {
                guard index + 1 < scalars.count, scalars[index + 1] == "}" else {
                    throw error("ValueError", "Single '}' encountered in format string")
                }
                result += "}"
                index += 2
            } else {
                result.unicodeScalars.append(character)
                index += 1
            }
        }
        return result
    }

    private func formatField(_ field: String, _ arguments: Arguments, _ automatic: inout Int, _ usedManual: inout Bool) throws(PyError) -> String {
        var name = field
        var spec = ""
        var conversion: Character?
        if let colon = topLevelColon(field) {
            name = String(field[..<colon])
            spec = String(field[field.index(after: colon)...])
        }
        if let bang = name.firstIndex(of: "!") {
            let after = name[name.index(after: bang)...]
            guard after.count == 1, let first = after.first, "rsa".contains(first) else {
                throw error("ValueError", "Unknown conversion specifier \(after)")
            }
            conversion = first
            name = String(name[..<bang])
        }
        var firstPart = name
        var rest = ""
        if let split = name.firstIndex(where: { $0 == "." || $0 == "[" }) {
            firstPart = String(name[..<split])
            rest = String(name[split...])
        }
        var value: Value
        let positional = arguments.positionalCount - 1
        if firstPart.isEmpty {
            if usedManual { throw error("ValueError", "cannot switch from manual field specification to automatic field numbering") }
            guard automatic < positional else {
                throw error("IndexError", "Replacement index \(automatic) out of range for positional args tuple")
            }
            value = arguments[automatic + 1]
            automatic += 1
        } else if let number = Int(firstPart) {
            if automatic > 0 { throw error("ValueError", "cannot switch from automatic field numbering to manual field specification") }
            usedManual = true
            guard number < positional else {
                throw error("IndexError", "Replacement index \(number) out of range for positional args tuple")
            }
            value = arguments[number + 1]
        } else {
            guard let found = arguments.keyword(firstPart) else {
                throw PyError(exception: newException(types[exception: "KeyError"], [str(firstPart)]))
            }
            value = found
        }
        var remaining = Substring(rest)
        while let first = remaining.first {
            if first == "." {
                remaining = remaining.dropFirst()
                let end = remaining.firstIndex { $0 == "." || $0 == "[" } ?? remaining.endIndex
                value = try getAttribute(value, intern(String(remaining[..<end])))
                remaining = remaining[end...]
            } else {
                guard let close = remaining.firstIndex(of: "]") else { throw error("ValueError", "Missing ']' in format string") }
                let key = String(remaining[remaining.index(after: remaining.startIndex)..<close])
                value = try getItem(value, Int(key).map { .int($0) } ?? str(key))
                remaining = remaining[remaining.index(after: close)...]
            }
        }
        switch conversion {
        case "r": value = str(try repr(value))
        case "s": value = try str(of: value)
        case "a": value = str(try ascii(value))
        default: break
        }
        if spec.contains("{") { spec = try strFormat(spec, arguments) }
        return try strText(try format(value, spec))
    }

    private func topLevelColon(_ field: String) -> String.Index? {
        var depth = 0
        for index in field.indices {
            switch field[index] {
            case "[": depth += 1
            case "]": depth -= 1
            case ":" where depth == 0: return index
            default: break
            }
        }
        return nil
    }
}
