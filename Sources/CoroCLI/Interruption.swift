#if canImport(Glibc)
    import Glibc
#endif

/// Ctrl-C: a SIGINT handler that asks the interpreter to raise KeyboardInterrupt at its
/// next safepoint. A signal handler can reach only globals, so the two flags live here
/// (the CLI is the host; the interpreter itself keeps no global state).
enum Interruption {
    nonisolated(unsafe) static var request: UnsafeMutablePointer<Int32>?
    nonisolated(unsafe) static var budget: UnsafeMutablePointer<Int>?

    static func install(_ flags: (request: UnsafeMutablePointer<Int32>, budget: UnsafeMutablePointer<Int>)) {
        request = flags.request
        budget = flags.budget
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in
            Interruption.request?.pointee = 1
            Interruption.budget?.pointee = 0
        }
        action.sa_flags = 0
        sigemptyset(&action.sa_mask)
        sigaction(SIGINT, &action, nil)
        // A parent may have started us with SIGINT blocked (the mask is inherited).
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        sigaddset(&unblocked, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &unblocked, nil)
    }
}
