import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

#if canImport(Glibc)
import Glibc
#endif

/// Why an HTTP exchange failed, in the terms the script layer (`_http`'s source) turns
/// into aiohttp's exceptions: a kind, a message, and the OS error number if there is one.
struct HTTPFailure: Error, Sendable {
    enum Kind: String, Sendable {
        /// No connection: refused, unreachable, or the name did not resolve (`dns`).
        case connect, dns
        /// The server closed the connection before the response head, or during the body.
        case disconnected, payload
        case tooLarge = "too_large"
        /// The handshake failed: the server's certificate (`certificate`) or otherwise.
        case certificate, tls
        case timeout, cancelled
        /// aiohttp's `connect`/`sock_connect` and `sock_read` timeouts.
        case connectTimeout = "connect_timeout", readTimeout = "read_timeout"
        case invalidURL = "invalid_url"
        case other
    }

    var kind: Kind
    var message: String
    var errorNumber: Int32? = nil

    /// `error` thrown by async-http-client or swift-nio. `body` tells, once the response
    /// head has arrived, how much of the body came and how much its head announced: a
    /// closed connection is then an incomplete payload, described as aiohttp does.
    init(_ error: any Error, body: (received: Int, expected: Int?)?) {
        self.init(classifying: error)
        guard let body, kind == .disconnected || kind == .payload else { return }
        kind = .payload
        if let expected = body.expected {
            message = "Response payload is not completed: <ContentLengthError: 400, message='Not enough data to "
                + "satisfy content length header (received \(body.received) of \(expected) bytes).'>"
        } else {
            message = "Response payload is not completed: <TransferEncodingError: 400, message='Not enough data to "
                + "satisfy transfer length header.'>"
        }
    }

    init(kind: Kind, message: String, errorNumber: Int32? = nil) {
        self.kind = kind
        self.message = message
        self.errorNumber = errorNumber
    }

    private init(classifying error: any Error) {
        switch error {
        case let failure as HTTPFailure:
            self = failure
        case is CancellationError:
            self.init(kind: .cancelled, message: "cancelled")
        case let connection as NIOConnectionError:
            if connection.connectionErrors.isEmpty, connection.dnsAError != nil || connection.dnsAAAAError != nil {
                self.init(kind: .dns, message: "Name or service not known")
            } else if let first = connection.connectionErrors.first {
                self.init(connectFailure: first.error)
            } else {
                self.init(kind: .connect, message: "\(connection)")
            }
        case let io as IOError:
            self.init(systemError: io.errnoCode)
        case let client as HTTPClientError:
            self.init(client)
        case is NIOSSLError, is BoringSSLError:
            self.init(tlsError: "\(error)")
        case is HTTPParserError:
            self.init(kind: .disconnected, message: "Server disconnected")
        default:
            self.init(kind: .other, message: "\(error)")
        }
    }

    /// OpenSSL's way of putting a BoringSSL error ("...:SSL routines:...:WRONG_VERSION_NUMBER"),
    /// as Python's ssl module shows it: "[SSL: WRONG_VERSION_NUMBER] wrong version number".
    private init(tlsError description: String) {
        let reasons = ["CERTIFICATE_VERIFY_FAILED", "WRONG_VERSION_NUMBER", "TLSV1_ALERT_UNKNOWN_CA",
                       "SSLV3_ALERT_HANDSHAKE_FAILURE", "UNSUPPORTED_PROTOCOL", "NO_SHARED_CIPHER"]
        guard let reason = reasons.first(where: { description.contains($0) }) else {
            self.init(kind: .tls, message: description)
            return
        }
        let text = reason == "CERTIFICATE_VERIFY_FAILED" ? "certificate verify failed"
            : reason.lowercased().replacingOccurrences(of: "_", with: " ")
        self.init(kind: reason == "CERTIFICATE_VERIFY_FAILED" ? .certificate : .tls, message: "[SSL: \(reason)] \(text)")
    }

    private init(connectFailure error: any Error) {
        if let io = error as? IOError {
            self.init(kind: .connect, message: Self.describe(io.errnoCode), errorNumber: io.errnoCode)
        } else {
            self.init(kind: .connect, message: "\(error)")
        }
    }

    private init(systemError code: Int32) {
        let kind: Kind = code == ECONNRESET || code == EPIPE ? .disconnected : .connect
        self.init(kind: kind, message: kind == .disconnected ? "Server disconnected" : Self.describe(code), errorNumber: code)
    }

    private init(_ error: HTTPClientError) {
        switch error {
        case .remoteConnectionClosed, .uncleanShutdown:
            self.init(kind: .disconnected, message: "Server disconnected")
        case .cancelled, .requestStreamCancelled:
            self.init(kind: .cancelled, message: "cancelled")
        case .invalidURL, .emptyHost, .emptyScheme:
            self.init(kind: .invalidURL, message: "")
        case .connectTimeout, .readTimeout, .writeTimeout, .deadlineExceeded, .tlsHandshakeTimeout,
             .getConnectionFromPoolTimeout:
            self.init(kind: .timeout, message: "")
        case .bodyLengthMismatch:
            self.init(kind: .payload, message: "Response payload is not completed")
        default:
            // Unsupported schemes and the like: their description is the best message.
            self.init(kind: error.description.contains("unsupportedScheme") ? .invalidURL : .other,
                      message: error.description)
        }
    }

    private static func describe(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text)
    }
}
