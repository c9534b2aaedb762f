# Sleeps wait in the loop's timers as their own futures (no TimerHandle); done callbacks
# wait on the ready list without Handles. Both must behave and order exactly as CPython's.
import asyncio


async def sleeper(name, delay, log, result=None):
    try:
        got = await asyncio.sleep(delay, result)
        log.append((name, 'woke', got))
    except asyncio.CancelledError:
        log.append((name, 'cancelled'))
        raise
    finally:
        log.append((name, 'finally'))


async def ordering():
    log = []
    tasks = [asyncio.create_task(sleeper(i, 0.01 * (i % 3), log)) for i in range(9)]
    await asyncio.gather(*tasks)
    print('ordering:', [entry[0] for entry in log if entry[1] == 'woke'])


async def cancelling():
    log = []
    loop = asyncio.get_running_loop()
    tasks = [asyncio.create_task(sleeper(i, 3600, log)) for i in range(300)]
    await asyncio.sleep(0)
    for task in tasks[::2]:
        task.cancel()
    await asyncio.sleep(0)
    print('cancelled:', sum(1 for entry in log if entry[1] == 'cancelled'),
          'pending:', sum(1 for task in tasks if not task.done()))
    for task in tasks:
        task.cancel()
    results = await asyncio.gather(*tasks, return_exceptions=True)
    print('all cancelled:', all(isinstance(r, asyncio.CancelledError) for r in results))
    # Nothing is left scheduled: a short sleep wakes on time, not after an hour.
    started = loop.time()
    await asyncio.sleep(0.01)
    print('short sleep after cancels:', loop.time() - started < 1)


async def results():
    log = []
    await sleeper('r', 0.001, log, result={'k': [1, 2]})
    await sleeper('n', 0.001, log)
    print('results:', log)


def thrown_into():
    # A sleep driven by hand, interrupted by a throw: its timer is cancelled and the
    # future is left pending, as CPython leaves it.
    async def drive():
        coroutine = asyncio.sleep(0.01)
        future = coroutine.send(None)
        print('yielded:', type(future).__name__, future.done())
        try:
            coroutine.throw(KeyError('boom'))
        except KeyError as error:
            print('throw raised:', repr(error))
        print('future after throw:', future.done(), future.cancelled())
        await asyncio.sleep(0.02)
        print('future after deadline:', future.done())
    asyncio.run(drive())


async def failing_callbacks():
    loop = asyncio.get_running_loop()
    seen = []
    loop.set_exception_handler(lambda loop, context: seen.append(
        (context['message'].split(' at ')[0], type(context['exception']).__name__, type(context['handle']).__name__)))

    def bad(future):
        raise ValueError('bad callback')

    def good(future):
        seen.append(('good', future.result()))

    future = loop.create_future()
    future.add_done_callback(bad)
    future.add_done_callback(good)
    loop.call_soon(seen.append, 'before')
    future.set_result(7)
    loop.call_soon(seen.append, 'after')
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print('callbacks:', seen)


async def interleaving():
    loop = asyncio.get_running_loop()
    order = []
    first, second = loop.create_future(), loop.create_future()
    first.add_done_callback(lambda f: order.append('first-a'))
    first.add_done_callback(lambda f: order.append('first-b'))
    second.add_done_callback(lambda f: order.append('second'))
    loop.call_soon(order.append, 'handle-1')
    second.set_result(None)
    first.set_result(None)
    loop.call_soon(order.append, 'handle-2')
    first.remove_done_callback(print)
    print('removed after done:', second.remove_done_callback(print))
    await asyncio.sleep(0)
    print('interleaving:', order)


async def overridden_call_later():
    loop = asyncio.get_running_loop()
    calls = []
    original = loop.call_later

    def call_later(delay, callback, *args, **kwargs):
        calls.append(delay)
        return original(delay, callback, *args, **kwargs)

    loop.call_later = call_later
    try:
        print('slept to:', await asyncio.sleep(0.001, 'r1'), await asyncio.sleep(0.002))
    finally:
        del loop.call_later
    print('call_later saw:', calls)


async def main():
    await ordering()
    await cancelling()
    await results()
    await failing_callbacks()
    await interleaving()
    await overridden_call_later()


asyncio.run(main())
thrown_into()
