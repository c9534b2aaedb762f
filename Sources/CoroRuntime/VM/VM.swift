import CoroCompiler
import CoroSyntax

/// One interpreter's whole state: heap, builtin types, modules, the running fiber.
/// Nothing is global: two VMs in one process never share anything.
public final class VM {
    let heap: Heap
    let types: BuiltinTypes
    private var interned: [String: PyStr] = [:]
    let builtins: PyDict
    /// `sys.modules`.
    let modules: PyDict
    var fiber: Fiber
    var recursionLimit = 1000
    /// Nested runs of the dispatch loop (native code calling back into scripts).
    var nativeDepth = 0
    /// The exception being handled (`sys.exc_info()`).
    var currentException: Value = .none
    /// Values native code holds while it calls back into scripts.
    var temporaryRoots: [Value] = []
    /// Containers whose repr is being built (to print `[...]` for self-references).
    var reprInProgress: Set<ObjectIdentifier> = []
    /// Where `print` and `sys.stdout` write.
    public let output: OutputSink
    public let errorOutput: OutputSink
    /// `sys.argv` and the folder imports search.
    public var argv: [String] = []
    public var searchPath: [String] = []
    /// Objects that stand for singletons.
    private(set) var notImplemented: Value = .null
    private(set) var ellipsis: Value = .null
    let emptyTuple: PyTuple
    /// Native modules by name, made on first import.
    var nativeModules: [String: (VM) -> PyModule] = [:]
    var randomState = RandomState(seed: 0)
    /// The exception that ended the last `run`, if a `SystemExit` asked for a status.
    public internal(set) var exitStatus: Int32?

    public init(gcStress: Bool = false, output: OutputSink = OutputSink(descriptor: 1),
                errorOutput: OutputSink = OutputSink(descriptor: 2)) {
        heap = Heap(stress: gcStress)
        types = BuiltinTypes(heap: heap)
        self.output = output
        self.errorOutput = errorOutput
        fiber = Fiber(slotCount: 1 << 20)
        builtins = heap.makeImmortal(PyDict(type: types.dict))
        modules = heap.makeImmortal(PyDict(type: types.dict))
        emptyTuple = heap.makeImmortal(PyTuple(type: types.tuple, []))
        notImplemented = Value(heap.makeImmortal(PyObject(type: types.notImplemented)))
        ellipsis = Value(heap.makeImmortal(PyObject(type: types.ellipsis)))
        installBuiltinTypes()
        installBuiltins()
        installNativeModules()
    }

    // MARK: allocation

    func intern(_ text: String) -> PyStr {
        if let existing = interned[text] { return existing }
        let made = heap.makeImmortal(PyStr(type: types.str, text))
        interned[text] = made
        return made
    }

    @inline(__always)
    func str(_ text: String) -> Value { Value(heap.register(PyStr(type: types.str, text))) }

    func newList(_ items: [Value]) -> PyList { heap.register(PyList(type: types.list, items)) }
    func list(_ items: [Value]) -> Value { Value(newList(items)) }

    func newTuple(_ items: [Value]) -> PyTuple {
        items.isEmpty ? emptyTuple : heap.register(PyTuple(type: types.tuple, items))
    }
    func tuple(_ items: [Value]) -> Value { Value(newTuple(items)) }

    func newDict() -> PyDict { heap.register(PyDict(type: types.dict)) }

    func newSet(frozen: Bool = false) -> PySet { heap.register(PySet(type: frozen ? types.frozenset : types.set)) }

    func box(_ kind: BoxKind, _ values: [Value], state: Int = 0) -> Value {
        Value(heap.register(PyBox(type: types.box[kind] ?? types.object, kind: kind, values: values, state: state)))
    }

    func builtin(_ name: String, owner: PyType? = nil, receiver: Value = .null,
                 _ function: @escaping NativeFunction) -> PyBuiltin {
        heap.register(PyBuiltin(type: types.builtinFunction, name: name, owner: owner, receiver: receiver, function: function))
    }

    func bytes(_ bytes: [UInt8]) -> Value { Value(heap.register(PyBytes(type: types.bytes, bytes))) }

    // MARK: types

    /// The class of any value.
    @inline(__always)
    func typeOf(_ value: Value) -> PyType {
        switch value {
        case .int: return types.int
        case .float: return types.float
        case .bool: return types.bool
        case .none, .null: return types.none
        case .object(let reference): return reference.takeUnretainedValue().type
        }
    }

    func typeName(_ value: Value) -> String { typeOf(value).name }

    func isInstance(_ value: Value, _ type: PyType) -> Bool { typeOf(value).isSubtype(of: type) }

    // MARK: roots

    /// Collects garbage if the heap asks for it; called at safepoints with every live
    /// frame's `sp` saved.
    func collectGarbage(keepingRoots mark: Int) {
        if mark < temporaryRoots.count { temporaryRoots.removeSubrange(mark...) }
        heap.collect { tracer in
            markRoots(&tracer)
        }
    }

    private func markRoots(_ tracer: inout Tracer) {
        tracer.mark(builtins)
        tracer.mark(modules)
        tracer.mark(currentException)
        tracer.mark(temporaryRoots)
        markFiber(fiber, &tracer)
        for fiber in suspendedFibers { markFiber(fiber, &tracer) }
    }

    /// Fibers of callers while a nested fiber runs (none yet outside the async runtime).
    var suspendedFibers: [Fiber] { [] }

    private func markFiber(_ fiber: Fiber, _ tracer: inout Tracer) {
        for frame in fiber.frames {
            tracer.mark(frame.globals)
            if let namespace = frame.namespace { tracer.mark(namespace.takeUnretainedValue()) }
            if let generator = frame.generator { tracer.mark(generator.takeUnretainedValue()) }
            tracer.mark(frame.instance)
            var slot = frame.base
            while slot < frame.sp {
                tracer.mark(slot.pointee)
                slot += 1
            }
        }
    }

    /// Keeps `value` alive until the dispatch loop that called the running native code
    /// reaches its next safepoint (native code holding values across script calls).
    @inline(__always)
    func root(_ value: Value) {
        if case .object = value { temporaryRoots.append(value) }
    }

    /// Runs `body` with `values` kept alive across calls back into scripts.
    func withRoots<T>(_ values: [Value], _ body: () throws(PyError) -> T) throws(PyError) -> T {
        let mark = temporaryRoots.count
        temporaryRoots.append(contentsOf: values)
        defer { temporaryRoots.removeSubrange(mark...) }
        return try body()
    }
}

