import json
import math

# Subclasses of int and str: instances keep their class (even small ints), their
# overrides of operators, __format__ and __init__ run, and everything else behaves
# as the builtin base. Operators overridden by list and str subclasses run first.

class Meters(int):
    def __add__(self, other):
        return Meters(int(self) + int(other) + 1000)
    def describe(self):
        return f"{int(self)} m"


class Text(str):
    def __format__(self, spec):
        return "formatted:" + spec

    def shout(self):
        return self.upper() + "!"


class Tag(str):
    def __init__(self, value):
        self.length = len(value)


class Big(int):
    pass


m = Meters(5)
print(type(m).__name__, m, repr(m), m + 1, 1 + m, m * 2, type(m * 2).__name__, m.describe(), -m, +m, type(+m).__name__)
print(sum([1, 2], m), sum([m, 1]), int(m), type(int(m)).__name__, m == 5, hash(m) == hash(5), {m: "x"}[5])
print([10, 20, 30, 40, 50, 60, 70][Meters(2)], "abcdefg"[Meters(1):Meters(3)], "ab" * Meters(2), isinstance(m, int), issubclass(Meters, int))
print(f"{m}", f"{m:>5}", str(m), m.bit_length(), Meters(), Meters("12"), Meters("ff", 16), m.real, abs(Meters(-3)), divmod(m, 2))
b = Big(2 ** 70)
print(type(b).__name__, b, b + 1, type(b + 1).__name__, b // 2 ** 69, b == 2 ** 70, type(Big(7) + Big(8)).__name__, Big(7) + Big(8))
t = Text("hello")
print(type(t).__name__, t, repr(t), t + "!", type(t + "!").__name__, t.upper(), type(t.upper()).__name__, t.shout())
print(f"{t}", f"{t:x}", format(t, "y"), str(t), type(str(t)).__name__, t == "hello", {t: 1}["hello"], "ell" in t, len(t), t[1:3], type(t[1:3]).__name__)
print(Text(), repr(Text()), Text(42), Text(b"ab", "utf-8"), sorted([Text("b"), "a"]), "-".join([t, "x"]), t.split("l"), isinstance(t, str))
g = Tag("abc")
print(g, g.length, type(g).__name__, g.upper())
for bad in [lambda: Meters("x"), lambda: [1][Big(2 ** 70)]]:
    try:
        bad()
    except (ValueError, IndexError) as error:
        print(type(error).__name__, error)



class Count(int):
    pass


class Name(str):
    pass


c = Count(3)
z = Count(0)
n = Name("abc")
print(json.dumps([c, n, {n: c}]), list(range(c)), "%d %s %r" % (c, c, c), "%s|%r" % (n, n), float(c), c < 4, sorted([Count(3), 1, Count(2)]))
print(bool(z), bool(c), isinstance(c, Count), round(c), pow(c, 2), c ** 2, c << 1, c >> 1, c & 1, c | 4, c ^ 1, ~c, hex(c), chr(Count(65)))
print([0] * c, c * [1], list(range(10))[c], format(c, "05d"), max(c, 2), min([c, 5]), abs(c), -c, c / 2, c // 2, c % 2)
print(math.sqrt(Count(16)), math.gcd(Count(12), 18), divmod(Count(7), Count(2)), c.to_bytes(2, "big") if hasattr(c, "to_bytes") else "", c.numerator, c.imag)
print(n.upper(), n[0], n * 2, n + n, n.replace("b", "B"), n.startswith("a"), n == "abc", n != "abd", n < "abd", hash(n) == hash("abc"), len({n, "abc"}))
print(" ".join(Name(x) for x in "xyz"), "abc".join([n]), n.split("b"), f"{n!r:>8}", n.encode(), Name("é").encode(), str(n) is n, type(n.strip()).__name__)
print({n: 1}, {c: 2}, [n, c], (n,), repr([Name("a'b")]), set([Count(1), 1]), sum([Count(1), Count(2)]), type(sum([Count(1), Count(2)])).__name__)
s = Name("k")
s += "x"
k = Count(5)
k += 1
print(s, type(s).__name__, k, type(k).__name__, Name.__mro__, Count.__mro__)


class Loud(str):
    def __add__(self, other):
        return "loud:" + str.__add__(self, other)

    def __radd__(self, other):
        return "radd:" + other


class Stack(list):
    def __add__(self, other):
        return "stack+" + repr(other)

    def __mul__(self, count):
        return "stack*" + str(count)


print(str.__add__("a", "b"), dict.__or__({1: 2}, {3: 4}), dict.__or__({}, 5))
try:
    str.__add__("a", 1)
except TypeError as error:
    print(error)
print(Loud("a") + "b", "x" + Loud("y"), Stack([1]) + [2], Stack([1]) * 3, [1] + Stack([2]), type([1] + Stack([2])).__name__)
