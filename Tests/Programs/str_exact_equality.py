# Strings are equal when their code points are: canonically equivalent texts (a
# precomposed "é" and "e" + a combining accent) are different strings, different keys,
# different constants, and different attribute names given to getattr.
precomposed = '\u00e9'
decomposed = 'e\u0301'
print(precomposed == decomposed, precomposed != decomposed, len(precomposed), len(decomposed))
d = {precomposed: 'precomposed', decomposed: 'decomposed', '': 'empty', 'a' * 40: 'long'}
print(len(d), d[precomposed], d[decomposed], d[''], d['a' * 40])
print('abc' == ''.join(['a', 'b', 'c']), {'x' + str(i): i for i in range(3)}['x2'])
words = {'caf\u00e9', 'cafe\u0301', 'cafe'}
print(len(words), 'caf\u00e9' in words, 'cafe\u0301' in words, sorted(words) == sorted(list(words)))
print(sorted([decomposed, precomposed, 'e', 'f']))


class Holder:
    pass


holder = Holder()
setattr(holder, precomposed, 1)
setattr(holder, decomposed, 2)
print(getattr(holder, precomposed), getattr(holder, decomposed), len(vars(holder)))
print('\u212b' == '\u00c5', '\u212b'.encode(), '\u00c5'.encode())
