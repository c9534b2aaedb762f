import BigInt

#if canImport(Glibc)
import Glibc
#endif

/// The `math` module.
extension VM {
    func makeMathModule() -> PyModule {
        nativeModule("math") { dict in
            dict.setString(intern("pi"), .float(Double.pi))
            dict.setString(intern("e"), .float(M_E))
            dict.setString(intern("tau"), .float(2 * Double.pi))
            dict.setString(intern("inf"), .float(.infinity))
            dict.setString(intern("nan"), .float(.nan))
            let unary: [(String, (Double) -> Double)] = [
                ("sin", sin), ("cos", cos), ("tan", tan), ("asin", asin), ("acos", acos), ("atan", atan),
                ("sinh", sinh), ("cosh", cosh), ("tanh", tanh), ("exp", exp), ("expm1", expm1), ("log1p", log1p),
                ("fabs", fabs), ("erf", erf), ("erfc", erfc), ("gamma", tgamma), ("lgamma", lgamma),
                ("degrees", { $0 * 180 / Double.pi }), ("radians", { $0 * Double.pi / 180 }),
                ("asinh", asinh), ("acosh", acosh), ("atanh", atanh), ("log2", log2), ("log10", log10),
            ]
            for (name, function) in unary {
                defineFunction(dict, name) { vm, arguments throws(PyError) in
                    let x = try vm.mathArgument(try arguments.exactlyOne(name, vm))
                    let result = function(x)
                    if result.isNaN && !x.isNaN { throw vm.error("ValueError", "math domain error") }
                    if result.isInfinite && x.isFinite && name != "exp" && name != "gamma" && !name.hasPrefix("log") {
                        throw vm.error("OverflowError", "math range error")
                    }
                    if result.isInfinite && x.isFinite && (name.hasPrefix("log")) { throw vm.error("ValueError", "math domain error") }
                    if result.isInfinite && x.isFinite { throw vm.error("OverflowError", "math range error") }
                    return .float(result)
                }
            }
            defineFunction(dict, "sqrt") { vm, arguments throws(PyError) in
                let x = try vm.mathArgument(try arguments.exactlyOne("sqrt", vm))
                if x < 0 { throw vm.error("ValueError", "math domain error") }
                return .float(x.squareRoot())
            }
            defineFunction(dict, "log") { vm, arguments throws(PyError) in
                try arguments.expect("log", vm, min: 1, max: 2)
                func logarithm(_ value: Value) throws(PyError) -> Double {
                    if let big = value.as(PyBigInt.self), big.value > 0 {
                        let shift = max(0, big.value.bitWidth - 60)
                        return log(Double(big.value >> shift)) + Double(shift) * log(2.0)
                    }
                    let x = try vm.mathArgument(value)
                    if x <= 0 { throw vm.error("ValueError", "math domain error") }
                    return log(x)
                }
                let result = try logarithm(arguments[0])
                if arguments.positionalCount == 2 { return .float(result / (try logarithm(arguments[1]))) }
                return .float(result)
            }
            defineFunction(dict, "pow") { vm, arguments throws(PyError) in
                try arguments.expect("pow", vm, min: 2, max: 2)
                let x = try vm.mathArgument(arguments[0])
                let y = try vm.mathArgument(arguments[1])
                if x == 0 && y < 0 { throw vm.error("ValueError", "math domain error") }
                let result = pow(x, y)
                if result.isNaN && !x.isNaN && !y.isNaN { throw vm.error("ValueError", "math domain error") }
                if result.isInfinite && x.isFinite && y.isFinite { throw vm.error("OverflowError", "math range error") }
                return .float(result)
            }
            for (name, function) in [("atan2", atan2), ("hypot", hypot), ("copysign", copysign), ("fmod", fmod)] as [(String, (Double, Double) -> Double)] {
                defineFunction(dict, name) { vm, arguments throws(PyError) in
                    if name == "hypot" {
                        var total = 0.0
                        for value in arguments.positional { total = hypot(total, try vm.mathArgument(value)) }
                        return .float(total)
                    }
                    try arguments.expect(name, vm, min: 2, max: 2)
                    let y = try vm.mathArgument(arguments[1])
                    if name == "fmod" && y == 0 { throw vm.error("ValueError", "math domain error") }
                    return .float(function(try vm.mathArgument(arguments[0]), y))
                }
            }
            for (name, rule) in [("floor", FloatingPointRoundingRule.down), ("ceil", .up), ("trunc", .towardZero)] {
                defineFunction(dict, name) { vm, arguments throws(PyError) in
                    let value = try arguments.exactlyOne(name, vm)
                    if vm.isIntLike(value) { return value.normalizedBool }
                    let type = vm.typeOf(value)
                    if !type.isBuiltin, let method = type.lookup(vm.intern("__\(name)__")) { return try vm.call(method, [value]) }
                    let x = try vm.mathArgument(value)
                    if x.isNaN { throw vm.error("ValueError", "cannot convert float NaN to integer") }
                    if x.isInfinite { throw vm.error("OverflowError", "cannot convert float infinity to integer") }
                    let rounded = x.rounded(rule)
                    if let small = Int(exactly: rounded) { return .int(small) }
                    return vm.intValue(BigInt(rounded))
                }
            }
            defineFunction(dict, "isnan") { vm, arguments throws(PyError) in .bool(try vm.mathArgument(try arguments.exactlyOne("isnan", vm)).isNaN) }
            defineFunction(dict, "isinf") { vm, arguments throws(PyError) in .bool(try vm.mathArgument(try arguments.exactlyOne("isinf", vm)).isInfinite) }
            defineFunction(dict, "isfinite") { vm, arguments throws(PyError) in .bool(try vm.mathArgument(try arguments.exactlyOne("isfinite", vm)).isFinite) }
            defineFunction(dict, "isclose") { vm, arguments throws(PyError) in
                let a = try vm.mathArgument(arguments[0])
                let b = try vm.mathArgument(arguments[1])
                let relative = try arguments.keyword("rel_tol").map { value throws(PyError) in try vm.mathArgument(value) } ?? 1e-9
                let absolute = try arguments.keyword("abs_tol").map { value throws(PyError) in try vm.mathArgument(value) } ?? 0
                if a == b { return .bool(true) }
                if a.isInfinite || b.isInfinite { return .bool(false) }
                let difference = abs(a - b)
                return .bool(difference <= abs(relative * b) || difference <= abs(relative * a) || difference <= absolute)
            }
            defineFunction(dict, "factorial") { vm, arguments throws(PyError) in
                let value = try arguments.exactlyOne("factorial", vm)
                guard vm.isIntLike(value) else { throw vm.typeError("'\(vm.typeName(value))' object cannot be interpreted as an integer") }
                let n = try vm.index(value)
                if n < 0 { throw vm.error("ValueError", "factorial() not defined for negative values") }
                var result = BigInt(1)
                if n > 1 { for factor in 2...n { result *= BigInt(factor) } }
                return vm.intValue(result)
            }
            defineFunction(dict, "gcd") { vm, arguments throws(PyError) in
                var result = BigInt(0)
                for value in arguments.positional {
                    guard let number = vm.bigInt(value) else { throw vm.typeError("'\(vm.typeName(value))' object cannot be interpreted as an integer") }
                    result = result.greatestCommonDivisor(with: number)
                }
                return vm.intValue(result)
            }
            defineFunction(dict, "lcm") { vm, arguments throws(PyError) in
                var result = BigInt(1)
                for value in arguments.positional {
                    guard let number = vm.bigInt(value) else { throw vm.typeError("'\(vm.typeName(value))' object cannot be interpreted as an integer") }
                    if number == 0 { return .int(0) }
                    result = BigInt((result * number).magnitude) / result.greatestCommonDivisor(with: number)
                }
                return vm.intValue(result)
            }
            defineFunction(dict, "isqrt") { vm, arguments throws(PyError) in
                guard let number = vm.bigInt(try arguments.exactlyOne("isqrt", vm)) else { throw vm.typeError("isqrt() argument must be an integer") }
                if number < 0 { throw vm.error("ValueError", "isqrt() argument must be nonnegative") }
                return vm.intValue(BigInt(number.magnitude.squareRoot()))
            }
            defineFunction(dict, "comb") { vm, arguments throws(PyError) in
                let n = try vm.index(arguments[0])
                let k = try vm.index(arguments[1])
                if n < 0 || k < 0 { throw vm.error("ValueError", "\(n < 0 ? "n" : "k") must be a non-negative integer") }
                if k > n { return .int(0) }
                var result = BigInt(1)
                for index in 0..<min(k, n - k) { result = result * BigInt(n - index) / BigInt(index + 1) }
                return vm.intValue(result)
            }
            defineFunction(dict, "perm") { vm, arguments throws(PyError) in
                let n = try vm.index(arguments[0])
                let k = arguments.positionalCount > 1 ? try vm.index(arguments[1]) : n
                if k > n { return .int(0) }
                var result = BigInt(1)
                for index in 0..<k { result *= BigInt(n - index) }
                return vm.intValue(result)
            }
            defineFunction(dict, "fsum") { vm, arguments throws(PyError) in
                var partials: [Double] = []
                for item in try vm.collect(try arguments.exactlyOne("fsum", vm)) {
                    var x = try vm.mathArgument(item)
                    var index = 0
                    for var y in partials {
                        if abs(x) < abs(y) { swap(&x, &y) }
                        let high = x + y
                        let low = y - (high - x)
                        if low != 0 {
                            partials[index] = low
                            index += 1
                        }
                        x = high
                    }
                    partials.removeSubrange(index...)
                    partials.append(x)
                }
                return .float(partials.reduce(0, +))
            }
            defineFunction(dict, "prod") { vm, arguments throws(PyError) in
                var result: Value = arguments.keyword("start") ?? .int(1)
                for item in try vm.collect(arguments[0]) { result = try vm.binaryOperation(result, item, 2) }
                return result
            }
            defineFunction(dict, "modf") { vm, arguments throws(PyError) in
                let x = try vm.mathArgument(try arguments.exactlyOne("modf", vm))
                let whole = x.rounded(.towardZero)
                return vm.tuple([.float(x - whole), .float(whole)])
            }
            defineFunction(dict, "frexp") { vm, arguments throws(PyError) in
                let result = frexp(try vm.mathArgument(try arguments.exactlyOne("frexp", vm)))
                return vm.tuple([.float(result.0), .int(result.1)])
            }
            defineFunction(dict, "ldexp") { vm, arguments throws(PyError) in
                .float(ldexp(try vm.mathArgument(arguments[0]), Int32(clamping: try vm.index(arguments[1]))))
            }
        }
    }

    /// A math function argument as a float, with CPython's message.
    func mathArgument(_ value: Value) throws(PyError) -> Double {
        if let number = try floatValue(value) { return number }
        let type = typeOf(value)
        if let method = type.lookup(names.float), let number = try floatValue(try call(method, [value])) { return number }
        throw typeError("must be real number, not \(type.name)")
    }
}
