# An uncaught exception group, boxed as CPython prints it: members with their own
# tracebacks, a nested group, chained exceptions inside and around the group.
def fail(message):
    raise ValueError(message)

def collect():
    errors = []
    for message in ["first", "second"]:
        try:
            fail(message)
        except ValueError as error:
            errors.append(error)
    try:
        {}["missing"]
    except KeyError as error:
        inner = ExceptionGroup("inner", [error, TypeError("plain")])
    errors.append(inner)
    return errors

try:
    1 / 0
except ZeroDivisionError:
    raise ExceptionGroup("outer", collect())
