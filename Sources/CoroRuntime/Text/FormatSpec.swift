import BigInt
import CoroSyntax

/// The format-spec mini-language: `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`.
struct FormatSpec {
    var fill: Character = " "
    var align: Character?
    var sign: Character = "-"
    var alternate = false
    var zeroPad = false
    var width = 0
    var grouping: Character?
    var precision: Int?
    var type: Character?

    /// Why a spec does not parse.
    enum ParseError: Error {
        case invalid
        /// A width or precision that does not fit an Int (CPython's "Too many decimal digits").
        case tooManyDigits
    }

    init(_ spec: String) throws(ParseError) {
        var characters = Array(spec)
        var index = 0
        func peek(_ offset: Int = 0) -> Character? { index + offset < characters.count ? characters[index + offset] : nil }
        if let second = peek(1), "<>=^".contains(second) {
            fill = characters[0]
            align = second
            index = 2
        } else if let first = peek(), "<>=^".contains(first) {
            align = first
            index = 1
        }
        if let character = peek(), "+- ".contains(character) {
            sign = character
            index += 1
        }
        if peek() == "z" { index += 1 }
        if peek() == "#" {
            alternate = true
            index += 1
        }
        if peek() == "0" {
            zeroPad = true
            index += 1
        }
        var digits = ""
        while let character = peek(), character.isASCII, character.isNumber {
            digits.append(character)
            index += 1
        }
        if !digits.isEmpty {
            guard let value = Int(digits) else { throw .tooManyDigits }
            width = value
        }
        if let character = peek(), character == "," || character == "_" {
            grouping = character
            index += 1
        }
        if peek() == "." {
            index += 1
            var precisionDigits = ""
            while let character = peek(), character.isASCII, character.isNumber {
                precisionDigits.append(character)
                index += 1
            }
            if precisionDigits.isEmpty { throw .invalid }
            guard let value = Int(precisionDigits) else { throw .tooManyDigits }
            precision = value
        }
        if index < characters.count {
            type = characters[index]
            index += 1
        }
        if index != characters.count { throw .invalid }
        characters = []
    }
}

extension VM {
    /// `format(value, spec)`.
    func format(_ value: Value, _ spec: String) throws(PyError) -> Value {
        let type = typeOf(value)
        if !type.isBuiltin, let method = type.lookup(names.format), method.object is PyFunction {
            return try call(method, [value, str(spec)])
        }
        if spec.isEmpty { return try str(of: value) }
        let parsed: FormatSpec
        do {
            parsed = try FormatSpec(spec)
        } catch .tooManyDigits {
            throw error("ValueError", "Too many decimal digits in format string")
        } catch {
            throw self.error("ValueError", "Invalid format specifier '\(spec)' for object of type '\(type.name)'")
        }
        switch value {
        case .int, .bool:
            return str(try formatInteger(bigInt(value) ?? 0, parsed, spec: spec))
        case .float(let number):
            return str(try formatFloat(number, parsed, spec: spec))
        default:
            if let big = value.as(PyBigInt.self) { return str(try formatInteger(big.value, parsed, spec: spec)) }
            if let string = value.as(PyStr.self) {
                guard parsed.type == nil || parsed.type == "s" else {
                    throw error("ValueError", "Unknown format code '\(parsed.type ?? " ")' for object of type 'str'")
                }
                if parsed.sign != "-" { throw error("ValueError", "Sign not allowed in string format specifier") }
                if parsed.alternate { throw error("ValueError", "Alternate form (#) not allowed in string format specifier") }
                if parsed.align == "=" { throw error("ValueError", "'=' alignment not allowed in string format specifier") }
                var text = string.value
                if let precision = parsed.precision { text = string.substring(0..<min(precision, string.count)) }
                return str(try pad(text, parsed, defaultAlign: "<"))
            }
            throw typeError("unsupported format string passed to \(type.name).__format__")
        }
    }

    private func formatInteger(_ number: BigInt, _ spec: FormatSpec, spec text: String) throws(PyError) -> String {
        let type = spec.type ?? "d"
        if "eEfFgG%".contains(type) {
            return try formatFloat(Double(number), spec, spec: text)
        }
        if spec.precision != nil { throw error("ValueError", "Precision not allowed in integer format specifier") }
        var digits: String
        var prefix = ""
        switch type {
        case "d", "n": digits = String(number.magnitude)
        case "x": digits = String(number.magnitude, radix: 16); prefix = spec.alternate ? "0x" : ""
        case "X": digits = String(number.magnitude, radix: 16).uppercased(); prefix = spec.alternate ? "0X" : ""
        case "o": digits = String(number.magnitude, radix: 8); prefix = spec.alternate ? "0o" : ""
        case "b": digits = String(number.magnitude, radix: 2); prefix = spec.alternate ? "0b" : ""
        case "c":
            guard let code = UInt32(exactly: number), let scalar = Unicode.Scalar(code) else {
                throw error("OverflowError", "%c arg not in range(0x110000)")
            }
            return try pad(String(scalar), spec, defaultAlign: ">")
        default:
            throw error("ValueError", "Unknown format code '\(type)' for object of type 'int'")
        }
        if let grouping = spec.grouping {
            digits = group(digits, separator: grouping, every: "xXob".contains(type) ? 4 : 3)
        }
        let signText = number < 0 ? "-" : spec.sign == "+" ? "+" : spec.sign == " " ? " " : ""
        return try padNumber(signText + prefix, digits, spec)
    }

    private func formatFloat(_ number: Double, _ spec: FormatSpec, spec text: String) throws(PyError) -> String {
        var type = spec.type
        if let given = type, !"eEfFgGn%".contains(given) {
            throw error("ValueError", "Unknown format code '\(given)' for object of type 'float'")
        }
        if type == "n" { type = "g" }
        if let precision = spec.precision {
            if precision > Int(Int32.max) { throw error("ValueError", "precision too big") }
            try checkAllocation(precision, itemSize: 1)
        }
        let magnitude = abs(number)
        var body: String
        switch type {
        case nil:
            if let precision = spec.precision {
                body = formatC(magnitude, "g", precision: max(precision, 1), alternate: spec.alternate)
                if magnitude.isFinite && !body.contains(".") && !body.contains("e") { body += ".0" }
            } else {
                body = PythonRepr.float(magnitude)
            }
        case "%":
            body = formatC(magnitude * 100, "f", precision: spec.precision ?? 6, alternate: spec.alternate) + "%"
        default:
            let conversion = type ?? "g"
            body = formatC(magnitude, conversion, precision: spec.precision ?? 6, alternate: spec.alternate)
        }
        if magnitude.isNaN { body = type == "F" || type == "E" || type == "G" ? "NAN" : "nan" }
        if let grouping = spec.grouping, magnitude.isFinite {
            let split = body.firstIndex { !$0.isNumber } ?? body.endIndex
            body = group(String(body[..<split]), separator: grouping, every: 3) + body[split...]
        }
        let negative = number.sign == .minus && !number.isNaN
        let signText = negative ? "-" : spec.sign == "+" ? "+" : spec.sign == " " ? " " : ""
        return try padNumber(signText, body, spec)
    }

    private func group(_ digits: String, separator: Character, every size: Int) -> String {
        var result = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % size == 0 { result.append(separator) }
            result.append(character)
        }
        return result
    }

    /// Pads a number: `=` alignment (and `0`) put the padding between sign and digits.
    private func padNumber(_ signAndPrefix: String, _ digits: String, _ spec: FormatSpec) throws(PyError) -> String {
        var spec = spec
        if spec.zeroPad && spec.align == nil {
            spec.align = "="
            spec.fill = "0"
        }
        if spec.align == "=" {
            let total = signAndPrefix.count + digits.count
            return signAndPrefix + (try repeated(String(spec.fill), spec.width - total)) + digits
        }
        return try pad(signAndPrefix + digits, spec, defaultAlign: ">")
    }

    func pad(_ text: String, _ spec: FormatSpec, defaultAlign: Character) throws(PyError) -> String {
        let length = text.unicodeScalars.count
        guard spec.width > length else { return text }
        let padding = spec.width - length
        let fill = String(spec.zeroPad && spec.align == nil ? "0" : spec.fill)
        switch spec.align ?? (spec.zeroPad && defaultAlign == "<" ? "<" : defaultAlign) {
        case "<": return text + (try repeated(fill, padding))
        case "^":
            let left = padding / 2
            return (try repeated(fill, left)) + text + (try repeated(fill, padding - left))
        default: return (try repeated(fill, padding)) + text
        }
    }

    /// `ascii(value)`: the repr with non-ASCII characters escaped.
    func ascii(_ value: Value) throws(PyError) -> String {
        var result = ""
        for scalar in try repr(value).unicodeScalars {
            if scalar.isASCII {
                result.unicodeScalars.append(scalar)
            } else if scalar.value < 0x100 {
                result += "\\x" + String(scalar.value, radix: 16).leftPadded(to: 2)
            } else if scalar.value < 0x10000 {
                result += "\\u" + String(scalar.value, radix: 16).leftPadded(to: 4)
            } else {
                result += "\\U" + String(scalar.value, radix: 16).leftPadded(to: 8)
            }
        }
        return result
    }
}
