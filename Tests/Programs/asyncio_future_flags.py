# The boolean fields of futures and tasks, read and written by scripts as CPython's
# asyncio allows: _asyncio_future_blocking, _log_traceback (only ever set to False),
# _log_destroy_pending, and a task's _must_cancel.
import asyncio


class MyFuture(asyncio.Future):
    pass


async def child():
    await asyncio.sleep(0.01)


async def main():
    loop = asyncio.get_running_loop()
    future = loop.create_future()
    print('fresh:', future._asyncio_future_blocking, future._log_traceback)
    print('isfuture:', asyncio.isfuture(future), asyncio.isfuture(MyFuture()), asyncio.isfuture(object()))
    future._asyncio_future_blocking = 1
    print('set truthy:', future._asyncio_future_blocking)
    future._asyncio_future_blocking = False
    future.set_exception(ValueError('kept'))
    print('unretrieved:', future._log_traceback)
    try:
        future._log_traceback = True
    except ValueError as error:
        print('ValueError:', error)
    future._log_traceback = False
    print('after clearing:', future._log_traceback)

    task = asyncio.create_task(child())
    print('task flags:', task._log_destroy_pending, task._must_cancel, task._asyncio_future_blocking)
    task.cancel()
    print('cancel before start:', task._must_cancel)
    try:
        await task
    except asyncio.CancelledError:
        print('cancelled:', task.cancelled(), task._must_cancel)

    sub = MyFuture()
    sub.extra = 'dict too'
    sub._asyncio_future_blocking = True
    print('subclass:', sub._asyncio_future_blocking, sub.extra)
    sub._asyncio_future_blocking = False
    waiter = asyncio.ensure_future(sub)
    loop.call_soon(sub.set_result, 'done')
    print('awaited subclass:', await waiter)
    try:
        del task._must_cancel
    except AttributeError as error:
        print('AttributeError on del')


asyncio.run(main())
