# str: code points, methods, slicing, comparison, repr.
s = "Hello, Wörld! ☕"
print(len(s), s[7], s[-1], s[::-1], s[2:9:2], s.upper(), s.lower(), s.title(), s.swapcase())
print(s.find("o"), s.rfind("o"), s.index("W"), s.count("l"), s.startswith(("He", "x")), s.endswith("☕"))
print(s.replace("l", "L", 2), s.split(), s.split(", "), "a,b,,c".split(","), "a b  c".split(None, 1), "a-b-c".rsplit("-", 1))
print("  pad  ".strip(), "xxhixx".strip("x"), "  l".lstrip(), "r  ".rstrip(), "abc".center(9, "*"), "7".zfill(3), "-7".zfill(4))
print("-".join(["a", "b"]), "".join(reversed("abc")), "ab" * 3, "a" in "cat", "Ab" < "ab", sorted(["b", "A", "a"]))
print("line1\nline2\r\nline3".splitlines(), "a\tb".expandtabs(4), "key=value=x".partition("="), "a.b.c".rpartition("."))
print("abc".isalpha(), "123".isdigit(), "a1".isalnum(), "   ".isspace(), "Title Case".istitle(), "x".isupper(), "_id".isidentifier())
print(repr("it's"), repr('say "hi"'), repr("both ' and \""), repr("tab\there\n"), repr("é☕\x00"), ascii("é☕"))
print(ord("A"), chr(9731), "%s" % None, str(b"bytes"), "x".encode(), "abc".removeprefix("a"), "abc".removesuffix("c"))
print("{:>10}|{:<4}|".format("right", "l"), "a{}b".format("X"), "café".casefold(), "straße".upper())
print("CamelCase".lower().capitalize(), "hello world".title(), "ǅ".lower(), len("👍🏽"), "👍🏽"[0] == "👍")
t = "mississippi"
print(t.count("ss"), t.find("ss", 3), t.index("i", 5), t.rindex("s"), t[100:], t[-100:2], t.split("ss"))
print(str(123), str(1.0), str([1, "a"]), str({"k": (1,)}), str(None), repr(1.0), f"{'nested'!r:>10}")
try:
    "a" + 1
except TypeError as e:
    print("TypeError:", e)
try:
    "abc".index("z")
except ValueError as e:
    print("ValueError:", e)
