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

/// An `int` too large for 64 bits.
public final class PyBigInt: PyObject {
    let value: BigInt

    init(type: PyType, _ value: BigInt) {
        self.value = value
        super.init(type: type)
    }
}

/// `bytes`.
public final class PyBytes: PyObject {
    let bytes: [UInt8]

    init(type: PyType, _ bytes: [UInt8]) {
        self.bytes = bytes
        super.init(type: type)
    }
}

/// A `range`.
public final class PyRange: PyObject {
    let start: Int
    let stop: Int
    let step: Int

    init(type: PyType, start: Int, stop: Int, step: Int) {
        self.start = start
        self.stop = stop
        self.step = step
        super.init(type: type)
    }

    var count: Int {
        if step > 0 { return start < stop ? (stop - start - 1) / step + 1 : 0 }
        return start > stop ? (start - stop - 1) / (-step) + 1 : 0
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
    /// A range iterator's end (exclusive, reachable by whole steps) and step.
    @exclusivity(unchecked) var stop = 0
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
    case property, staticMethod, classMethod, superObject, partial, lruCache, wrapper
    case other
}
