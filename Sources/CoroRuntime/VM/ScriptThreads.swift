#if canImport(Glibc)
import Glibc
#endif

/// Threads of script code for `asyncio.to_thread` and `run_in_executor`.
///
/// The interpreter runs one thread of script code at a time, as CPython does with its
/// GIL: a thread holds the `InterpreterLock` while it touches the VM, and lets go of it
/// only where it would block (`time.sleep`, the event loop waiting for a thread). Each
/// thread has an `ExecutionContext` of its own (frames, native depth, the exception
/// being handled, temporary roots); the lock's holder has its context installed in the
/// VM, the others' are parked and marked by the collector. A finished call is handed to
/// the loop through `threadResults`, and the lock's event count wakes the loop.
final class InterpreterLock: @unchecked Sendable {
    private var mutex = pthread_mutex_t()
    private var changed = pthread_cond_t()
    private var held = true
    /// Bumped when a thread finishes a call (what the idle loop waits for).
    private var events = 0

    init() {
        pthread_mutex_init(&mutex, nil)
        pthread_cond_init(&changed, nil)
    }

    deinit {
        pthread_cond_destroy(&changed)
        pthread_mutex_destroy(&mutex)
    }

    func acquire() {
        pthread_mutex_lock(&mutex)
        while held { pthread_cond_wait(&changed, &mutex) }
        held = true
        pthread_mutex_unlock(&mutex)
    }

    func release() {
        pthread_mutex_lock(&mutex)
        held = false
        pthread_cond_broadcast(&changed)
        pthread_mutex_unlock(&mutex)
    }

    /// Counts something the waiting loop must see (a finished call, a callback handed
    /// over with `call_soon_threadsafe`) and wakes it.
    func postEvent() {
        pthread_mutex_lock(&mutex)
        events += 1
        pthread_cond_broadcast(&changed)
        pthread_mutex_unlock(&mutex)
    }

    var eventCount: Int {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return events
    }

    /// Releases the lock, waits until an event after `seen` or `seconds` pass, and takes
    /// the lock back; whether an event came.
    @discardableResult
    func releaseUntilEvent(after seen: Int, seconds: Double) -> Bool {
        pthread_mutex_lock(&mutex)
        held = false
        pthread_cond_broadcast(&changed)
        var deadline = conditionDeadline(after: seconds)
        while events == seen {
            if pthread_cond_timedwait(&changed, &mutex, &deadline) == ETIMEDOUT { break }
        }
        let happened = events != seen
        while held { pthread_cond_wait(&changed, &mutex) }
        held = true
        pthread_mutex_unlock(&mutex)
        return happened
    }
}

/// The CLOCK_REALTIME instant `seconds` from now (at most an hour), for
/// `pthread_cond_timedwait`.
func conditionDeadline(after seconds: Double) -> timespec {
    var now = timespec()
    clock_gettime(CLOCK_REALTIME, &now)
    let total = Double(now.tv_sec) + Double(now.tv_nsec) / 1e9 + max(0, min(seconds, 3600))
    return timespec(tv_sec: Int(total), tv_nsec: Int((total - total.rounded(.down)) * 1e9))
}

/// What one thread of script code has of its own in the VM.
struct ExecutionContext {
    var fiber: Fiber
    var nativeDepth = 0
    var currentException: Value = .none
    var temporaryRoots: [Value] = []
    var reprInProgress: Set<ObjectIdentifier> = []
}

/// A thread of script code: its context while another thread holds the lock.
final class ScriptThread {
    /// The parked context; nil while this thread's context is installed in the VM.
    var parked: ExecutionContext?

    init(parked: ExecutionContext?) {
        self.parked = parked
    }
}

/// A call started on a thread, and (once it has run) its outcome.
final class ThreadCall {
    let callable: Value
    let arguments: [Value]
    /// What the loop gave to recognise the call (its future).
    let key: Value
    var outcome: Value = .none
    var failed = false

    init(callable: Value, arguments: [Value], key: Value) {
        self.callable = callable
        self.arguments = arguments
        self.key = key
    }

    func mark(_ tracer: inout Tracer) {
        tracer.mark(callable)
        tracer.mark(arguments)
        tracer.mark(key)
        tracer.mark(outcome)
    }
}

extension VM {
    /// Runs `body` (which must not touch the VM) with the interpreter lock released, so
    /// that other threads of script code run meanwhile.
    func withoutInterpreterLock<T>(_ body: () -> T) -> T {
        guard !threadCalls.isEmpty else { return body() }
        let thread = currentThread
        thread.parked = parkContext()
        interpreterLock.release()
        let result = body()
        interpreterLock.acquire()
        install(thread)
        return result
    }

    /// Starts `call` on a new thread; the loop collects it from `takeThreadResults`.
    func startThread(_ call: ThreadCall) throws(PyError) {
        let thread = ScriptThread(parked: ExecutionContext(fiber: Fiber(slotCount: 1 << 18, frameCapacity: 1 << 14)))
        threadCalls.append(call)
        scriptThreads.append(thread)
        guard let handle = NativeThread.start(stackSize: 256 << 20, { [unowned self] in self.runOnThread(call, thread) }) else {
            threadCalls.removeLast()
            scriptThreads.removeLast()
            throw error("RuntimeError", "can't start new thread")
        }
        pthread_detach(handle)
    }

    /// The body of a started thread: take the lock, run the call, hand back its outcome.
    private func runOnThread(_ call: ThreadCall, _ thread: ScriptThread) {
        interpreterLock.acquire()
        install(thread)
        do throws(PyError) {
            call.outcome = try self.call(call.callable, call.arguments)
        } catch let thrown {
            call.outcome = Value(thrown.exception)
            call.failed = true
        }
        finishedCalls.append(call)
        threadCalls.removeAll { $0 === call }
        scriptThreads.removeAll { $0 === thread }
        interpreterLock.postEvent()
        interpreterLock.release()
    }

    /// Calls that have run, in the order they finished (then forgotten).
    func takeThreadResults() -> [ThreadCall] {
        let results = finishedCalls
        finishedCalls.removeAll()
        return results
    }

    /// The loop has nothing ready: let threads run until one finishes or `seconds` pass.
    /// On virtual time it waits for them a moment of real time, then the clock jumps.
    /// While HTTP answers are awaited, virtual time waits for them in real time.
    func waitForThreads(_ seconds: Double) {
        // The event count is read before looking for posted outcomes: an outcome posted
        // after the look bumps the count after it was read, and ends the wait.
        let seen = interpreterLock.eventCount
        guard finishedCalls.isEmpty, !network.inbox.hasPosts else { return }
        let thread = currentThread
        thread.parked = parkContext()
        let jumps = clock.isVirtual && !network.isWaiting
        let woken = interpreterLock.releaseUntilEvent(after: seen, seconds: jumps ? min(seconds, 0.05) : seconds)
        install(thread)
        if clock.isVirtual && !woken { clock.advance(seconds) }
    }

    /// Marks what threads other than the running one hold.
    func markThreads(_ tracer: inout Tracer) {
        markParked(mainThread, &tracer)
        for thread in scriptThreads { markParked(thread, &tracer) }
        for call in threadCalls { call.mark(&tracer) }
        for call in finishedCalls { call.mark(&tracer) }
        network.mark(&tracer)
    }

    private func markParked(_ thread: ScriptThread, _ tracer: inout Tracer) {
        guard let context = thread.parked else { return }
        tracer.mark(context.currentException)
        tracer.mark(context.temporaryRoots)
        markFiber(context.fiber, &tracer)
    }

    private func parkContext() -> ExecutionContext {
        ExecutionContext(fiber: fiber, nativeDepth: nativeDepth, currentException: currentException,
                         temporaryRoots: temporaryRoots, reprInProgress: reprInProgress)
    }

    private func install(_ thread: ScriptThread) {
        guard let context = thread.parked else { return }
        fiber = context.fiber
        nativeDepth = context.nativeDepth
        currentException = context.currentException
        temporaryRoots = context.temporaryRoots
        reprInProgress = context.reprInProgress
        thread.parked = nil
        currentThread = thread
    }
}
