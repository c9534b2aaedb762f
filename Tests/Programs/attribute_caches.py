# Attribute reads through the inline caches: module globals (LOAD_ATTR and method
# calls), bound methods of script classes, and what invalidates each.
import asyncio
import math
import sys

me = sys.modules[__name__]
counter = 0


def bump():
    global counter
    counter += 1
    return counter


def read_module(rounds):
    seen = []
    for i in range(rounds):
        seen.append(me.counter)
        me.bump()
        if i == 1:
            me.counter = 100
        if i == 3:
            for n in range(50):
                setattr(me, f'filler_{n}', n)
    return seen


print(read_module(6))
print(me.filler_49, math.pi == me.math.pi)

extra = 1


def read_extra():
    try:
        return me.extra
    except AttributeError as error:
        return f'AttributeError: {error}'


print([read_extra() for _ in range(2)])
del me.extra
print([read_extra() for _ in range(2)])
me.extra = 'back'
print([read_extra() for _ in range(2)])


def call_missing():
    try:
        return me.not_there()
    except AttributeError as error:
        return f'AttributeError: {error}'


print([call_missing() for _ in range(2)])
print([type(me.__dict__).__name__ for _ in range(2)], me.__name__)


class Greeter:
    def __init__(self, name):
        self.name = name

    def greet(self):
        return f'hello {self.name}'


def bound_reads(greeter, rounds):
    out = []
    for i in range(rounds):
        method = greeter.greet
        out.append(method())
        if i == 1:
            greeter.greet = lambda: 'shadowed'
        if i == 2:
            del greeter.greet
        if i == 3:
            Greeter.greet = lambda self: f'replaced {self.name}'
    return out


g = Greeter('ada')
print(bound_reads(g, 6))
print(g.greet == g.greet, g.greet is g.greet, g.greet.__self__ is g, g.greet.__func__ is Greeter.greet)
print(repr(Greeter('x').__init__).split(' at ')[0])


class Base:
    def who(self):
        return 'base'


class Child(Base):
    def who(self):
        parent = super().who
        return 'child of ' + parent()


print([Child().who() for _ in range(2)])
items = []
append = items.append
for n in range(3):
    append = items.append
    append(n)
print(items)


class ShiftedClock(type(asyncio.new_event_loop())):
    """A loop whose clock runs 1000 s ahead: timers and sleeps must follow it."""

    reads = 0

    def time(self):
        ShiftedClock.reads += 1
        return super().time() + 1000.0


async def sleeper():
    loop = asyncio.get_running_loop()
    start = loop.time()
    await asyncio.sleep(0.01)
    handle = loop.call_later(0.5, print, 'never')
    ahead = handle.when() - start
    handle.cancel()
    return loop.time() >= start, 0.4 < ahead < 0.6


shifted = ShiftedClock()
print(shifted.run_until_complete(sleeper()), shifted.time() > 1000.0, ShiftedClock.reads > 3)
shifted.close()
print(asyncio.run(sleeper()))
h = Greeter('h')
print(h.greet == h.greet, h.greet != h.greet, h.greet == Greeter('h').greet, hash(h.greet) == hash(h.greet))
print(len({h.greet, h.greet}), items.append == items.append, items.append == [].append, hash(items.append) == hash(items.append))
print(len({items.append: 1, items.append: 2}), (1).bit_length == (1).bit_length)
