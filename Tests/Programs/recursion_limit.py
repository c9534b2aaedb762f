# RecursionError for every kind of recursion; the interpreter keeps working afterwards.
import sys
def down(n):
    return down(n + 1)
try:
    down(0)
except RecursionError as e:
    print("calls:", e)
class Loop:
    def __repr__(self):
        return repr(self)
try:
    repr(Loop())
except RecursionError as e:
    print("repr:", type(e).__name__)
class Eq:
    def __eq__(self, other):
        return self == other
try:
    Eq() == Eq()
except RecursionError as e:
    print("eq:", type(e).__name__)
l = []
l.append(l)
print(l)
d = {}
d["self"] = d
print(d)
sys.setrecursionlimit(200)
def count(n):
    return 0 if n == 0 else 1 + count(n - 1)
try:
    count(500)
except RecursionError:
    print("limit 200 enforced")
sys.setrecursionlimit(1000)
print(count(500))
