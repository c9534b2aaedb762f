extension ModuleSources {
    /// The rest of `_http`'s source: aiohttp's exception tree, with its messages, and
    /// `translate`, which turns the native side's NetError into the right one. It runs
    /// after `http` (whose imports it uses).
    static let httpErrors = #"""
# aiohttp's exceptions (aiohttp.client_exceptions), with its messages.

class ClientError(Exception):
    """Base class for client connection errors."""


class ClientResponseError(ClientError):
    """Base class for exceptions that occur after getting a response."""

    def __init__(self, request_info, history, *, status=None, message='', headers=None):
        self.request_info = request_info
        self.status = 0 if status is None else status
        self.message = message
        self.headers = headers
        self.history = history
        self.args = (request_info, history)

    def __str__(self):
        return f"{self.status}, message={self.message!r}, url={str(self.request_info.real_url)!r}"

    def __repr__(self):
        args = f"{self.request_info!r}, {self.history!r}"
        if self.status != 0:
            args += f", status={self.status!r}"
        if self.message != "":
            args += f", message={self.message!r}"
        if self.headers is not None:
            args += f", headers={self.headers!r}"
        return f"{type(self).__name__}({args})"


class ContentTypeError(ClientResponseError):
    pass


class TooManyRedirects(ClientResponseError):
    pass


class ClientConnectionError(ClientError):
    pass


class ClientOSError(ClientConnectionError, OSError):
    pass


# aiohttp's connection key (a NamedTuple there); Coro has no proxies.
ConnectionKey = _namedtuple('ConnectionKey', 'host port is_ssl ssl proxy proxy_auth proxy_headers_hash',
                            defaults=(None, None, None))


class ClientConnectorError(ClientOSError):
    def __init__(self, connection_key, os_error):
        self._conn_key = connection_key
        self._os_error = os_error
        OSError.__init__(self, os_error.errno, os_error.strerror)
        self.args = (connection_key, os_error)

    @property
    def os_error(self):
        return self._os_error

    @property
    def host(self):
        return self._conn_key.host

    @property
    def port(self):
        return self._conn_key.port

    @property
    def ssl(self):
        return self._conn_key.ssl

    def __str__(self):
        return "Cannot connect to host {0.host}:{0.port} ssl:{1} [{2}]".format(
            self, "default" if self.ssl is True else self.ssl, self.strerror)


class ClientConnectorDNSError(ClientConnectorError):
    pass


class ClientSSLError(ClientConnectorError):
    pass


class ClientConnectorSSLError(ClientSSLError):
    pass


class ClientConnectorCertificateError(ClientSSLError):
    def __init__(self, connection_key, certificate_error):
        super().__init__(connection_key, certificate_error)
        self._certificate_error = certificate_error
        self.args = (connection_key, certificate_error)

    @property
    def certificate_error(self):
        return self._certificate_error

    def __str__(self):
        return (f"Cannot connect to host {self.host}:{self.port} ssl:{self._conn_key.is_ssl} "
                f"[{self._certificate_error.__class__.__name__}: {self._certificate_error.args}]")


class ServerConnectionError(ClientConnectionError):
    pass


class ServerDisconnectedError(ServerConnectionError):
    def __init__(self, message=None):
        if message is None:
            message = "Server disconnected"
        self.args = (message,)
        self.message = message


class ServerTimeoutError(ServerConnectionError, TimeoutError):
    pass


class ConnectionTimeoutError(ServerTimeoutError):
    pass


class SocketTimeoutError(ServerTimeoutError):
    pass


class ClientPayloadError(ClientError):
    pass


class InvalidURL(ClientError, ValueError):
    def __init__(self, url, description=None):
        self._url = url
        self._description = description
        if description:
            super().__init__(url, description)
        else:
            super().__init__(url)

    @property
    def url(self):
        return self._url

    @property
    def description(self):
        return self._description

    def __repr__(self):
        return f"<{self.__class__.__name__} {self}>"

    def __str__(self):
        if self._description:
            return f"{self._url} - {self._description}"
        return str(self._url)


class InvalidUrlClientError(InvalidURL):
    pass


class RedirectClientError(ClientError):
    pass


class NonHttpUrlClientError(ClientError):
    pass


class NonHttpUrlRedirectClientError(NonHttpUrlClientError, RedirectClientError):
    pass


for _error in (ClientError, ClientResponseError, ContentTypeError, TooManyRedirects, ClientConnectionError,
               ClientOSError, ClientConnectorError, ClientConnectorDNSError, ClientSSLError,
               ClientConnectorSSLError, ClientConnectorCertificateError, ServerConnectionError, ServerDisconnectedError, ServerTimeoutError,
               ConnectionTimeoutError, SocketTimeoutError, ClientPayloadError, InvalidURL, InvalidUrlClientError, RedirectClientError,
               NonHttpUrlClientError, NonHttpUrlRedirectClientError):
    _error.__module__ = 'aiohttp.client_exceptions'


def translate(error, url, ssl=True):
    """The aiohttp exception for a NetError of a request to `url`."""
    kind = error.kind
    parts = _urlsplit(url)
    is_ssl = parts.scheme in ('https', 'wss')
    try:
        port = parts.port or (443 if is_ssl else 80)
    except ValueError:
        port = None
    key = ConnectionKey(parts.hostname, port, is_ssl, ssl)
    if kind == 'connect':
        if error.errno == 111:
            # asyncio's message for a refused connection, which aiohttp repeats.
            refused = ConnectionRefusedError(error.errno, f"Connect call failed ({key.host!r}, {key.port})")
            return ClientConnectorError(key, refused)
        return ClientConnectorError(key, OSError(error.errno, error.message))
    if kind == 'dns':
        return ClientConnectorDNSError(key, OSError(-2, error.message))
    if kind == 'certificate':
        from ssl import SSLCertVerificationError
        return ClientConnectorCertificateError(key, SSLCertVerificationError(1, error.message))
    if kind == 'tls':
        return ClientConnectorSSLError(key, OSError(1, error.message))
    if kind == 'disconnected':
        return ServerDisconnectedError()
    if kind in ('payload', 'too_large'):
        return ClientPayloadError(error.message)
    if kind in ('timeout', 'connect_timeout'):
        return ConnectionTimeoutError(f"Connection timeout to host {url}")
    if kind == 'read_timeout':
        return SocketTimeoutError(error.message)
    if kind == 'invalid_url':
        return InvalidUrlClientError(quote_url(url))
    if kind == 'cancelled':
        return _asyncio.CancelledError()
    return ClientError(error.message)
"""#
}
