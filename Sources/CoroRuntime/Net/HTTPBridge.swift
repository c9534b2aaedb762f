import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// What a script asked for: one HTTP request and how to treat its response.
struct HTTPRequestSpec {
    var method: String
    var url: String
    var headers: [(name: String, value: String)]
    var body: [UInt8]?
    /// The most body bytes accepted (`too_large` beyond).
    var bodyLimit: Int
    var trust: TLSTrust
    /// Seconds until the request must be on a connection, and between parts of the response.
    var connectTimeout: Double? = nil
    var readTimeout: Double? = nil
}

/// How a request checks the server's certificate (aiohttp's `ssl=`).
enum TLSTrust: Equatable {
    /// The system's CA store, plus `CORO_CA_FILE` when it is set.
    case standard
    /// Only the CAs in a PEM file (`ssl.create_default_context(cafile=...)`).
    case caFile(String)
    /// No verification (`ssl=False`).
    case none
}

/// The interpreter's HTTP client: async-http-client on an event loop thread of its own,
/// made at the first request and shut down with the interpreter. It follows no redirect:
/// the script layer does, as aiohttp does (keeping the history, with aiohttp's limits).
final class HTTPBridge {
    private var group: MultiThreadedEventLoopGroup?
    private var submissions: SubmissionQueue?
    private var madeClient: HTTPClient?

    deinit { shutdown() }

    /// Starts `spec`; its head (or failure) is posted to `inbox` under `headToken`.
    func start(_ spec: HTTPRequestSpec, inbox: NativeInbox, headToken: Int) -> HTTPExchange {
        let exchange = HTTPExchange(inbox: inbox, bodyLimit: spec.bodyLimit, headToken: headToken, url: spec.url,
                                    connectTimeout: spec.connectTimeout, readTimeout: spec.readTimeout)
        do {
            let request = try request(spec)
            let client = client()
            submissions?.submit { exchange.start(request, on: client) }
        } catch {
            exchange.fail(HTTPFailure(error, body: nil))
        }
        return exchange
    }

    /// Runs `spec` to the end of its body, blocking the calling thread (for `requests`);
    /// gives up after `timeout` seconds with a `timeout` failure.
    func perform(_ spec: HTTPRequestSpec, timeout: Double?) -> Result<(HTTPHead, [UInt8]), HTTPFailure> {
        let inbox = NativeInbox(wake: {})
        let exchange = start(spec, inbox: inbox, headToken: 0)
        var head: HTTPHead?
        while true {
            if !inbox.waitForPost(seconds: timeout ?? 3600) {
                if timeout == nil { continue }
                exchange.cancel()
                _ = inbox.waitForPost(seconds: 3600)
                return .failure(HTTPFailure(kind: .timeout, message: ""))
            }
            for (_, outcome) in inbox.take() {
                switch outcome {
                case .head(let arrived):
                    head = arrived
                    exchange.readBody(token: 1)
                case .body(let bytes):
                    if let head { return .success((head, bytes)) }
                case .failure(let failure):
                    return .failure(failure)
                }
            }
        }
    }

    func shutdown() {
        try? madeClient?.syncShutdown()
        madeClient = nil
        try? group?.syncShutdownGracefully()
        group = nil
        submissions = nil
    }

    private func client() -> HTTPClient {
        if let madeClient { return madeClient }
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        var configuration = HTTPClient.Configuration()
        configuration.redirectConfiguration = .disallow
        // aiohttp's default connector allows 100 connections; a refused connection fails
        // at once, as in aiohttp, rather than being retried until the connect timeout.
        configuration.connectionPool = .init(idleTimeout: .seconds(30), concurrentHTTP1ConnectionsPerHostSoftLimit: 100)
        configuration.connectionPool.retryConnectionEstablishment = false
        configuration.httpVersion = .http1Only
        configuration.tlsConfiguration = Self.tlsConfiguration(.standard)
        let client = HTTPClient(eventLoopGroupProvider: .shared(group), configuration: configuration)
        self.group = group
        submissions = SubmissionQueue(loop: group.next())
        madeClient = client
        return client
    }

    private func request(_ spec: HTTPRequestSpec) throws -> HTTPClient.Request {
        // async-http-client and swift-nio trap on some URLs they accept (a port past
        // 65535): only plain http(s) URLs with a host and a valid port go to them.
        guard let url = URL(string: spec.url), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = url.host, !host.isEmpty, (url.port ?? 80) >= 0, (url.port ?? 80) <= 65535 else {
            throw HTTPFailure(kind: .invalidURL, message: "")
        }
        var headers = HTTPHeaders()
        for (name, value) in spec.headers { headers.add(name: name, value: value) }
        return try HTTPClient.Request(url: url, method: HTTPMethod(rawValue: spec.method), headers: headers,
                                      body: spec.body.map { .bytes($0) },
                                      tlsConfiguration: spec.trust == .standard ? nil : Self.tlsConfiguration(spec.trust))
    }

    private static func tlsConfiguration(_ trust: TLSTrust) -> TLSConfiguration {
        var configuration = TLSConfiguration.makeClientConfiguration()
        switch trust {
        case .standard:
            if let path = getenv("CORO_CA_FILE").map({ String(cString: $0) }), !path.isEmpty {
                configuration.additionalTrustRoots = [.file(path)]
            }
        case .caFile(let path):
            configuration.trustRoots = .file(path)
        case .none:
            configuration.certificateVerification = .none
        }
        return configuration
    }
}

/// Requests waiting to be handed to the client on its event loop thread. Each is handed
/// over there, where the client does the least work; a burst of requests from the
/// interpreter wakes the loop once, not once a request.
final class SubmissionQueue: Sendable {
    private let loop: any EventLoop
    private let waiting = Mutex<[@Sendable () -> Void]>([])

    init(loop: any EventLoop) {
        self.loop = loop
    }

    func submit(_ start: @escaping @Sendable () -> Void) {
        let first = waiting.withLock { waiting in
            waiting.append(start)
            return waiting.count == 1
        }
        guard first else { return }
        loop.execute { [self] in
            for start in waiting.withLock({ waiting in defer { waiting.removeAll() }; return waiting }) { start() }
        }
    }
}
