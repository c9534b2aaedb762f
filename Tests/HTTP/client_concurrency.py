# Many fetches at once: gather keeps argument order, a Semaphore bounds concurrency, a
# TCPConnector limit bounds it too, and 10 MB bodies arrive whole.
# not-under-gc-stress: thousands of requests, minutes when the collector runs at every safepoint
import asyncio
import sys

import aiohttp

BASE = sys.argv[1]


async def main():
    async with aiohttp.ClientSession() as session:
        semaphore = asyncio.Semaphore(100)
        in_flight = peak = 0

        async def fetch(index):
            nonlocal in_flight, peak
            async with semaphore:
                in_flight += 1
                peak = max(peak, in_flight)
                async with session.get(f'{BASE}/echo', params={'i': index}) as r:
                    answer = await r.json()
                in_flight -= 1
                return int(answer['query'][0][1])

        results = await asyncio.gather(*(fetch(index) for index in range(1000)))
        print(len(results), results == list(range(1000)), 'peak', peak)
        async with session.get(f'{BASE}/big/10485760') as r:
            body = await r.read()
            print(len(body), body[:5], r.content_length)
    for connector in (aiohttp.TCPConnector(limit=3), aiohttp.TCPConnector(limit_per_host=3)):
        await six_slow_fetches(connector)


async def six_slow_fetches(connector):
    async with aiohttp.ClientSession(connector=connector) as session:
        loop = asyncio.get_running_loop()
        started = loop.time()

        async def slow():
            async with session.get(f'{BASE}/slow/200') as r:
                return await r.text()

        print(await asyncio.gather(*(slow() for _ in range(6))))
        print('two rounds of three:', 0.35 < loop.time() - started < 1.5)


asyncio.run(main())
