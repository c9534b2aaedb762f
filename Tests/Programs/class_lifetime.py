# Classes reachable only through their instances (or a bound method) stay alive
# while those are: run under CORO_GC_STRESS=1 this collects between every step.

def make_instance(tag):
    class Local:
        greeting = "hello " + tag
        def greet(self):
            return self.greeting
    return Local()

def make_error(message):
    class LocalError(ValueError):
        pass
    return LocalError(message)

def make_list():
    class Stack(list):
        def top(self):
            return self[-1]
    return Stack([1, 2, 3])

class Dropped:
    def value(self):
        return 42

kept = Dropped()
del Dropped
method = make_instance("method").greet
instances = [make_instance(str(i)) for i in range(20)]
churn = [[i] * 3 for i in range(200)]
churn = None
print(kept.value(), type(kept).__name__)
print(method())
print([item.greet() for item in instances[::5]])
error = make_error("boom")
try:
    raise error
except ValueError as caught:
    print(type(caught).__name__, caught, type(caught).__mro__[1].__name__)
stack = make_list()
stack.append(4)
print(stack.top(), len(stack), type(stack).__name__)
