# Classes: dunder protocol, properties, class/static methods, MRO, super, __getattr__.
class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __add__(self, o): return Vec(self.x + o.x, self.y + o.y)
    def __sub__(self, o): return Vec(self.x - o.x, self.y - o.y)
    def __mul__(self, k): return Vec(self.x * k, self.y * k)
    __rmul__ = __mul__
    def __neg__(self): return Vec(-self.x, -self.y)
    def __eq__(self, o): return isinstance(o, Vec) and (self.x, self.y) == (o.x, o.y)
    def __hash__(self): return hash((self.x, self.y))
    def __repr__(self): return f"Vec({self.x}, {self.y})"
    def __abs__(self): return (self.x ** 2 + self.y ** 2) ** 0.5
    def __bool__(self): return bool(self.x or self.y)
    def __len__(self): return 2
    def __getitem__(self, i): return (self.x, self.y)[i]
    def __iter__(self): return iter((self.x, self.y))
    def __contains__(self, v): return v in (self.x, self.y)
    def __lt__(self, o): return abs(self) < abs(o)
v = Vec(1, 2)
print(v + Vec(3, 4), v - v, v * 3, 2 * v, -v, abs(Vec(3, 4)), bool(Vec(0, 0)), len(v), v[1], list(v), 2 in v)
print(v == Vec(1, 2), v != Vec(1, 2), {v, Vec(1, 2)}, sorted([Vec(3, 3), Vec(1, 1)]), Vec(1, 1) < Vec(2, 2))
class A:
    def who(self): return "A"
class B(A):
    def who(self): return "B>" + super().who()
class C(A):
    def who(self): return "C>" + super().who()
class D(B, C):
    def who(self): return "D>" + super().who()
print(D().who(), [k.__name__ for k in D.__mro__])
class Temp:
    scale = "C"
    def __init__(self): self._c = 0
    @property
    def c(self): return self._c
    @c.setter
    def c(self, v):
        if v < -273: raise ValueError("too cold")
        self._c = v
    @staticmethod
    def zero(): return 0
    @classmethod
    def make(cls): return cls()
t = Temp.make()
t.c = 25
print(t.c, Temp.zero(), t.zero(), Temp.scale, type(t).__name__)
try:
    t.c = -300
except ValueError as e:
    print("ValueError:", e)
class Dyn:
    def __getattr__(self, name): return name.upper()
d = Dyn()
d.real = 1
print(d.real, d.anything)
class Cnt:
    count = 0
    def __init__(self): Cnt.count += 1
    def __call__(self, x): return x * 10
for _ in range(3): Cnt()
print(Cnt.count, Cnt()(4), callable(Cnt()), callable(5))
print(isinstance(D(), A), issubclass(D, C), issubclass(bool, int), isinstance(True, int))
class Str:
    def __str__(self): return "as str"
    def __repr__(self): return "as repr"
    def __format__(self, spec): return "fmt:" + spec
print(Str(), repr(Str()), [Str()], f"{Str():xy}", str(Str()), format(Str(), "z"))
try:
    A().missing
except AttributeError as e:
    print("AttributeError:", e)
class Ctx:
    def __enter__(self): print("enter"); return self
    def __exit__(self, t, v, tb): print("exit", t.__name__ if t else None); return True
with Ctx() as c:
    raise KeyError("x")
print("after with")
class Item:
    def __init__(self): self.d = {}
    def __setitem__(self, k, v): self.d[k] = v
    def __getitem__(self, k): return self.d[k]
    def __delitem__(self, k): del self.d[k]
it = Item(); it["a"] = 1; print(it["a"]); del it["a"]; print(it.d)
print(vars(Vec(5, 6)), Vec.__name__, hasattr(v, "x"), getattr(v, "z", None))
