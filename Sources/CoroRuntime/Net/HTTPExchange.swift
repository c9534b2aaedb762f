import AsyncHTTPClient
import NIOCore
import NIOHTTP1
import Synchronization

/// The head of an HTTP response.
struct HTTPHead: Sendable {
    var status: Int
    var reason: String
    var headers: [(name: String, value: String)]
    /// The URL the response came from.
    var url: String
    var version: (major: Int, minor: Int)
    /// The whole body, when it was small enough to come with the head.
    var body: [UInt8]? = nil
}

/// One HTTP request in flight and its response body, shared by the HTTP client's event
/// loop (which calls it as the response's delegate) and the interpreter (which waits for
/// parts of it through the inbox). The head is posted under the token given at the
/// start, the body under each token that `readBody` registers once it has all arrived.
/// A body announced at 64 KiB or less is read first and comes with the head.
final class HTTPExchange: HTTPClientResponseDelegate {
    typealias Response = Void

    private struct State {
        var task: HTTPClient.Task<Void>?
        var cancelled = false
        /// aiohttp's connect timeout runs until the request is on a connection; its read
        /// timeout from then until each next part of the response.
        var connectTimer: Scheduled<Void>?
        var readTimer: Scheduled<Void>?
        /// The head, while it waits for its small body.
        var heldHead: HTTPHead?
        /// Whether the head token has had its outcome (the head, or a failure).
        var headDone = false
        var announcedLength: Int?
        var body: [UInt8] = []
        /// Set once the body has ended, well or not.
        var ending: Result<Void, HTTPFailure>?
        var bodyReaders: [Int] = []
    }

    private static let bodyWithHeadLimit = 64 << 10
    private let state: Mutex<State>
    private let inbox: NativeInbox
    private let bodyLimit: Int
    private let headToken: Int
    private let url: String

    private let connectTimeout: TimeAmount?
    private let readTimeout: TimeAmount?

    init(inbox: NativeInbox, bodyLimit: Int, headToken: Int, url: String, connectTimeout: Double?, readTimeout: Double?) {
        self.inbox = inbox
        self.bodyLimit = bodyLimit
        self.headToken = headToken
        self.connectTimeout = connectTimeout.map { .nanoseconds(Int64(min($0, 1e9) * 1e9)) }
        self.readTimeout = readTimeout.map { .nanoseconds(Int64(min($0, 1e9) * 1e9)) }
        self.url = url
        state = Mutex(State())
    }

    /// Sends `request` on `client`.
    func start(_ request: HTTPClient.Request, on client: HTTPClient) {
        let task = client.execute(request: request, delegate: self)
        // A failure that async-http-client reports only to the task's future ends it too.
        task.futureResult.whenFailure { [self] error in fail(HTTPFailure(error, body: bodyProgress)) }
        let connectTimer = connectTimeout.map { delay in
            task.eventLoop.scheduleTask(in: delay) { [self] in expire(.connectTimeout) }
        }
        let cancelledAlready = state.withLock { state in
            state.task = task
            state.connectTimer = connectTimer
            return state.cancelled
        }
        if cancelledAlready { task.cancel() }
    }

    /// A timeout fired: the exchange fails with it, and the request stops.
    private func expire(_ kind: HTTPFailure.Kind) {
        let message = kind == .connectTimeout ? "Connection timeout to host \(url)" : "Timeout on reading data from socket"
        fail(HTTPFailure(kind: kind, message: message))
        state.withLock { $0.task }?.cancel()
    }

    /// (Re)starts the read timeout, or stops both timers once the response has ended.
    private func restartReadTimer(on loop: any EventLoop, ended: Bool = false) {
        let fresh = ended ? nil : readTimeout.map { delay in loop.scheduleTask(in: delay) { [self] in expire(.readTimeout) } }
        let (connect, read) = state.withLock { state in
            defer {
                state.connectTimer = nil
                state.readTimer = fresh
            }
            return (state.connectTimer, state.readTimer)
        }
        connect?.cancel()
        read?.cancel()
    }

    /// Posts the whole body under `token` once it has arrived (at once if it has).
    func readBody(token: Int) {
        let ending: Result<Void, HTTPFailure>? = state.withLock { state in
            if state.ending == nil { state.bodyReaders.append(token) }
            return state.ending
        }
        if let ending { post(ending, to: [token]) }
    }

    /// Stops the request, or the body's download; whatever waits gets a `cancelled`
    /// failure at once, whatever the client does afterwards.
    func cancel() {
        let task = state.withLock { state in
            state.cancelled = true
            return state.task
        }
        task?.cancel()
        fail(HTTPFailure(kind: .cancelled, message: "cancelled"))
    }

    /// Ends the exchange with `failure`: the head's wait, if it has had nothing yet (a
    /// held head goes without its body: the failure is then the body's), and the body's.
    func fail(_ failure: HTTPFailure) {
        let (headOutcome, readers) = state.withLock { state -> (NativeOutcome?, [Int]) in
            var headOutcome: NativeOutcome?
            if !state.headDone {
                state.headDone = true
                headOutcome = state.heldHead.map { .head($0) } ?? .failure(failure)
                state.heldHead = nil
            }
            guard state.ending == nil else { return (headOutcome, []) }
            state.ending = .failure(failure)
            defer { state.bodyReaders.removeAll() }
            return (headOutcome, state.bodyReaders)
        }
        if let headOutcome { inbox.post(headToken, headOutcome) }
        for token in readers { inbox.post(token, .failure(failure)) }
    }

    private var bodyProgress: (received: Int, expected: Int?)? {
        state.withLock { state in state.heldHead != nil || state.headDone ? (state.body.count, state.announcedLength) : nil }
    }

    // MARK: the client's side (on its event loop)

    func didSendRequest(task: HTTPClient.Task<Void>) {
        restartReadTimer(on: task.eventLoop)
    }

    func didReceiveHead(task: HTTPClient.Task<Void>, _ head: HTTPResponseHead) -> EventLoopFuture<Void> {
        restartReadTimer(on: task.eventLoop)
        let announced = head.headers.first(name: "Content-Length").flatMap { Int($0) }
        let limit = min(Self.bodyWithHeadLimit, bodyLimit)
        let ready: HTTPHead? = state.withLock { state in
            guard !state.headDone else { return nil }
            let made = HTTPHead(head, url: url)
            state.announcedLength = announced
            if let announced, announced <= limit {
                state.heldHead = made
                return nil
            }
            state.headDone = true
            return made
        }
        if let ready { inbox.post(headToken, .head(ready)) }
        return task.eventLoop.makeSucceededVoidFuture()
    }

    func didReceiveBodyPart(task: HTTPClient.Task<Void>, _ buffer: ByteBuffer) -> EventLoopFuture<Void> {
        restartReadTimer(on: task.eventLoop)
        let limit = bodyLimit
        let fits = state.withLock { state in
            guard state.body.count + buffer.readableBytes <= limit else { return false }
            state.body.append(contentsOf: buffer.readableBytesView)
            return true
        }
        guard fits else {
            return task.eventLoop.makeFailedFuture(
                HTTPFailure(kind: .tooLarge, message: "Response payload is larger than the limit of \(limit) bytes"))
        }
        return task.eventLoop.makeSucceededVoidFuture()
    }

    func didReceiveError(task: HTTPClient.Task<Void>, _ error: any Error) {
        restartReadTimer(on: task.eventLoop, ended: true)
        fail(HTTPFailure(error, body: bodyProgress))
    }

    func didFinishRequest(task: HTTPClient.Task<Void>) throws {
        restartReadTimer(on: task.eventLoop, ended: true)
        let (held, readers, body) = state.withLock { state -> (HTTPHead?, [Int], [UInt8]) in
            guard state.ending == nil else { return (nil, [], []) }
            state.ending = .success(())
            var held = state.heldHead
            held?.body = state.body
            state.heldHead = nil
            state.headDone = true
            defer { state.bodyReaders.removeAll() }
            return (held, state.bodyReaders, state.body)
        }
        if let held { inbox.post(headToken, .head(held)) }
        for token in readers { inbox.post(token, .body(body)) }
    }

    private func post(_ ending: Result<Void, HTTPFailure>, to readers: [Int]) {
        let outcome: NativeOutcome
        switch ending {
        case .success: outcome = .body(state.withLock { $0.body })
        case .failure(let failure): outcome = .failure(failure)
        }
        for token in readers { inbox.post(token, outcome) }
    }
}

extension HTTPHead {
    init(_ head: HTTPResponseHead, url: String) {
        status = Int(head.status.code)
        reason = head.status.reasonPhrase
        headers = head.headers.map { (name: $0.name, value: $0.value) }
        self.url = url
        version = (Int(head.version.major), Int(head.version.minor))
    }
}
