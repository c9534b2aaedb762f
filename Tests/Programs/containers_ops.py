# list, tuple, dict, set operations and views.
l = [5, 3, 8, 1]
l.sort(); print(l); l.sort(reverse=True); print(l)
l2 = sorted(["bb", "a", "ccc"], key=len); print(l2, sorted([(1, "b"), (1, "a"), (0, "z")]))
l.insert(1, 99); l.append(7); l.extend([0]); print(l, l.pop(), l.pop(0), l.index(99), l.count(3))
l[1:3] = ["x", "y", "z"]; print(l); del l[::2]; print(l); l[::-1] = l[:]; print(l)
print([1, 2] * 2, [1] + [2], [[0] * 2] * 2, list(range(10))[2:8:3], [1, 2, 3][::-1], l * 0)
d = {"b": 1, "a": 2}
d["c"] = 3; d.update(x=9); d.update([("y", 8)])
print(d, list(d), list(d.keys()), list(d.values()), list(d.items()), d.get("zz", 0), d.pop("x"), d.setdefault("n", []))
print({k: v for k, v in sorted(d.items())}, dict(zip("ab", [1, 2])), dict.fromkeys("xy", 0), {**d, "a": 0})
print(len(d), "a" in d, d == {"b": 1, "a": 2, "c": 3, "y": 8, "n": []}, d.popitem(), sorted(d))
del d["b"]; print(d, d.copy() is d, d | {"z": 1})
s = {3, 1, 2}
s2 = {2, 3, 4}
print(s | s2, s & s2, s - s2, s ^ s2, s <= {1, 2, 3, 4}, s.issuperset({1}), frozenset([1, 2]) == {1, 2}, {1, 2} < {1, 2, 3})
s.add(10); s.discard(1); print(sorted(s), s.pop() in {2, 3, 10}, len(s))
t = (1, 2, 3)
a, *rest = t; print(a, rest, t.index(2), t.count(1), t + (4,), t * 2, t[1:], (1,) < (1, 2), tuple("ab"))
(x, (y, z)), w = (1, (2, 3)), 4; print(x, y, z, w)
first, *middle, last = range(6); print(first, middle, last)
m = [[1, 2], [3, 4]]; print([r[::-1] for r in m], list(zip(*m)), [v for r in m for v in r])
print(sorted({"b": 1, "a": 2}.items(), key=lambda kv: kv[1]), max({"x": 3, "y": 5}, key=lambda k: {"x": 3, "y": 5}[k]))
print(list(reversed(d)), {1: "a", True: "b", 1.0: "c"}, [] == [], [1, [2]] == [1, [2]], (1, 2) == [1, 2])
nested = [1, [2, [3, [4]]]]
nested[1][1].append(5); print(nested, nested.copy() == nested, nested.copy() is nested)
r = range(0, 20, 3); print(r, len(r), r[2], r[-1], 9 in r, list(r[1:3]), range(5) == range(0, 5))
print(any([]), all([]), any(x > 2 for x in [1, 3]), all(x for x in [1, 0]), sum([[1], [2]], []))
print(97 in b"ab", True in b"\x01", 0 in b"ab")
for needle in (256, -1):
    try:
        print(needle in b"ab")
    except ValueError as error:
        print("ValueError", error)
