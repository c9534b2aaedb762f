# How tasks are stepped and woken: the callbacks a loop's call_soon is handed (seen by a
# loop subclass that overrides it), a future's waiting task shown as Task.task_wakeup
# among its callbacks (and kept by remove_done_callback of another), a waiter woken by
# cancellation, and a task cancelled before its first step.
import asyncio

calls = []


def describe(callback):
    kind = type(callback).__name__ + str(getattr(callback, '__qualname__', ''))
    return 'step' if 'step' in kind.lower() else callback.__qualname__


class Loop(type(asyncio.new_event_loop())):
    def call_soon(self, callback, *args, context=None):
        calls.append((describe(callback), len(args)))
        return super().call_soon(callback, *args, context=context)


async def child(n):
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    return n


async def through_subclass():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    waiter = asyncio.create_task(asyncio.wait_for(fut, None))
    await asyncio.sleep(0)
    print(fut)
    fut.set_result('done')
    print(await waiter)
    print(await asyncio.gather(child(1), child(2)))
    print(await asyncio.sleep(0.01, 'slept'))


def show(value):
    print(repr(value).replace(__file__, 'FILE'))


def other(fut):
    print('other callback ran', fut.result())


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()

    async def wait():
        value = await fut
        print('woken with', value)
        return value

    task = asyncio.create_task(wait())
    await asyncio.sleep(0)
    fut.add_done_callback(other)
    show(fut)
    print('removed', fut.remove_done_callback(print))
    show(fut)
    print('removed', fut.remove_done_callback(other))
    show(fut)
    fut.add_done_callback(other)
    show(fut)
    fut.set_result(5)
    print(await task)

    cancelled = loop.create_future()
    waiting = asyncio.create_task(asyncio.wait_for(cancelled, None))
    await asyncio.sleep(0)
    cancelled.cancel('stop')
    try:
        await waiting
    except asyncio.CancelledError as error:
        print('waiter cancelled', error.args, waiting.cancelled())

    early = asyncio.create_task(child(3))
    early.cancel()
    try:
        await early
    except asyncio.CancelledError:
        print('cancelled before its first step', early.cancelled())

    many = [asyncio.create_task(child(n)) for n in range(5)]
    await asyncio.sleep(0)
    many[2].cancel()
    print(await asyncio.gather(*many, return_exceptions=True))


asyncio.run(main())
loop = Loop()
loop.run_until_complete(through_subclass())
loop.close()
for call in calls:
    print(call)
