# int's and float's operator methods called by name and through super(), with CPython's
# NotImplemented answers and slot-wrapper errors; unary operators of int subclasses.

import functools
print(int.__add__(2, 3), int.__add__(1, 1.5), float.__add__(1.5, 2), float.__radd__(1.5, 2), int.__rsub__(10, 3), int.__sub__(10, 3))
print(int.__truediv__(1, 2), int.__floordiv__(-7, 2), int.__mod__(-7, 2), int.__pow__(2, 10), int.__pow__(2, -1), float.__pow__(2.0, 0.5))
print(int.__lshift__(1, 70), int.__and__(6, 3), int.__or__(6, 3), int.__xor__(6, 3), int.__rrshift__(2, 256), True.__add__(True), int.__mul__(3, "x"))
print(int.__neg__(5), float.__neg__(2.5), int.__pos__(True), int.__invert__(5), (5).__add__(1), (2.5).__mul__(2), functools.reduce(int.__add__, [1, 2, 3]))
print(hasattr(float, "__lshift__"), hasattr(int, "__matmul__"), float.__mul__(2.0, True), float.__floordiv__(7.5, 2), float.__mod__(-7.5, 2))


class Money(int):
    def __add__(self, other):
        return Money(super().__add__(other) + 100)

    def __radd__(self, other):
        return Money(super().__radd__(other) + 1000)

    def __neg__(self):
        return Money(-int(self) * 10)


m = Money(5)
print(m + 1, type(m + 1).__name__, 1 + m, -m, m - 1, type(m - 1).__name__, sum([m, m]))
for call in [lambda: int.__add__(1), lambda: int.__add__("a", 1), lambda: float.__add__(1, 2.0), lambda: int.__truediv__(1, 0)]:
    try:
        print(call())
    except (TypeError, ZeroDivisionError) as error:
        print(type(error).__name__, error)
