# urllib.parse: splitting, joining, quoting and query strings.
from urllib.parse import (urlsplit, urlparse, urlunsplit, urlunparse, urljoin, urlencode, quote, quote_plus,
                          unquote, unquote_plus, parse_qs, parse_qsl)
import urllib.parse

for url in ['http://user:pw@Example.COM:8080/a/b;p?q=1&r=2#frag', 'https://[::1]:443/x', 'mailto:someone@x.org',
            '//host/path', '/just/a/path?x', 'HTTP://h/%7Euser', 'file:///etc/hosts', 'http://h:99999/']:
    parts = urlsplit(url)
    print(parts)
    print(parts.hostname, parts.username, parts.password, parts.geturl())
    try:
        print(parts.port)
    except ValueError as error:
        print('ValueError', error)
    print(urlparse(url))
print(urlunsplit(('http', 'h', 'p', 'q=1', 'f')), urlunparse(('https', 'h', '/p', 'x', '', '')))
base = 'http://a/b/c/d;p?q'
for ref in ['g:h', 'g', './g', 'g/', '/g', '//g', '?y', 'g?y', '#s', 'g#s', 'g?y#s', ';x', 'g;x', '', '.', './',
            '..', '../', '../g', '../..', '../../', '../../g', '../../../g', 'g.', '.g', 'g..', './../g', 'g/./h']:
    print(repr(ref), urljoin(base, ref))
print(urljoin('http://example.com/api/', 'v1/items'), urljoin('http://example.com/api', 'v1/items'))
print(quote('a b/c?d=é&~'), quote('a b/c', safe=''), quote_plus('a b+c/d'), quote(b'\x00\xff'))
print(unquote('a%20b%2Fc%C3%A9%zz%4'), unquote_plus('a+b%2B'), unquote('%E9'))
print(urlencode({'q': 'a b', 'n': 1, 'list': [1, 2]}), urlencode({'list': [1, 2]}, doseq=True))
print(urlencode([('a', 'x&y'), ('b', b'bytes')]), urlencode({'k': 'v/w'}, quote_via=quote))
print(parse_qsl('a=1&b=&c&a=2+3&d=%41'), parse_qsl('a=1&b=', keep_blank_values=True))
print(parse_qs('a=1&a=2&b=x%20y'))
try:
    parse_qsl('a&b', strict_parsing=True)
except ValueError as error:
    print('ValueError', error)
try:
    urlencode('not a mapping')
except TypeError as error:
    print('TypeError', error)
print(urllib.parse.urlsplit('http://x/y').path)
