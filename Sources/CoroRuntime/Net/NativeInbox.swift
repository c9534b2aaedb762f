#if canImport(Glibc)
import Glibc
#endif

/// What native work (an HTTP exchange) hands back to the interpreter: plain Swift data,
/// made into script values on the interpreter's thread.
enum NativeOutcome: Sendable {
    case head(HTTPHead)
    case body([UInt8])
    case failure(HTTPFailure)
}

/// The one place where work running on other threads posts its outcomes for the
/// interpreter's loop, each under the token of the future that waits for it. Posting
/// wakes whoever waits: the loop (through `wake`) or a blocking caller (`waitForPost`).
final class NativeInbox: @unchecked Sendable {
    private var mutex = pthread_mutex_t()
    private var posted = pthread_cond_t()
    private var outcomes: [(token: Int, outcome: NativeOutcome)] = []
    private let wake: @Sendable () -> Void

    init(wake: @escaping @Sendable () -> Void) {
        self.wake = wake
        pthread_mutex_init(&mutex, nil)
        pthread_cond_init(&posted, nil)
    }

    deinit {
        pthread_cond_destroy(&posted)
        pthread_mutex_destroy(&mutex)
    }

    func post(_ token: Int, _ outcome: NativeOutcome) {
        pthread_mutex_lock(&mutex)
        outcomes.append((token, outcome))
        pthread_cond_broadcast(&posted)
        pthread_mutex_unlock(&mutex)
        wake()
    }

    /// Everything posted since the last call, in the order it was posted.
    func take() -> [(token: Int, outcome: NativeOutcome)] {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        let taken = outcomes
        outcomes.removeAll()
        return taken
    }

    var hasPosts: Bool {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return !outcomes.isEmpty
    }

    /// Blocks until something is posted or `seconds` pass (returns at once if something
    /// is waiting); whether something was posted.
    func waitForPost(seconds: Double) -> Bool {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        var deadline = conditionDeadline(after: seconds)
        while outcomes.isEmpty {
            if pthread_cond_timedwait(&posted, &mutex, &deadline) == ETIMEDOUT { break }
        }
        return !outcomes.isEmpty
    }
}
