# The operator module: operators as functions, getters, in-place forms, errors.
import functools
import operator
from operator import attrgetter, itemgetter, methodcaller


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
        self.inner = self

    def __repr__(self):
        return f"Point({self.x}, {self.y})"

    def scaled(self, k, offset=0):
        return Point(self.x * k + offset, self.y * k + offset)


print(operator.add(1, 2), operator.sub(5, 3), operator.mul("ab", 2), operator.truediv(1, 4), operator.floordiv(-7, 2))
print(operator.mod(-7, 3), operator.pow(2, 10), operator.neg(4), operator.pos(-4), operator.abs(-3.5), operator.invert(5), operator.inv(0))
print(operator.and_(6, 3), operator.or_(6, 3), operator.xor(6, 3), operator.lshift(1, 65), operator.rshift(256, 4), operator.index(7))
print(operator.lt(1, 2), operator.le(2, 2), operator.eq("a", "a"), operator.ne(1, 1.0), operator.ge(3, 4), operator.gt("b", "a"))
print(operator.not_([]), operator.truth([0]), operator.is_(None, None), operator.is_not(1, None), operator.contains([1, 2], 2))
print(operator.concat([1], [2]), operator.concat("a", "b"), operator.countOf([1, 2, 1, 1.0], 1), operator.indexOf("abc", "c"))
data = {"a": 1}
operator.setitem(data, "b", 2)
operator.delitem(data, "a")
print(data, operator.getitem([10, 20, 30], slice(1, None)), operator.getitem("xyz", -1), operator.length_hint([1, 2, 3]), operator.length_hint(object(), 5))
items = [1]
print(operator.iadd(items, [2]) is items, items, operator.iadd(1, 2), operator.imul([0], 3), operator.isub(5, 1), operator.ior({1}, {2}), operator.ipow(3, 2), operator.iconcat("a", "b"))
print(functools.reduce(operator.mul, range(1, 8)), list(map(operator.neg, [1, -2])), sorted([(1, "b"), (0, "c"), (1, "a")], key=itemgetter(0, 1)))
points = [Point(3, 1), Point(1, 2), Point(2, 0)]
print(sorted(points, key=attrgetter("x")), sorted(points, key=attrgetter("y", "x")), attrgetter("inner.inner.x")(points[0]))
print(itemgetter(1)("abc"), itemgetter(0, 2)([5, 6, 7]), itemgetter("k")({"k": 9}), methodcaller("scaled", 2)(points[0]), methodcaller("scaled", 2, offset=1)(points[1]))
print(repr(attrgetter("x", "y.z")), repr(itemgetter(1, "a")), repr(methodcaller("f", 1, k="v")), operator.__add__(1, 1), operator.__not__(1), operator.__and__(3, 1))
for bad in [lambda: operator.concat(1, 2), lambda: operator.indexOf([1], 3), lambda: attrgetter(1), lambda: methodcaller(5),
            lambda: attrgetter("missing")(points[0]), lambda: itemgetter(5)([1]), lambda: operator.add(1, "a")]:
    try:
        bad()
    except (TypeError, ValueError, AttributeError, IndexError) as error:
        print(type(error).__name__, error)
