/// The interpreter's network side: whether scripts may use it, its HTTP client (made on
/// first use), the inbox where exchanges post their outcomes, and the futures waiting
/// for those outcomes (roots for the collector) by token.
final class NetworkState {
    var allowed = true
    private var madeBridge: HTTPBridge?
    let inbox: NativeInbox
    private(set) var waits: [Int: Value] = [:]
    private var nextToken = 0

    init(wake: @escaping @Sendable () -> Void) {
        inbox = NativeInbox(wake: wake)
    }

    /// A token under which an outcome for `future` will be posted.
    func expect(_ future: Value) -> Int {
        nextToken += 1
        waits[nextToken] = future
        return nextToken
    }

    /// The futures whose outcomes have arrived, with the outcomes.
    func takeArrivals() -> [(future: Value, outcome: NativeOutcome)] {
        inbox.take().compactMap { token, outcome in waits.removeValue(forKey: token).map { ($0, outcome) } }
    }

    var isWaiting: Bool { !waits.isEmpty }

    /// The HTTP client, made on first use.
    var bridge: HTTPBridge {
        if let madeBridge { return madeBridge }
        let made = HTTPBridge()
        madeBridge = made
        return made
    }

    /// Closes the client's connections and stops its thread (a later request makes a new one).
    func shutdown() {
        madeBridge?.shutdown()
        madeBridge = nil
    }

    func mark(_ tracer: inout Tracer) {
        for future in waits.values { tracer.mark(future) }
    }
}

extension VM {
    /// Whether scripts may use the network (the CLI's `--no-net` denies it).
    public var allowsNetwork: Bool {
        get { network.allowed }
        set { network.allowed = newValue }
    }

    /// Closes the HTTP client's connections and stops its event loop thread.
    public func shutdownNetwork() {
        network.shutdown()
    }
}
