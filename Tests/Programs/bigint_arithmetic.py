# Big-int +, -, *, // and % across word boundaries and signs, and sum() crossing
# 64 and 128 bits; every result is checked against the identity a == q*b + r too.

state = 12345


def next_word():
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % (1 << 64)
    return state


def number(words):
    value = 0
    for _ in range(words):
        value = (value << 64) | next_word()
    if next_word() % 3 == 0:
        value = -value
    return value


def digest(value):
    return value % 1000000007, value.bit_length(), value < 0


sizes = [0, 1, 2, 3, 4, 5, 9, 17]
for left in sizes:
    for right in sizes:
        a = number(left)
        b = number(right)
        print(left, right, digest(a + b), digest(a - b), digest(b - a), digest(a * b))
        for small in [1, -1, 7, -7, 1000000000, -1000000000, (1 << 63) - 1, -(1 << 63)]:
            q, r = a // small, a % small
            assert q * small + r == a
            assert (r == 0) or ((r < 0) == (small < 0))
            print(" ", small, digest(q), r, digest(a * small), digest(small * a), digest(a + small), digest(small - a))

# Carries and borrows that ripple through every word.
ones = (1 << 640) - 1
print(digest(ones + 1), digest(-(ones + 1) + 1), digest((ones + 1) - 1), digest(ones - ones), ones - ones)
print(digest(ones * 2), digest(ones * -2), digest(ones * 0), ones * 0, digest(ones * True), ones * False)
print(digest(-ones // 3), -ones % 3, digest(ones // -3), ones % -3, digest(-ones // 1), -ones % 1)
print(divmod(ones, 1000000007) == (ones // 1000000007, ones % 1000000007))
try:
    ones // 0
except ZeroDivisionError as error:
    print(type(error).__name__, error)
try:
    ones % 0
except ZeroDivisionError as error:
    print(type(error).__name__, error)

# A number that goes big and comes back small is an ordinary int again.
big = (1 << 200) + 5
print(big - (1 << 200), type(big - (1 << 200)).__name__, (big - (1 << 200)) + 1)
print(1 << 200 == big - 5, hash(big - big), big // big)

# sum() keeps a wide running total, then boxes it once; mixed items still work.
print(sum(i * i for i in range(3000000, 3001000)))
print(sum([1 << 62, 1 << 62, 1 << 62, 1 << 62]))
print(sum([1 << 126, 1 << 126, 1 << 126, -(1 << 126)]))
print(sum([(1 << 127) - 1, 1, 1 << 127]))
print(sum([True, True, 3, 1 << 70, False]))
print(sum([1 << 70, 0.5]), sum([0.5, 1 << 70]), sum([1, 2.5, 1 << 64]))
print(sum([], 1 << 100), sum([1 << 64], -(1 << 64)), sum(range(10), start=1 << 64))

try:
    sum([1 << 64, "x"])
except TypeError as error:
    print(error)
