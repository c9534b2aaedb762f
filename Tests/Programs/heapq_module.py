# heapq: CPython's algorithm, so equal keys come out in CPython's order, and its errors.
import heapq

heap = []
for value in [5, 3, 8, 1, 9, 2, 7, 3, 5, 0]:
    heapq.heappush(heap, value)
print(heap)
print([heapq.heappop(heap) for _ in range(len(heap))])

items = [(2, 'b'), (1, 'z'), (2, 'a'), (1, 'a'), (3, 'c'), (0, 'q')]
heapq.heapify(items)
print(items)
print(heapq.heapreplace(items, (5, 'e')), items)
print(heapq.heappushpop(items, (0, 'first')), items)
print(heapq.heappushpop(items, (4, 'x')), items)
print(heapq.heappushpop([], 7))


class Job:
    """Orders by priority only: ties show where the heap put them."""

    def __init__(self, priority, name):
        self.priority = priority
        self.name = name

    def __lt__(self, other):
        return self.priority < other.priority

    def __repr__(self):
        return f'{self.name}:{self.priority}'


jobs = []
for index, priority in enumerate([3, 1, 3, 2, 1, 3, 2, 1]):
    heapq.heappush(jobs, Job(priority, f'j{index}'))
print([heapq.heappop(jobs) for _ in range(len(jobs))])

for bad in [lambda: heapq.heappop([]), lambda: heapq.heapreplace([], 1), lambda: heapq.heappush((), 1),
            lambda: heapq.heappush([1], 'a'), lambda: heapq.heapify(None)]:
    try:
        bad()
    except Exception as exc:
        print(type(exc).__name__, exc)


class Shrinker:
    """Empties the heap while it is being compared."""

    def __init__(self, heap):
        self.heap = heap

    def __lt__(self, other):
        self.heap.clear()
        return False


victim = [1, 2, 3]
try:
    heapq.heappush(victim, Shrinker(victim))
except RuntimeError as exc:
    print('RuntimeError', exc)
