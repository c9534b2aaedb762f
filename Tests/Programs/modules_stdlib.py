# Standard modules: math, json, random (seeded), functools, itertools, collections, string, sys, time.
import math, json, random, functools, itertools, collections, string, sys, time
print(math.sqrt(16), math.floor(-2.5), math.ceil(2.1), math.gcd(12, 18), math.factorial(10), math.pi, math.isclose(0.1 + 0.2, 0.3))
print(math.log(math.e), math.log(8, 2), math.log10(1000), math.hypot(3, 4), math.inf > 1e308, math.isnan(math.nan))
print(json.dumps({"a": [1, 2.5, None, True], "b": "é"}), json.dumps([1, {"x": 2}], indent=2, sort_keys=True))
print(json.loads('{"k": [1, 2, {"n": null}], "f": 1.5e2}'), json.dumps("q\"\n"), json.dumps({"a": 1}, separators=(",", ":")))
random.seed(42)
print(random.random(), random.randint(1, 100), random.choice("abcdef"), random.uniform(1, 2), random.randrange(0, 100, 5))
items = list(range(10)); random.shuffle(items); print(items, random.sample(range(100), 5), random.getrandbits(20))
print(functools.reduce(lambda a, b: a * b, range(1, 6)), functools.partial(pow, 2)(10))
@functools.lru_cache(maxsize=None)
def fib(n): return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), fib.cache_info().hits > 0)
def deco(f):
    @functools.wraps(f)
    def wrapper(*a): return f(*a)
    return wrapper
@deco
def documented():
    "the doc"
    return 1
print(documented.__name__, documented.__doc__, documented())
print(list(itertools.chain([1], (2, 3))), list(itertools.product("ab", repeat=2)), list(itertools.permutations(range(3), 2)))
print(list(itertools.combinations("abcd", 2)), list(itertools.accumulate([1, 2, 3])), [(k, list(g)) for k, g in itertools.groupby("aabbbc")])
print(list(itertools.zip_longest("ab", "xyz", fillvalue="-")), list(itertools.takewhile(lambda x: x < 3, itertools.count())))
Point = collections.namedtuple("Point", "x y")
p = Point(1, y=2); print(p, p.x + p.y, p._asdict(), p._replace(x=5), Point._fields, p == (1, 2))
dq = collections.deque([1, 2, 3], maxlen=4); dq.appendleft(0); dq.append(4); print(dq, dq.popleft(), dq.pop(), list(dq))
dd = collections.defaultdict(list); dd["a"].append(1); print(dd, dict(dd))
c = collections.Counter("abracadabra"); print(c, c.most_common(2), c["z"], sum(c.values()))
od = collections.OrderedDict(a=1, b=2); od.move_to_end("a"); print(od, list(od))
print(string.ascii_lowercase, string.digits, string.capwords("hello big world"))
print(sys.argv[0].endswith("modules_stdlib.py"), sys.getrecursionlimit(), type(time.time()).__name__, time.monotonic() > 0)
sys.stdout.write("written\n")
print("to stderr", file=sys.stderr)
