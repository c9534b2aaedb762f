import AsyncHTTPClient
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

#if canImport(Glibc)
import Glibc
#endif

/// What a script asked for: one HTTP request and how to treat its response.
struct HTTPRequestSpec {
    var method: String
    var url: String
    var headers: [(name: String, value: String)]
    var body: [UInt8]?
    /// Redirects followed before giving up (0: none, the 3xx response is the answer).
    var maxRedirects: Int
    /// The most body bytes accepted (`too_large` beyond).
    var bodyLimit: Int
    var trust: TLSTrust
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
/// made at the first request and shut down with the interpreter. Clients differ only in
/// how many redirects they follow (the setting is per client), and share the thread.
final class HTTPBridge {
    private var group: MultiThreadedEventLoopGroup?
    private var clients: [Int: HTTPClient] = [:]

    deinit { shutdown() }

    /// Starts `spec`; its head (or failure) is posted to `inbox` under `headToken`.
    func start(_ spec: HTTPRequestSpec, inbox: NativeInbox, headToken: Int) -> HTTPExchange {
        let exchange = HTTPExchange(inbox: inbox, bodyLimit: spec.bodyLimit)
        exchange.start(request(spec), on: client(maxRedirects: spec.maxRedirects), headToken: headToken)
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
        for client in clients.values { try? client.syncShutdown() }
        clients.removeAll()
        try? group?.syncShutdownGracefully()
        group = nil
    }

    private func client(maxRedirects: Int) -> HTTPClient {
        if let client = clients[maxRedirects] { return client }
        let group = self.group ?? MultiThreadedEventLoopGroup(numberOfThreads: 1)
        self.group = group
        var configuration = HTTPClient.Configuration()
        // aiohttp follows redirects in cycles too, until the limit.
        configuration.redirectConfiguration = maxRedirects > 0 ? .follow(max: maxRedirects, allowCycles: true) : .disallow
        // aiohttp's default connector allows 100 connections; a refused connection fails
        // at once, as in aiohttp, rather than being retried until the connect timeout.
        configuration.connectionPool = .init(idleTimeout: .seconds(30), concurrentHTTP1ConnectionsPerHostSoftLimit: 100)
        configuration.connectionPool.retryConnectionEstablishment = false
        configuration.httpVersion = .http1Only
        configuration.tlsConfiguration = Self.tlsConfiguration(.standard)
        let client = HTTPClient(eventLoopGroupProvider: .shared(group), configuration: configuration)
        clients[maxRedirects] = client
        return client
    }

    private func request(_ spec: HTTPRequestSpec) -> HTTPClientRequest {
        var request = HTTPClientRequest(url: spec.url)
        request.method = HTTPMethod(rawValue: spec.method)
        for (name, value) in spec.headers { request.headers.add(name: name, value: value) }
        if let body = spec.body { request.body = .bytes(ByteBuffer(bytes: body)) }
        if spec.trust != .standard { request.tlsConfiguration = Self.tlsConfiguration(spec.trust) }
        return request
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
