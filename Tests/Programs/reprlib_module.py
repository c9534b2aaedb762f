# reprlib: repr() with limits on sizes and nesting, as CPython's.
import reprlib
from collections import deque

samples = [
    'short', 'x' * 100, "quote ' inside" * 5, 12345, 2 ** 300, -2 ** 300,
    (1,), (), tuple(range(10)), list(range(3)), list(range(20)), [[[[[[[[1]]]]]]]],
    {}, {'b': 1, 'a': 2}, {i: str(i) * 40 for i in range(10)}, {1: {2: {3: {4: {5: {6: {7: 8}}}}}}},
    set(), {3, 1, 2}, set(range(30)), frozenset(), frozenset({5, 4}), {1, (2,), 7.5},
    deque(range(10)), deque(), 3.14159, None, True, b'bytes' * 20, object,
    [1, 'two', (3.0, [4, {'five': 5}])],
]
for value in samples:
    print(reprlib.repr(value))


class Loud:
    def __repr__(self):
        return 'L' * 100


class Broken:
    def __repr__(self):
        raise RuntimeError('no repr')


print(reprlib.repr(Loud()))
print(reprlib.repr([Loud(), Loud()]))
print(reprlib.repr(Broken()).startswith('<Broken instance at 0x'))

custom = reprlib.Repr()
custom.maxlist = 2
custom.maxstring = 10
custom.maxlevel = 1
print(custom.repr([1, 2, 3]), custom.repr('abcdefghijklmnop'), custom.repr([[1], [2]]), custom.repr([]))
print(custom.repr({'k': [1]}))


class Tree:
    def __init__(self):
        self.children = [self]

    @reprlib.recursive_repr()
    def __repr__(self):
        return f'Tree({self.children})'


print(Tree())
print(Tree.__repr__.__name__, Tree.__repr__.__qualname__)


class Fill(list):
    @reprlib.recursive_repr('<loop>')
    def __repr__(self):
        return '<' + '|'.join(map(repr, self)) + '>'


f = Fill([1, 2])
f.append(f)
print(repr(f))
