# int/float semantics and the format mini-language.
print(7 // 2, -7 // 2, 7 % -3, -7 % 3, 2 ** 100, -2 ** 63, (2 ** 64) // 3, 10 ** 20 % 7)
print(divmod(-7, 2), divmod(7.5, 2), round(2.5), round(3.5), round(-2.5), round(1.005, 2), round(2.675, 2))
print(0.1 + 0.2, 1e16, 1e-5, 123456789.0, 1.5e300 * 1e10, -0.0, float("nan"), 1 / 3)
print(int("  42 "), int("-0x1f", 16), int("0b101", 0), int(3.99), int(-3.99), float("1e3"), int("1_000"))
print(hex(255), oct(8), bin(5), hex(-255), abs(-3), pow(2, 10, 1000), pow(2, -1))
print(1 << 70, (1 << 70) >> 68, 5 & 3, 5 | 3, 5 ^ 3, ~5, -(1 << 63) - 1)
print(f"{3.14159:.2f} {42:05d} {42:>6} {'x':^5}| {1234567:,} {1234567.891:_.1f} {0.25:%} {255:#x} {255:08b}")
print(f"{-3:+d} {3: d} {1e100:e} {12345.678:g} {0.0001234:g} {1.5:10.3e}|{'left':<8}|{7:*^9}")
print("{} {:.3} {!r} {name}".format(1, 3.14159, "s", name="n"), "{0}{1}{0}".format("a", "b"))
print("%d %5.2f %s %r %x %o %e %%" % (42, 3.14159, "str", "rep", 255, 8, 12345.678))
print("%(a)s-%(b)03d" % {"a": "x", "b": 7}, "%-5s|" % "ab", "%+d" % 5)
print(format(1234.5, ","), format(0.5, ".0%"), format(10, "x"), format(3, "c") == "\x03")
print(True + True, True * 3, 3 / 2, 4 / 2, 2 ** 0.5, 10 ** -2, 7.0 // 2, -7.5 % 2)
print(max(1, 2.5), min([3, 1, 2]), sum([0.1] * 10), abs(-2.5), 1 == 1.0, hash(1) == hash(1.0))
print((1).bit_length(), (255).bit_length(), (-7).bit_length(), 2.0.is_integer(), (0.5).as_integer_ratio())
print(int(1e20), float(2 ** 60), 3 * 1.1, 1e308 * 10, -1e308 * 10, 9007199254740993)
print(round(123.456, -1), round(-0.5), round(0.5), round(1234, -2), round(1250, -2), round(1350, -2))
print(complex_ok := 5, 7 if complex_ok > 3 else 0)

# f-string pieces that need no formatting: ints (any size and sign), bools, strs,
# and texts long enough to leave the small-string form.
for number in [0, 7, -7, 10, -10, 99, 100, 2**62, -2**63, 2**64, -2**64]:
    print(f"{number}|{number}{True}{False}{'x'}{''}|{number!r}{'é' * 3}{number}")
print(f"{'a' * 14}{1}", f"{'a' * 14}{12}", f"{'ü' * 8}{True}", len(f"{'a' * 15}{-1}{True}"))
