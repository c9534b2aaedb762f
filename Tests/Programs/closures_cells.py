# Closures, nonlocal, global, late binding, cells shared between functions.
def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    def get():
        return n
    return inc, get
inc, get = counter()
inc(); inc()
print(get())
fs = [lambda: i for i in range(3)]
print([f() for f in fs])
fs = [lambda i=i: i for i in range(3)]
print([f() for f in fs])
total = 0
def add(x):
    global total
    total += x
add(5); add(6)
print(total)
def make(x):
    def a():
        def b():
            return x
        return b
    return a
print(make(7)()())
def param_cell(v):
    def show():
        return v
    v = v * 2
    return show
print(param_cell(4)())
x = "global"
def shadow():
    x = "local"
    def inner():
        return x
    return inner()
print(shadow(), x)
def unbound():
    try:
        print(y)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    y = 1
unbound()
