#if canImport(Glibc)
import Glibc
#endif

/// The interpreter's clock, injected so that tests can run on virtual time.
///
/// The system clocks plus an offset. With `isVirtual`, sleeping (the event loop idling
/// until its next timer, or `time.sleep`) adds to the offset at once instead of waiting,
/// so a script that sleeps an hour finishes immediately and prints the same output.
/// (Threads of script code share the one clock: their sleeps add up on virtual time.)
public struct ScriptClock {
    public var isVirtual: Bool
    /// Seconds that virtual sleeps have added.
    private(set) var offset = 0.0

    public init(isVirtual: Bool = false) {
        self.isVirtual = isVirtual
    }

    /// `time.monotonic()`.
    func monotonic() -> Double { ScriptClock.read(CLOCK_MONOTONIC) + offset }

    /// `time.time()`.
    func wall() -> Double { ScriptClock.read(CLOCK_REALTIME) + offset }

    /// Jumps ahead by `seconds` (a sleep on virtual time).
    mutating func advance(_ seconds: Double) {
        if seconds > 0 { offset += seconds }
    }

    /// Waits `seconds` of real time in slices; returns false early when `interrupted`
    /// says so (Ctrl-C). Touches no interpreter state.
    static func wait(_ seconds: Double, interrupted: () -> Bool) -> Bool {
        let deadline = read(CLOCK_MONOTONIC) + seconds
        while true {
            if interrupted() { return false }
            let left = deadline - read(CLOCK_MONOTONIC)
            if left <= 0 { return true }
            let slice = min(left, 0.05)
            var request = timespec(tv_sec: Int(slice), tv_nsec: Int((slice - slice.rounded(.down)) * 1e9))
            var remaining = timespec()
            while nanosleep(&request, &remaining) != 0 && errno == EINTR { request = remaining }
        }
    }

    private static func read(_ id: clockid_t) -> Double {
        var spec = timespec()
        clock_gettime(id, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }
}

extension VM {
    /// Sleeps on the interpreter's clock; Ctrl-C raises KeyboardInterrupt.
    func sleep(_ seconds: Double) throws(PyError) {
        guard seconds > 0 else { return }
        if clock.isVirtual {
            clock.advance(seconds)
            return
        }
        let request = interruptRequest
        // Other threads of script code run while this one sleeps.
        if !withoutInterpreterLock({ ScriptClock.wait(seconds, interrupted: { request.pointee != 0 }) }) {
            request.pointee = 0
            throw PyError(exception: newException(types[exception: "KeyboardInterrupt"], []))
        }
    }
}
