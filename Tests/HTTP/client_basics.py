# aiohttp's ClientSession against the local test server: methods, headers, query
# parameters, bodies of every kind, JSON both ways, the response's attributes.
# argv: HTTP base URL, HTTPS base URL, CA file.
import asyncio
import sys

import aiohttp

BASE = sys.argv[1]


async def main():
    async with aiohttp.ClientSession(headers={'X-Session': 'kept'}) as session:
        async with session.get(f'{BASE}/echo', params={'q': 'a b&c', 'n': 1}, headers={'X-Test': 'yes'}) as r:
            print(r.status, r.reason, r.content_type, r.charset, r.ok)
            print(await r.json())
        r = await session.get(f'{BASE}/echo?x=1', params=[('y', '2'), ('y', '3')])
        print((await r.json())['query'])
        r.release()
        for method in ('post', 'put', 'patch', 'delete'):
            async with getattr(session, method)(f'{BASE}/echo', json={'method': method, 'n': [1, 2.5, None]}) as r:
                echoed = await r.json()
                print(method, echoed['method'], echoed['json'], echoed['headers']['content-type'])
        async with session.post(f'{BASE}/echo', data={'name': 'coro', 'tags': 'a&b'}) as r:
            echoed = await r.json()
            print(echoed['body'], echoed['headers']['content-type'])
        async with session.post(f'{BASE}/echo', data='plain text') as r:
            echoed = await r.json()
            print(echoed['body'], echoed['headers']['content-type'])
        async with session.post(f'{BASE}/echo', data=b'\x00\x01bytes', headers={'Content-Type': 'application/x-raw'}) as r:
            echoed = await r.json()
            print(repr(echoed['body']), echoed['headers'])
        async with session.head(f'{BASE}/html') as r:
            print('head', r.status, r.headers['Content-Length'], await r.read())
        async with session.get(f'{BASE}/text') as r:
            print(repr(await r.text()), repr(await r.read()))
        async with session.get(f'{BASE}/html') as r:
            print(await r.text(), r.content_type, r.charset, r.content_length)
            try:
                await r.json()
            except aiohttp.ContentTypeError as error:
                print(type(error).__name__, error.status, error.message)
        async with session.get(f'{BASE}/headers') as r:
            print(r.headers.getall('x-multi'), r.headers['X-MIXED-CASE'], 'x-multi' in r.headers,
                  r.headers.get('missing', 'default'))
        async with session.get(f'{BASE}/json') as r:
            print(await r.json(), r.url, r.method, r.host)
            print(type(r.url).__name__, r.url.path, r.url.port == int(BASE.rsplit(':', 1)[1]), r.url.scheme)


asyncio.run(main())
