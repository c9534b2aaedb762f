# Lock, Event, Condition, Semaphore, BoundedSemaphore and the three queues, with the
# order in which waiters are woken.
import asyncio

async def main():
    lock = asyncio.Lock()
    order = []
    async def locked_section(name):
        async with lock:
            order.append(f"{name} in")
            await asyncio.sleep(0.001)
            order.append(f"{name} out")
    await asyncio.gather(*(locked_section(n) for n in "abc"))
    print(order, lock.locked())
    try:
        lock.release()
    except RuntimeError as error:
        print("RuntimeError", error)

    event = asyncio.Event()
    async def waiter(name):
        await event.wait()
        return f"{name} saw the event"
    waiters = [asyncio.create_task(waiter(n)) for n in ("w1", "w2")]
    await asyncio.sleep(0)
    print(event.is_set(), [w.done() for w in waiters])
    event.set()
    print(await asyncio.gather(*waiters))
    event.clear()
    print(event.is_set())

    condition = asyncio.Condition()
    items = []
    async def consumer(name):
        async with condition:
            await condition.wait_for(lambda: items)
            return f"{name} got {items.pop(0)}"
    consumers = [asyncio.create_task(consumer(n)) for n in ("c1", "c2")]
    await asyncio.sleep(0)
    async with condition:
        items.extend(["x", "y"])
        condition.notify_all()
    print(await asyncio.gather(*consumers))
    try:
        condition.notify()
    except RuntimeError as error:
        print("RuntimeError", error)

    semaphore = asyncio.Semaphore(2)
    active, peak = 0, 0
    async def limited(i):
        nonlocal active, peak
        async with semaphore:
            active += 1
            peak = max(peak, active)
            await asyncio.sleep(0.001)
            active -= 1
            return i
    print(await asyncio.gather(*(limited(i) for i in range(6))), "peak", peak, semaphore.locked())
    bounded = asyncio.BoundedSemaphore(1)
    await bounded.acquire()
    bounded.release()
    try:
        bounded.release()
    except ValueError as error:
        print("ValueError", error)
    try:
        asyncio.Semaphore(-1)
    except ValueError as error:
        print("ValueError", error)

    queue = asyncio.Queue(maxsize=2)
    print(queue.empty(), queue.full(), queue.qsize(), queue.maxsize)
    async def producer():
        for i in range(5):
            await queue.put(i)
            print("put", i)
        await queue.put(None)
    async def consume():
        got = []
        while (item := await queue.get()) is not None:
            got.append(item)
            queue.task_done()
        queue.task_done()
        return got
    _, got = await asyncio.gather(producer(), consume())
    print("consumed", got)
    await queue.join()
    try:
        queue.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty")
    queue.put_nowait(1)
    queue.put_nowait(2)
    try:
        queue.put_nowait(3)
    except asyncio.QueueFull:
        print("QueueFull")
    try:
        for _ in range(3):
            queue.task_done()
    except ValueError as error:
        print("ValueError", error)

    priority = asyncio.PriorityQueue()
    for item in [(3, "c"), (1, "a"), (2, "b")]:
        priority.put_nowait(item)
    print([priority.get_nowait() for _ in range(3)])
    lifo = asyncio.LifoQueue()
    for item in "abc":
        await lifo.put(item)
    print([await lifo.get() for _ in range(3)])

    queue = asyncio.Queue()
    getter = asyncio.create_task(queue.get())
    await asyncio.sleep(0)
    getter.cancel()
    await asyncio.sleep(0)
    queue.put_nowait("kept")
    print(getter.cancelled(), queue.qsize(), queue.get_nowait())

    lock = asyncio.Lock()
    await lock.acquire()
    waiting = [asyncio.create_task(lock.acquire()) for _ in range(2)]
    await asyncio.sleep(0)
    waiting[0].cancel()
    lock.release()
    print("next waiter got the lock:", await waiting[1], lock.locked(), "cancelled one:", waiting[0].cancelled())
    lock.release()
    semaphore = asyncio.Semaphore(0)
    waiting = [asyncio.create_task(semaphore.acquire()) for _ in range(2)]
    await asyncio.sleep(0)
    waiting[0].cancel()
    semaphore.release()
    print("next waiter got the semaphore:", await waiting[1], semaphore.locked(), "cancelled one:", waiting[0].cancelled())

asyncio.run(main())
