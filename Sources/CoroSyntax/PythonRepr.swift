/// CPython's `repr` for the constant types: `str`, `bytes`, `float`, big `int` digits.
public enum PythonRepr {
    /// `repr(str)`: quotes chosen as CPython does, non-printable characters escaped.
    public static func string(_ value: String) -> String {
        let hasSingle = value.unicodeScalars.contains("'")
        let hasDouble = value.unicodeScalars.contains("\"")
        let quote: UnicodeScalar = hasSingle && !hasDouble ? "\"" : "'"
        var result = String(quote)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\t": result += "\\t"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case quote: result += "\\" + String(quote)
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    result += "\\x" + hex(scalar.value, width: 2)
                } else if scalar.value < 0x80 || Lexer.isPrintable(scalar) {
                    result.unicodeScalars.append(scalar)
                } else if scalar.value < 0x100 {
                    result += "\\x" + hex(scalar.value, width: 2)
                } else if scalar.value < 0x10000 {
                    result += "\\u" + hex(scalar.value, width: 4)
                } else {
                    result += "\\U" + hex(scalar.value, width: 8)
                }
            }
        }
        result.unicodeScalars.append(quote)
        return result
    }

    /// `repr(bytes)`.
    public static func bytes(_ value: [UInt8]) -> String {
        let quote: UInt8 = value.contains(0x27) && !value.contains(0x22) ? 0x22 : 0x27
        var result = "b" + String(UnicodeScalar(quote))
        for byte in value {
            switch byte {
            case 0x5C: result += "\\\\"
            case 0x09: result += "\\t"
            case 0x0A: result += "\\n"
            case 0x0D: result += "\\r"
            case quote: result += "\\" + String(UnicodeScalar(quote))
            case 0x20..<0x7F: result.unicodeScalars.append(UnicodeScalar(byte))
            default: result += "\\x" + hex(UInt32(byte), width: 2)
            }
        }
        return result + String(UnicodeScalar(quote))
    }

    /// `repr(float)`: the shortest round-tripping digits, fixed notation for decimal
    /// exponents from -4 to 16, scientific otherwise (`1e+16`, `1e-05`).
    public static func float(_ value: Double, addsPointZero: Bool = true) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        let (negative, digits, pointPosition) = shortestDigits(value)
        let sign = negative ? "-" : ""
        if pointPosition > -4 && pointPosition <= 16 {
            var text: String
            if pointPosition <= 0 {
                text = "0." + String(repeating: "0", count: -pointPosition) + digits
            } else if pointPosition >= digits.count {
                text = digits + String(repeating: "0", count: pointPosition - digits.count)
                if addsPointZero { text += ".0" }
            } else {
                let split = digits.index(digits.startIndex, offsetBy: pointPosition)
                text = digits[..<split] + "." + digits[split...]
            }
            return sign + text
        }
        let exponent = pointPosition - 1
        var mantissa = String(digits.prefix(1))
        if digits.count > 1 { mantissa += "." + digits.dropFirst() }
        let exponentDigits = String(abs(exponent))
        let paddedExponent = exponentDigits.count < 2 ? "0" + exponentDigits : exponentDigits
        return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + paddedExponent
    }

    /// The shortest round-trip decimal digits of a finite double (from Swift's own
    /// shortest formatting), and where the decimal point goes relative to them.
    static func shortestDigits(_ value: Double) -> (negative: Bool, digits: String, pointPosition: Int) {
        var text = Substring(value.description)
        let negative = text.hasPrefix("-")
        if negative { text = text.dropFirst() }
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(text[text.index(after: e)...]) ?? 0
            text = text[..<e]
        }
        var integerPart = text
        var fractionPart: Substring = ""
        if let dot = text.firstIndex(of: ".") {
            integerPart = text[..<dot]
            fractionPart = text[text.index(after: dot)...]
        }
        var digits = String(integerPart) + fractionPart
        var pointPosition = integerPart.count + exponent
        while digits.count > 1, digits.hasPrefix("0") {
            digits.removeFirst()
            pointPosition -= 1
        }
        while digits.count > 1, digits.hasSuffix("0") { digits.removeLast() }
        if digits == "0" { pointPosition = 1 }
        return (negative, digits, pointPosition)
    }

    /// Decimal digits of a non-negative integer written in `radix`.
    public static func decimalDigits(_ digits: String, radix: Int) -> String {
        if radix == 10 { return digits }
        var decimal: [UInt32] = [0]  // little-endian base 10^9 limbs
        for character in digits {
            guard let digit = character.hexDigitValue else { continue }
            var carry = UInt64(digit)
            for index in decimal.indices {
                let product = UInt64(decimal[index]) * UInt64(radix) + carry
                decimal[index] = UInt32(product % 1_000_000_000)
                carry = product / 1_000_000_000
            }
            while carry > 0 {
                decimal.append(UInt32(carry % 1_000_000_000))
                carry /= 1_000_000_000
            }
        }
        var result = String(decimal[decimal.count - 1])
        for limb in decimal.dropLast().reversed() {
            let text = String(limb)
            result += String(repeating: "0", count: 9 - text.count) + text
        }
        return result
    }

    static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
