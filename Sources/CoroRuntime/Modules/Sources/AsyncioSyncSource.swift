extension ModuleSources {
    /// `asyncio`, part 6: Lock, Event, Condition, Semaphore and the queues.
    static let asyncioSync = #"""
from collections import deque as _deque
from heapq import heappush as _heap_push, heappop as _heap_pop

# ---------------------------------------------------------------- synchronization

def _describe(primitive, state):
    # The repr of a synchronization primitive: its state, and how many wait.
    if primitive._waiters:
        state = f'{state}, waiters:{len(primitive._waiters)}'
    return f'<asyncio.locks.{type(primitive).__name__} object [{state}]>'


async def _wait_on_new_future(waiters):
    # Waits on a new future queued in `waiters`, removed again however the wait ends.
    fut = get_running_loop().create_future()
    waiters.append(fut)
    try:
        await fut
    finally:
        waiters.remove(fut)


class _ContextManagerMixin:
    async def __aenter__(self):
        await self.acquire()
        return None

    async def __aexit__(self, exc_type, exc, tb):
        self.release()

    async def _wait_in_line(self):
        # Waits for a future queued in self._waiters; on cancellation, _waiter_cancelled
        # decides what the others get.
        if self._waiters is None:
            self._waiters = _deque()
        fut = get_running_loop().create_future()
        self._waiters.append(fut)
        try:
            try:
                await fut
            finally:
                self._waiters.remove(fut)
        except CancelledError:
            self._waiter_cancelled(fut)
            raise


class Lock(_ContextManagerMixin):
    def __init__(self):
        self._waiters = None
        self._locked = False

    def __repr__(self):
        return _describe(self, 'locked' if self._locked else 'unlocked')

    def locked(self):
        return self._locked

    async def acquire(self):
        if not self._locked and (self._waiters is None or all(w.cancelled() for w in self._waiters)):
            self._locked = True
            return True
        await self._wait_in_line()
        self._locked = True
        return True

    def _waiter_cancelled(self, fut):
        if not self._locked:
            self._wake_up_first()

    def release(self):
        if self._locked:
            self._locked = False
            self._wake_up_first()
        else:
            raise RuntimeError('Lock is not acquired.')

    def _wake_up_first(self):
        if not self._waiters:
            return
        fut = self._waiters[0]
        if not fut.done():
            fut.set_result(True)


class Event:
    def __init__(self):
        self._waiters = _deque()
        self._value = False

    def __repr__(self):
        return _describe(self, 'set' if self._value else 'unset')

    def is_set(self):
        return self._value

    def set(self):
        if not self._value:
            self._value = True
            for fut in self._waiters:
                if not fut.done():
                    fut.set_result(True)

    def clear(self):
        self._value = False

    async def wait(self):
        if self._value:
            return True
        await _wait_on_new_future(self._waiters)
        return True


class Condition(_ContextManagerMixin):
    def __init__(self, lock=None):
        if lock is None:
            lock = Lock()
        self._lock = lock
        self.locked = lock.locked
        self.acquire = lock.acquire
        self.release = lock.release
        self._waiters = _deque()

    def __repr__(self):
        return _describe(self, 'locked' if self.locked() else 'unlocked')

    async def wait(self):
        if not self.locked():
            raise RuntimeError('cannot wait on un-acquired lock')
        self.release()
        try:
            await _wait_on_new_future(self._waiters)
            return True
        finally:
            cancelled = False
            while True:
                try:
                    await self.acquire()
                    break
                except CancelledError:
                    cancelled = True
            if cancelled:
                raise CancelledError

    async def wait_for(self, predicate):
        result = predicate()
        while not result:
            await self.wait()
            result = predicate()
        return result

    def notify(self, n=1):
        if not self.locked():
            raise RuntimeError('cannot notify on un-acquired lock')
        idx = 0
        for fut in self._waiters:
            if idx >= n:
                break
            if not fut.done():
                idx += 1
                fut.set_result(False)

    def notify_all(self):
        self.notify(len(self._waiters))


class Semaphore(_ContextManagerMixin):
    def __init__(self, value=1):
        if value < 0:
            raise ValueError("Semaphore initial value must be >= 0")
        self._waiters = None
        self._value = value

    def __repr__(self):
        return _describe(self, 'locked' if self.locked() else f'unlocked, value:{self._value}')

    def locked(self):
        # CPython's `any(not w.cancelled() for w in ...)`, without a generator: every
        # acquire asks.
        if self._value == 0:
            return True
        if self._waiters:
            for waiter in self._waiters:
                if not waiter.cancelled():
                    return True
        return False

    async def acquire(self):
        if not self.locked():
            self._value -= 1
            return True
        await self._wait_in_line()
        if self._value > 0:
            self._wake_up_next()
        return True

    def _waiter_cancelled(self, fut):
        if not fut.cancelled():
            self._value += 1
            self._wake_up_next()

    def release(self):
        self._value += 1
        self._wake_up_next()

    def _wake_up_next(self):
        if not self._waiters:
            return False
        for fut in self._waiters:
            if not fut.done():
                self._value -= 1
                fut.set_result(True)
                return True
        return False


class BoundedSemaphore(Semaphore):
    def __init__(self, value=1):
        self._bound_value = value
        Semaphore.__init__(self, value)

    def release(self):
        if self._value >= self._bound_value:
            raise ValueError('BoundedSemaphore released too many times')
        Semaphore.release(self)

# ---------------------------------------------------------------- queues

class Queue:
    """A FIFO queue for tasks: `get` waits while it is empty, `put` while it is full."""

    def __init__(self, maxsize=0):
        self._maxsize = maxsize
        self._getters = _deque()
        self._putters = _deque()
        self._unfinished_tasks = 0
        self._finished = Event()
        self._finished.set()
        self._init(maxsize)

    def _init(self, maxsize):
        self._queue = []
        self._head = 0

    def _get(self):
        item = self._queue[self._head]
        self._queue[self._head] = None
        self._head += 1
        if self._head > 64 and self._head * 2 > len(self._queue):
            del self._queue[:self._head]
            self._head = 0
        return item

    def _put(self, item):
        self._queue.append(item)

    def _size(self):
        return len(self._queue) - self._head

    def _wakeup_next(self, waiters):
        while waiters:
            waiter = waiters.popleft()
            if not waiter.done():
                waiter.set_result(None)
                break

    def __repr__(self):
        return f'<{type(self).__name__} at {id(self):#x} {self._format()}>'

    def __str__(self):
        return f'<{type(self).__name__} {self._format()}>'

    def _format(self):
        result = f'maxsize={self._maxsize!r}'
        if self._size():
            result += f' _queue={self._items()!r}'
        if self._getters:
            result += f' _getters[{len(self._getters)}]'
        if self._putters:
            result += f' _putters[{len(self._putters)}]'
        if self._unfinished_tasks:
            result += f' tasks={self._unfinished_tasks}'
        return result

    def _items(self):
        return self._queue[self._head:]

    def qsize(self):
        return self._size()

    @property
    def maxsize(self):
        return self._maxsize

    def empty(self):
        return self._size() == 0

    def full(self):
        if self._maxsize <= 0:
            return False
        return self._size() >= self._maxsize

    async def _wait_while(self, blocked, waiters):
        """Waits in line in `waiters` while `blocked()` (put: the queue is full, get: empty)."""
        while blocked():
            waiter = get_running_loop().create_future()
            waiters.append(waiter)
            try:
                await waiter
            except:
                waiter.cancel()
                try:
                    waiters.remove(waiter)
                except ValueError:
                    pass
                if not blocked() and not waiter.cancelled():
                    self._wakeup_next(waiters)
                raise

    async def put(self, item):
        if self.full():
            await self._wait_while(self.full, self._putters)
        return self.put_nowait(item)

    def put_nowait(self, item):
        if self.full():
            raise QueueFull
        self._put(item)
        self._unfinished_tasks += 1
        self._finished.clear()
        self._wakeup_next(self._getters)

    async def get(self):
        if self.empty():
            await self._wait_while(self.empty, self._getters)
        return self.get_nowait()

    def get_nowait(self):
        if self.empty():
            raise QueueEmpty
        item = self._get()
        self._wakeup_next(self._putters)
        return item

    def task_done(self):
        if self._unfinished_tasks <= 0:
            raise ValueError('task_done() called too many times')
        self._unfinished_tasks -= 1
        if self._unfinished_tasks == 0:
            self._finished.set()

    async def join(self):
        if self._unfinished_tasks > 0:
            await self._finished.wait()


class PriorityQueue(Queue):
    """Retrieves the lowest item first (as heapq orders them)."""

    def _init(self, maxsize):
        self._queue = []

    def _put(self, item):
        _heap_push(self._queue, item)

    def _get(self):
        return _heap_pop(self._queue)

    def _size(self):
        return len(self._queue)

    def _items(self):
        return self._queue


class LifoQueue(Queue):
    """Retrieves the most recently added item first."""

    def _init(self, maxsize):
        self._queue = []

    def _put(self, item):
        self._queue.append(item)

    def _get(self):
        return self._queue.pop()

    def _size(self):
        return len(self._queue)

    def _items(self):
        return self._queue
"""#
}
