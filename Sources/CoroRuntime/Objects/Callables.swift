import CoroCompiler

/// A function defined by a script: code plus the globals, defaults and closure cells
/// it was created with.
public final class PyFunction: PyObject {
    /// Owned by the code constant the function was made from.
    unowned(unsafe) let code: RuntimeCode
    /// Traced below; unowned so that the dispatch loop reads it without retaining.
    unowned(unsafe) let globals: PyDict
    /// The same, for building frames without reference counting.
    let globalsReference: Unmanaged<PyDict>
    @exclusivity(unchecked) var name: String
    @exclusivity(unchecked) var qualifiedName: String
    @exclusivity(unchecked) var defaults: [Value]
    /// Keyword-only defaults by parameter name.
    @exclusivity(unchecked) var keywordDefaults: PyDict?
    let closure: [PyCell]
    @exclusivity(unchecked) var module: Value
    @exclusivity(unchecked) var doc: Value = .none

    init(type: PyType, code: RuntimeCode, globals: PyDict, defaults: [Value], keywordDefaults: PyDict?,
         closure: [PyCell], module: Value) {
        self.code = code
        self.globals = globals
        globalsReference = Unmanaged.passUnretained(globals)
        self.name = code.code.name
        self.qualifiedName = code.code.qualifiedName
        self.defaults = defaults
        self.keywordDefaults = keywordDefaults
        self.closure = closure
        self.module = module
        super.init(type: type)
    }

    override func trace(_ tracer: inout Tracer) {
        super.trace(&tracer)
        tracer.mark(globals)
        tracer.mark(defaults)
        if let keywordDefaults { tracer.mark(keywordDefaults) }
        for cell in closure { tracer.mark(cell) }
        tracer.mark(module)
        tracer.mark(doc)
    }
}

/// The arguments of a native function: positional values, then keyword values named by
/// `keywordNames`. They live on the VM stack (or in a pinned array) while the call runs.
struct Arguments {
    let values: UnsafeBufferPointer<Value>
    let keywordNames: [PyStr]

    var positionalCount: Int { values.count - keywordNames.count }
    var positional: UnsafeBufferPointer<Value>.SubSequence { values[0..<positionalCount] }

    subscript(index: Int) -> Value { values[index] }

    /// The keyword argument `name`, if passed.
    func keyword(_ name: String) -> Value? {
        for (index, keyword) in keywordNames.enumerated() where keyword.value == name {
            return values[positionalCount + index]
        }
        return nil
    }
}

typealias NativeFunction = (VM, Arguments) throws(PyError) -> Value

/// A function implemented in Swift (a builtin, or a method of a builtin type: then the
/// receiver is the first argument).
public final class PyBuiltin: PyObject {
    let name: String
    /// The type a method belongs to, for messages like "descriptor 'append' for 'list'".
    let owner: PyType?
    let function: NativeFunction
    /// A receiver bound in advance (`[].append`), or null.
    let receiver: Value
    /// Whether a call of this method, unbound, must check that its first argument is an
    /// instance of `owner`, as CPython's method descriptors do (`__new__` and the
    /// implicit class methods take a class instead; a bound one has its receiver).
    let checksReceiver: Bool
    /// `owner`'s address, for the common check: the receiver is exactly an `owner`.
    let ownerAddress: UnsafeMutableRawPointer?

    init(type: PyType, name: String, owner: PyType?, receiver: Value = .null, function: @escaping NativeFunction) {
        self.name = name
        self.owner = owner
        self.function = function
        self.receiver = receiver
        checksReceiver = receiver.isNull && owner != nil && !["__new__", "__init_subclass__", "__class_getitem__"].contains(name)
        ownerAddress = owner.map { Unmanaged.passUnretained($0).toOpaque() }
        super.init(type: type)
    }

    override func trace(_ tracer: inout Tracer) {
        tracer.mark(receiver)
    }
}

/// A bound method: a function and the instance it was looked up on.
public final class PyMethod: PyObject {
    let function: Value
    let receiver: Value

    init(type: PyType, function: Value, receiver: Value) {
        self.function = function
        self.receiver = receiver
        super.init(type: type)
    }

    override func trace(_ tracer: inout Tracer) {
        super.trace(&tracer)
        tracer.mark(function)
        tracer.mark(receiver)
    }
}
