# Network failures raise aiohttp's exceptions; a stalled server times out with
# asyncio.TimeoutError and leaves no task behind.
import asyncio
import sys

import aiohttp

BASE = sys.argv[1]


async def attempt(label, session, url, **options):
    try:
        async with session.get(url, **options) as r:
            body = await r.read()
            print(label, 'answered', r.status, len(body))
    except asyncio.TimeoutError as error:
        print(label, 'TimeoutError', repr(str(error)))
    except aiohttp.ClientError as error:
        print(label, type(error).__name__, error)
        print('   ', [cls.__name__ for cls in type(error).__mro__ if cls.__name__.startswith(('Client', 'Server'))])


async def main():
    async with aiohttp.ClientSession() as session:
        await attempt('refused:', session, 'http://127.0.0.1:9/')
        await attempt('hangup:', session, f'{BASE}/hangup')
        await attempt('truncated:', session, f'{BASE}/truncated')
        loop = asyncio.get_running_loop()
        started = loop.time()
        await attempt('stall:', session, f'{BASE}/stall', timeout=aiohttp.ClientTimeout(total=0.3))
        print('timed out within 2 s:', loop.time() - started < 2)
        print('tasks left:', len(asyncio.all_tasks()))
        # sock_read: the wait for the head, and for each part of the body; connect: only the
        # wait for a connection (the stalled server accepts at once, so total fires).
        await attempt('read stall:', session, f'{BASE}/stall', timeout=aiohttp.ClientTimeout(sock_read=0.3))
        await attempt('body stall:', session, f'{BASE}/slow-body', timeout=aiohttp.ClientTimeout(sock_read=0.3))
        await attempt('connect only:', session, f'{BASE}/stall', timeout=aiohttp.ClientTimeout(total=0.6, connect=0.3))
        await attempt('after:', session, f'{BASE}/html')
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=0.3)) as session:
        await attempt('session timeout:', session, f'{BASE}/stall')
    try:
        async with aiohttp.ClientSession() as session:
            await session.get('not a url')
    except aiohttp.InvalidURL as error:
        print('invalid:', type(error).__name__, error)
    session = aiohttp.ClientSession()
    await session.close()
    try:
        await session.get(f'{BASE}/html')
    except RuntimeError as error:
        print('closed:', error, session.closed)


asyncio.run(main())
