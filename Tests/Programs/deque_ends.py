# collections.deque: both ends, maxlen, indexing from either end, and the rest of its
# methods, as the two halves of the deque move between sides.
from collections import deque

d = deque()
for i in range(10):
    d.append(i)
    d.appendleft(-i)
print(d, len(d), d[0], d[-1], d[5], d[-5])
print([d.popleft() for _ in range(7)], [d.pop() for _ in range(7)], d)
for i in range(5):
    d.appendleft(i * 10)
print(d, d.popleft(), d.pop(), d)
d[0] = 'first'
d[-1] = 'last'
del d[1]
print(d, 'first' in d, 99 in d, d.count(0), d.index('last'))
d.rotate(2)
print(d)
d.rotate(-3)
print(d)
d.reverse()
print(d, list(reversed(d)))
d.insert(1, 'in')
d.remove('in')
d.remove(d[0])
print(d, d == deque(list(d)), d != deque([]), bool(d), bool(deque()))
bounded = deque(range(5), maxlen=3)
print(bounded, bounded.maxlen)
bounded.append(9)
bounded.appendleft(-1)
print(bounded)
bounded.extend([7, 8])
bounded.extendleft([1, 2])
print(bounded, bounded + deque([0]))
try:
    bounded.insert(0, 5)
except IndexError as error:
    print('IndexError', error)
zero = deque(maxlen=0)
zero.append(1)
zero.appendleft(2)
print(zero)
for call in (lambda: deque().pop(), lambda: deque().popleft(), lambda: deque([1])[1], lambda: deque([1])[-2],
             lambda: deque([1]).remove(2), lambda: deque([1])['x'], lambda: deque([1]).index(3)):
    try:
        call()
    except (IndexError, ValueError, TypeError) as error:
        print(type(error).__name__, error)
big = deque()
for i in range(100000):
    big.append(i)
total = 0
while big:
    total += big.popleft()
    if len(big) % 3 == 0 and big:
        big.appendleft(big.pop())
print(total)
copy = deque([1, 2, 3]).copy()
copy += [4]
print(copy, deque('abc'), deque([[1]]) == deque([[1]]))
