# The coroutine protocol without an event loop: coroutines, async generators, async
# comprehensions and async with, driven by hand with send/throw as a task would.

class Tick:
    """A leaf awaitable: yields once to the driver and returns what it sends back."""
    def __init__(self, label):
        self.label = label

    def __await__(self):
        sent = yield self.label
        return sent


def drive(coroutine):
    """Runs a coroutine to the end, answering each yielded label with label + '!'."""
    value = None
    while True:
        try:
            label = coroutine.send(value)
        except StopIteration as stop:
            print("returned", stop.value)
            return stop.value
        print("yielded", label)
        value = label + "!"


class Conn:
    def __init__(self, name, suppress):
        self.name = name
        self.suppress = suppress

    async def __aenter__(self):
        await Tick("enter " + self.name)
        return self

    async def __aexit__(self, exc_type, exc, tb):
        got = await Tick("exit " + self.name)
        print("exit", self.name, exc_type.__name__ if exc_type else None, exc, got)
        return self.suppress


async def with_blocks():
    async with Conn("a", True):
        raise KeyError("swallowed")
    try:
        async with Conn("b", False):
            raise ValueError("propagated")
    except ValueError as error:
        print("caught", error)
    async with Conn("c", False) as conn:
        return conn.name

drive(with_blocks())


async def agen(limit):
    try:
        for index in range(limit):
            got = await Tick(f"inside {index}")
            yield index, got
    finally:
        print("agen cleanup")


async def generators():
    g = agen(3)
    print(type(g).__name__, type(g.__anext__()).__name__)
    print(await g.__anext__())
    print(await g.asend(None))
    await g.aclose()
    try:
        await g.__anext__()
    except StopAsyncIteration:
        print("closed generator is exhausted")
    thrown = agen(2)
    await thrown.__anext__()
    try:
        await thrown.athrow(RuntimeError("into the generator"))
    except RuntimeError as error:
        print("athrow raised", error)
    print([item async for item in agen(2)])
    print({index: got async for index, got in agen(2) if index})
    doubled = (index * 2 async for index, _ in agen(2))
    print(type(doubled).__name__, [x async for x in doubled])
    print([await Tick(str(n)) for n in range(2)])
    return "generators done"

drive(generators())


class Wrapper:
    def __await__(self):
        return inner().__await__()


async def inner():
    return await Tick("inner")


async def awaiting():
    print(await Wrapper())
    coroutine = inner()
    print(type(coroutine.__await__()).__name__)
    print(repr(coroutine).split(" at ")[0])
    coroutine.close()
    try:
        await coroutine
    except RuntimeError as error:
        print("RuntimeError", error)

drive(awaiting())


async def stops():
    raise StopIteration("inside a coroutine")

try:
    drive(stops())
except RuntimeError as error:
    print("RuntimeError", error, type(error.__cause__).__name__)


class AsyncIterator:
    def __init__(self):
        self.count = 0

    def __aiter__(self):
        return self

    async def __anext__(self):
        self.count += 1
        if self.count > 2:
            raise StopAsyncIteration
        return self.count


async def iterate():
    async for value in AsyncIterator():
        print("async for", value)

drive(iterate())
