# to_thread and run_in_executor run calls on threads: blocking sleeps overlap with each
# other and with the loop, results and exceptions come back through the futures.
import asyncio
import time
from concurrent.futures import ThreadPoolExecutor

def blocking(name, seconds, log=None):
    time.sleep(seconds)
    if log is not None:
        log.append(name)
    return f"{name} after {seconds}"

def fails():
    time.sleep(0.01)
    raise ValueError("raised on a thread")

def recursive(n):
    return 1 if n == 0 else 1 + recursive(n - 1)

async def ticker(ticks, stop):
    while not stop.is_set():
        ticks.append(None)
        await asyncio.sleep(0.01)

async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    log = []
    results = await asyncio.gather(
        asyncio.to_thread(blocking, "slow", 0.2, log=log),
        asyncio.to_thread(blocking, "fast", 0.05, log=log),
        loop.run_in_executor(None, blocking, "middle", 0.1, log),
    )
    print(results, log)
    print("overlapped:", loop.time() - start < 0.35)

    stop = asyncio.Event()
    ticks = []
    ticking = asyncio.create_task(ticker(ticks, stop))
    print(await asyncio.to_thread(blocking, "while ticking", 0.15))
    stop.set()
    await ticking
    print("loop ran meanwhile:", len(ticks) >= 5)

    try:
        await asyncio.to_thread(fails)
    except ValueError as error:
        print("ValueError:", error)
    print(await asyncio.to_thread(recursive, 200))
    print(await asyncio.to_thread(sorted, [3, 1, 2], reverse=True))

    with ThreadPoolExecutor(max_workers=2) as pool:
        print(await loop.run_in_executor(pool, sum, [1, 2, 3]))
    try:
        await loop.run_in_executor(pool, sum, [1])
    except RuntimeError as error:
        print("RuntimeError:", error)

    def hands_back_early(future):
        loop.call_soon_threadsafe(future.set_result, "handed back")
        time.sleep(0.5)
        return "thread finished"
    early = loop.create_future()
    start = loop.time()
    thread = loop.run_in_executor(None, hands_back_early, early)
    print(await early, "while the thread still runs:", loop.time() - start < 0.4)
    print(await thread)

    waited = asyncio.create_task(asyncio.to_thread(blocking, "cancelled", 0.05))
    await asyncio.sleep(0)
    waited.cancel()
    try:
        await waited
    except asyncio.CancelledError:
        print("the awaiting task was cancelled; the thread finished on its own")

asyncio.run(main())
print("after run: every thread has finished")
