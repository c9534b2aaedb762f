# // and % of small ints round toward negative infinity, at the edges of 64 bits
# too; list.append on exact lists and subclasses; unbound builtin methods check
# their receiver as CPython's descriptors do.

values = [0, 1, -1, 2, -2, 7, -7, 10, -10, 97, -97, 2**62, -2**62, 2**63 - 1, -2**63]
for a in values:
    row = []
    for b in values:
        try:
            row.append((a // b, a % b))
        except ZeroDivisionError as error:
            row.append(str(error))
    print(a, row)
print(-2**63 // -1, -2**63 % -1, divmod(-2**63, -1), type(-2**63 // -1).__name__)
x = 17
x //= -5
y = -17
y %= 5
print(x, y, 7.5 // 2, -7.5 % 2, True // 2, -True % 2)

items = []
list.append(items, 1)
items.append(2)
add = items.append
add(3)


class Tens(list):
    def append(self, value):
        super().append(value * 10)


tens = Tens([0])
tens.append(1)
list.append(tens, 2)
print(items, tens, len(items), len(tens), len("héllo"), len(""), len([]))
for call in [lambda: list.append(5, 1), lambda: str.upper(5), lambda: dict.get([], 1),
             lambda: list.append(), lambda: str.join(b"x", ["a"]), lambda: int.bit_length("x")]:
    try:
        call()
    except TypeError as error:
        print(error)
print(str.upper("abc"), dict.get({1: 2}, 1), int.bit_length(True), list.__len__(tens))
