import BigInt

#if canImport(Glibc)
import Glibc
#endif

/// CPython's Mersenne Twister (MT19937) with its seeding, so that a seeded script
/// draws the same numbers as under CPython.
struct RandomState {
    private var state = [UInt32](repeating: 0, count: 624)
    private var index = 625

    init(seed: UInt32) {
        initialize(seed)
    }

    private mutating func initialize(_ seed: UInt32) {
        state[0] = seed
        for i in 1..<624 {
            state[i] = 1_812_433_253 &* (state[i - 1] ^ (state[i - 1] >> 30)) &+ UInt32(i)
        }
        index = 624
    }

    /// CPython's `init_by_array`.
    mutating func seed(words key: [UInt32]) {
        initialize(19_650_218)
        var i = 1
        var j = 0
        let length = max(key.count, 1)
        let key = key.isEmpty ? [0] : key
        for _ in 0..<max(624, length) {
            state[i] = (state[i] ^ ((state[i - 1] ^ (state[i - 1] >> 30)) &* 1_664_525)) &+ key[j] &+ UInt32(j)
            i += 1
            j += 1
            if i >= 624 {
                state[0] = state[623]
                i = 1
            }
            if j >= length { j = 0 }
        }
        for _ in 0..<623 {
            state[i] = (state[i] ^ ((state[i - 1] ^ (state[i - 1] >> 30)) &* 1_566_083_941)) &- UInt32(i)
            i += 1
            if i >= 624 {
                state[0] = state[623]
                i = 1
            }
        }
        state[0] = 0x8000_0000
        index = 624
    }

    mutating func next32() -> UInt32 {
        if index >= 624 {
            for k in 0..<624 {
                let y = (state[k] & 0x8000_0000) | (state[(k + 1) % 624] & 0x7fff_ffff)
                state[k] = state[(k + 397) % 624] ^ (y >> 1) ^ (y & 1 == 1 ? 0x9908_b0df : 0)
            }
            index = 0
        }
        var y = state[index]
        index += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9d2c_5680
        y ^= (y << 15) & 0xefc6_0000
        y ^= y >> 18
        return y
    }

    mutating func random() -> Double {
        let a = Double(next32() >> 5)
        let b = Double(next32() >> 6)
        return (a * 67_108_864.0 + b) * (1.0 / 9_007_199_254_740_992.0)
    }

    mutating func bits(_ count: Int) -> BigUInt {
        if count <= 32 { return BigUInt(next32() >> (32 - UInt32(max(count, 1)))) & ((BigUInt(1) << count) - 1) }
        var result = BigUInt(0)
        var remaining = count
        var shift = 0
        while remaining > 0 {
            var word = next32()
            if remaining < 32 { word >>= UInt32(32 - remaining) }
            result |= BigUInt(word) << shift
            shift += 32
            remaining -= 32
        }
        return result
    }

    /// A uniform integer in 0..<limit (CPython's `_randbelow`).
    mutating func below(_ limit: BigUInt) -> BigUInt {
        if limit == 0 { return 0 }
        let width = limit.bitWidth
        var value = bits(width)
        while value >= limit { value = bits(width) }
        return value
    }
}

/// The `random` module.
extension VM {
    func makeRandomModule() -> PyModule {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        randomState = RandomState(seed: 0)
        randomState.seed(words: [UInt32(truncatingIfNeeded: now.tv_nsec), UInt32(truncatingIfNeeded: now.tv_sec)])
        return nativeModule("random") { dict in
            defineFunction(dict, "seed") { vm, arguments throws(PyError) in
                let value = arguments.argument(0, "a") ?? .none
                var number: BigInt
                if value.isNone {
                    var now = timespec()
                    clock_gettime(CLOCK_REALTIME, &now)
                    number = BigInt(now.tv_sec) * 1_000_000_000 + BigInt(now.tv_nsec)
                } else if let integer = vm.bigInt(value) {
                    number = integer
                } else if case .float(let float) = value {
                    number = BigInt(vm.hashFloat(float))
                } else {
                    number = BigInt(try vm.hash(value))
                }
                var magnitude = number.magnitude
                var words: [UInt32] = []
                while magnitude > 0 {
                    words.append(UInt32(truncatingIfNeeded: magnitude & 0xFFFF_FFFF))
                    magnitude >>= 32
                }
                vm.randomState.seed(words: words)
                return .none
            }
            defineFunction(dict, "random") { vm, _ throws(PyError) in .float(vm.randomState.random()) }
            defineFunction(dict, "uniform") { vm, arguments throws(PyError) in
                try arguments.expect("uniform", vm, min: 2, max: 2)
                let a = try vm.mathArgument(arguments[0])
                let b = try vm.mathArgument(arguments[1])
                return .float(a + (b - a) * vm.randomState.random())
            }
            defineFunction(dict, "getrandbits") { vm, arguments throws(PyError) in
                let count = try vm.index(try arguments.exactlyOne("getrandbits", vm))
                if count < 0 { throw vm.error("ValueError", "number of bits must be non-negative") }
                return count == 0 ? .int(0) : vm.intValue(BigInt(vm.randomState.bits(count)))
            }
            defineFunction(dict, "randrange") { vm, arguments throws(PyError) in
                try arguments.expect("randrange", vm, min: 1, max: 3)
                let values = try arguments.positional.map { value throws(PyError) -> BigInt in
                    guard let number = vm.bigInt(value) else { throw vm.typeError("'\(vm.typeName(value))' object cannot be interpreted as an integer") }
                    return number
                }
                let (start, stop, step) = values.count == 1 ? (BigInt(0), values[0], BigInt(1)) : (values[0], values[1], values.count == 3 ? values[2] : 1)
                return try vm.randomRange(start, stop, step)
            }
            defineFunction(dict, "randint") { vm, arguments throws(PyError) in
                try arguments.expect("randint", vm, min: 2, max: 2)
                guard let a = vm.bigInt(arguments[0]), let b = vm.bigInt(arguments[1]) else { throw vm.typeError("randint() arguments must be integers") }
                return try vm.randomRange(a, b + 1, 1)
            }
            defineFunction(dict, "choice") { vm, arguments throws(PyError) in
                let sequence = try arguments.exactlyOne("choice", vm)
                let count = try vm.length(sequence)
                if count == 0 { throw vm.error("IndexError", "Cannot choose from an empty sequence") }
                return try vm.getItem(sequence, .int(Int(vm.randomState.below(BigUInt(count)))))
            }
            defineFunction(dict, "shuffle") { vm, arguments throws(PyError) in
                guard let list = try arguments.exactlyOne("shuffle", vm).as(PyList.self) else { return .none }
                var index = list.items.count - 1
                while index > 0 {
                    let other = Int(vm.randomState.below(BigUInt(index + 1)))
                    list.items.swapAt(index, other)
                    index -= 1
                }
                return .none
            }
            defineFunction(dict, "sample") { vm, arguments throws(PyError) in
                guard arguments.positionalCount >= 1 else { throw vm.typeError("sample() missing 2 required positional arguments: 'population' and 'k'") }
                let population = try vm.collect(arguments[0])
                let count = try vm.index(arguments.argument(1, "k") ?? .int(0))
                let n = population.count
                if count < 0 || count > n { throw vm.error("ValueError", "Sample larger than population or is negative") }
                var setSize = 21
                if count > 5 { setSize += Int(pow(4.0, ceil(log(Double(count * 3)) / log(4.0)))) }
                var result: [Value] = []
                if n <= setSize {
                    var pool = population
                    for i in 0..<count {
                        let j = Int(vm.randomState.below(BigUInt(n - i)))
                        result.append(pool[j])
                        pool[j] = pool[n - i - 1]
                    }
                } else {
                    var selected = Set<Int>()
                    for _ in 0..<count {
                        var j = Int(vm.randomState.below(BigUInt(n)))
                        while selected.contains(j) { j = Int(vm.randomState.below(BigUInt(n))) }
                        selected.insert(j)
                        result.append(population[j])
                    }
                }
                return vm.list(result)
            }
            defineFunction(dict, "choices") { vm, arguments throws(PyError) in
                let population = try vm.collect(arguments[0])
                let count = try vm.index(arguments.keyword("k") ?? .int(1))
                if population.isEmpty { throw vm.error("IndexError", "Cannot choose from an empty sequence") }
                var result: [Value] = []
                for _ in 0..<count {
                    result.append(population[Int((vm.randomState.random() * Double(population.count)).rounded(.down))])
                }
                return vm.list(result)
            }
        }
    }

    fileprivate func randomRange(_ start: BigInt, _ stop: BigInt, _ step: BigInt) throws(PyError) -> Value {
        let width = stop - start
        if step == 1 {
            if width <= 0 { throw error("ValueError", "empty range for randrange() (\(start), \(stop), \(width))") }
            return intValue(start + BigInt(randomState.below(width.magnitude)))
        }
        if step == 0 { throw error("ValueError", "zero step for randrange()") }
        let count = step > 0 ? (width + step - 1) / step : (width + step + 1) / step
        if count <= 0 { throw error("ValueError", "empty range for randrange()") }
        return intValue(start + step * BigInt(randomState.below(count.magnitude)))
    }
}
