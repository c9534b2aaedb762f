# Future() and Task() as CPython's C constructors bind their arguments, and what a
# task is once made: its fields, its name, its first step, and asyncio.all_tasks().
import asyncio


async def work(n):
    await asyncio.sleep(0)
    return n * 2


def attempt(make):
    coroutine = work(0)
    try:
        return repr(make(coroutine))
    except TypeError as error:
        return f'TypeError: {error}'
    finally:
        coroutine.close()


loop = asyncio.new_event_loop()
for make in [lambda c: asyncio.Task(), lambda c: asyncio.Task(c, 1, loop=loop), lambda c: asyncio.Task(c, lop=loop),
             lambda c: asyncio.Task(1, loop=loop), lambda c: asyncio.Task(c, loop=loop, coro=3),
             lambda c: asyncio.Task(c, 1, 2, 3, 4), lambda c: asyncio.Task(context=None),
             lambda c: asyncio.Task(c, name='x', name2=1), lambda c: asyncio.Task.__init__(1, c),
             lambda c: asyncio.Future(1), lambda c: asyncio.Future(lop=1), lambda c: asyncio.Future(1, 2),
             lambda c: asyncio.Future(loop=loop), lambda c: asyncio.Future.__init__(1),
             lambda c: asyncio.Future.__init__(asyncio.Future(loop=loop), loop=loop)]:
    print(attempt(make))
loop.close()


class Traced(asyncio.Task):
    def __init__(self, coro, *, loop=None, label):
        super().__init__(coro, loop=loop, name=f'traced-{label}')
        self.label = label


class Later(asyncio.Future):
    def __init__(self, *, loop=None, tag=None):
        asyncio.Future.__init__(self, loop=loop)
        self.tag = tag


async def main():
    running = asyncio.get_running_loop()
    first = asyncio.create_task(work(1))
    named = asyncio.Task(work(2), name=42)
    traced = Traced(work(3), label='a')
    print(first.get_name() != named.get_name(), named.get_name(), traced.get_name(), traced.label)
    print(first.get_loop() is running, named.done(), traced.cancelling(), len(asyncio.all_tasks()))
    print(sorted(task.get_name() for task in asyncio.all_tasks() if task is not asyncio.current_task()))
    later = Later(tag='t')
    running.call_soon(later.set_result, 'set')
    print(await later, later.tag, later.get_loop() is running)
    print(await asyncio.gather(first, named, traced), len(asyncio.all_tasks()))
    plain = asyncio.Future()
    print(plain.get_loop() is running, repr(plain))
    plain.cancel()
    try:
        asyncio.Task(None)
    except TypeError as error:
        print(f'TypeError: {error}', len(asyncio.all_tasks()))


asyncio.run(main())
