# Exception groups: construction rules, str and repr, exceptions, split, subgroup, derive.
def attempt(f):
    try:
        r = f()
        print(type(r).__name__, repr(r), str(r))
        return r
    except Exception as e:
        print(type(e).__name__, e)
attempt(lambda: BaseExceptionGroup("m", [ValueError(1), TypeError(2)]))
attempt(lambda: BaseExceptionGroup("m", [KeyboardInterrupt()]))
attempt(lambda: ExceptionGroup("m", [KeyboardInterrupt()]))
attempt(lambda: ExceptionGroup("m", []))
attempt(lambda: ExceptionGroup("m", [1]))
attempt(lambda: ExceptionGroup(1, [1]))
attempt(lambda: ExceptionGroup("m"))
attempt(lambda: ExceptionGroup("m", ValueError()))
eg = ExceptionGroup("outer", [ValueError("a"), ExceptionGroup("inner", [TypeError("b"), ValueError("c")])])
print(eg.exceptions, eg.message)
m, r = eg.split(ValueError)
print(repr(m), repr(r))
print(repr(eg.subgroup(TypeError)))
print(repr(eg.subgroup(lambda e: isinstance(e, ValueError) and str(e) == "c")))
print(repr(eg.derive([KeyError(1)])))
print(isinstance(eg, Exception), isinstance(BaseExceptionGroup("x", [KeyboardInterrupt()]), Exception))
