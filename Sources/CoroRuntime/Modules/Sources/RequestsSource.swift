extension ModuleSources {
    /// `requests`: the blocking HTTP API of the `requests` package, on `_http._perform`
    /// (the interpreter waits; other threads of script code run meanwhile).
    static let requests = #"""
import json as _json
from urllib.parse import urlencode as _urlencode, urlsplit as _urlsplit
import _http

__all__ = ['request', 'get', 'head', 'post', 'put', 'patch', 'delete', 'options', 'Session', 'Response',
           'RequestException', 'HTTPError', 'ConnectionError', 'Timeout', 'ConnectTimeout', 'ReadTimeout',
           'TooManyRedirects', 'InvalidURL', 'exceptions']


class RequestException(OSError):
    """There was an ambiguous exception that occurred while handling your request."""

    def __init__(self, *args, response=None, request=None):
        self.response = response
        self.request = request
        super().__init__(*args)


class HTTPError(RequestException):
    pass


class ConnectionError(RequestException):
    pass


class Timeout(RequestException):
    pass


class ConnectTimeout(ConnectionError, Timeout):
    pass


class ReadTimeout(Timeout):
    pass


class TooManyRedirects(RequestException):
    pass


class InvalidURL(RequestException, ValueError):
    pass


class MissingSchema(RequestException, ValueError):
    pass


class ChunkedEncodingError(RequestException):
    pass


class _Exceptions:
    pass


exceptions = _Exceptions()
for _error in (RequestException, HTTPError, ConnectionError, Timeout, ConnectTimeout, ReadTimeout,
               TooManyRedirects, InvalidURL, MissingSchema, ChunkedEncodingError):
    _error.__module__ = 'requests.exceptions'
    setattr(exceptions, _error.__name__, _error)


class Response:
    def __init__(self, head, content, method):
        self.status_code, self.reason, pairs, self.url, version, _ = head
        self.headers = _http.CIMultiDict(pairs)
        self.content = content
        self.method = method
        mimetype, charset = _http.content_type_of(self.headers)
        self.encoding = charset or ('ISO-8859-1' if mimetype.startswith('text/') else None)

    @property
    def ok(self):
        return self.status_code < 400

    @property
    def text(self):
        return self.content.decode(self.encoding or 'utf-8', 'replace')

    def json(self, **kwargs):
        return _json.loads(self.content.decode(self.encoding or 'utf-8'), **kwargs)

    def raise_for_status(self):
        if 400 <= self.status_code < 500:
            kind = 'Client Error'
        elif 500 <= self.status_code < 600:
            kind = 'Server Error'
        else:
            return
        raise HTTPError(f"{self.status_code} {kind}: {self.reason} for url: {self.url}", response=self)

    def close(self):
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        pass

    def __bool__(self):
        return self.ok

    def __repr__(self):
        return f"<Response [{self.status_code}]>"


def request(method, url, params=None, data=None, headers=None, json=None, timeout=None, allow_redirects=True,
            verify=True, **kwargs):
    url = str(url)
    parts = _urlsplit(url)
    if not parts.scheme:
        raise MissingSchema(f"Invalid URL {url!r}: No scheme supplied. Perhaps you meant https://{url}?")
    if parts.scheme not in ('http', 'https') or not parts.netloc:
        raise InvalidURL(f"Invalid URL {url!r}: No host supplied")
    if params:
        url += ('&' if '?' in url else '?') + _urlencode(params, doseq=True)
    pairs = _http.merge_headers([('User-Agent', 'python-requests/2.32 (coro)'), ('Accept', '*/*'),
                                 ('Connection', 'keep-alive')], dict(headers) if headers else None)
    payload, implied = _http.encode_body(data, json)
    pairs = _http.with_content_type(pairs, implied)
    if isinstance(timeout, tuple):
        timeout = sum(part for part in timeout if part is not None) or None
    trust = False if verify is False else (verify if isinstance(verify, str) else None)
    method = method.upper()
    redirects = 0
    while True:
        head, content = _perform(method, url, pairs, payload, trust, timeout)
        target = _http.redirect_target(url, head[0], _http.CIMultiDict(head[2]), method, payload, pairs)
        if target is None or not allow_redirects:
            return Response(head, content, method)
        redirects += 1
        if redirects > 30:
            raise TooManyRedirects('Exceeded 30 redirects.')
        url, method, payload, pairs = target


def _perform(method, url, pairs, payload, trust, timeout):
    try:
        return _http._perform(method, url, pairs, payload, _http.DEFAULT_BODY_LIMIT, trust, timeout)
    except _http.NetError as error:
        if error.kind in ('connect', 'dns', 'tls', 'certificate', 'disconnected'):
            raise ConnectionError(error.message) from None
        if error.kind == 'timeout':
            raise ReadTimeout(f"Read timed out. (read timeout={timeout})") from None
        if error.kind == 'invalid_url':
            raise InvalidURL(url) from None
        if error.kind in ('payload', 'too_large'):
            raise ChunkedEncodingError(error.message) from None
        raise RequestException(error.message) from None


def get(url, params=None, **kwargs):
    return request('GET', url, params=params, **kwargs)


def options(url, **kwargs):
    return request('OPTIONS', url, **kwargs)


def head(url, **kwargs):
    kwargs.setdefault('allow_redirects', False)
    return request('HEAD', url, **kwargs)


def post(url, data=None, json=None, **kwargs):
    return request('POST', url, data=data, json=json, **kwargs)


def put(url, data=None, **kwargs):
    return request('PUT', url, data=data, **kwargs)


def patch(url, data=None, **kwargs):
    return request('PATCH', url, data=data, **kwargs)


def delete(url, **kwargs):
    return request('DELETE', url, **kwargs)


class Session:
    """Default headers for the requests made through it (connections are pooled by the
    interpreter's client either way)."""

    def __init__(self):
        self.headers = {}

    def request(self, method, url, headers=None, **kwargs):
        merged = dict(self.headers)
        merged.update(headers or {})
        return request(method, url, headers=merged, **kwargs)

    def get(self, url, **kwargs):
        return self.request('GET', url, **kwargs)

    def post(self, url, data=None, json=None, **kwargs):
        return self.request('POST', url, data=data, json=json, **kwargs)

    def put(self, url, data=None, **kwargs):
        return self.request('PUT', url, data=data, **kwargs)

    def delete(self, url, **kwargs):
        return self.request('DELETE', url, **kwargs)

    def close(self):
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
"""#

    /// `ssl`: the part of it that HTTPS clients configure (which CAs to trust).
    static let ssl = #"""
CERT_NONE = 0
CERT_OPTIONAL = 1
CERT_REQUIRED = 2
PROTOCOL_TLS_CLIENT = 16
PROTOCOL_TLS_SERVER = 17


class SSLError(OSError):
    pass


class SSLCertVerificationError(SSLError, ValueError):
    pass


CertificateError = SSLCertVerificationError


class Purpose:
    SERVER_AUTH = 'SERVER_AUTH'
    CLIENT_AUTH = 'CLIENT_AUTH'


class SSLContext:
    """Which certificates a client trusts: the system's (load_default_certs) or those in
    a PEM file (load_verify_locations); verify_mode CERT_NONE trusts any."""

    def __init__(self, protocol=PROTOCOL_TLS_CLIENT):
        self.protocol = protocol
        self.verify_mode = CERT_REQUIRED
        self.check_hostname = True
        self._cafile = None

    def load_verify_locations(self, cafile=None, capath=None, cadata=None):
        if cafile is None:
            raise NotImplementedError("Coro's ssl module loads CAs from a file only (cafile=)")
        with open(cafile) as file:
            file.read()
        self._cafile = str(cafile)

    def load_default_certs(self, purpose=Purpose.SERVER_AUTH):
        pass

    def set_default_verify_paths(self):
        pass


def create_default_context(purpose=Purpose.SERVER_AUTH, *, cafile=None, capath=None, cadata=None):
    context = SSLContext()
    if cafile or capath or cadata:
        context.load_verify_locations(cafile, capath, cadata)
    return context
"""#
}
