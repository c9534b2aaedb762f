# Exceptions: hierarchy, messages, chaining, finally with return/break, re-raise.
def f():
    try:
        return "try"
    finally:
        print("finally runs")
print(f())
def g():
    try:
        raise ValueError("x")
    finally:
        return "finally wins"
print(g())
for i in range(3):
    try:
        if i == 1:
            break
    finally:
        print("loop finally", i)
try:
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise RuntimeError("wrapped") from e
except RuntimeError as e:
    print(type(e.__cause__).__name__, e.__cause__, e.__suppress_context__)
try:
    try:
        {}["k"]
    except KeyError:
        raise TypeError("during")
except TypeError as e:
    print(type(e.__context__).__name__, repr(e.__context__))
try:
    try:
        raise IndexError("first")
    except IndexError:
        raise
except IndexError as e:
    print("reraised", e)
for exc in [ValueError, KeyError, IndexError, ZeroDivisionError, StopIteration, AttributeError]:
    print(exc.__name__, exc.__mro__[1].__name__, issubclass(exc, Exception))
try:
    raise Exception("a", 1)
except Exception as e:
    print(e.args, str(e), repr(e))
print(repr(ValueError()), str(KeyError("k")), str(KeyError()))
errors = []
for bad in ["[1][2]", "int('x')", "None.attr", "undefined_name", "1 + 'a'", "[].pop()", "{}.popitem()",
            "float('y')", "(1,2).index(5)", "'a'.index('b')", "divmod(1, 0)", "2 ** -1 ** 0.5 + 'x'"]:
    try:
        eval_free = {"[1][2]": lambda: [1][2], "int('x')": lambda: int('x'), "None.attr": lambda: None.attr,
                     "undefined_name": lambda: undefined_name, "1 + 'a'": lambda: 1 + 'a', "[].pop()": lambda: [].pop(),
                     "{}.popitem()": lambda: {}.popitem(), "float('y')": lambda: float('y'),
                     "(1,2).index(5)": lambda: (1, 2).index(5), "'a'.index('b')": lambda: 'a'.index('b'),
                     "divmod(1, 0)": lambda: divmod(1, 0), "2 ** -1 ** 0.5 + 'x'": lambda: 2 ** -1 ** 0.5 + 'x'}[bad]
        eval_free()
    except Exception as e:
        print(type(e).__name__ + ":", e)
def gen():
    try:
        yield 1
        yield 2
    finally:
        print("gen cleanup")
g = gen()
for x in g:
    print(x)
    break
g.close()
class MyErr(Exception):
    def __str__(self):
        return "custom text"
try:
    raise MyErr()
except MyErr as e:
    print(e, repr(e))
try:
    assert 1 == 2, "math is broken"
except AssertionError as e:
    print("AssertionError:", e)
