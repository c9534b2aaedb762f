# Ranges at the ends of the 64-bit ints: lengths, indexes, slices, membership,
# iteration and hashes must not overflow (CPython computes them exactly).
import sys
big = sys.maxsize
small = -sys.maxsize - 1
try:
    print('len(range(small, big))', '->', len(range(small, big)))
except Exception as error:
    print('len(range(small, big))', '->', type(error).__name__, error)
try:
    print('len(range(small, big, 2**62))', '->', len(range(small, big, 2**62)))
except Exception as error:
    print('len(range(small, big, 2**62))', '->', type(error).__name__, error)
try:
    print('range(small, big, 3)[-1]', '->', range(small, big, 3)[-1])
except Exception as error:
    print('range(small, big, 3)[-1]', '->', type(error).__name__, error)
try:
    print('range(small, big)[-1]', '->', range(small, big)[-1])
except Exception as error:
    print('range(small, big)[-1]', '->', type(error).__name__, error)
try:
    print('range(small, big)[big - 1]', '->', range(small, big)[big - 1])
except Exception as error:
    print('range(small, big)[big - 1]', '->', type(error).__name__, error)
try:
    print('range(0, 2**62)[::2**62]', '->', range(0, 2**62)[::2**62])
except Exception as error:
    print('range(0, 2**62)[::2**62]', '->', type(error).__name__, error)
try:
    print('range(-2**62, 2**62, 2**61)[::-1]', '->', range(-2**62, 2**62, 2**61)[::-1])
except Exception as error:
    print('range(-2**62, 2**62, 2**61)[::-1]', '->', type(error).__name__, error)
try:
    print('list(range(big - 3, big))', '->', list(range(big - 3, big)))
except Exception as error:
    print('list(range(big - 3, big))', '->', type(error).__name__, error)
try:
    print('list(range(big - 2, big, 5))', '->', list(range(big - 2, big, 5)))
except Exception as error:
    print('list(range(big - 2, big, 5))', '->', type(error).__name__, error)
try:
    print('list(range(small + 2, small, -1))', '->', list(range(small + 2, small, -1)))
except Exception as error:
    print('list(range(small + 2, small, -1))', '->', type(error).__name__, error)
try:
    print('list(range(small + 2, small - 0, -7))', '->', list(range(small + 2, small - 0, -7)))
except Exception as error:
    print('list(range(small + 2, small - 0, -7))', '->', type(error).__name__, error)
try:
    print('range(5)[2**62:]', '->', range(5)[2**62:])
except Exception as error:
    print('range(5)[2**62:]', '->', type(error).__name__, error)
try:
    print('big in range(-5, big)', '->', big in range(-5, big))
except Exception as error:
    print('big in range(-5, big)', '->', type(error).__name__, error)
try:
    print('big - 1 in range(-5, big)', '->', big - 1 in range(-5, big))
except Exception as error:
    print('big - 1 in range(-5, big)', '->', type(error).__name__, error)
try:
    print('small in range(big, small, -1)', '->', small in range(big, small, -1))
except Exception as error:
    print('small in range(big, small, -1)', '->', type(error).__name__, error)
try:
    print('small + 1 in range(big, small, -1)', '->', small + 1 in range(big, small, -1))
except Exception as error:
    print('small + 1 in range(big, small, -1)', '->', type(error).__name__, error)
try:
    print('3 in range(0, 10, 3)', '->', 3 in range(0, 10, 3))
except Exception as error:
    print('3 in range(0, 10, 3)', '->', type(error).__name__, error)
try:
    print('4 in range(0, 10, 3)', '->', 4 in range(0, 10, 3))
except Exception as error:
    print('4 in range(0, 10, 3)', '->', type(error).__name__, error)
try:
    print('-3 in range(0, -10, -3)', '->', -3 in range(0, -10, -3))
except Exception as error:
    print('-3 in range(0, -10, -3)', '->', type(error).__name__, error)
try:
    print('range(0) == range(3, 3)', '->', range(0) == range(3, 3))
except Exception as error:
    print('range(0) == range(3, 3)', '->', type(error).__name__, error)
try:
    print('range(5, 6) == range(5, 6, 3)', '->', range(5, 6) == range(5, 6, 3))
except Exception as error:
    print('range(5, 6) == range(5, 6, 3)', '->', type(error).__name__, error)
try:
    print('hash(range(0)) == hash(range(3, 3))', '->', hash(range(0)) == hash(range(3, 3)))
except Exception as error:
    print('hash(range(0)) == hash(range(3, 3))', '->', type(error).__name__, error)
try:
    print('hash(range(5, 6)) == hash(range(5, 6, 3))', '->', hash(range(5, 6)) == hash(range(5, 6, 3)))
except Exception as error:
    print('hash(range(5, 6)) == hash(range(5, 6, 3))', '->', type(error).__name__, error)
try:
    print('hash(range(1, 10, 2)) == hash((5, 1, 2))', '->', hash(range(1, 10, 2)) == hash((5, 1, 2)))
except Exception as error:
    print('hash(range(1, 10, 2)) == hash((5, 1, 2))', '->', type(error).__name__, error)
try:
    print('bool(range(small, big))', '->', bool(range(small, big)))
except Exception as error:
    print('bool(range(small, big))', '->', type(error).__name__, error)
try:
    print('bool(range(3, 3))', '->', bool(range(3, 3)))
except Exception as error:
    print('bool(range(3, 3))', '->', type(error).__name__, error)
try:
    print('range(10)[-11]', '->', range(10)[-11])
except Exception as error:
    print('range(10)[-11]', '->', type(error).__name__, error)
try:
    print('range(10)[10]', '->', range(10)[10])
except Exception as error:
    print('range(10)[10]', '->', type(error).__name__, error)
try:
    print('range(10)[-10]', '->', range(10)[-10])
except Exception as error:
    print('range(10)[-10]', '->', type(error).__name__, error)
try:
    print('list(reversed(range(big - 10, big, 4)))', '->', list(reversed(range(big - 10, big, 4))))
except Exception as error:
    print('list(reversed(range(big - 10, big, 4)))', '->', type(error).__name__, error)
try:
    print('sum(range(big - 3, big))', '->', sum(range(big - 3, big)))
except Exception as error:
    print('sum(range(big - 3, big))', '->', type(error).__name__, error)
try:
    print('[x for x in range(small, small + 3)]', '->', [x for x in range(small, small + 3)])
except Exception as error:
    print('[x for x in range(small, small + 3)]', '->', type(error).__name__, error)
for i in range(big - 2, big, 5):
    print("loop", i)
