# Cancellation: at the current await, finally and __aexit__ run, messages, uncancel and
# cancelling, wait_for cancels the inner task on timeout, shield protects its inner task.
import asyncio

class Resource:
    async def __aenter__(self):
        print("acquire")
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await asyncio.sleep(0)
        print("release", exc_type.__name__ if exc_type else None)
        return False

async def worker():
    try:
        async with Resource():
            await asyncio.sleep(10)
    finally:
        print("worker finally")

async def inner(log):
    try:
        await asyncio.sleep(1)
        log.append("inner finished")
        return "inner result"
    except asyncio.CancelledError:
        log.append("inner cancelled")
        raise

async def main():
    task = asyncio.create_task(worker(), name="worker-task")
    await asyncio.sleep(0.01)
    print(task.cancel("stop now"), task.cancelling())
    try:
        await task
    except asyncio.CancelledError as error:
        print("CancelledError", repr(error.args))
    print(task.cancelled(), task.done(), task.get_name())
    print(task.cancel(), "(cancel after done)")

    log = []
    try:
        await asyncio.wait_for(inner(log), timeout=0.01)
    except TimeoutError:
        print("wait_for timed out", log)
    print(await asyncio.wait_for(asyncio.sleep(0, "quick"), timeout=1))

    log = []
    shielded = asyncio.create_task(inner(log))
    try:
        await asyncio.wait_for(asyncio.shield(shielded), timeout=0.01)
    except TimeoutError:
        print("shield timed out; inner still running:", not shielded.done())
    shielded.cancel()
    try:
        await shielded
    except asyncio.CancelledError:
        print("shielded task cancelled later", log)

    async def catches():
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            print("caught cancellation, returning normally")
            return "swallowed"
    task = asyncio.create_task(catches())
    await asyncio.sleep(0)
    task.cancel()
    print(await task, task.cancelled())

    task = asyncio.create_task(asyncio.sleep(1))
    await asyncio.sleep(0)
    task.cancel()
    task.cancel()
    print("cancelling", task.cancelling(), "uncancel", task.uncancel())
    try:
        await task
    except asyncio.CancelledError:
        print("cancelled once more")

    future = asyncio.get_running_loop().create_future()
    future.cancel(msg="future message")
    try:
        future.result()
    except asyncio.CancelledError as error:
        print("future:", error)

asyncio.run(main())
