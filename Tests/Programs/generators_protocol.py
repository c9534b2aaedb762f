# Generators: send, throw, close, yield from with return values, StopIteration.value.
def echo():
    received = []
    try:
        while True:
            value = yield len(received)
            received.append(value)
    except GeneratorExit:
        print("closing with", received)
        raise
g = echo()
print(next(g), g.send("a"), g.send("b"))
g.close()
def inner():
    x = yield 1
    y = yield x * 2
    return x + y
def outer():
    result = yield from inner()
    yield "inner returned %d" % result
o = outer()
print(next(o), o.send(5), o.send(7))
def thrower():
    try:
        yield 1
    except ValueError as e:
        yield "caught " + str(e)
t = thrower()
print(next(t), t.throw(ValueError("boom")))
def ret():
    yield 1
    return "done"
r = ret()
next(r)
try:
    next(r)
except StopIteration as e:
    print("StopIteration value:", e.value)
print(list(x * x for x in range(5)), sum(x for x in range(100) if x % 3 == 0))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
import itertools
print(list(itertools.islice(fib(), 10)))
print(list(zip(range(3), "abc")), list(enumerate("xy", 1)), list(map(lambda a, b: a * b, [1, 2], [3, 4])))
print(list(filter(None, [0, 1, "", "a"])), list(reversed([1, 2, 3])), next(iter([]), "empty"))
def stop_inside():
    yield 1
    raise StopIteration("bad")
try:
    list(stop_inside())
except RuntimeError as e:
    print("RuntimeError:", e)
class Countdown:
    def __init__(self, n): self.n = n
    def __iter__(self): return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
print(list(Countdown(3)), [a for a in Countdown(2)])
gen = (i for i in range(3))
print(gen.__class__.__name__, list(gen), list(gen))
def delegator():
    yield from [1, 2]
    yield from (c for c in "ab")
print(list(delegator()))

def three():
    yield 1
    yield 2
    yield 3
    print("unpacking drew the generator dry")

def endless():
    n = 0
    while True:
        n += 1
        yield n

for source in (three, endless):
    try:
        first, second = source()
    except ValueError as error:
        print(source.__name__, error)
head, *rest = three()
print(head, rest)
