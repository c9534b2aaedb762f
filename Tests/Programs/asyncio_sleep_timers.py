# The timers behind asyncio.sleep: each sleep holds one until it wakes or is cancelled;
# cancelled ones are counted until they leave the heap (at their deadline, or all at
# once when they are most of it); sleep's result; a sleep interrupted by cancellation;
# and a loop whose call_later a script overrides is called for every sleep.
import asyncio


def timers(loop):
    return len(loop._scheduled), loop._timer_cancelled_count


async def main():
    loop = asyncio.get_running_loop()
    print('idle', timers(loop))
    print(await asyncio.sleep(0.01, result='value'), timers(loop))

    sleepers = [asyncio.create_task(asyncio.sleep(5 + i / 100)) for i in range(10)]
    await asyncio.sleep(0)
    print('ten asleep', timers(loop))
    for task in sleepers[:3]:
        task.cancel()
    await asyncio.sleep(0)
    print('three cancelled', timers(loop), [task.cancelled() for task in sleepers[:4]])
    for task in sleepers[3:]:
        task.cancel()
    await asyncio.sleep(0)
    print('all cancelled', timers(loop))

    many = [asyncio.create_task(asyncio.sleep(60)) for _ in range(300)]
    await asyncio.sleep(0)
    for task in many[:200]:
        task.cancel()
    await asyncio.sleep(0)
    print('before the purge', timers(loop))
    await asyncio.sleep(0)
    print('after the purge', timers(loop))
    for task in many[200:]:
        task.cancel()
    await asyncio.gather(*many, return_exceptions=True)

    async def interrupted():
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            print('sleep interrupted', timers(loop))
            raise

    task = asyncio.create_task(interrupted())
    await asyncio.sleep(0)
    task.cancel('enough')
    try:
        await task
    except asyncio.CancelledError as error:
        print('cancelled with', error.args)
    await asyncio.sleep(0.02)
    print('done', timers(loop))


asyncio.run(main())

delays = []


class Loop(type(asyncio.new_event_loop())):
    def call_later(self, delay, callback, *args, context=None):
        delays.append((delay, callback.__name__, len(args)))
        return super().call_later(delay, callback, *args, context=context)


async def nap():
    print(await asyncio.sleep(0.01, 'napped'))
    await asyncio.sleep(0)


loop = Loop()
loop.run_until_complete(nap())
loop.close()
print(delays)
