extension ModuleSources {
    /// `_http`'s source (its exceptions are in `httpErrors`): the case-insensitive header
    /// mapping, the response core and request helpers shared by `fetch`, `aiohttp` and
    /// `requests`, and the awaits on the native exchange (`_start`, `_read`, `_cancel`,
    /// defined in Swift).
    static let http = #"""
import asyncio as _asyncio
import json as _json
from collections import namedtuple as _namedtuple
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


RequestInfo = _namedtuple('RequestInfo', 'url method headers real_url')


def encode_body(body, json):
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


def merge_headers(pairs, headers):
    """`pairs` with `headers` (a mapping or pairs) replacing those of the same name."""
    merged = list(pairs)
    if headers:
        for name, value in (headers.items() if hasattr(headers, 'items') else headers):
            folded = name.lower()
            merged = [pair for pair in merged if pair[0].lower() != folded] + [(name, str(value))]
    return merged


def with_content_type(pairs, content_type):
    """`pairs` with a Content-Type of `content_type` (None: none) unless they have one."""
    if content_type and not any(name.lower() == 'content-type' for name, _ in pairs):
        return pairs + [('Content-Type', content_type)]
    return pairs


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


def _expire(future, expired):
    expired.append(True)
    future.cancel()


async def _wait_outside(future, exchange, deadline):
    """Awaits `future`, which the exchange completes from outside the loop. Cancelling the
    wait cancels the exchange; at `deadline` (loop time, None for none) it stops with
    TimeoutError. A timer on the future is cheaper than asyncio.timeout around it."""
    loop = future.get_loop()
    loop._outside += 1
    expired = []
    timer = None if deadline is None else loop.call_at(deadline, _expire, future, expired)
    try:
        return await future
    except BaseException as error:
        _cancel(exchange)
        if isinstance(error, _asyncio.CancelledError) and expired:
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
    payload, implied = encode_body(body, json)
    pairs = with_content_type(pairs, implied)
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
