# An uncaught exception with a cause prints both tracebacks; the last line is the final error.
def parse(text):
    try:
        return int(text)
    except ValueError as e:
        raise KeyError("bad config") from e
print("before")
parse("x")
