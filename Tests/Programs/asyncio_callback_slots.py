# A future's done callbacks as it goes from none to one to many and back (removals
# between them), their order and reprs; and task names, given, unnamed and renamed.
import asyncio


def show(*values):
    print(*[value if isinstance(value, (str, int)) else repr(value).replace(__file__, 'FILE') for value in values])


def make(tag, log):
    def callback(fut):
        log.append((tag, fut.result() if not fut.cancelled() else 'cancelled'))
    callback.__qualname__ = f'cb_{tag}'
    return callback


async def main():
    loop = asyncio.get_running_loop()
    log = []
    a, b, c = make('a', log), make('b', log), make('c', log)

    fut = loop.create_future()
    show(fut)
    print('remove from none', fut.remove_done_callback(a))
    fut.add_done_callback(a)
    show(fut)
    print('remove other', fut.remove_done_callback(b))
    show('remove only', fut.remove_done_callback(a), fut)
    fut.add_done_callback(b)
    fut.add_done_callback(a)
    fut.add_done_callback(b)
    show(fut)
    print('remove b twice over', fut.remove_done_callback(b))
    show(fut)
    fut.add_done_callback(c)
    fut.set_result(1)
    print('before the pass', log)
    await asyncio.sleep(0)
    print('after the pass', log)
    fut.add_done_callback(b)
    await asyncio.sleep(0)
    print('added when done', log)

    log.clear()
    single = loop.create_future()
    single.add_done_callback(c)
    single.cancel()
    await asyncio.sleep(0)
    print('cancelled single', log)

    log.clear()
    same = loop.create_future()
    same.add_done_callback(a)
    same.add_done_callback(a)
    same.set_result(2)
    await asyncio.sleep(0)
    print('same callback twice', log)

    async def work(n):
        await asyncio.sleep(0)
        return n

    first = asyncio.create_task(work(1))
    named = asyncio.create_task(work(2), name='worker')
    numbered = asyncio.create_task(work(3), name=42)
    names = [first.get_name(), named.get_name(), numbered.get_name()]
    print(names[0].startswith('Task-'), names[1:], type(names[2]).__name__)
    show(named)
    first.set_name(7)
    show(first.get_name(), type(first.get_name()).__name__, first)
    print(await asyncio.gather(first, named, numbered))

    class Custom(asyncio.Task):
        def get_name(self):
            return 'custom:' + super().get_name()

    task = Custom(work(4), name='x')
    show(task)
    print(await task)


asyncio.run(main())
