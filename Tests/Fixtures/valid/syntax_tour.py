# Every construct of the grammar, for the AST differential test.
import os.path as p, sys
from . import sibling
from ..pkg.mod import (a as b, c,)
from os import *
x: int = 1
y: "str"
(z): int = 2
a = b = c = 1, 2
a, *rest = [1, 2, 3]
[q, (r, s)] = 1, (2, 3)
obj.attr, d["k"], e[1:2] = 1, 2, 3
n += 1; n -= 1; n *= 2; n @= m; n /= 2; n //= 2; n %= 3; n **= 2
n >>= 1; n <<= 1; n &= 1; n |= 1; n ^= 1
del a, b[0], c.d
del (e, f)
assert x, "message"
global g
def f(a, b=1, /, c=2, *args, d, e=3, **kwargs) -> int:
    nonlocal_value = 1
    def g():
        nonlocal nonlocal_value
        nonlocal_value += 1
    return a
def h(*, k): pass
def posonly(a, /): pass
async def coroutine(url, *, timeout=None):
    async with session.get(url) as response, other:
        pass
    async for item in aiter():
        yield item
    result = await fetch(url)
    values = [await v async for v in stream() if await v]
    return
@decorator
@decorator.with_args(1, key=2)
class C(Base, metaclass=Meta, **extra):
    "docstring"
    attribute = 1
    def method(self): return self
if a: pass
elif b: pass
else: pass
while x:
    break
else:
    continue
for i, j in pairs:
    pass
else:
    pass
try:
    pass
except ValueError as error:
    raise RuntimeError("x") from error
except (TypeError, KeyError):
    raise
except:
    pass
else:
    pass
finally:
    pass
with open(f) as g, open(h):
    pass
with (open(f) as g, open(h) as i,):
    pass
with (a, b):
    pass
value = lambda: 0
value = lambda a, b=2, *c, d, **e: a + b
value = a if b else c if d else e
value = not a and b or c and not d
value = a < b <= c > d >= e == f != g is h is not i in j not in k
value = a | b ^ c & d << e >> f + g - h * i / j // k % l @ m ** -n ** ~o
value = +a, -b, ~c, (yield), (yield from g)
value = f(a, *b, c=1, **d)(e)[f][g:h][::i][j:k:l, m][*n].attr
value = x[1:2, ::3, ...]
value = (x for x in y if x if not x)
value = [x for x in y for z in x]
value = {x for x in y}
value = {k: v for k, v in items}
value = {**a, 'b': 1, **c}
value = {1, 2, *rest}
value = [1, *rest, 3]
value = (1,)
value = ()
value = []
value = {}
value = f(x for x in y)
value = (n := 10) + (m := n)
if (match := pattern.search(line)) is not None: pass
value = 1, 2.5, 3j, 1e10, 1_000_000, 0xFF, 0o17, 0b101, 10**100, 0xFFFFFFFFFFFFFFFFFFFF, .5, 5., 1e-7, 1e16, 1e22
value = None, True, False, ...
value = 'single', "double", '''triple''', """triple
double""", r'raw\n', b'bytes\x00\xff', rb'raw bytes', u'unicode'
value = 'implicit' "concatenation" 'of strings'
value = '\n\t\\\'\"\a\b\f\v\0\x41\u00e9\U0001F600\N{BULLET}\101 \q'
value = b'\101\0\n\t\\\'\q\777 \x7f', b'line\
continued', 'str\
continued'
value = f'{x}', f"{x!r} {y!s:>10} {z!a}", f'{x:{width}.{precision}}', f'{x=}', f'{x = !r:^20}'
value = f'{{literal}} {x + 1:#x} {"nested"} {d["key"]}' 'plain' f'{a}{b}'
value = f'''{
    x
}''', F'{x:%Y-%m-%d}', rf'\d{x}', f'{x:{y}}'
value = 'é', "naïve", '日本語', '\x7f'
value = -1, - 1, 2 ** -1, not not x
print(*args, sep='', end='\n', file=sys.stderr)
x = yield
