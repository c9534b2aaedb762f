# The native half of asyncio against CPython's C one: Future's states and errors, its
# await protocol, Task's step (bad yields, awaiting itself), handles and timers.
import asyncio


def show(label, action):
    try:
        print(label, repr(action()))
    except BaseException as exc:
        print(label, type(exc).__name__, exc)


async def futures():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    show('pending done', fut.done)
    show('pending result', fut.result)
    show('pending exception', fut.exception)
    order = []
    fut.add_done_callback(lambda f: order.append('first'))
    fut.add_done_callback(lambda f: order.append('second'))
    fut.set_result(42)
    show('set again', lambda: fut.set_result(1))
    show('set exception after', lambda: fut.set_exception(ValueError()))
    show('result', fut.result)
    show('exception', fut.exception)
    show('cancel finished', fut.cancel)
    await asyncio.sleep(0)
    print('callbacks', order)
    late = []
    fut.add_done_callback(lambda f: late.append(f.result()))
    await asyncio.sleep(0)
    print('late callback', late)

    failed = loop.create_future()
    failed.set_exception(KeyError)
    show('exception class instantiated', failed.exception)
    show('raises', failed.result)
    show('stop iteration', lambda: loop.create_future().set_exception(StopIteration()))

    cancelled = loop.create_future()
    print('cancel', cancelled.cancel('because'), cancelled.cancel(), cancelled.cancelled(), cancelled.done())
    show('cancelled result', cancelled.result)
    show('cancelled exception', cancelled.exception)
    try:
        await cancelled
    except asyncio.CancelledError as exc:
        print('await cancelled', repr(exc))

    done = loop.create_future()
    done.set_result('ready')
    print('await done', await done)

    def cb(f):
        pass
    removable = loop.create_future()
    removable.add_done_callback(cb)
    removable.add_done_callback(cb)
    print('removed', removable.remove_done_callback(cb), removable.remove_done_callback(cb))

    iterator = loop.create_future().__await__()
    print('iter type', type(iterator).__name__)
    first = next(iterator)
    print('yields itself', type(first).__name__, first._asyncio_future_blocking)
    show('resumed too early', lambda: next(iterator))

    finished = loop.create_future()
    finished.set_result('now')
    try:
        next(finished.__await__())
    except StopIteration as stop:
        print('stop value', stop.value)

    show('unbound on int', lambda: asyncio.Future.done(3))
    show('method qualname', lambda: asyncio.get_running_loop().call_later.__qualname__)


async def bad_yields():
    class BareYield:
        def __await__(self):
            yield 'nonsense'

    try:
        await asyncio.create_task(_await(BareYield()))
    except RuntimeError as exc:
        print('bad yield', str(exc).split(' with ')[0].split(':')[0])

    class NotBlocking:
        _asyncio_future_blocking = False

        def __init__(self, loop):
            self._loop = loop

        def __await__(self):
            yield self

    try:
        await asyncio.create_task(_await(NotBlocking(asyncio.get_running_loop())))
    except RuntimeError as exc:
        print('not blocking', str(exc).split(' in task ')[0])

    async def itself():
        await task
    task = asyncio.create_task(itself())
    try:
        await task
    except RuntimeError as exc:
        print('itself', str(exc).split(':')[0])


async def _await(awaitable):
    return await awaitable


async def timers():
    loop = asyncio.get_running_loop()
    fired = []
    show('call_later None', lambda: loop.call_later(None, print))
    show('call_at None', lambda: loop.call_at(None, print))
    first = loop.call_later(0.02, fired.append, 'b')
    loop.call_later(0.01, fired.append, 'a')
    loop.call_at(loop.time() + 0.01, fired.append, 'a2')
    cancelled = loop.call_later(0.015, fired.append, 'never')
    cancelled.cancel()
    cancelled.cancel()
    print('cancelled handle', cancelled.cancelled(), first.cancelled(), type(first).__name__)
    handle = loop.call_soon(fired.append, 'soon')
    print('handle', type(handle).__name__, handle.cancelled())
    await asyncio.sleep(0.05)
    print('fired', fired)
    print('sleep result', await asyncio.sleep(0, 'zero'), await asyncio.sleep(0.001, 'later'))


async def self_cancelling():
    # A callback that cancels its own handle (dropping the handle's reference to it)
    # keeps running: the loop holds it while it runs.
    loop = asyncio.get_running_loop()
    done = loop.create_future()

    class Once:
        def fire(self, label):
            holder[0].cancel()
            print('fired', label, [str(i) for i in range(3)])
            done.set_result(label)

    holder = [None]
    holder[0] = loop.call_later(0.001, Once().fire, 'once')
    print('self-cancelling', await done, holder[0].cancelled())


def outside():
    show('get_running_loop outside', asyncio.get_running_loop)


outside()
asyncio.run(futures())
asyncio.run(bad_yields())
asyncio.run(timers())
asyncio.run(self_cancelling())


async def seven():
    return 7

try:
    next(seven().__await__())
except StopIteration as stop:
    print('coroutine wrapper stop value', stop.value)
