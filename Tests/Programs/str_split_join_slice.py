# split/rsplit (with and without a separator, with maxsplit), join, two-bound slices
# and comparisons of strs, ASCII and not, including Python's extra whitespace.

texts = ["", " ", "a", "  a b  c ", "a,b,,c,", ",", ",,", "one::two::::three", "::",
         "\t\nx\x0by\x0cz\r", "a\x1cb\x1dc\x1ed\x1ff", "a\x85b\xa0c\u3000d", "héllo wörld  ñ",
         "αβ::γ::δ", "😀,😃,,😄", "a\u2028b\u2029c"]
for text in texts:
    print(repr(text), text.split(), text.rsplit())
    for limit in [-1, 0, 1, 2]:
        print(" ", limit, text.split(None, limit), text.rsplit(None, limit), text.split(maxsplit=limit))
    for separator in [",", "::", "b", "ö", "😃", "x" * 40]:
        print(" ", repr(separator), text.split(separator), text.rsplit(separator))
        print("   ", text.split(separator, 1), text.rsplit(separator, 1), text.split(separator, 0), text.rsplit(sep=separator, maxsplit=2))

for bad in [lambda: "a".split(""), lambda: "a".rsplit(""), lambda: "a".split(1), lambda: "a".split(",", "x")]:
    try:
        bad()
    except (TypeError, ValueError) as error:
        print(type(error).__name__, error)

print("-".join([]), "-".join(["a"]), "-".join(["a", "b", ""]), "".join("xyz"), "é".join(["a", "b"]))
print(", ".join(str(i) for i in range(5)), "::".join(("α", "β")), "".join(["😀", "x"]), len("ab".join(["é"] * 3)))
print(repr("\n".join(["x", "", "y"])), "é".join(["a", "b"])[1], len("é".join(["a", "b"])))
for bad in [lambda: ",".join(["a", 1]), lambda: ",".join([None]), lambda: ",".join(5)]:
    try:
        bad()
    except TypeError as error:
        print(error)

for text in ["hello world", "héllo wörld", "😀ab😃", ""]:
    print([text[a:b] for a in [None, -20, -3, -1, 0, 1, 3, 20] for b in [None, -20, -2, 0, 2, 5, 20]])
    print(text[2:], text[:-2], text[:], text[True:], len(text[1:4]), text[1:4] == text[1:][:3])
items = list(range(8))
print([items[a:b] for a in [None, -20, -3, 0, 2, 20] for b in [None, -20, -2, 0, 5, 20]])


class Window:
    def __getitem__(self, key):
        return (type(key).__name__, key.start, key.stop, key.step)


class Short(list):
    def __getitem__(self, key):
        return "Short" + repr(key)


print(Window()[1:2], Window()[:], Window()["a":None], Short([1, 2])[0:1], (1, 2, 3)[1:], b"abc"[1:])
try:
    "abc"["x":]
except TypeError as error:
    print(error)
number = 5
try:
    number[1:2]
except TypeError as error:
    print(error)

words = ["b", "a", "ab", "", "é", "e", "z", "😀", "α", "B", "ab"]
print([(x < y, x <= y, x == y, x != y, x > y, x >= y) for x in words for y in words[:4]])
print(sorted(words), max(words), min(words), "abc" < "abd", "abc" < "ab", "" < "a", "é" > "z")
print(int(" 12\u3000"), float("\x852.5 "), "\x1c\x1d x \x1e\x1f".strip(), "\x1c".isspace(), "\x85".isspace())
for text in [" 12\x1c", "\x1f2.5"]:
    for convert in [int, float]:
        try:
            convert(text)
        except ValueError as error:
            print(error)
