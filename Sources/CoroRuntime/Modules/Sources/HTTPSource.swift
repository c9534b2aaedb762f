extension ModuleSources {
    /// `_http`'s source: aiohttp's exceptions, the case-insensitive header mapping, the
    /// response core shared by `fetch` and `aiohttp`, and the awaits on the native
    /// exchange (`_start`, `_read`, `_cancel`, defined in Swift).
    static let http = #"""
import asyncio as _asyncio
import json as _json
from urllib.parse import urlsplit as _urlsplit

DEFAULT_BODY_LIMIT = 100 * 1024 * 1024
DEFAULT_MAX_REDIRECTS = 10
USER_AGENT = 'Python/3.11 coro-http/0.1'


class NetError(Exception):
    """What the native side reports when an exchange fails: a kind (connect, dns,
    disconnected, payload, too_large, tls, timeout, cancelled, invalid_url, other), a
    message and the OS error number (or None)."""

    def __init__(self, kind, message, errno):
        super().__init__(kind, message, errno)
        self.kind = kind
        self.message = message
        self.errno = errno


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


class ConnectionKey:
    def __init__(self, host, port, is_ssl, ssl):
        self.host = host
        self.port = port
        self.is_ssl = is_ssl
        self.ssl = ssl

    def __repr__(self):
        return (f"ConnectionKey(host={self.host!r}, port={self.port!r}, is_ssl={self.is_ssl!r}, "
                f"ssl={self.ssl!r}, proxy=None, proxy_auth=None, proxy_headers_hash=None)")


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


def quote_url(url):
    """`url` with the characters a URL may not hold percent-encoded, as yarl shows it."""
    from urllib.parse import quote
    return quote(url, safe=":/?#[]@!$&'()*+,;=%~")


REDIRECT_STATUSES = (301, 302, 303, 307, 308)


def redirect_target(url, status, headers, method, body, pairs):
    """Where a redirect response sends its request, as aiohttp follows it: (url, method,
    body, headers); None if the response is not a redirect."""
    if status not in REDIRECT_STATUSES:
        return None
    location = headers.get('Location') or headers.get('URI')
    if not location:
        return None
    from urllib.parse import urljoin
    target = urljoin(url, location).partition('#')[0]
    if _urlsplit(target).scheme not in ('http', 'https'):
        raise NonHttpUrlRedirectClientError(target)
    if (status == 303 and method != 'HEAD') or (status in (301, 302) and method == 'POST'):
        method = 'GET'
        body = None
        pairs = [pair for pair in pairs if pair[0].lower() not in ('content-type', 'content-length')]
    if _urlsplit(target).netloc != _urlsplit(url).netloc:
        pairs = [pair for pair in pairs if pair[0].lower() != 'authorization']
    return target, method, body, pairs


class CIMultiDict:
    """A case-insensitive multi-mapping of header names to values, in arrival order
    (multidict's CIMultiDictProxy, as aiohttp gives response headers)."""

    def __init__(self, pairs=(), *, _trusted=False):
        # `_trusted`: a fresh list of (str, str) pairs (a response's), kept as it is.
        self._pairs = pairs if _trusted else [(str(name), str(value)) for name, value in pairs]

    def __getitem__(self, name):
        folded = name.lower()
        for key, value in self._pairs:
            if key.lower() == folded:
                return value
        raise KeyError(name)

    def get(self, name, default=None):
        try:
            return self[name]
        except KeyError:
            return default

    getone = __getitem__

    def getall(self, name, default=None):
        folded = name.lower()
        found = [value for key, value in self._pairs if key.lower() == folded]
        if found:
            return found
        if default is not None:
            return default
        raise KeyError(name)

    def __contains__(self, name):
        folded = name.lower() if isinstance(name, str) else name
        return any(key.lower() == folded for key, _ in self._pairs)

    def __iter__(self):
        return iter([key for key, _ in self._pairs])

    def __len__(self):
        return len(self._pairs)

    def keys(self):
        return [key for key, _ in self._pairs]

    def values(self):
        return [value for _, value in self._pairs]

    def items(self):
        return list(self._pairs)

    def __eq__(self, other):
        if isinstance(other, CIMultiDict):
            return self._pairs == other._pairs
        if isinstance(other, dict):
            return len(other) == len(self._pairs) and all(self.get(k) == v for k, v in other.items())
        return NotImplemented

    def __repr__(self):
        body = ', '.join(f"{key!r}: {value!r}" for key, value in self._pairs)
        return f"<CIMultiDictProxy({body})>"


def content_type_of(headers):
    """(mimetype, charset) from a Content-Type header (application/octet-stream if absent)."""
    raw = headers.get('Content-Type')
    if not raw:
        return 'application/octet-stream', None
    parts = raw.split(';')
    charset = None
    for parameter in parts[1:]:
        name, _, value = parameter.strip().partition('=')
        if name.lower() == 'charset':
            charset = value.strip().strip('"').lower()
    return parts[0].strip().lower(), charset


def is_json_type(mimetype):
    return mimetype == 'application/json' or (mimetype.startswith('application/') and mimetype.endswith('+json'))


class Response:
    """A response as the builtin `fetch` gives it: the head at once, the body read in full."""

    def __init__(self, exchange, head, method):
        self._exchange = exchange
        self.status, self.reason, pairs, self.url, self.version, self._body = head
        self.headers = CIMultiDict(pairs, _trusted=True)
        self.method = method

    @property
    def ok(self):
        return self.status < 400

    @property
    def content_type(self):
        return content_type_of(self.headers)[0]

    @property
    def charset(self):
        return content_type_of(self.headers)[1]

    def get_encoding(self):
        return self.charset or 'utf-8'

    async def read(self):
        if self._body is None:
            self._body = await read_body(self._exchange)
        return self._body

    async def text(self, encoding=None, errors='strict'):
        body = await self.read()
        return body.decode(encoding or self.get_encoding(), errors)

    async def json(self, *, encoding=None, loads=_json.loads):
        body = (await self.read()).strip()
        if not body:
            return None
        return loads(body.decode(encoding or self.get_encoding()))

    def raise_for_status(self):
        if self.status >= 400:
            raise ClientResponseError(RequestInfo(self.url, self.method, CIMultiDict(), self.url), (),
                                      status=self.status, message=self.reason, headers=self.headers)

    def release(self):
        if self._body is None:
            _cancel(self._exchange)

    def __repr__(self):
        return f"<Response [{self.status} {self.reason}] {self.url}>"


class RequestInfo:
    def __init__(self, url, method, headers, real_url):
        self.url = url
        self.method = method
        self.headers = headers
        self.real_url = real_url

    def __repr__(self):
        return (f"RequestInfo(url={self.url!r}, method={self.method!r}, headers={self.headers!r}, "
                f"real_url={self.real_url!r})")


def encode_body(body, json, headers):
    """The request body as bytes, and the Content-Type it implies (None if none)."""
    if json is not None:
        if body is not None:
            raise ValueError("data and json parameters can not be used at the same time")
        return _json.dumps(json).encode(), 'application/json'
    if body is None:
        return None, None
    if isinstance(body, str):
        return body.encode(), 'text/plain; charset=utf-8'
    if isinstance(body, bytes):
        return body, 'application/octet-stream'
    if isinstance(body, dict) or isinstance(body, (list, tuple)):
        from urllib.parse import urlencode
        return urlencode(body, doseq=True).encode(), 'application/x-www-form-urlencoded'
    raise TypeError(f"can not serialize {type(body).__name__!r} object")


def trust_of(ssl):
    """What the native side takes for aiohttp's `ssl=`: None (the system's CAs), False
    (no verification) or the path of a CA file."""
    if ssl is None or ssl is True:
        return None
    if ssl is False:
        return False
    if getattr(ssl, 'verify_mode', 2) == 0:
        return False
    return getattr(ssl, '_cafile', None)


def _expire(future):
    future._expired = True
    future.cancel()


async def _wait_outside(future, exchange, deadline):
    """Awaits `future`, which the exchange completes from outside the loop. Cancelling the
    wait cancels the exchange; at `deadline` (loop time, None for none) it stops with
    TimeoutError. A timer on the future is cheaper than asyncio.timeout around it."""
    loop = future.get_loop()
    loop._outside += 1
    timer = None if deadline is None else loop.call_at(deadline, _expire, future)
    try:
        return await future
    except BaseException as error:
        _cancel(exchange)
        if isinstance(error, _asyncio.CancelledError) and getattr(future, '_expired', False):
            raise TimeoutError from error
        raise
    finally:
        if timer is not None:
            timer.cancel()


async def start(method, url, headers, body, body_limit, trust, deadline=None, connect_timeout=None,
                read_timeout=None):
    """Sends a request and waits for its head: (exchange, head), or raises NetError."""
    future = _asyncio.get_running_loop().create_future()
    exchange = _start(future, method, url, headers, body, body_limit, trust, connect_timeout, read_timeout)
    return exchange, await _wait_outside(future, exchange, deadline)


async def read_body(exchange, deadline=None):
    """The whole body of an exchange, once it has arrived."""
    future = _asyncio.get_running_loop().create_future()
    _read(exchange, future)
    return await _wait_outside(future, exchange, deadline)


async def fetch(url, method='GET', headers=None, body=None, json=None, timeout=None, *,
                follow_redirects=True, body_limit=DEFAULT_BODY_LIMIT, ssl=None):
    """Fetches `url` (body and all) and returns the Response. Raises aiohttp's exceptions
    on network failures and TimeoutError after `timeout` seconds; never on an HTTP status."""
    pairs = [('User-Agent', USER_AGENT), ('Accept', '*/*')]
    if headers:
        given = dict(headers)
        folded = {name.lower() for name in given}
        pairs = [pair for pair in pairs if pair[0].lower() not in folded] + list(given.items())
    payload, implied = encode_body(body, json, headers)
    if implied and not any(name.lower() == 'content-type' for name, _ in pairs):
        pairs.append(('Content-Type', implied))
    if timeout is not None and timeout <= 0:
        raise TimeoutError  # as asyncio.wait_for does: no time left, nothing sent
    deadline = None if timeout is None else _asyncio.get_running_loop().time() + timeout
    method = method.upper()
    redirects = 0
    while True:
        try:
            exchange, head = await start(method, url, pairs, payload, body_limit, trust_of(ssl), deadline)
            response = Response(exchange, head, method)
            target = redirect_target(url, response.status, response.headers, method, payload, pairs)
            if target is None or not follow_redirects:
                if response._body is None:
                    response._body = await read_body(exchange, deadline)
                return response
        except NetError as error:
            raise translate(error, url, True if ssl is None else ssl) from None
        response.release()
        redirects += 1
        if redirects > DEFAULT_MAX_REDIRECTS:
            raise TooManyRedirects(RequestInfo(url, method, CIMultiDict(pairs), url), ())
        url, method, payload, pairs = target
"""#
}
