import AsyncHTTPClient
import NIOCore
import Synchronization

/// The head of an HTTP response, after redirects.
struct HTTPHead: Sendable {
    var status: Int
    var reason: String
    var headers: [(name: String, value: String)]
    /// The URL the response came from (the last one, when redirects were followed).
    var url: String
    var version: (major: Int, minor: Int)
    /// The whole body, when it was small enough to come with the head.
    var body: [UInt8]? = nil
}

/// One HTTP request in flight and its response body, shared by the HTTP client's side
/// (a Swift task that fills it) and the interpreter (which waits for parts of it through
/// the inbox). The head is posted under the token given at the start; the body under
/// each token that `readBody` registers, once the whole body has arrived.
final class HTTPExchange: Sendable {
    private struct State {
        var task: Task<Void, Never>?
        var cancelled = false
        var body: [UInt8] = []
        /// Set once the body has ended, well or not.
        var ending: Result<Void, HTTPFailure>?
        var bodyReaders: [Int] = []
    }

    private let state = Mutex(State())
    private let inbox: NativeInbox
    private let bodyLimit: Int

    init(inbox: NativeInbox, bodyLimit: Int) {
        self.inbox = inbox
        self.bodyLimit = bodyLimit
    }

    /// Sends `request` on `client`; its head (or failure) is posted under `headToken`.
    func start(_ request: HTTPClientRequest, on client: HTTPClient, headToken: Int) {
        let task = Task { [self] in
            var expectedLength: Int?? = nil
            do {
                let response = try await client.execute(request, deadline: .distantFuture)
                var head = HTTPHead(response, requested: request.url)
                let announced = response.headers.first(name: "Content-Length").flatMap { Int($0) }
                if let announced, announced <= min(Self.bodyWithHeadLimit, bodyLimit) {
                    // A small body comes with its head: one hop to the loop instead of two.
                    head.body = await wholeBody(of: response)
                    inbox.post(headToken, .head(head))
                    return
                }
                inbox.post(headToken, .head(head))
                expectedLength = .some(announced)
                for try await chunk in response.body { try append(chunk) }
                endBody(.success(()))
            } catch {
                guard let expected = expectedLength else {
                    inbox.post(headToken, .failure(HTTPFailure(error, body: nil)))
                    return
                }
                endBody(.failure(HTTPFailure(error, body: (state.withLock { $0.body.count }, expected))))
            }
        }
        let cancelledAlready = state.withLock { state in
            state.task = task
            return state.cancelled
        }
        if cancelledAlready { task.cancel() }
    }

    /// Bodies announced at this size or less are read before the head is posted.
    private static let bodyWithHeadLimit = 64 << 10

    /// Reads all of `response`'s (small) body and ends it; nil if that failed: the head
    /// then goes alone, and the failure waits for a reader as if the body had streamed.
    private func wholeBody(of response: HTTPClientResponse) async -> [UInt8]? {
        do {
            for try await chunk in response.body { try append(chunk) }
            endBody(.success(()))
            return state.withLock { $0.body }
        } catch {
            let announced = response.headers.first(name: "Content-Length").flatMap { Int($0) }
            endBody(.failure(HTTPFailure(error, body: (state.withLock { $0.body.count }, announced))))
            return nil
        }
    }

    /// Posts the whole body under `token` once it has arrived (at once if it has).
    func readBody(token: Int) {
        let ending: Result<Void, HTTPFailure>? = state.withLock { state in
            if state.ending == nil { state.bodyReaders.append(token) }
            return state.ending
        }
        if let ending { post(ending, to: [token]) }
    }

    /// Stops the request, or the body's download; whatever waits gets a `cancelled` failure.
    func cancel() {
        let task = state.withLock { state in
            state.cancelled = true
            return state.task
        }
        task?.cancel()
    }

    private func append(_ chunk: ByteBuffer) throws(HTTPFailure) {
        let limit = bodyLimit
        let fits = state.withLock { state in
            guard state.body.count + chunk.readableBytes <= limit else { return false }
            state.body.append(contentsOf: chunk.readableBytesView)
            return true
        }
        if !fits {
            throw HTTPFailure(kind: .tooLarge, message: "Response payload is larger than the limit of \(limit) bytes")
        }
    }

    private func endBody(_ ending: Result<Void, HTTPFailure>) {
        let readers = state.withLock { state in
            state.ending = ending
            defer { state.bodyReaders.removeAll() }
            return state.bodyReaders
        }
        post(ending, to: readers)
    }

    private func post(_ ending: Result<Void, HTTPFailure>, to readers: [Int]) {
        guard !readers.isEmpty else { return }
        let outcome: NativeOutcome
        switch ending {
        case .success: outcome = .body(state.withLock { $0.body })
        case .failure(let failure): outcome = .failure(failure)
        }
        for token in readers { inbox.post(token, outcome) }
    }
}

extension HTTPHead {
    init(_ response: HTTPClientResponse, requested: String) {
        status = Int(response.status.code)
        reason = response.status.reasonPhrase
        headers = response.headers.map { (name: $0.name, value: $0.value) }
        url = response.history.last?.request.url ?? requested
        version = (Int(response.version.major), Int(response.version.minor))
    }
}
