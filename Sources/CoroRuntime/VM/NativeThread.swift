#if canImport(Glibc)
import Glibc
#endif

/// Starting a POSIX thread with a stack of a given size for a Swift closure (the
/// interpreter's large-stack main thread, threads of script code).
enum NativeThread {
    /// Starts `body` on a new thread with `stackSize` bytes of stack; nil if it could not
    /// be started. The caller joins or detaches the thread.
    static func start(stackSize: Int, _ body: @escaping () -> Void) -> pthread_t? {
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setstacksize(&attributes, stackSize)
        var thread = pthread_t()
        let opaque = Unmanaged.passRetained(ThreadBody(body)).toOpaque()
        let created = pthread_create(&thread, &attributes, { argument in
            guard let argument else { return nil }
            Unmanaged<ThreadBody>.fromOpaque(argument).takeRetainedValue().run()
            return nil
        }, opaque)
        if created != 0 {
            Unmanaged<ThreadBody>.fromOpaque(opaque).release()
            return nil
        }
        return thread
    }
}

/// The closure handed to a new thread.
private final class ThreadBody: @unchecked Sendable {
    let run: () -> Void

    init(_ run: @escaping () -> Void) {
        self.run = run
    }
}
