extension ModuleSources {
    /// `aiohttp`: Coro's compatible client (ClientSession and friends), on `_http`.
    static let aiohttp = #"""
import asyncio as _asyncio
import json as _json
from urllib.parse import urlsplit as _urlsplit, urlencode as _urlencode, urljoin as _urljoin
import _http
from _http import (ClientError, ClientResponseError, ContentTypeError, TooManyRedirects,
                   ClientConnectionError, ClientOSError, ClientConnectorError, ClientConnectorDNSError,
                   ClientSSLError, ClientConnectorSSLError, ClientConnectorCertificateError, ServerConnectionError,
                   ServerDisconnectedError, ServerTimeoutError, ConnectionTimeoutError, SocketTimeoutError,
                   ClientPayloadError,
                   InvalidURL, InvalidUrlClientError, RedirectClientError, NonHttpUrlClientError,
                   NonHttpUrlRedirectClientError, RequestInfo)

__all__ = ['ClientSession', 'ClientResponse', 'ClientTimeout', 'TCPConnector', 'request',
           'ClientError', 'ClientResponseError', 'ContentTypeError', 'TooManyRedirects',
           'ClientConnectionError', 'ClientOSError', 'ClientConnectorError', 'ClientConnectorDNSError',
           'ClientSSLError', 'ClientConnectorSSLError', 'ClientConnectorCertificateError', 'ServerConnectionError',
           'ServerDisconnectedError', 'ServerTimeoutError', 'ConnectionTimeoutError', 'SocketTimeoutError',
           'ClientPayloadError',
           'InvalidURL', 'InvalidUrlClientError', 'RedirectClientError', 'NonHttpUrlClientError',
           'NonHttpUrlRedirectClientError', 'RequestInfo', 'URL']

_SENTINEL = object()


class URL:
    """The little of yarl.URL that responses need: the parts, str() and repr()."""

    def __init__(self, text):
        self._text = str(text)

    @property
    def _parts(self):
        return _urlsplit(self._text)

    scheme = property(lambda self: self._parts.scheme)
    host = property(lambda self: self._parts.hostname)
    path = property(lambda self: self._parts.path or '/')
    query_string = property(lambda self: self._parts.query)
    fragment = property(lambda self: self._parts.fragment)
    raw_path = path

    @property
    def port(self):
        return self._parts.port or {'http': 80, 'https': 443}.get(self._parts.scheme)

    @property
    def name(self):
        return self.path.rsplit('/', 1)[-1]

    def human_repr(self):
        return self._text

    def __str__(self):
        return self._text

    def __repr__(self):
        return f"URL({self._text!r})"

    def __eq__(self, other):
        return isinstance(other, URL) and other._text == self._text

    def __hash__(self):
        return hash(self._text)


class ClientTimeout:
    """Timeouts in seconds (None or 0: no limit). `total` covers a request and the reading
    of its body; `connect` and `sock_connect` the wait for a connection; `sock_read` each
    wait for the next part of the response."""

    def __init__(self, total=None, connect=None, sock_read=None, sock_connect=None, ceil_threshold=5):
        self.total = total
        self.connect = connect
        self.sock_read = sock_read
        self.sock_connect = sock_connect
        self.ceil_threshold = ceil_threshold

    def __repr__(self):
        return (f"ClientTimeout(total={self.total!r}, connect={self.connect!r}, sock_read={self.sock_read!r}, "
                f"sock_connect={self.sock_connect!r}, ceil_threshold={self.ceil_threshold!r})")

    def __eq__(self, other):
        return isinstance(other, ClientTimeout) and repr(self) == repr(other)


DEFAULT_TIMEOUT = ClientTimeout(total=5 * 60, sock_connect=30)


class TCPConnector:
    """Connection limits: at most `limit` requests in flight in a session (0: no limit)
    and `limit_per_host` to one host; the client's own pool keeps the connections."""

    def __init__(self, *, limit=100, limit_per_host=0, ssl=True, verify_ssl=True, force_close=False,
                 enable_cleanup_closed=False, ttl_dns_cache=10, use_dns_cache=True, family=0, local_addr=None,
                 keepalive_timeout=_SENTINEL, loop=None):
        self.limit = limit
        self.limit_per_host = limit_per_host
        self._ssl = False if not verify_ssl else ssl
        self._total = None
        self._per_host = {}
        self.closed = False

    async def _acquire(self, host):
        if self.limit and self._total is None:
            self._total = _asyncio.Semaphore(self.limit)
        if self._total is not None:
            await self._total.acquire()
        if self.limit_per_host:
            semaphore = self._per_host.get(host)
            if semaphore is None:
                semaphore = self._per_host[host] = _asyncio.Semaphore(self.limit_per_host)
            try:
                await semaphore.acquire()
            except BaseException:
                if self._total is not None:
                    self._total.release()
                raise

    def _release(self, host):
        if self._total is not None:
            self._total.release()
        if self.limit_per_host:
            self._per_host[host].release()

    async def close(self):
        self.closed = True


class ClientResponse(_http.Response):
    """A response of a ClientSession: the head at once, the body when read."""

    def __init__(self, exchange, head, method, request_info, session, host, deadline):
        self._exchange = exchange
        self.status, self.reason, pairs, url, self.version, self._body = head
        self.headers = _http.CIMultiDict(pairs, _trusted=True)
        self.method = method
        self.url = URL(url)
        self.real_url = self.url
        self._request_info = request_info
        self.history = ()
        self._session = session
        self._host = host
        self._deadline = deadline
        self._released = False

    @property
    def request_info(self):
        return self._request_info.made()

    @property
    def host(self):
        return self.url.host

    @property
    def content_length(self):
        value = self.headers.get('Content-Length')
        return int(value) if value is not None else None

    @property
    def closed(self):
        return self._released

    async def read(self):
        if self._body is None:
            if self._released:
                raise ClientConnectionError("Connection closed")
            try:
                self._body = await _http.read_body(self._exchange, self._deadline)
            except _http.NetError as error:
                self._finish()
                raise _http.translate(error, str(self.url)) from None
            self._finish()
        return self._body

    async def json(self, *, encoding=None, loads=_json.loads, content_type='application/json'):
        body = await self.read()
        if content_type and not (content_type == self.content_type or
                                 (content_type == 'application/json' and _http.is_json_type(self.content_type))):
            raise ContentTypeError(self.request_info, self.history, status=self.status,
                                   message=f"Attempt to decode JSON with unexpected mimetype: {self.content_type}",
                                   headers=self.headers)
        stripped = body.strip()
        if not stripped:
            return None
        return loads(stripped.decode(encoding or self.get_encoding()))

    def raise_for_status(self):
        if self.status >= 400:
            self.release()
            raise ClientResponseError(self.request_info, self.history, status=self.status, message=self.reason,
                                      headers=self.headers)

    def release(self):
        if self._body is None and not self._released:
            _http._cancel(self._exchange)
        self._finish()

    close = release

    def _finish(self):
        if not self._released:
            self._released = True
            self._session._finished(self)

    async def wait_for_close(self):
        self.release()

    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc, tb):
        self.release()

    def __repr__(self):
        return f"<ClientResponse({self.url}) [{self.status} {self.reason}]>\n{self.headers!r}\n"


class _RequestInfo:
    """A response's request_info, made into aiohttp's RequestInfo when first asked for."""

    def __init__(self, url, method, pairs):
        self._url = url
        self._method = method
        self._pairs = pairs
        self._made = None

    def made(self):
        if self._made is None:
            self._made = RequestInfo(URL(self._url), self._method, _http.CIMultiDict(self._pairs), URL(self._url))
        return self._made


class _RequestContextManager:
    """What session.get() and friends return: awaitable, and an async context manager
    that releases the response at the end."""

    def __init__(self, coroutine):
        self._coroutine = coroutine
        self._response = None

    def __await__(self):
        return self._coroutine.__await__()

    def send(self, value):
        return self._coroutine.send(value)

    def throw(self, *args):
        return self._coroutine.throw(*args)

    def close(self):
        return self._coroutine.close()

    async def __aenter__(self):
        self._response = await self._coroutine
        return self._response

    async def __aexit__(self, exc_type, exc, tb):
        self._response.release()


class ClientSession:
    """aiohttp's ClientSession: default headers, base URL, timeouts and connection limits
    for the requests made through it."""

    def __init__(self, base_url=None, *, connector=None, cookies=None, headers=None, timeout=_SENTINEL,
                 raise_for_status=False, json_serialize=_json.dumps, auto_decompress=True, trust_env=False,
                 connector_owner=True, loop=None, body_limit=_http.DEFAULT_BODY_LIMIT):
        self._base_url = None if base_url is None else str(base_url)
        self._connector = connector if connector is not None else TCPConnector()
        self._connector_owner = connector_owner
        self._default_headers = list(dict(headers).items()) if headers else []
        self._pairs = _http.merge_headers([('User-Agent', _http.USER_AGENT), ('Accept', '*/*')], headers)
        self._body_limit = body_limit
        self._timeout = DEFAULT_TIMEOUT if timeout is _SENTINEL or timeout is None else timeout
        self._raise_for_status = raise_for_status
        self._json_serialize = json_serialize
        self._open = set()
        self._closed = False

    @property
    def closed(self):
        return self._closed

    @property
    def connector(self):
        return self._connector

    @property
    def timeout(self):
        return self._timeout

    @property
    def headers(self):
        return _http.CIMultiDict(self._default_headers)

    def request(self, method, url, **kwargs):
        return _RequestContextManager(self._request(method, url, **kwargs))

    def get(self, url, *, allow_redirects=True, **kwargs):
        return self.request('GET', url, allow_redirects=allow_redirects, **kwargs)

    def options(self, url, *, allow_redirects=True, **kwargs):
        return self.request('OPTIONS', url, allow_redirects=allow_redirects, **kwargs)

    def head(self, url, *, allow_redirects=False, **kwargs):
        return self.request('HEAD', url, allow_redirects=allow_redirects, **kwargs)

    def post(self, url, *, data=None, **kwargs):
        return self.request('POST', url, data=data, **kwargs)

    def put(self, url, *, data=None, **kwargs):
        return self.request('PUT', url, data=data, **kwargs)

    def patch(self, url, *, data=None, **kwargs):
        return self.request('PATCH', url, data=data, **kwargs)

    def delete(self, url, **kwargs):
        return self.request('DELETE', url, **kwargs)

    def _url(self, url, params):
        url = str(url)
        if self._base_url is not None:
            url = _urljoin(self._base_url, url)
        if params:
            query = _urlencode(params, doseq=True)
            base, _, fragment = url.partition('#')
            url = base + ('&' if '?' in base else '?') + query + ('#' + fragment if fragment else '')
        return url

    def _timeouts(self, timeout):
        if timeout is _SENTINEL:
            return self._timeout
        if timeout is None:
            return ClientTimeout()
        if isinstance(timeout, ClientTimeout):
            return timeout
        return ClientTimeout(total=timeout)

    async def _request(self, method, str_or_url, *, params=None, data=None, json=None, headers=None,
                       timeout=_SENTINEL, allow_redirects=True, max_redirects=10, raise_for_status=None,
                       ssl=True, verify_ssl=None, read_until_eof=True, proxy=None, cookies=None, auth=None,
                       compress=None, chunked=None, expect100=False, skip_auto_headers=None, trace_request_ctx=None,
                       read_bufsize=None, server_hostname=None, proxy_headers=None, proxy_auth=None,
                       auto_decompress=None, max_line_size=None, max_field_size=None):
        if self._closed:
            raise RuntimeError('Session is closed')
        if data is not None and json is not None:
            raise ValueError("data and json parameters can not be used at the same time")
        if verify_ssl is False:
            ssl = False
        if ssl is True:
            ssl = self._connector._ssl
        method = method.upper()
        url = self._url(str_or_url, params)
        parts = _urlsplit(url)
        if parts.scheme not in ('http', 'https'):
            if not parts.scheme or not parts.netloc:
                raise InvalidUrlClientError(_http.quote_url(url))
            raise _http.ClientError(f"{url}") from None
        pairs = _http.merge_headers(self._pairs, headers) if headers else self._pairs
        if json is not None:
            payload, implied = self._json_serialize(json).encode(), 'application/json'
        elif data is not None:
            payload, implied = _http.encode_body(data, None)
        else:
            payload = implied = None
        pairs = _http.with_content_type(pairs, implied)
        timeouts = self._timeouts(timeout)
        loop = _asyncio.get_running_loop()
        now = loop.time()
        # As in aiohttp, a timeout of None or 0 (or less) sets no limit. `total` is a loop
        # timer; the connect and read timeouts run in the client, which sees the connection.
        deadline = now + timeouts.total if timeouts.total is not None and timeouts.total > 0 else None
        connect_limits = [limit for limit in (timeouts.connect, timeouts.sock_connect) if limit is not None and limit > 0]
        connect_timeout = min(connect_limits) if connect_limits else None
        host = parts.hostname
        connector = self._connector
        total = connector._total
        if total is not None and not connector.limit_per_host and not total.locked():
            total._value -= 1  # Semaphore.acquire's own fast path, without a coroutine
        else:
            await connector._acquire(host)
        history = []
        try:
            while True:
                request_info = _RequestInfo(url, method, pairs)
                try:
                    exchange, head = await _http.start(method, url, pairs, payload, self._body_limit,
                                                       _http.trust_of(ssl), deadline, connect_timeout,
                                                       timeouts.sock_read)
                except _http.NetError as error:
                    raise _http.translate(error, url, ssl) from None
                response = ClientResponse(exchange, head, method, request_info, self, host, deadline)
                target = None
                if allow_redirects:
                    target = _http.redirect_target(url, response.status, response.headers, method, payload, pairs)
                if target is None:
                    break
                # As aiohttp: the max_redirects-th redirect is one too many.
                response.release()
                history.append(response)
                if max_redirects and len(history) >= max_redirects:
                    raise TooManyRedirects(history[0].request_info, tuple(history))
                url, method, payload, pairs = target
        except BaseException:
            connector._release(host)
            raise
        response.history = tuple(history)
        self._open.add(response)
        if response._body is not None:
            # The body came with the head: the connection is back in the pool already.
            response._finish()
        check = self._raise_for_status if raise_for_status is None else raise_for_status
        if check is True:
            response.raise_for_status()
        elif callable(check):
            await check(response)
        return response

    def _finished(self, response):
        try:
            self._open.remove(response)
        except KeyError:
            return
        self._connector._release(response._host)

    async def close(self):
        for response in list(self._open):
            response.release()
        self._closed = True
        if self._connector_owner:
            await self._connector.close()

    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await self.close()


class _SessionRequestContextManager:
    def __init__(self, session, context):
        self._session = session
        self._context = context

    async def __aenter__(self):
        try:
            return await self._context.__aenter__()
        except BaseException:
            await self._session.close()
            raise

    async def __aexit__(self, exc_type, exc, tb):
        await self._context.__aexit__(exc_type, exc, tb)
        await self._session.close()


def request(method, url, **kwargs):
    """aiohttp.request(): one request in a session of its own, as an async context manager."""
    session = ClientSession()
    return _SessionRequestContextManager(session, session.request(method, url, **kwargs))
"""#
}
