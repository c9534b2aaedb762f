# Throwing into a generator or coroutine that delegates (`yield from`, `await`): the
# delegate's throw handles, returns or re-raises; delegates without `throw` and awaited
# futures have the exception raised at the delegation; and a future awaited by hand.
import asyncio


def inner_returns():
    try:
        yield 1
    except KeyError:
        return 'inner recovered'


def outer_raises_after():
    result = yield from inner_returns()
    print('outer got', result)
    raise ValueError('outer fails after the delegate returned')


gen = outer_raises_after()
print(next(gen))
try:
    gen.throw(KeyError('k'))
except ValueError as error:
    print('ValueError:', error)


def outer_over_list():
    try:
        yield from iter([1, 2, 3])
    except KeyError as error:
        print('raised at the yield from:', repr(error))
        yield 'recovered'


gen = outer_over_list()
print(next(gen), gen.throw(KeyError('x')))
gen.close()


def inner_ignores_exit():
    try:
        yield 1
    finally:
        print('inner closed')


def outer_closes():
    try:
        yield from inner_ignores_exit()
    finally:
        print('outer closed')


gen = outer_closes()
next(gen)
gen.close()


def inner_reraises():
    try:
        yield 1
    except KeyError:
        raise IndexError('from inner')


def outer_catches():
    try:
        yield from inner_reraises()
    except IndexError as error:
        yield f'outer caught {error!r}'


gen = outer_catches()
next(gen)
print(gen.throw(KeyError('k')))


async def main():
    loop = asyncio.get_running_loop()

    fut = loop.create_future()

    async def awaits(f):
        return await f

    coro = awaits(fut)
    print(coro.send(None) is fut, fut._asyncio_future_blocking)
    try:
        coro.send(None)
    except RuntimeError as error:
        print('RuntimeError:', error)

    fut = loop.create_future()
    coro = awaits(fut)
    yielded = coro.send(None)
    yielded._asyncio_future_blocking = False
    fut.set_result('by hand')
    try:
        coro.send(None)
    except StopIteration as stop:
        print('StopIteration:', stop.value)

    fut = loop.create_future()
    coro = awaits(fut)
    coro.send(None)
    try:
        coro.throw(KeyError('thrown at the await'))
    except KeyError as error:
        print('KeyError:', error, fut.done())

    fut = loop.create_future()
    iterator = fut.__await__()
    print(next(iterator) is fut)
    fut.set_result(9)
    try:
        next(iterator)
    except StopIteration as stop:
        print('explicit __await__ result', stop.value)

    class Deferred(asyncio.Future):
        def __await__(self):
            print('custom __await__')
            return (yield from super().__await__())

    deferred = Deferred()
    loop.call_soon(deferred.set_result, 'custom')
    print(await deferred)

    fut = loop.create_future()

    async def cancel_soon(task):
        await asyncio.sleep(0)
        task.cancel('stop')

    waiter = asyncio.create_task(awaits(fut))
    asyncio.create_task(cancel_soon(waiter))
    try:
        await waiter
    except asyncio.CancelledError as error:
        print('cancelled', error.args, fut.cancelled())

    done = loop.create_future()
    done.set_exception(LookupError('already failed'))
    try:
        await done
    except LookupError as error:
        print('LookupError:', error)


asyncio.run(main())
