extension ModuleSources {
    /// `asyncio`, part 1: its exceptions and the event loop (ready callbacks, timer heap).
    static let asyncioLoop = #"""
import sys as _sys
import time as _time

# ---------------------------------------------------------------- exceptions

class CancelledError(BaseException):
    """The Future or Task was cancelled."""


TimeoutError = TimeoutError


class InvalidStateError(Exception):
    """The operation is not allowed in this state."""


class QueueEmpty(Exception):
    """Raised when Queue.get_nowait() is called on an empty Queue."""


class QueueFull(Exception):
    """Raised when the Queue.put_nowait() method is called on a full Queue."""


class LimitOverrunError(Exception):
    pass


FIRST_COMPLETED = 'FIRST_COMPLETED'
FIRST_EXCEPTION = 'FIRST_EXCEPTION'
ALL_COMPLETED = 'ALL_COMPLETED'

_PENDING = 'PENDING'
_CANCELLED = 'CANCELLED'
_FINISHED = 'FINISHED'

# ---------------------------------------------------------------- the event loop

class Handle:
    """A callback scheduled with call_soon."""

    # Fixed fields (no instance dict): the natives read them by slot.
    __slots__ = ('_callback', '_args', '_loop', '_cancelled')

    def __init__(self, callback, args, loop):
        self._callback = callback
        self._args = args
        self._loop = loop
        self._cancelled = False

    def __repr__(self):
        return f"<{' '.join(self._repr_info())}>"

    def _repr_info(self):
        info = [type(self).__name__]
        if self._cancelled:
            info.append('cancelled')
        if self._callback is not None:
            info.append(_format_callback_source(self._callback, self._args))
        return info

    # cancel is native (AsyncioTimerMethods.swift).

    def cancelled(self):
        return self._cancelled

    # _run is native (AsyncioLoopMethods.swift).


class TimerHandle(Handle):
    """A callback scheduled with call_later or call_at."""

    __slots__ = ('_when', '_scheduled')

    def __init__(self, when, callback, args, loop):
        Handle.__init__(self, callback, args, loop)
        self._when = when
        self._scheduled = False

    def _repr_info(self):
        info = Handle._repr_info(self)
        info.insert(2 if self._cancelled else 1, f'when={self._when}')
        return info

    def when(self):
        return self._when

    # cancel is native (AsyncioTimerMethods.swift).


# How CPython's asyncio names a callback in reprs and error messages (format_helpers):
# "f(arg, ...) at file:line", arguments shortened by reprlib.

def _format_arguments(args, kwargs):
    import reprlib
    items = [reprlib.repr(arg) for arg in args or ()]
    items += [f'{key}={reprlib.repr(value)}' for key, value in (kwargs or {}).items()]
    return f"({', '.join(items)})"


def _format_callback(func, args, kwargs, suffix=''):
    import functools
    if isinstance(func, functools.partial):
        return _format_callback(func.func, func.args, func.keywords, _format_arguments(args, kwargs) + suffix)
    name = getattr(func, '__qualname__', None) or getattr(func, '__name__', None) or repr(func)
    return name + _format_arguments(args, kwargs) + suffix


def _format_callback_source(func, args):
    text = _format_callback(func, args, None)
    source = _function_source(func)
    return f'{text} at {source}' if source else text


class AbstractEventLoop:
    pass


class BaseEventLoop(AbstractEventLoop):
    """A single-threaded event loop: a FIFO of ready callbacks and a heap of timers
    ordered by (deadline, sequence), so that equal deadlines fire in scheduling order."""

    def __init__(self):
        self._ready = []
        self._scheduled = _new_timers()  # TimerHandles by (deadline, sequence): AsyncioTimerHeap.swift
        self._stopping = False
        self._closed = False
        self._running = False
        self._exception_handler = None
        self._default_executor = None
        self._debug = _debug_enabled()
        self._outside = 0  # futures waiting for threads or the network
        self.slow_callback_duration = 0.1

    def __repr__(self):
        return f'<_UnixSelectorEventLoop running={self._running} closed={self._closed} debug={self._debug}>'

    @property
    def _timer_cancelled_count(self):
        return _cancelled_timers(self._scheduled)

    def is_running(self):
        return self._running

    def is_closed(self):
        return self._closed

    def get_debug(self):
        return self._debug

    def set_debug(self, enabled):
        self._debug = enabled

    def close(self):
        if self._running:
            raise RuntimeError("Cannot close a running event loop")
        # Its tasks still pending can never finish: let them go, to be reported when
        # collected ("Task was destroyed but it is pending!").
        for task in [task for task in _all_tasks if task._loop is self]:
            del _all_tasks[task]
        self._closed = True
        self._ready = []
        self._scheduled = _new_timers()

    def _check_closed(self):
        if self._closed:
            raise RuntimeError('Event loop is closed')

    # call_soon is native (AsyncioLoopMethods.swift).

    def call_soon_threadsafe(self, callback, *args, context=None):
        handle = self.call_soon(callback, *args)
        _wake_loop()
        return handle

    # time, call_at, call_later and create_future are native (AsyncioTimerMethods.swift).

    def create_task(self, coro, *, name=None, context=None):
        self._check_closed()
        return Task(coro, loop=self, name=name)

    def stop(self):
        self._stopping = True

    def run_forever(self):
        self._check_closed()
        if self._running:
            raise RuntimeError('This event loop is already running')
        if _state.running_loop is not None:
            raise RuntimeError('Cannot run the event loop while another loop is running')
        self._running = True
        _set_running_loop(self)
        try:
            while True:
                self._run_once()
                if self._stopping:
                    break
        finally:
            self._stopping = False
            self._running = False
            _set_running_loop(None)

    def run_until_complete(self, future):
        self._check_closed()
        new_task = not isfuture(future)
        future = ensure_future(future, loop=self)
        future.add_done_callback(_run_until_complete_cb)
        try:
            self.run_forever()
        except BaseException:
            if new_task and future.done() and not future.cancelled():
                future.exception()
            raise
        finally:
            future.remove_done_callback(_run_until_complete_cb)
        if not future.done():
            raise RuntimeError('Event loop stopped before Future completed.')
        return future.result()

    # _run_once and _run_ready are native (AsyncioLoopMethods.swift): one pass drops
    # cancelled timers, waits here when nothing is ready, moves the due timers to the
    # ready handles, and runs those (through _run_timed in debug mode).

    def _wait_idle(self, deadline):
        # Nothing is ready: sleep until the first timer's deadline (None: no timer), or
        # until a thread or the network hands something back.
        if deadline is not None:
            delay = deadline - self.time()
            if delay > 0:
                if self._outside:
                    _wait_for_threads(delay)
                else:
                    _time.sleep(delay)
        elif self._outside:
            _wait_for_threads(3600)
        if self._outside:
            self._collect_threads()

    def _run_timed(self, ready):
        # Debug mode: report each step that held the loop too long.
        for index in range(len(ready)):
            handle = ready[index]
            ready[index] = None
            started = self.time()
            self._run_ready(handle)
            took = self.time() - started
            if took >= self.slow_callback_duration:
                # A task's step is a task on the ready list, or a handle of its bound method.
                owner = handle if isinstance(handle, Task) else getattr(getattr(handle, '_callback', None), '__self__', None)
                described = repr(owner) if isinstance(owner, Task) else repr(handle)
                print(f'Executing {described} took {took:.3f} seconds', file=_sys.stderr)

    def _collect_threads(self):
        for future, succeeded, value in _thread_results():
            self._outside -= 1
            if future.cancelled():
                continue
            if succeeded:
                future.set_result(value)
            else:
                future.set_exception(value)

    def run_in_executor(self, executor, func, *args):
        # The call runs on a thread of its own; like CPython's threads it runs script code
        # while the loop's thread waits or sleeps (one at a time), and blocking calls such
        # as time.sleep let the others run.
        self._check_closed()
        if executor is not None and getattr(executor, '_shutdown', False):
            raise RuntimeError('cannot schedule new futures after shutdown')
        future = self.create_future()
        _start_thread(func, args, future)
        self._outside += 1
        return future

    def set_exception_handler(self, handler):
        self._exception_handler = handler

    def get_exception_handler(self):
        return self._exception_handler

    def default_exception_handler(self, context):
        message = context.get('message') or 'Unhandled exception in event loop'
        lines = [message]
        for key in sorted(context):
            if key in ('message', 'exception'):
                continue
            lines.append(f'{key}: {context[key]!r}')
        exception = context.get('exception')
        if exception is not None:
            lines.append(_format_exception(exception).rstrip('\n'))
        print('\n'.join(lines), file=_sys.stderr)

    def call_exception_handler(self, context):
        if self._exception_handler is None:
            self.default_exception_handler(context)
        else:
            self._exception_handler(self, context)

    async def shutdown_asyncgens(self):
        # CPython closes here the async generators started and not finished (it hooks
        # their first iteration); Coro does not track them yet, so there is none to close.
        pass

    async def shutdown_default_executor(self):
        while self._outside:
            _wait_for_threads(3600)
            self._collect_threads()


def _run_until_complete_cb(future):
    future.get_loop().stop()


class _LoopState:
    """The running loop and the current task. They change at every step, so they live in
    an object's attributes: rebinding module globals would invalidate every cached global
    lookup in this module."""

    def __init__(self):
        self.running_loop = None
        self.event_loop = None
        self.current_task = None
        self.task_counter = 0


_state = _LoopState()


def _set_running_loop(loop):
    _state.running_loop = loop


# get_running_loop and _get_running_loop are native (AsyncioTimerMethods.swift).


def new_event_loop():
    return BaseEventLoop()


def get_event_loop():
    if _state.running_loop is not None:
        return _state.running_loop
    if _state.event_loop is None or _state.event_loop.is_closed():
        _state.event_loop = new_event_loop()
    return _state.event_loop


def set_event_loop(loop):
    _state.event_loop = loop
"""#
}
