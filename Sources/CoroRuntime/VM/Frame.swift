/// What happens when a frame returns or yields: where its result goes in the caller.
enum FrameMode: UInt8 {
    /// An ordinary call: the result replaces the callable in the caller's stack.
    case call
    /// `__init__` run by a class call: the result must be None; the instance is pushed.
    case initializer
    /// A call from native code: `run` returns the result to its Swift caller.
    case native
    /// A generator resumed by `for`: a yielded value is pushed; return ends the loop.
    case forIter
    /// A generator resumed by `yield from`/`await` (`send`).
    case send
}

/// An activation record. Its slots (locals, then cells and free variables, then the
/// value stack) live on the fiber's stack, or in a generator object for generator
/// frames. `ip` and `sp` are saved here only while another frame runs.
struct Frame {
    unowned(unsafe) var code: RuntimeCode
    var base: UnsafeMutablePointer<Value>
    var sp: UnsafeMutablePointer<Value>
    var ip: Int
    /// The instruction running (`ip` is already past it).
    var currentInstruction: Int { max(0, ip - 1) }
    /// Where the result goes in the caller's stack.
    var returnSlot: UnsafeMutablePointer<Value>
    /// The module namespace (unmanaged: copying a frame costs no reference counting).
    var globalsReference: Unmanaged<PyDict>
    /// The namespace of a module or class body (LOAD_NAME), if any.
    var namespace: Unmanaged<PyDict>?
    var generator: Unmanaged<PyGenerator>?
    var mode: FrameMode
    /// The instance an `__init__` frame initialises.
    var instance: Value
    /// The end of the fiber slots in use by this frame and those below it: where the
    /// next frame's slots start.
    var slotTop: UnsafeMutablePointer<Value>

    var globals: PyDict { globalsReference.takeUnretainedValue() }

    /// The first slot of the value stack.
    var stackBase: UnsafeMutablePointer<Value> { base + code.localCount + code.derefCount }
}

/// A stack of frames and the slots they use: the main program, and in the async
/// runtime each task, runs on one. Frames never live on the Swift stack. Both stacks
/// are fixed buffers reached through pointers, so the dispatch loop pays no
/// reference counting or exclusivity checks to use them.
final class Fiber {
    let slots: UnsafeMutablePointer<Value>
    let slotCount: Int
    let frames: UnsafeMutablePointer<Frame>
    let frameCapacity: Int
    /// Frames in use.
    let depth: UnsafeMutablePointer<Int>

    init(slotCount: Int, frameCapacity: Int) {
        self.slotCount = slotCount
        self.frameCapacity = frameCapacity
        // Left uninitialised (pages are touched only as frames use them); a frame
        // initialises its own slots and the collector reads only below each frame's sp.
        slots = .allocate(capacity: slotCount)
        frames = .allocate(capacity: frameCapacity)
        depth = .allocate(capacity: 1)
        depth.initialize(to: 0)
    }

    deinit {
        slots.deallocate()
        frames.deallocate()
        depth.deallocate()
    }

    var slotsEnd: UnsafeMutablePointer<Value> { slots + slotCount }
    var count: Int { depth.pointee }
    var last: Frame? { depth.pointee > 0 ? frames[depth.pointee - 1] : nil }

    /// Pushes `frame`; the caller has checked that there is room (`VM.frameLimit`).
    @inline(__always)
    func push(_ frame: Frame) {
        let index = depth.pointee
        (frames + index).initialize(to: frame)
        depth.pointee = index + 1
    }

    @inline(__always)
    @discardableResult
    func pop() -> Frame {
        depth.pointee -= 1
        return frames[depth.pointee]
    }
}
