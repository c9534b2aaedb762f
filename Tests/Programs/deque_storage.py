from collections import deque

d = deque([1, 2, 3])
for f in [lambda: deque().remove(1), lambda: d.index(9), lambda: d[5], lambda: d['a'], lambda: deque().pop(),
          lambda: deque().popleft(), lambda: d.__setitem__(7, 1), lambda: d.__delitem__(7),
          lambda: deque([1], 1).insert(0, 2), lambda: d.rotate('x'), lambda: d.append(), lambda: d.count(),
          lambda: deque(maxlen=-1), lambda: deque(1), lambda: d[1:2], lambda: deque([], 'a'), lambda: d.append(1, 2),
          lambda: d[True], lambda: d[-4], lambda: d.append(x=1), lambda: d.pop(1)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
it = iter(d)
d.append(4)
try:
    next(it)
except RuntimeError as e:
    print('RuntimeError', e)
it = iter(d)
d.clear()
try:
    next(it)
except RuntimeError as e:
    print('RuntimeError', e)
d.extend(range(10))
done = iter(d)
print(list(done), list(reversed(d)), d[0], d[-1], len(d), bool(d), 3 in d, 42 in d)
d.append(99)
try:
    next(done)
except RuntimeError as e:
    print('RuntimeError after the end', e)
print(type(iter(d)), type(reversed(d)))
d.rotate(3)
print(d)
d.rotate(-5)
print(d)
d.rotate(0)
d.rotate()
d.rotate(111)
print(d, d.count(99), d.index(99))
d.reverse()
d.remove(99)
print(d)
bounded = deque(maxlen=3)
for i in range(6):
    bounded.append(i)
bounded.appendleft('L')
bounded.extendleft('ab')
print(bounded, bounded.maxlen)
zero = deque(maxlen=0)
zero.append(1)
zero.appendleft(2)
print(zero, len(zero))


class Counted(deque):
    def __init__(self, *args):
        super().__init__(*args)
        self.label = 'counted'

    def append(self, x):
        super().append(x * 10)


c = Counted([1, 2])
c.append(3)
print(c, c.label, isinstance(c, deque), c.popleft(), c.pop(), list(c))
nested = deque()
nested.append(nested)
print(nested == nested, deque([1, 2]) == deque([1, 2]), deque([1]) != deque([2]), deque([1]) + deque([2]))
waiters = deque(range(100000))
while waiters:
    waiters.remove(waiters[0])
print(len(waiters))
