# Cancelling tasks in the middle of fetches: each sees CancelledError at its await, its
# finally and __aexit__ run, and the session keeps working afterwards.
import asyncio
import sys

import aiohttp

BASE = sys.argv[1]


async def fetch_stalled(session, index, log):
    try:
        async with session.get(f'{BASE}/stall') as r:
            log.append(f'{index} answered {r.status}')
    except asyncio.CancelledError:
        log.append(f'{index} cancelled')
        raise
    finally:
        log.append(f'{index} finally')


async def main():
    loop = asyncio.get_running_loop()
    async with aiohttp.ClientSession() as session:
        log = []
        tasks = [asyncio.create_task(fetch_stalled(session, index, log)) for index in range(5)]
        await asyncio.sleep(0.2)
        started = loop.time()
        for task in tasks:
            task.cancel()
        results = await asyncio.gather(*tasks, return_exceptions=True)
        print([type(result).__name__ for result in results])
        print(sorted(log))
        print('cancelled at once:', loop.time() - started < 1)
        try:
            await asyncio.wait_for(session.get(f'{BASE}/stall'), timeout=0.2)
        except asyncio.TimeoutError:
            print('wait_for timed out')
        async with session.get(f'{BASE}/json') as r:
            print('still working:', r.status, await r.json())


asyncio.run(main())
