class C:
    __slots__ = ('x', 'y')
    def __init__(self): self.x = 1
c = C()
print(c.x, C.x, type(C.x).__name__)
try: c.y
except AttributeError as e: print(e)
try: c.z = 3
except AttributeError as e: print(e)
try: c.__dict__
except AttributeError as e: print(e)
try: del c.y
except AttributeError as e: print(e)
del c.x
try: c.x
except AttributeError as e: print(e)
class D(C): pass
d = D(); d.z = 5; print(d.z, d.__dict__, d.x)
class E(C):
    __slots__ = 'w'
e = E(); e.w = 2; e.x = 3; print(e.w, e.x, E.__slots__, C.__slots__)
try:
    class F:
        __slots__ = ('a',)
        a = 1
except ValueError as e: print(e)
class G: __slots__ = ('a', '__dict__')
g = G(); g.b = 1; g.a = 2; print(g.__dict__, g.a)
try:
    class H(C, G): pass
except TypeError as e: print(e)
try:
    class I: __slots__ = (1,)
except TypeError as e: print(e)
try:
    class J: __slots__ = ('a', 'a')
except Exception as e: print(type(e).__name__, e)
class K(Exception): __slots__ = ('q',)
k = K(1); k.q = 2; print(k.q, k.args)
print(hasattr(c, 'y'), getattr(c, 'y', 'dflt'))
print(vars(d))
try: vars(c)
except TypeError as e: print(e)
try:
    class L: __slots__ = ('1a',)
except TypeError as e: print(e)
class M: __slots__ = ()
try: M().a = 1
except AttributeError as e: print(e)
print(repr(C.x)[:20])
try: C.x.__get__(5)
except TypeError as e: print(e)
class N: __slots__ = ['__weakref__']
print(N.__slots__)
class O(int): __slots__ = ()
print(O(3) + 1)


# Hot paths: the per-instruction caches read and write slots; a subclass adds its own
# slots after its base's; the collector follows slot values.
class Point:
    __slots__ = ('x', 'y', '_secret')

    def __init__(self, x, y):
        self.x = x
        self.y = y
        self._secret = [x, y]

    def norm(self):
        return self.x * self.x + self.y * self.y

    def secret(self):
        return self._secret


class Point3(Point):
    __slots__ = ('z',)

    def __init__(self, x, y, z):
        Point.__init__(self, x, y)
        self.z = z


total = 0
points = []
for i in range(2000):
    p = Point3(i, i + 1, i + 2) if i % 2 else Point(i, i + 1)
    p.x += 1
    total += p.norm()
    points.append(p)
print(total, points[3].z, points[4].secret(), '_secret' in Point.__dict__)
print(sorted(name for name in Point.__dict__ if not name.startswith('__')))
try:
    points[0].z = 1
except AttributeError as error:
    print(error)
setattr(points[1], 'z', 'set')
print(getattr(points[1], 'z'), points[1].z)
object.__setattr__(points[1], 'y', 'y!')
print(points[1].y, Point.y.__get__(points[1]), Point.y.__get__(None, Point) is Point.y)
Point.x.__set__(points[1], 'x!')
print(points[1].x, Point.x.__name__, Point.x.__objclass__.__name__)
Point.x.__delete__(points[1])
print(hasattr(points[1], 'x'))
try:
    Point.x.__set__(3, 4)
except TypeError as error:
    print(error)
try:
    class Bad:
        __slots__ = ('__dict__',)
    class Worse(Bad):
        __slots__ = ('__dict__',)
except TypeError as error:
    print(error)
class WithDict:
    __slots__ = 'only'
class Open(WithDict):
    pass
o = Open()
o.only, o.more = 1, 2
print(o.only, o.more, vars(o))
try:
    class Mixed(Exception, Point):
        pass
except TypeError as error:
    print(error)
