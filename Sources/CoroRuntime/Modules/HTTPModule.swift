/// `_http`: the native half of Coro's HTTP (`fetch`, `aiohttp`, `requests`). Requests run
/// on the interpreter's `HTTPBridge`; the module's source (`ModuleSources.http`, then
/// `httpErrors`) builds responses and aiohttp's exceptions on these few functions.
extension VM {
    func makeHTTPModule() -> PyModule {
        makeSourceModule("_http", ModuleSources.http + "\n\n" + ModuleSources.httpErrors) { dict in
            defineFunction(dict, "_start") { vm, arguments throws(PyError) in
                // _start(future, method, url, headers, body, body_limit, trust, connect_timeout,
                // read_timeout): sends the request; the head comes to `future` through the loop.
                try arguments.expect("_start", vm, min: 9, max: 9)
                var spec = try vm.requestSpec(arguments, from: 1)
                spec.connectTimeout = try vm.positiveSeconds(arguments[7])
                spec.readTimeout = try vm.positiveSeconds(arguments[8])
                let network = vm.network
                let exchange = network.bridge.start(spec, inbox: network.inbox, headToken: network.expect(arguments[0]))
                return vm.nativeHandle(exchange)
            }
            defineFunction(dict, "_read") { vm, arguments throws(PyError) in
                // _read(exchange, future): the whole body comes to `future` once it has arrived.
                try arguments.expect("_read", vm, min: 2, max: 2)
                try vm.exchange(arguments[0]).readBody(token: vm.network.expect(arguments[1]))
                return .none
            }
            defineFunction(dict, "_cancel") { vm, arguments throws(PyError) in
                try vm.exchange(try arguments.exactlyOne("_cancel", vm)).cancel()
                return .none
            }
            defineFunction(dict, "_perform") { vm, arguments throws(PyError) in
                // _perform(method, url, headers, body, body_limit, trust, timeout): the
                // blocking form, for `requests`: (head, body), or raises NetError.
                try arguments.expect("_perform", vm, min: 7, max: 7)
                let spec = try vm.requestSpec(arguments, from: 0)
                let timeout = arguments[6].isNone ? nil : try vm.floatValue(arguments[6])
                let bridge = vm.network.bridge
                vm.output.flush()
                switch vm.withoutInterpreterLock({ bridge.perform(spec, timeout: timeout) }) {
                case .success(let (head, body)):
                    return vm.tuple([vm.headValue(head), vm.bytes(body)])
                case .failure(let failure):
                    throw PyError(exception: try vm.netError(failure))
                }
            }
        }
    }

    /// The futures whose network outcomes have arrived, as `_thread_results` gives them:
    /// (future, succeeded, value).
    func networkArrivals() throws(PyError) -> [Value] {
        var arrivals: [Value] = []
        for (future, outcome) in network.takeArrivals() {
            switch outcome {
            case .head(let head): arrivals.append(tuple([future, .bool(true), headValue(head)]))
            case .body(let bytes): arrivals.append(tuple([future, .bool(true), self.bytes(bytes)]))
            case .failure(let failure): arrivals.append(tuple([future, .bool(false), Value(try netError(failure))]))
            }
        }
        return arrivals
    }

    /// (status, reason, [(name, value)], url, (major, minor), body or None).
    private func headValue(_ head: HTTPHead) -> Value {
        tuple([.int(head.status), str(head.reason), list(head.headers.map { tuple([str($0.name), str($0.value)]) }),
               str(head.url), tuple([.int(head.version.major), .int(head.version.minor)]),
               head.body.map { bytes($0) } ?? .none])
    }

    /// `_http.NetError(kind, message, errno)`, which the module's source turns into
    /// aiohttp's exceptions.
    private func netError(_ failure: HTTPFailure) throws(PyError) -> PyException {
        let errorClass = try getAttribute(Value(try importModule("_http")), intern("NetError"))
        let errorNumber: Value = failure.errorNumber.map { .int(Int($0)) } ?? .none
        let made = try call(errorClass, [str(failure.kind.rawValue), str(failure.message), errorNumber])
        guard let exception = made.as(PyException.self) else { throw typeError("NetError is not an exception") }
        return exception
    }

    private func exchange(_ value: Value) throws(PyError) -> HTTPExchange {
        guard let exchange = value.as(PyNativeHandle.self)?.payload as? HTTPExchange else {
            throw typeError("expected an HTTP exchange")
        }
        return exchange
    }

    /// Seconds given as a number; None, or 0 or less, for no limit (as aiohttp reads them).
    private func positiveSeconds(_ value: Value) throws(PyError) -> Double? {
        guard !value.isNone, let seconds = try floatValue(value) else { return nil }
        return seconds > 0 && seconds.isFinite ? seconds : nil
    }

    private static func isTokenCharacter(_ character: Unicode.Scalar) -> Bool {
        character.isASCII && (character.properties.isAlphabetic || ("0"..."9").contains(character)
            || "!#$%&'*+-.^_`|~".unicodeScalars.contains(character))
    }

    /// The request in `arguments[start...]`: method, url, headers ([(name, value)]),
    /// body (bytes or None), body_limit, trust (None, False or a CA file).
    private func requestSpec(_ arguments: Arguments, from start: Int) throws(PyError) -> HTTPRequestSpec {
        guard network.allowed else {
            throw error("PermissionError", "network access is not allowed (coro --no-net)")
        }
        var headers: [(name: String, value: String)] = []
        for pair in try collect(arguments[start + 2]) {
            let parts = try collect(pair)
            guard parts.count == 2 else { throw typeError("headers must be (name, value) pairs") }
            let (name, value) = (try strText(parts[0]), try strText(parts[1]))
            if name.isEmpty || !name.unicodeScalars.allSatisfy(Self.isTokenCharacter) {
                throw error("ValueError", "Invalid header name \(try repr(parts[0]))")
            }
            if value.unicodeScalars.contains(where: { $0 == "\r" || $0 == "\n" || $0 == "\0" }) {
                throw error("ValueError", "Newline or carriage return character detected in HTTP status message or "
                    + "header. This is a potential security issue.")
            }
            headers.append((name, value))
        }
        var body: [UInt8]?
        if !arguments[start + 3].isNone {
            guard let bytes = arguments[start + 3].as(PyBytes.self) else { throw typeError("body must be bytes") }
            body = bytes.bytes
        }
        let trustValue = arguments[start + 5]
        let trust: TLSTrust
        if trustValue.isNone {
            trust = .standard
        } else if case .bool(false) = trustValue {
            trust = .none
        } else {
            trust = .caFile(try strText(trustValue))
        }
        let method = try strText(arguments[start])
        if method.isEmpty { throw error("ValueError", "Method cannot be empty") }
        if let bad = method.unicodeScalars.first(where: { !Self.isTokenCharacter($0) }) {
            // aiohttp's check: a method is an RFC 9110 token (no spaces, no line breaks).
            throw error("ValueError", "Method cannot contain non-token characters \(try repr(str(method))) "
                + "(found at least \(try repr(str(String(bad)))))")
        }
        return HTTPRequestSpec(method: method, url: try strText(arguments[start + 1]),
                               headers: headers, body: body, bodyLimit: max(0, try index(arguments[start + 4])),
                               trust: trust)
    }
}
