# How asyncio names callbacks in handle and future reprs and in "Exception in callback"
# messages: qualified name, arguments shortened by reprlib, and the defining file:line.
import asyncio
import functools
import os


def where(text):
    # Only the file's name: the fixtures were made in another directory.
    return text.replace(os.path.dirname(os.path.abspath(__file__)) + os.sep, '')


def bad(future, *extra, **named):
    raise ValueError('bad callback')


def decorated(function):
    @functools.wraps(function)
    def wrapper(*args):
        return function(*args)
    return wrapper


@decorated
def wrapped(*args):
    raise KeyError('wrapped')


class Thing:
    def method(self, *args):
        raise LookupError('method')

    def __repr__(self):
        return 'Thing' * 20


async def main():
    loop = asyncio.get_running_loop()
    reports = []
    loop.set_exception_handler(lambda loop, context: reports.append(
        (where(context['message']), type(context['exception']).__name__, where(repr(context['handle'])))))

    future = loop.create_future()
    future.add_done_callback(bad)
    future.add_done_callback(Thing().method)
    future.add_done_callback(functools.partial(bad, 1, key='v'))
    print(where(repr(future)))
    future.set_result('x' * 50)

    handle = loop.call_soon(bad, 1, 'abc', [1, 2, 3, 4, 5, 6, 7, 8], {'a': 1}, None, 2 ** 200)
    print(where(repr(handle)))
    loop.call_soon(wrapped, Thing())
    loop.call_soon(functools.partial(functools.partial(bad, 1), 2, k=3), 4)
    for schedule in (loop.call_soon, functools.partial(loop.call_later, 1), functools.partial(loop.call_at, 1)):
        try:
            schedule(print, end='')
        except TypeError as error:
            print(error)
    loop.call_soon(print, 'printed by a callback', context=None)
    timer = loop.call_later(10, bad, 3)
    print(where(repr(timer)).split(' when=')[0], 'when=' in repr(timer))
    timer.cancel()
    print(repr(timer).split(' when=')[0], repr(timer).endswith('>'))
    cancelled = loop.call_soon(bad)
    cancelled.cancel()
    print(repr(cancelled))
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    for report in reports:
        print(*report, sep='\n  ')


asyncio.run(main())
