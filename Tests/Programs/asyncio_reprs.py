# Reprs of tasks and futures: state, name, coroutine and where it runs or was defined,
# what a task waits for, results, and callbacks (at most two named, the rest counted).
import asyncio

def on_done(fut):
    pass

def show(value):
    print(repr(value).replace(__file__, "FILE"))

async def worker():
    await asyncio.sleep(10)

async def answer():
    return 42

async def main():
    loop = asyncio.get_running_loop()
    task = asyncio.create_task(worker(), name="w")
    show(task)
    await asyncio.sleep(0)
    show(task)
    fut = loop.create_future()
    show(fut)
    fut.add_done_callback(on_done)
    show(fut)
    fut.add_done_callback(on_done)
    fut.add_done_callback(print)
    show(fut)
    fut.set_result([1, 2])
    show(fut)
    failed = loop.create_future()
    failed.set_exception(KeyError("k"))
    show(failed)
    failed.exception()
    task.add_done_callback(on_done)
    task.cancel()
    show(task)
    try:
        await task
    except asyncio.CancelledError:
        pass
    show(task)
    done = asyncio.create_task(answer())
    await done
    show(done)

asyncio.run(main())
