# A generator or coroutine takes its names from its function when it is made: a function
# renamed after its definition (as functools.wraps does) names its generators so.
import functools


def numbers():
    yield 1


async def job():
    return 1


class Holder:
    def values(self):
        yield 2


gen = numbers()
print(gen.__name__, gen.__qualname__, repr(gen).split(' at ')[0])
print(Holder().values().__qualname__)
numbers.__name__ = 'renamed'
numbers.__qualname__ = 'Outer.renamed'
print(numbers().__name__, numbers().__qualname__, gen.__name__)
coroutine = job()
print(coroutine.__name__, repr(coroutine).split(' at ')[0])
coroutine.close()


def decorate(function):
    @functools.wraps(function)
    def wrapper(*args):
        return function(*args)
    return wrapper


@decorate
def wrapped():
    yield 3


print(wrapped.__name__, list(wrapped()), wrapped().__name__)


def counting(n):
    for i in range(n):
        yield i


print(sum(sum(counting(i)) for i in range(300)))
