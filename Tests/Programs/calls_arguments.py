# Function parameters: defaults, *args, **kwargs, keyword-only, positional-only, errors.
def f(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, sorted(kw.items()))

print(f(1, c=3))
print(f(1, 5, 6, 7, c=3, e=9, d=0))
def g(x, y, /, z):
    return x + y + z
print(g(1, 2, z=3), g(1, 2, 3))
for call in [lambda: g(1, y=2, z=3), lambda: f(), lambda: f(1), lambda: g(1, 2, 3, 4),
             lambda: f(1, c=1, c2=2, a=5), lambda: (lambda q: q)(1, 2), lambda: (lambda: 0)(1)]:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
def h(*, k):
    return k
try:
    h()
except TypeError as e:
    print(e)
def defaults(a, b=[]):
    b.append(a)
    return b
print(defaults(1), defaults(2))
args = (1, 2)
kwargs = {"z": 10}
print(g(*args, **kwargs), f(*[1, 2, 3], **{"c": 0}))
print((lambda *a, **k: (a, k))(1, x=2))
def outer():
    def inner(n):
        return n * 2
    return inner
print(outer()(21), outer().__name__, outer().__qualname__)
