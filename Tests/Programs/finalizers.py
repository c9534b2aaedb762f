# __del__ runs once for objects that become unreachable, cycles included; objects it
# reaches stay usable while it runs. (Coro finalizes at a collection or at exit, CPython
# at once for acyclic garbage: the objects here are in cycles, collected at exit by both.)

class Node:
    def __init__(self, name):
        self.name = name
        self.payload = [name] * 3

    def __del__(self):
        print("finalized", self.name, self.payload, self.peer.name)


first = Node("first")
second = Node("second")
first.peer, second.peer = second, first
del first, second
print("end of program")
