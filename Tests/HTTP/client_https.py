# HTTPS against the local server's self-signed certificate: refused by default, accepted
# with an SSLContext that trusts its CA file, and with ssl=False.
import asyncio
import ssl
import sys

import aiohttp

TLS_BASE, CA_FILE = sys.argv[2], sys.argv[3]


async def main():
    async with aiohttp.ClientSession() as session:
        try:
            await session.get(f'{TLS_BASE}/json')
        except aiohttp.ClientConnectorCertificateError as error:
            print('untrusted:', type(error).__name__, isinstance(error, aiohttp.ClientSSLError), error.host,
                  error.port == int(TLS_BASE.rsplit(':', 1)[1]))
        context = ssl.create_default_context(cafile=CA_FILE)
        async with session.get(f'{TLS_BASE}/json', ssl=context) as r:
            print('trusted:', r.status, await r.json(), r.url.scheme)
        async with session.post(f'{TLS_BASE}/echo', json={'secure': True}, ssl=context) as r:
            print('post:', (await r.json())['json'])
        async with session.get(f'{TLS_BASE}/text', ssl=False) as r:
            print('unverified:', r.status, await r.text(), end='')
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(ssl=context)) as session:
        async with session.get(f'{TLS_BASE}/html') as r:
            print('connector:', r.status, await r.text())


asyncio.run(main())
