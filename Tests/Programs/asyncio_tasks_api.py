# Task and Future APIs: names, current_task/all_tasks, done callbacks, results and
# exceptions, InvalidStateError, run() misuse, iscoroutine/iscoroutinefunction.
import asyncio

async def answer(value=42):
    await asyncio.sleep(0)
    return value

async def fails():
    await asyncio.sleep(0)
    raise KeyError("missing")

async def main():
    loop = asyncio.get_running_loop()
    print(loop.is_running(), asyncio.get_event_loop() is loop)
    task = asyncio.create_task(answer(), name="answer-task")
    print(task.get_name(), task.done())
    task.set_name("renamed")
    print(task.get_name())
    seen = []
    task.add_done_callback(lambda t: seen.append(("callback", t.result())))
    print(await task, task.result(), task.exception(), seen)
    await asyncio.sleep(0)
    print(seen)

    current = asyncio.current_task()
    print(current is not None, current in asyncio.all_tasks(), current.done())

    failing = asyncio.create_task(fails())
    try:
        await failing
    except KeyError as error:
        print("KeyError", error)
    print(type(failing.exception()).__name__, failing.done(), failing.cancelled())

    future = loop.create_future()
    try:
        future.result()
    except asyncio.InvalidStateError as error:
        print("InvalidStateError", error)
    def callback(f):
        print("future callback", f.result())
    future.add_done_callback(callback)
    print(future.remove_done_callback(callback), future.remove_done_callback(callback))
    future.add_done_callback(callback)
    loop.call_soon(future.set_result, "from call_soon")
    print(await future)
    try:
        future.set_result("again")
    except asyncio.InvalidStateError:
        print("InvalidStateError on a second set_result")
    failed = loop.create_future()
    failed.set_exception(ValueError("bad"))
    print(type(failed.exception()).__name__, failed.done())
    try:
        await failed
    except ValueError as error:
        print("ValueError", error)

    print(asyncio.iscoroutinefunction(answer), asyncio.iscoroutinefunction(main.__name__.upper))
    coroutine = answer()
    print(asyncio.iscoroutine(coroutine), asyncio.iscoroutine(answer))
    print(await coroutine)
    try:
        asyncio.run(answer())
    except RuntimeError as error:
        print("RuntimeError", error)
    try:
        asyncio.create_task(42)
    except TypeError as error:
        print("TypeError", str(error).split(" got ")[0])
    print(await asyncio.ensure_future(answer(7)))
    print(await asyncio.wait_for(answer(8), None))
    tasks = [asyncio.create_task(answer(i)) for i in range(3)]
    print(sorted(await asyncio.gather(*tasks)), all(t.done() for t in tasks))
    return "main result"

print(asyncio.run(main()))
try:
    asyncio.get_running_loop()
except RuntimeError as error:
    print("RuntimeError", error)
try:
    asyncio.run(42)
except ValueError as error:
    print("ValueError", error)
