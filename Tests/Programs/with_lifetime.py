# `with` keeps the bound __exit__ alive while __enter__ runs and allocates (a collection
# there used to free it: run under CORO_GC_STRESS=1 by Scripts/conformance).

class Manager:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        garbage = [[index] * 3 for index in range(200)]
        self.state = {str(index): index for index in range(50)}
        return len(garbage)

    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None)
        return exc_type is KeyError


with Manager("plain") as entered:
    print("entered", entered)
with Manager("suppressing"):
    raise KeyError("swallowed")
for round in range(3):
    with Manager(f"round {round}") as value, Manager("inner"):
        print(value + round)
