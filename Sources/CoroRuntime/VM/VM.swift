import CoroCompiler
import CoroSyntax

/// One interpreter's whole state: heap, builtin types, modules, the running fiber.
/// Nothing is global: two VMs in one process never share anything.
public final class VM {
    let heap: Heap
    let types: BuiltinTypes
    let builtins: PyDict
    /// `sys.modules`.
    let modules: PyDict
    @exclusivity(unchecked) var fiber: Fiber {
        didSet { frameStack = FrameStack(fiber) }
    }
    /// The running fiber's stacks as raw pointers, for hot paths that must not retain it.
    @exclusivity(unchecked) private(set) var frameStack: FrameStack
    @exclusivity(unchecked) var recursionLimit = 1000
    /// Nested runs of the dispatch loop (native code calling back into scripts).
    @exclusivity(unchecked) var nativeDepth = 0
    /// The exception being handled (`sys.exc_info()`).
    @exclusivity(unchecked) var currentException: Value = .none
    /// Values native code holds while it calls back into scripts.
    @exclusivity(unchecked) var temporaryRoots: [Value] = []
    /// Every code object loaded (see `load`).
    var loadedCode: [RuntimeCode] = []
    /// Containers whose repr is being built (to print `[...]` for self-references).
    @exclusivity(unchecked) var reprInProgress: Set<ObjectIdentifier> = []
    /// Where `print` and `sys.stdout` write.
    public let output: OutputSink
    public let errorOutput: OutputSink
    /// `sys.argv` and the folder imports search.
    @exclusivity(unchecked) public var argv: [String] = []
    @exclusivity(unchecked) public var searchPath: [String] = []
    /// Objects that stand for singletons.
    @exclusivity(unchecked) private(set) var notImplemented: Value = .null
    @exclusivity(unchecked) private(set) var ellipsis: Value = .null
    /// The `list.append` builtin's address, which CALL runs inline on an exact list.
    @exclusivity(unchecked) var listAppendAddress: UnsafeMutableRawPointer?
    let emptyTuple: PyTuple
    /// Addresses of the classes the dispatch loop tests for.
    let typeAddresses: TypeAddresses
    /// Set (to nonzero) by the host to interrupt the script: the next safepoint raises
    /// KeyboardInterrupt. The host also zeroes the heap's budget so a safepoint comes soon.
    public let interruptRequest: UnsafeMutablePointer<Int32>
    /// Allocations left before a safepoint collects; the host may zero it (see above).
    public var safepointBudget: UnsafeMutablePointer<Int> { heap.budget }
    /// Bumped whenever a class namespace changes, invalidating attribute caches.
    let typeEpoch: UnsafeMutablePointer<Int>
    /// Interned special-method names.
    let names: Names
    private let interner: Interner
    /// Native modules by name, made on first import.
    @exclusivity(unchecked) var nativeModules: [String: (VM) -> PyModule] = [:]
    @exclusivity(unchecked) var randomState = RandomState(seed: 0)
    /// Classes whose unreachable instances get `_on_collected` called when they have
    /// something to report (see `Finalizers.swift`).
    @exclusivity(unchecked) var collectionReports: [PyType] = []
    /// Whether any coroutine has been made (one may be reported as never awaited).
    @exclusivity(unchecked) var coroutinesMade = false
    /// Whether any class has defined `__del__` (until one has, collections skip the
    /// search for objects to finalize).
    @exclusivity(unchecked) var finalizersExist = false
    /// The objects whose `__del__` is running or about to (roots until it has run);
    /// non-empty while finalizers run, which do not nest.
    @exclusivity(unchecked) var finalizerBatch: [PyObject] = []
    /// Threads of script code (`ScriptThreads.swift`): the lock only one holds at a
    /// time, the thread whose context is installed, the other threads, their calls.
    let interpreterLock = InterpreterLock()
    let mainThread = ScriptThread(parked: nil)
    @exclusivity(unchecked) var currentThread: ScriptThread
    @exclusivity(unchecked) var scriptThreads: [ScriptThread] = []
    @exclusivity(unchecked) var threadCalls: [ThreadCall] = []
    @exclusivity(unchecked) var finishedCalls: [ThreadCall] = []
    /// HTTP: the permission, the client, and what waits for its answers (`Net/`).
    let network: NetworkState
    /// Where warnings were already printed (each location warns once).
    @exclusivity(unchecked) var warnedLocations: Set<String> = []
    /// asyncio's native half, once `asyncio` is imported (`AsyncioCore.swift`).
    @exclusivity(unchecked) var asyncioCore: AsyncioCore?
    /// `coro --debug`: asyncio's debug mode (slow steps, where tasks were made).
    @exclusivity(unchecked) public var debugMode = false
    /// `time`'s clock and the event loop's: the system's, or virtual (`--virtual-time`).
    @exclusivity(unchecked) public var clock = ScriptClock()
    /// The exception that ended the last `run`, if a `SystemExit` asked for a status.
    @exclusivity(unchecked) public internal(set) var exitStatus: Int32?

    public init(gcStress: Bool = false, output: OutputSink = OutputSink(descriptor: 1),
                errorOutput: OutputSink = OutputSink(descriptor: 2)) {
        heap = Heap(stress: gcStress)
        typeEpoch = .allocate(capacity: 1)
        typeEpoch.initialize(to: 0)
        interruptRequest = .allocate(capacity: 1)
        interruptRequest.initialize(to: 0)
        types = BuiltinTypes(heap: heap)
        typeAddresses = TypeAddresses(types)
        self.output = output
        self.errorOutput = errorOutput
        fiber = Fiber(slotCount: 1 << 22, frameCapacity: 1 << 18)
        frameStack = FrameStack(fiber)
        currentThread = mainThread
        network = NetworkState(wake: { [interpreterLock] in interpreterLock.postEvent() })
        builtins = heap.makeImmortal(PyDict(type: types.dict))
        modules = heap.makeImmortal(PyDict(type: types.dict))
        emptyTuple = heap.makeImmortal(PyTuple(type: types.tuple, []))
        let interner = Interner(heap: heap, type: types.str)
        self.interner = interner
        names = Names(intern: interner.intern)
        notImplemented = Value(heap.makeImmortal(PyObject(type: types.notImplemented)))
        ellipsis = Value(heap.makeImmortal(PyObject(type: types.ellipsis)))
        installBuiltinTypes()
        installBuiltins()
        installNativeModules()
        installAsyncBuiltins()
    }

    // MARK: allocation

    func intern(_ text: String) -> PyStr { interner.intern(text) }

    @inline(__always)
    func str(_ text: String) -> Value { Value(heap.register(PyStr(type: types.str, text), storageBytes: text.utf8.count)) }
    /// A str whose length in code points and ASCII-ness are already known.
    func str(_ text: String, count: Int, isASCII: Bool) -> Value {
        Value(heap.register(PyStr(type: types.str, text, count: count, isASCII: isASCII), storageBytes: text.utf8.count))
    }

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

    /// A safepoint that found the budget spent (called with every live frame's `sp`
    /// saved): raises KeyboardInterrupt if the host asked, else collects garbage.
    func safepoint(keepingRoots mark: Int) throws(PyError) {
        if interruptRequest.pointee != 0 {
            interruptRequest.pointee = 0
            if !heap.stress { heap.budget.pointee = max(heap.budget.pointee, 1) }
            throw PyError(exception: newException(types[exception: "KeyboardInterrupt"], []))
        }
        collectGarbage(keepingRoots: mark)
        // A Ctrl-C during the collection had its budget reset by it: make it count.
        if interruptRequest.pointee != 0 { heap.budget.pointee = 0 }
    }

    func collectGarbage(keepingRoots mark: Int) {
        if mark < temporaryRoots.count { temporaryRoots.removeSubrange(mark...) }
        let searching = finalizersExist || !collectionReports.isEmpty
        heap.collect({ tracer in markRoots(&tracer) }, needsFinalizer: searching ? { [unowned(unsafe) self] object in
            self.needsFinalizer(object)
        } : nil)
        if !heap.unawaited.isEmpty { warnUnawaited() }
        if !heap.finalizable.isEmpty { runFinalizers() }
    }

    private func markRoots(_ tracer: inout Tracer) {
        for object in finalizerBatch { tracer.mark(object) }
        tracer.mark(builtins)
        tracer.mark(modules)
        tracer.mark(currentException)
        tracer.mark(temporaryRoots)
        markFiber(fiber, &tracer)
        markThreads(&tracer)
        asyncioCore?.trace(&tracer)
    }

    func markFiber(_ fiber: Fiber, _ tracer: inout Tracer) {
        for index in 0..<fiber.count {
            let frame = fiber.frames[index]
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

/// The interned (immortal, shared) `str` objects of an interpreter: names in code and
/// identifiers, so that attribute lookups compare pointers first.
final class Interner {
    /// A text compared by its bytes: a `String` key would equate canonically equivalent
    /// texts ("é" and "e\u{301}"), which are distinct Python strings.
    private struct ExactText: Hashable {
        let text: String

        static func == (left: ExactText, right: ExactText) -> Bool { left.text.utf8.elementsEqual(right.text.utf8) }

        func hash(into hasher: inout Hasher) {
            let hashed = text.utf8.withContiguousStorageIfAvailable { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
            if hashed == nil {
                for byte in text.utf8 { hasher.combine(byte) }
            }
        }
    }

    private var table: [ExactText: PyStr] = [:]
    private let heap: Heap
    private let type: PyType

    init(heap: Heap, type: PyType) {
        self.heap = heap
        self.type = type
    }

    func intern(_ text: String) -> PyStr {
        let key = ExactText(text: text)
        if let existing = table[key] { return existing }
        let made = heap.makeImmortal(PyStr(type: type, text))
        table[key] = made
        return made
    }
}

/// Addresses of builtin classes, compared with an object's class pointer in fast paths.
struct TypeAddresses {
    let function: UnsafeMutableRawPointer
    let list: UnsafeMutableRawPointer
    let rangeIterator: UnsafeMutableRawPointer?
    let listIterator: UnsafeMutableRawPointer?
    let generator: UnsafeMutableRawPointer
    let coroutine: UnsafeMutableRawPointer
    let asyncGenerator: UnsafeMutableRawPointer
    let str: UnsafeMutableRawPointer
    let cell: UnsafeMutableRawPointer
    let builtinFunction: UnsafeMutableRawPointer
    let type: UnsafeMutableRawPointer
    let int: UnsafeMutableRawPointer

    init(_ types: BuiltinTypes) {
        asyncGenerator = Unmanaged.passUnretained(types.asyncGenerator).toOpaque()
        int = Unmanaged.passUnretained(types.int).toOpaque()
        type = Unmanaged.passUnretained(types.type).toOpaque()
        cell = Unmanaged.passUnretained(types.cell).toOpaque()
        builtinFunction = Unmanaged.passUnretained(types.builtinFunction).toOpaque()
        function = Unmanaged.passUnretained(types.function).toOpaque()
        list = Unmanaged.passUnretained(types.list).toOpaque()
        rangeIterator = types.box[.rangeIterator].map { Unmanaged.passUnretained($0).toOpaque() }
        listIterator = types.box[.listIterator].map { Unmanaged.passUnretained($0).toOpaque() }
        generator = Unmanaged.passUnretained(types.generator).toOpaque()
        coroutine = Unmanaged.passUnretained(types.coroutine).toOpaque()
        str = Unmanaged.passUnretained(types.str).toOpaque()
    }
}
