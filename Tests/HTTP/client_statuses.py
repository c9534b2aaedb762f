# Status codes from 200 to 599 come back as responses, never as exceptions, until
# raise_for_status() is asked for (per response, per request or per session).
import asyncio
import sys

import aiohttp

BASE = sys.argv[1]


async def main():
    async with aiohttp.ClientSession() as session:
        for status in (200, 201, 202, 204, 206, 304, 400, 401, 403, 404, 405, 409, 410, 429, 500, 502, 503, 504, 599):
            async with session.get(f'{BASE}/status/{status}') as r:
                body = await r.text()
                print(r.status, repr(r.reason), r.ok, repr(body))
                try:
                    r.raise_for_status()
                except aiohttp.ClientResponseError as error:
                    print('  ', type(error).__name__, error.status, error)
        try:
            await session.get(f'{BASE}/status/503', raise_for_status=True)
        except aiohttp.ClientResponseError as error:
            print('request:', error.status, error.message)
    async with aiohttp.ClientSession(raise_for_status=True) as session:
        try:
            async with session.get(f'{BASE}/status/404') as r:
                print('not reached', r.status)
        except aiohttp.ClientError as error:
            print('session:', type(error).__name__, error)
        async with session.get(f'{BASE}/status/200') as r:
            print('session ok:', r.status)


asyncio.run(main())
