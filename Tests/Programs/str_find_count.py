# find/rfind/index/rindex/count with every kind of bounds, over ASCII and other texts.

texts = ["", "a", "abcabc", "hello world", "aaaa", "héllo wörld", "abc😀abc"]
needles = ["", "a", "abc", "o", "ll", "aa", "z", "é", "😀", "abcabcabc"]
for t in texts:
    for n in needles:
        row = [t.find(n), t.rfind(n), t.count(n)]
        for a, b in [(0, None), (1, None), (-3, None), (2, 5), (5, 2), (10, 20), (-20, -1), (3, 3), (0, 100)]:
            row += [t.find(n, a, b), t.rfind(n, a, b), t.count(n, a, b)]
            for method in (t.index, t.rindex):
                try:
                    row.append(method(n, a, b))
                except ValueError as error:
                    row.append(str(error))
        print(repr(t), repr(n), row)
