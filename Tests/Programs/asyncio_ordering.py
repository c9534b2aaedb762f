# Event ordering: equal sleeps wake FIFO, create_task starts at the next pass, call_soon
# and call_later/call_at order, gather keeps argument order, sleep(0) yields one pass.
import asyncio

log = []

async def sleeper(name, delay):
    log.append(f"{name} start")
    await asyncio.sleep(delay)
    log.append(f"{name} woke")
    return name

async def main():
    loop = asyncio.get_running_loop()
    tasks = [asyncio.create_task(sleeper(f"s{i}", 0.01)) for i in range(4)]
    log.append("tasks created, none started")
    await asyncio.sleep(0)
    log.append("after one pass")
    await asyncio.gather(*tasks)
    print(log)

    order = []
    loop.call_soon(order.append, "soon 1")
    when = loop.time() + 0.04
    loop.call_at(when, order.append, "at A")
    loop.call_at(when, order.append, "at B")
    loop.call_later(0.01, order.append, "later")
    handle = loop.call_later(0.001, order.append, "cancelled")
    handle.cancel()
    loop.call_soon(order.append, "soon 2")
    await asyncio.sleep(0.06)
    print(order, handle.cancelled())

    results = await asyncio.gather(sleeper("slow", 0.04), sleeper("fast", 0.0), sleeper("mid", 0.02))
    print(results)

    steps = []
    async def stepper(name):
        for i in range(3):
            steps.append(f"{name}{i}")
            await asyncio.sleep(0)
    await asyncio.gather(stepper("a"), stepper("b"))
    print(steps)

    print(await asyncio.sleep(0.001, result="slept with a result"))
    print(await asyncio.gather())

asyncio.run(main())
