# TaskGroup (siblings cancelled on failure, ExceptionGroup), gather with and without
# return_exceptions, wait (three modes, timeout), as_completed, timeout/timeout_at.
import asyncio

async def job(name, delay, fail=False):
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise
    if fail:
        raise ValueError(f"{name} failed")
    return name

async def main():
    try:
        async with asyncio.TaskGroup() as group:
            group.create_task(job("ok", 0.01))
            group.create_task(job("bad", 0.05, fail=True))
            group.create_task(job("slow", 1))
    except ExceptionGroup as caught:
        print("caught", [str(e) for e in caught.exceptions])

    try:
        async with asyncio.TaskGroup() as group:
            first = group.create_task(job("a", 0, fail=True))
            second = group.create_task(job("b", 0, fail=True))
    except ExceptionGroup as group_error:
        print(type(group_error).__name__, group_error, sorted(str(e) for e in group_error.exceptions))

    async with asyncio.TaskGroup() as group:
        tasks = [group.create_task(job(f"t{i}", 0.01 * (3 - i))) for i in range(3)]
    print([task.result() for task in tasks])

    print(await asyncio.gather(job("x", 0.02), job("y", 0.01, fail=True), return_exceptions=True))
    try:
        await asyncio.gather(job("p", 0.01, fail=True), job("q", 0.03))
    except ValueError as error:
        print("gather raised", error)
    await asyncio.sleep(0.05)

    tasks = [asyncio.create_task(job(n, d, f)) for n, d, f in [("w1", 0.01, False), ("w2", 0.02, True), ("w3", 1, False)]]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print("first completed:", sorted(t.get_name() != "" and t.result() for t in done), len(pending))
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    print("first exception:", len(done), len(pending))
    done, pending = await asyncio.wait(tasks, timeout=0.1)
    print("timeout:", len(done), len(pending))
    tasks[2].cancel()
    await asyncio.wait(tasks)
    print("all done:", all(t.done() for t in tasks), tasks[2].cancelled())
    try:
        await asyncio.wait([])
    except ValueError as error:
        print("ValueError", error)

    for next_done in asyncio.as_completed([job("late", 0.03), job("early", 0.01), job("middle", 0.02)]):
        print("as_completed", await next_done)
    try:
        for next_done in asyncio.as_completed([job("never", 1)], timeout=0.05):
            await next_done
    except TimeoutError:
        print("as_completed timed out")

    try:
        async with asyncio.timeout(0.05) as scope:
            await asyncio.sleep(1)
    except TimeoutError:
        print("timeout expired:", scope.expired())
    async with asyncio.timeout(1) as scope:
        await asyncio.sleep(0.01)
    print("not expired:", scope.expired())
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout_at(loop.time() + 0.05):
            await asyncio.sleep(1)
    except TimeoutError:
        print("timeout_at expired")
    async with asyncio.timeout(None) as scope:
        scope.reschedule(loop.time() + 1)
        await asyncio.sleep(0.01)
    print("rescheduled scope finished")

asyncio.run(main())
