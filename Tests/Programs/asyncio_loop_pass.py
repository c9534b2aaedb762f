# One pass of the event loop: due timers run in deadline order (equal deadlines in the
# order they were scheduled), cancelled timers never run and leave the heap (all at
# once when they are most of it), a handle cancelled earlier in the same pass is
# skipped, callbacks scheduled during a pass run in the next one, and the loop sleeps
# until the first deadline when nothing is ready.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    log = []
    now = loop.time()
    for tag, delay in [('c', 0.03), ('a', 0.01), ('b', 0.02), ('a2', 0.01), ('a3', 0.01)]:
        loop.call_at(now + delay, log.append, tag)
    loop.call_later(0.02, log.append, 'b2')
    cancelled = loop.call_later(0.015, log.append, 'never')
    cancelled.cancel()
    print('cancelled timer', cancelled.cancelled(), loop._timer_cancelled_count)
    await asyncio.sleep(0.05)
    print('timers', log)
    print('after', loop._timer_cancelled_count, len(loop._scheduled))

    handles = [loop.call_later(10 + i, log.append, i) for i in range(200)]
    for handle in handles[:150]:
        handle.cancel()
    print('scheduled', len(loop._scheduled), 'cancelled', loop._timer_cancelled_count)
    await asyncio.sleep(0)
    print('purged', len(loop._scheduled), 'cancelled', loop._timer_cancelled_count)
    for handle in handles[150:]:
        handle.cancel()
    await asyncio.sleep(0)
    print('all cancelled', len(loop._scheduled), loop._timer_cancelled_count)

    log.clear()
    second = None

    def first():
        log.append('first')
        second.cancel()
        loop.call_soon(log.append, 'next pass')

    loop.call_soon(first)
    second = loop.call_soon(log.append, 'second')
    loop.call_soon(log.append, 'third')
    await asyncio.sleep(0)
    print('pass', log)
    await asyncio.sleep(0)
    print('pass', log)

    started = loop.time()
    await asyncio.sleep(0.05)
    print('slept until the deadline', loop.time() - started >= 0.05)

    log.clear()
    timer = loop.call_later(0.01, log.append, 'late')
    print(timer.when() > loop.time(), repr(timer).startswith('<TimerHandle'))
    await asyncio.sleep(0.02)
    print(log, timer.cancelled())
    timer.cancel()
    print('cancel after it ran', loop._timer_cancelled_count)

    # A deadline may be an int; when() gives it back as it was given.
    log.clear()
    whole = int(loop.time()) + 1
    timers = [loop.call_at(whole, log.append, 'int'), loop.call_at(float(whole), log.append, 'float'),
              loop.call_at(whole - 0.5, log.append, 'earlier')]
    print([type(timer.when()).__name__ for timer in timers], len(loop._scheduled))
    await asyncio.sleep(whole + 0.01 - loop.time())
    print(log, len(loop._scheduled), loop._timer_cancelled_count)


asyncio.run(main())
