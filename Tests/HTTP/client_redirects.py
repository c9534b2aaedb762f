# Redirects are followed (at most 10 by default, max_redirects= to change it) and the
# response's url is the last one; allow_redirects=False gives the 3xx itself.
import asyncio
import sys

import aiohttp

BASE = sys.argv[1]


async def main():
    async with aiohttp.ClientSession() as session:
        async with session.get(f'{BASE}/redirect/3') as r:
            print(r.status, r.url, await r.text())
            print([(step.status, str(step.url)) for step in r.history])
        for status in (301, 302, 303, 307, 308):
            async with session.post(f'{BASE}/redirect-status/{status}', json={'sent': status}) as r:
                echoed = await r.json()
                print(status, '->', echoed['method'], echoed['query'], echoed['json'], len(r.history))
        async with session.get(f'{BASE}/redirect/3', allow_redirects=False) as r:
            print(r.status, r.reason, r.headers['Location'], r.url)
        for url, limit in ((f'{BASE}/redirect/5', 2), (f'{BASE}/redirect-loop', 10)):
            try:
                await session.get(url, max_redirects=limit)
            except aiohttp.TooManyRedirects as error:
                print(type(error).__name__, isinstance(error, aiohttp.ClientResponseError))
        async with session.get(f'{BASE}/redirect/9') as r:
            print(r.status, r.url)
        try:
            await session.get(f'{BASE}/redirect/10')
        except aiohttp.TooManyRedirects as error:
            print('the tenth redirect is one too many:', error)


asyncio.run(main())
