import CoroCompiler

/// A code object prepared for the VM: instructions and constants in stable buffers
/// that the dispatch loop reads through pointers, and names interned as `str` objects.
final class RuntimeCode {
    let code: CodeObject
    let instructions: UnsafeMutablePointer<UInt32>
    let constants: UnsafeMutablePointer<Value>
    let names: [PyStr]
    /// The names again, for the dispatch loop (no reference counting on access).
    let nameTable: UnsafeMutablePointer<NameReference>
    let argumentCount: Int
    /// The names of the parameters that take keywords (positional, then keyword-only),
    /// interned: a call matches its keywords and finds keyword defaults by address.
    let parameterNames: UnsafeMutablePointer<NameReference>
    /// One inline cache per instruction (used by attribute instructions).
    let attributeCache: UnsafeMutablePointer<AttributeCache>
    let localCount: Int
    /// Cells and free variables, stored after the locals.
    let derefCount: Int
    let frameSize: Int
    let flags: CodeFlags

    init(code: CodeObject, constants: [Value], names: [PyStr], intern: (String) -> PyStr) {
        self.code = code
        instructions = .allocate(capacity: max(1, code.instructions.count))
        for (index, instruction) in code.instructions.enumerated() { instructions[index] = instruction.word }
        self.constants = .allocate(capacity: max(1, constants.count))
        self.constants.initialize(from: constants, count: constants.count)
        self.names = names
        nameTable = RuntimeCode.nameReferences(names)
        argumentCount = code.argumentCount
        parameterNames = RuntimeCode.nameReferences(code.localNames.prefix(code.argumentCount + code.keywordOnlyCount).map(intern))
        attributeCache = .allocate(capacity: max(1, code.instructions.count))
        attributeCache.initialize(repeating: AttributeCache(), count: max(1, code.instructions.count))
        localCount = code.localNames.count
        derefCount = code.cellNames.count + code.freeNames.count
        frameSize = code.frameSize
        flags = code.flags
        hasSimpleParameters = code.flags.isDisjoint(with: [.varArgs, .varKeywords]) && code.keywordOnlyCount == 0
        isSimple = hasSimpleParameters && code.flags.isDisjoint(with: [.generator, .coroutine, .asyncGenerator])
    }

    /// Only positional-or-keyword parameters: exactly that many positional arguments
    /// bind by copying.
    let hasSimpleParameters: Bool

    /// Takes exactly its positional parameters and runs as an ordinary call, so the
    /// dispatch loop can push its frame directly.
    let isSimple: Bool

    /// A table of `names` for reading without reference counting.
    private static func nameReferences(_ names: [PyStr]) -> UnsafeMutablePointer<NameReference> {
        let table = UnsafeMutablePointer<NameReference>.allocate(capacity: max(1, names.count))
        for (index, name) in names.enumerated() { (table + index).initialize(to: NameReference(value: name)) }
        return table
    }

    deinit {
        instructions.deallocate()
        constants.deallocate()
        nameTable.deallocate()
        parameterNames.deallocate()
        attributeCache.deallocate()
    }

    @inline(__always)
    func name(_ index: Int) -> PyStr { nameTable[index].value }

    @inline(__always)
    func nameKey(_ index: Int) -> NameKey { nameTable[index].key }

    var isGeneratorLike: Bool { !flags.isDisjoint(with: [.generator, .coroutine, .asyncGenerator]) }
}

/// A code object as a script value (a constant of its enclosing code).
final class PyCode: PyObject {
    let runtime: RuntimeCode

    init(type: PyType, runtime: RuntimeCode) {
        self.runtime = runtime
        super.init(type: type)
    }
}

/// An interned name in a code object's table (kept alive by the interpreter), with
/// what a dict probe needs, so that lookups by name do no reference counting.
struct NameReference {
    unowned(unsafe) let value: PyStr
    let key: NameKey

    init(value: PyStr) {
        self.value = value
        key = NameKey(value)
    }

    /// Whether `name` is this name: the same interned string, or an equal one.
    @inline(__always)
    func matches(_ name: PyStr) -> Bool {
        value === name || (key.hash == name.hashValue && value.equals(name))
    }
}

/// A `str` key as a dict probe sees it: its address and hash.
struct NameKey {
    let address: UnsafeMutableRawPointer
    let hash: Int

    init(_ name: PyStr) {
        address = Unmanaged.passUnretained(name).toOpaque()
        hash = name.hashValue
    }
}
