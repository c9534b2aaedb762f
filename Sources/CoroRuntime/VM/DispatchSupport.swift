import CoroCompiler

// Helpers of the dispatch loop (`VM+Run.swift`): stack stores kept out of line,
// the frame push shared by calls and `__init__`, operand fast paths.

/// Writes two adjacent stack slots. Out of line on purpose: Swift 6.3.1's optimizer
/// dropped the first of two such stores when they were inlined in the dispatch loop.
@inline(never)
func storePair(_ slots: UnsafeMutablePointer<Value>, _ first: Value, _ second: Value) {
    slots[0] = first
    slots[1] = second
}

/// Exchanges two stack slots (out of line, like `storePair`).
@inline(never)
func swapSlots(_ first: UnsafeMutablePointer<Value>, _ second: UnsafeMutablePointer<Value>) {
    let value = first.pointee
    first.pointee = second.pointee
    second.pointee = value
}

extension VM {
    /// How many frames the running fiber may hold now: the recursion limit counts the
    /// nested runs of the dispatch loop too, and the fiber's capacity bounds it.
    var frameLimit: Int { min(recursionLimit + 1 - nativeDepth, fiber.frameCapacity) }

    /// The names of a call's keyword arguments (a constant tuple of strings), or none.
    func keywordList(_ names: Value) -> [PyStr] {
        guard let tuple = names.as(PyTuple.self) else { return [] }
        return tuple.items.compactMap { $0.as(PyStr.self) }
    }
}

/// The fiber's frame stack as the dispatch loop holds it: plain pointers.
struct FrameStack {
    let frames: UnsafeMutablePointer<Frame>
    let depth: UnsafeMutablePointer<Int>
    let slots: UnsafeMutablePointer<Value>
    let slotsEnd: UnsafeMutablePointer<Value>

    init(_ fiber: Fiber) {
        frames = fiber.frames
        depth = fiber.depth
        slots = fiber.slots
        slotsEnd = fiber.slotsEnd
    }

    /// Where the next frame's slots start.
    @inline(__always)
    var slotTop: UnsafeMutablePointer<Value> {
        let count = depth.pointee
        return count > 0 ? frames[count - 1].slotTop : slots
    }

    /// Pushes `frame`; the caller has checked that there is room (`VM.frameLimit`).
    @inline(__always)
    func push(_ frame: Frame) {
        let index = depth.pointee
        (frames + index).initialize(to: frame)
        depth.pointee = index + 1
    }
}

extension VM {
    /// Pushes a frame for `code` above frame `index`: the arguments (after `instance`,
    /// for an `__init__`) become its first locals, the rest start unbound, cells are made.
    @inline(__always)
    func pushFrame(_ codeReference: Unmanaged<RuntimeCode>, of function: Unmanaged<PyFunction>, arguments: UnsafeMutablePointer<Value>,
                   count: Int, instance: Value, returnSlot: UnsafeMutablePointer<Value>, mode: FrameMode,
                   above index: Int, limit: Int, on stack: FrameStack) throws(PyError) {
        let frames = stack.frames
        let newBase = frames[index].slotTop
        let (frameSize, localCount, derefCount) = codeReference._withUnsafeGuaranteedRef { ($0.frameSize, $0.localCount, $0.derefCount) }
        guard newBase + frameSize <= stack.slotsEnd, index + 1 < limit else { throw recursionError() }
        var slot = newBase
        if !instance.isNull {
            slot.pointee = instance
            slot += 1
        }
        for position in 0..<count { slot[position] = arguments[position] }
        slot += count
        let stackStart = newBase + localCount + derefCount
        while slot < stackStart {
            slot.pointee = .null
            slot += 1
        }
        if derefCount > 0 { prepareCells(function, base: newBase) }
        (frames + index + 1).initialize(to: Frame(
            code: codeReference.takeUnretainedValue(), base: newBase, sp: stackStart, ip: 0, returnSlot: returnSlot,
            globalsReference: function._withUnsafeGuaranteedRef { $0.globalsReference }, namespace: nil, generator: nil,
            mode: mode, instance: instance, slotTop: newBase + frameSize))
        stack.depth.pointee = index + 2
    }

    /// The operand of the instruction that resumed a generator (FOR_ITER or SEND): where
    /// its frame continues once the generator has finished.
    @inline(__always)
    func jumpTarget(of frame: Frame) -> Int {
        Int(frame.code.instructions[frame.ip - 1] >> 8)
    }
}

/// Both operands as doubles when at least one is a float and the other a float or an
/// int that converts exactly (the float fast path of arithmetic).
@inline(__always)
func floatOperands(_ left: Value, _ right: Value) -> (Double, Double)? {
    switch (left, right) {
    case let (.float(a), .float(b)): return (a, b)
    case let (.float(a), .int(b)) where b.magnitude < 1 << 53: return (a, Double(b))
    case let (.int(a), .float(b)) where a.magnitude < 1 << 53: return (Double(a), b)
    default: return nil
    }
}
