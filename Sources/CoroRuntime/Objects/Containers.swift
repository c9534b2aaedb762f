import BigInt

/// A `list`.
public final class PyList: PyObject {
    @exclusivity(unchecked) var items: [Value]

    init(type: PyType, _ items: [Value]) {
        self.items = items
        super.init(type: type)
    }

    override func trace(_ tracer: inout Tracer) {
        super.trace(&tracer)
        tracer.mark(items)
    }
}

/// A `tuple`.
public final class PyTuple: PyObject {
    let items: [Value]
    @exclusivity(unchecked) var cachedHash: Int?

    init(type: PyType, _ items: [Value]) {
        self.items = items
        super.init(type: type)
    }

    override func trace(_ tracer: inout Tracer) {
        super.trace(&tracer)
        tracer.mark(items)
    }
}

/// An `int` too large for 64 bits. Values that fit in 128 bits are kept as `Int128`
/// (arithmetic on them needs no allocation). Larger ones are kept as a `BigInt`, as
/// `SignedWords` (what + and - work on), or both: each form is made when first needed.
public final class PyBigInt: PyObject {
    let medium: Int128?
    @exclusivity(unchecked) private var big: BigInt?
    @exclusivity(unchecked) private var words: SignedWords?

    init(type: PyType, _ value: BigInt) {
        big = value
        medium = int128(value)
        super.init(type: type)
    }

    init(type: PyType, medium: Int128) {
        self.medium = medium
        super.init(type: type)
    }

    init(type: PyType, words: SignedWords) {
        self.words = words
        medium = words.int128
        super.init(type: type)
    }

    var value: BigInt {
        if let big { return big }
        let made = words?.bigInt ?? makeBigInt(medium ?? 0)
        big = made
        return made
    }

    /// The value when it fits in an Int: only an instance of an `int` subclass, whose
    /// value may be small, is a PyBigInt that fits.
    var small: Int? { medium.flatMap { Int(exactly: $0) } }

    var signedWords: SignedWords {
        if let words { return words }
        let made = medium.map { SignedWords($0) } ?? SignedWords(value)
        words = made
        return made
    }
}

/// The value as an Int128 when it fits.
func int128(_ number: BigInt) -> Int128? {
    let words = number.magnitude.words
    guard words.count <= 2 else { return nil }
    let low = words.isEmpty ? 0 : words[words.startIndex]
    let high = words.count == 2 ? words[words.startIndex + 1] : 0
    let magnitude = UInt128(high) << 64 | UInt128(low)
    if number.sign == .plus { return magnitude <= UInt128(Int128.max) ? Int128(magnitude) : nil }
    if magnitude <= UInt128(Int128.max) { return -Int128(magnitude) }
    return magnitude == UInt128(Int128.max) + 1 ? Int128.min : nil
}

/// A BigInt from an Int128.
func makeBigInt(_ number: Int128) -> BigInt {
    let magnitude = number.magnitude
    let words = [UInt(truncatingIfNeeded: magnitude), UInt(truncatingIfNeeded: magnitude >> 64)]
    return BigInt(sign: number < 0 ? .minus : .plus, magnitude: BigUInt(words: words))
}

/// `bytes`.
public final class PyBytes: PyObject {
    let bytes: [UInt8]

    init(type: PyType, _ bytes: [UInt8]) {
        self.bytes = bytes
        super.init(type: type)
    }
}

/// A `range` of Ints. Its arithmetic is done in 128 bits: a range can hold more than
/// `Int.max` items, and its items' offsets can pass the ends of `Int`.
public final class PyRange: PyObject {
    let start: Int
    let stop: Int
    let step: Int
    /// How many items it has.
    let length: Int128

    init(type: PyType, start: Int, stop: Int, step: Int) {
        self.start = start
        self.stop = stop
        self.step = step
        let (first, end, stride) = (Int128(start), Int128(stop), Int128(step))
        if step > 0 {
            length = first < end ? (end - first - 1) / stride + 1 : 0
        } else {
            length = first > end ? (first - end - 1) / -stride + 1 : 0
        }
        super.init(type: type)
    }

    /// The length as an Int, capped at `Int.max` (no loop gets that far).
    var count: Int { Int(clamping: length) }

    /// The value `offset` steps from the start (inside the range or just past an end).
    func value(at offset: Int128) -> Int128 { Int128(start) + offset * Int128(step) }

    /// Whether `number` is one of the items.
    func contains(_ number: Int) -> Bool {
        let offset = Int128(number) - Int128(start)
        let inside = step > 0 ? number >= start && number < stop : number <= start && number > stop
        return inside && offset % Int128(step) == 0
    }
}

/// A `slice`.
public final class PySlice: PyObject {
    let start: Value
    let stop: Value
    let step: Value

    init(type: PyType, start: Value, stop: Value, step: Value) {
        self.start = start
        self.stop = stop
        self.step = step
        super.init(type: type)
    }

    override func trace(_ tracer: inout Tracer) {
        tracer.mark(start)
        tracer.mark(stop)
        tracer.mark(step)
    }
}

/// A cell: a variable shared between a function and the closures that capture it.
public final class PyCell: PyObject {
    @exclusivity(unchecked) var value: Value

    init(type: PyType, _ value: Value) {
        self.value = value
        super.init(type: type)
    }

    override func trace(_ tracer: inout Tracer) {
        tracer.mark(value)
    }
}

/// A module: a name and a namespace.
public final class PyModule: PyObject {
    let name: String
    unowned(unsafe) let dict: PyDict

    init(type: PyType, name: String, dict: PyDict) {
        self.name = name
        self.dict = dict
        super.init(type: type)
    }

    override func trace(_ tracer: inout Tracer) {
        super.trace(&tracer)
        tracer.mark(dict)
    }
}

/// An object that holds other values for a builtin (iterators, views, wrappers):
/// `values` are traced, `state` is free for the owner's bookkeeping.
public final class PyBox: PyObject {
    @exclusivity(unchecked) var values: [Value]
    @exclusivity(unchecked) var state: Int
    /// What the box is (which builtin made it), for its type's methods.
    let kind: BoxKind

    /// The list a list iterator walks (a field of its own so the loop reads it cheaply).
    @exclusivity(unchecked) var subject: Value = .null
    /// A range iterator's items left (`state` is the next one) and step.
    @exclusivity(unchecked) var remaining = 0
    @exclusivity(unchecked) var step = 0

    init(type: PyType, kind: BoxKind, values: [Value], state: Int = 0) {
        self.values = values
        self.state = state
        self.kind = kind
        super.init(type: type)
    }

    override func trace(_ tracer: inout Tracer) {
        super.trace(&tracer)
        tracer.mark(values)
        tracer.mark(subject)
    }
}

/// The builtin objects kept in a `PyBox`.
enum BoxKind {
    case listIterator, tupleIterator, strIterator, rangeIterator, dictKeyIterator, dictValueIterator
    case dictItemIterator, setIterator, bytesIterator, callIterator, sequenceIterator
    case reversedList, reversedSequence
    case enumerate, zip, map, filter
    case dictKeys, dictValues, dictItems
    case property, staticMethod, classMethod, superObject, partial
    /// Awaitables: `agen.asend()`/`__anext__()`, `agen.athrow()`/`aclose()`, `coroutine.__await__()`.
    case asyncGenSend, asyncGenThrow, coroutineWrapper
    /// `asyncio.Future.__await__()`: yields the future once, then gives its result.
    case futureIter
    /// asyncio's `sleep(0)`: one bare yield, then done.
    case yieldOnce
    /// `iter(deque)` and `reversed(deque)` (see `PyDequeStorage`).
    case dequeIterator, dequeReverseIterator
}
