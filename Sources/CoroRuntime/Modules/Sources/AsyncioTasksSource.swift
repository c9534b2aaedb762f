extension ModuleSources {
    /// `asyncio`, part 2: Future, Task (ported from `__step`/`__wakeup`), sleep, gather, shield, wait_for, wait, as_completed.
    static let asyncioTasks = #"""
# ---------------------------------------------------------------- futures

def isfuture(obj):
    return getattr(type(obj), '_asyncio_future_blocking', None) is not None and obj._asyncio_future_blocking is not None


class Future:
    """A result that will be set later; awaiting it suspends the task until then."""

    _asyncio_future_blocking = False

    def __init__(self, *, loop=None):
        self._loop = get_event_loop() if loop is None else loop
        self._state = _PENDING
        self._result = None
        self._exception = None
        self._callbacks = []
        self._cancel_message = None
        self._cancelled_exc = None
        self._log_traceback = False
        self._log_destroy_pending = True

    def __repr__(self):
        return f'<{type(self).__name__} {self._repr_info()}>'

    def _repr_info(self):
        info = [self._state.lower()]
        if self._state == _FINISHED:
            if self._exception is not None:
                info.append(f'exception={self._exception!r}')
            else:
                info.append(f'result={self._result!r}')
        if self._callbacks:
            info.append(_format_callbacks(self._callbacks))
        return ' '.join(info)

    def get_loop(self):
        return self._loop

    def _on_collected(self):
        # Called by the collector (see _report_when_collected below) as CPython's
        # Future.__del__ is: an exception nobody retrieved is reported.
        if not self._log_traceback:
            return
        self._loop.call_exception_handler({
            'message': f'{type(self).__name__} exception was never retrieved',
            'exception': self._exception,
            'future': self,
        })

    def _make_cancelled_error(self):
        if self._cancelled_exc is not None:
            exc = self._cancelled_exc
            self._cancelled_exc = None
            return exc
        if self._cancel_message is None:
            return CancelledError()
        return CancelledError(self._cancel_message)

    def cancel(self, msg=None):
        self._log_traceback = False
        if self._state != _PENDING:
            return False
        self._state = _CANCELLED
        self._cancel_message = msg
        self._schedule_callbacks()
        return True

    def _schedule_callbacks(self):
        callbacks = self._callbacks
        if not callbacks:
            return
        self._callbacks = []
        for callback in callbacks:
            self._loop.call_soon(callback, self)

    def cancelled(self):
        return self._state == _CANCELLED

    def done(self):
        return self._state != _PENDING

    def _retrieve(self, unset_message):
        # Raises the cancellation, or InvalidStateError while pending; the outcome is
        # retrieved (no "exception was never retrieved" report).
        if self._state == _CANCELLED:
            raise self._make_cancelled_error()
        if self._state != _FINISHED:
            raise InvalidStateError(unset_message)
        self._log_traceback = False

    def result(self):
        self._retrieve('Result is not set.')
        if self._exception is not None:
            raise self._exception
        return self._result

    def exception(self):
        self._retrieve('Exception is not set.')
        return self._exception

    def add_done_callback(self, fn, *, context=None):
        if self._state != _PENDING:
            self._loop.call_soon(fn, self)
        else:
            self._callbacks.append(fn)

    def remove_done_callback(self, fn):
        kept = [callback for callback in self._callbacks if callback != fn]
        removed = len(self._callbacks) - len(kept)
        if removed:
            self._callbacks = kept
        return removed

    def set_result(self, result):
        if self._state != _PENDING:
            raise InvalidStateError(f'{self._state}: {self!r}')
        self._result = result
        self._state = _FINISHED
        self._schedule_callbacks()

    def set_exception(self, exception):
        if self._state != _PENDING:
            raise InvalidStateError(f'{self._state}: {self!r}')
        if isinstance(exception, type):
            exception = exception()
        if type(exception) is StopIteration:
            raise TypeError("StopIteration interacts badly with generators and cannot be raised into a Future")
        self._exception = exception
        self._state = _FINISHED
        self._schedule_callbacks()
        self._log_traceback = True

    def __await__(self):
        if not self.done():
            self._asyncio_future_blocking = True
            yield self
        if not self.done():
            raise RuntimeError("await wasn't used with future")
        return self.result()

    __iter__ = __await__


def _format_callbacks(callbacks):
    # CPython's "cb=[f() at file:line, <N more>, g()]" (asyncio's own code has no line).
    def describe(callback):
        name = getattr(callback, '__qualname__', None) or getattr(callback, '__name__', None) or repr(callback)
        source = _function_source(callback)
        return f'{name}() at {source}' if source else f'{name}()'
    if len(callbacks) > 2:
        shown = [describe(callbacks[0]), f'<{len(callbacks) - 2} more>', describe(callbacks[-1])]
    else:
        shown = [describe(callback) for callback in callbacks]
    return f"cb=[{', '.join(shown)}]"


# The collector calls _on_collected on futures that have something to report: an
# exception never retrieved (_log_traceback), a task still pending (_log_destroy_pending).
_report_when_collected(Future)


def _set_result_unless_cancelled(future, result):
    if not future.cancelled():
        future.set_result(result)

# ---------------------------------------------------------------- tasks

_all_tasks = {}
def _enter_task(task):
    if _state.current_task is not None:
        raise RuntimeError(f"Cannot enter into task {task!r} while another task {_state.current_task!r} is being executed.")
    _state.current_task = task


def _leave_task(task):
    _state.current_task = None


def current_task(loop=None):
    if loop is None:
        get_running_loop()
    return _state.current_task


def all_tasks(loop=None):
    if loop is None:
        get_running_loop()
    return {task for task in _all_tasks if not task.done()}


class Task(Future):
    """Runs a coroutine: each step sends into it until it awaits a pending future,
    and the future's completion schedules the next step."""

    def __init__(self, coro, *, loop=None, name=None, context=None):
        Future.__init__(self, loop=loop)
        if not iscoroutine(coro):
            self._log_destroy_pending = False
            raise TypeError(f"a coroutine was expected, got {coro!r}")
        # CPython 3.11 counts every task, named or not.
        _state.task_counter += 1
        self._name = f'Task-{_state.task_counter}' if name is None else str(name)
        self._num_cancels_requested = 0
        self._must_cancel = False
        self._fut_waiter = None
        self._coro = coro
        self._source_site = _caller_site() if self._loop._debug else None
        self._loop.call_soon(self._step)
        _all_tasks[self] = None

    def _repr_info(self):
        state, *rest = Future._repr_info(self).split(' ', 1)
        if self._num_cancels_requested and not self.done():
            state = 'cancelling'
        parts = [state, f'name={self._name!r}', f'coro=<{_format_coroutine(self._coro)}>']
        if self._fut_waiter is not None:
            parts.append(f'wait_for={self._fut_waiter!r}')
        parts += rest
        if getattr(self, '_source_site', None):
            parts.append(f'created at {self._source_site}')
        return ' '.join(parts)

    def _on_collected(self):
        if self._state == _PENDING and self._log_destroy_pending:
            self._loop.call_exception_handler({'message': 'Task was destroyed but it is pending!', 'task': self})
        Future._on_collected(self)

    def get_coro(self):
        return self._coro

    def get_context(self):
        return None

    def get_name(self):
        return self._name

    def set_name(self, value):
        self._name = str(value)

    def set_result(self, result):
        raise RuntimeError('Task does not support set_result operation')

    def set_exception(self, exception):
        raise RuntimeError('Task does not support set_exception operation')

    def get_stack(self, *, limit=None):
        return []

    def cancel(self, msg=None):
        self._log_traceback = False
        if self.done():
            return False
        self._num_cancels_requested += 1
        if self._fut_waiter is not None:
            if self._fut_waiter.cancel(msg=msg):
                return True
        self._must_cancel = True
        self._cancel_message = msg
        return True

    def cancelling(self):
        return self._num_cancels_requested

    def uncancel(self):
        if self._num_cancels_requested > 0:
            self._num_cancels_requested -= 1
        return self._num_cancels_requested

    def _finish(self):
        _all_tasks.pop(self, None)

    def _step(self, exc=None):
        if self.done():
            raise InvalidStateError(f'_step(): already done: {self!r}, {exc!r}')
        if self._must_cancel:
            if not isinstance(exc, CancelledError):
                exc = self._make_cancelled_error()
            self._must_cancel = False
        coro = self._coro
        self._fut_waiter = None
        _enter_task(self)
        thrown = exc
        if self._loop._debug and exc is not None and not isinstance(exc, CancelledError):
            _note_task(exc, f'awaited in task {self._name!r}: {_format_coroutine(coro)}')
        try:
            if exc is None:
                result = coro.send(None)
            else:
                result = coro.throw(exc)
        except StopIteration as exc:
            self._finish()
            if self._must_cancel:
                self._must_cancel = False
                Future.cancel(self, msg=self._cancel_message)
            else:
                Future.set_result(self, exc.value)
        except CancelledError as exc:
            self._finish()
            self._cancelled_exc = exc
            Future.cancel(self)
        except (KeyboardInterrupt, SystemExit) as exc:
            self._finish()
            Future.set_exception(self, exc)
            raise
        except BaseException as exc:
            self._finish()
            if self._loop._debug and exc is not thrown:
                _note_task(exc, f'raised in task {self._name!r}')
            Future.set_exception(self, exc)
        else:
            blocking = getattr(result, '_asyncio_future_blocking', None)
            if blocking is not None:
                if result._loop is not self._loop:
                    new_exc = RuntimeError(f'Task {self!r} got Future {result!r} attached to a different loop')
                    self._loop.call_soon(self._step, new_exc)
                elif blocking:
                    if result is self:
                        new_exc = RuntimeError(f'Task cannot await on itself: {self!r}')
                        self._loop.call_soon(self._step, new_exc)
                    else:
                        result._asyncio_future_blocking = False
                        result.add_done_callback(self.task_wakeup)
                        self._fut_waiter = result
                        if self._must_cancel:
                            if self._fut_waiter.cancel(msg=self._cancel_message):
                                self._must_cancel = False
                else:
                    new_exc = RuntimeError(f'yield was used instead of yield from in task {self!r} with {result!r}')
                    self._loop.call_soon(self._step, new_exc)
            elif result is None:
                self._loop.call_soon(self._step)
            else:
                new_exc = RuntimeError(f'Task got bad yield: {result!r}')
                self._loop.call_soon(self._step, new_exc)
        finally:
            _leave_task(self)

    def task_wakeup(self, future):
        try:
            future.result()
        except BaseException as exc:
            self._step(exc)
        else:
            self._step()


def iscoroutine(obj):
    return type(obj) is _CoroutineType


def iscoroutinefunction(func):
    return _is_coroutine_function(func)


async def _probe():
    pass


_probe_coroutine = _probe()
_CoroutineType = type(_probe_coroutine)
_probe_coroutine.close()
del _probe_coroutine


def create_task(coro, *, name=None, context=None):
    return get_running_loop().create_task(coro, name=name)


def ensure_future(coro_or_future, *, loop=None):
    if isfuture(coro_or_future):
        return coro_or_future
    if not iscoroutine(coro_or_future):
        if hasattr(coro_or_future, '__await__'):
            coro_or_future = _wrap_awaitable(coro_or_future)
        else:
            raise TypeError('An asyncio.Future, a coroutine or an awaitable is required')
    if loop is None:
        loop = get_event_loop()
    return loop.create_task(coro_or_future)


async def _wrap_awaitable(awaitable):
    return await awaitable


class _Sleep0:
    """One bare yield: the task gives up the loop for exactly one pass."""

    def __await__(self):
        yield


async def sleep(delay, result=None):
    if delay <= 0:
        await _Sleep0()
        return result
    loop = get_running_loop()
    future = loop.create_future()
    handle = loop.call_later(delay, _set_result_unless_cancelled, future, result)
    try:
        return await future
    finally:
        handle.cancel()


class _GatheringFuture(Future):
    def __init__(self, children, *, loop):
        Future.__init__(self, loop=loop)
        self._children = children
        self._cancel_requested = False

    def cancel(self, msg=None):
        if self.done():
            return False
        ret = False
        for child in self._children:
            if child.cancel(msg=msg):
                ret = True
        if ret:
            self._cancel_requested = True
        return ret


def gather(*coros_or_futures, return_exceptions=False):
    if not coros_or_futures:
        loop = get_event_loop()
        outer = loop.create_future()
        outer.set_result([])
        return outer

    def _done_callback(fut):
        nonlocal nfinished
        nfinished += 1
        if outer is None or outer.done():
            if not fut.cancelled():
                fut.exception()
            return
        if not return_exceptions:
            if fut.cancelled():
                exc = fut._make_cancelled_error()
                outer.set_exception(exc)
                return
            else:
                exc = fut.exception()
                if exc is not None:
                    outer.set_exception(exc)
                    return
        if nfinished == nfuts:
            results = []
            for fut in children:
                if fut.cancelled():
                    res = CancelledError('' if fut._cancel_message is None else fut._cancel_message)
                else:
                    res = fut.exception()
                    if res is None:
                        res = fut.result()
                results.append(res)
            if outer._cancel_requested:
                exc = fut._make_cancelled_error()
                outer.set_exception(exc)
            else:
                outer.set_result(results)

    arg_to_fut = {}
    children = []
    nfuts = 0
    nfinished = 0
    loop = None
    outer = None
    for arg in coros_or_futures:
        if arg not in arg_to_fut:
            fut = ensure_future(arg, loop=loop)
            if loop is None:
                loop = fut.get_loop()
            if fut is not arg:
                fut._log_destroy_pending = False
            nfuts += 1
            arg_to_fut[arg] = fut
            fut.add_done_callback(_done_callback)
        else:
            fut = arg_to_fut[arg]
        children.append(fut)
    outer = _GatheringFuture(children, loop=loop)
    return outer


def shield(arg):
    inner = ensure_future(arg)
    if inner.done():
        return inner
    loop = inner.get_loop()
    outer = loop.create_future()

    def _inner_done_callback(inner):
        if outer.cancelled():
            if not inner.cancelled():
                inner.exception()
            return
        if inner.cancelled():
            outer.cancel()
        else:
            exc = inner.exception()
            if exc is not None:
                outer.set_exception(exc)
            else:
                outer.set_result(inner.result())

    def _outer_done_callback(outer):
        if not inner.done():
            inner.remove_done_callback(_inner_done_callback)

    inner.add_done_callback(_inner_done_callback)
    outer.add_done_callback(_outer_done_callback)
    return outer


def _release_waiter(waiter, *args):
    if not waiter.done():
        waiter.set_result(None)


async def _cancel_and_wait(fut):
    loop = get_running_loop()
    waiter = loop.create_future()

    def cb(fut):
        _release_waiter(waiter)

    fut.add_done_callback(cb)
    try:
        fut.cancel()
        await waiter
    finally:
        fut.remove_done_callback(cb)


async def wait_for(fut, timeout):
    loop = get_running_loop()
    if timeout is None:
        return await fut
    if timeout <= 0:
        fut = ensure_future(fut, loop=loop)
        if fut.done():
            return fut.result()
        await _cancel_and_wait(fut)
        try:
            return fut.result()
        except CancelledError as exc:
            raise TimeoutError() from exc
    waiter = loop.create_future()
    timeout_handle = loop.call_later(timeout, _release_waiter, waiter)

    def cb(fut):
        _release_waiter(waiter)

    fut = ensure_future(fut, loop=loop)
    fut.add_done_callback(cb)
    try:
        try:
            await waiter
        except CancelledError:
            if fut.done():
                return fut.result()
            else:
                fut.remove_done_callback(cb)
                await _cancel_and_wait(fut)
                raise
        if fut.done():
            return fut.result()
        else:
            fut.remove_done_callback(cb)
            await _cancel_and_wait(fut)
            try:
                return fut.result()
            except CancelledError as exc:
                raise TimeoutError() from exc
    finally:
        timeout_handle.cancel()


async def wait(fs, *, timeout=None, return_when=ALL_COMPLETED):
    if isfuture(fs) or iscoroutine(fs):
        raise TypeError(f"expect a list of futures, not {type(fs).__name__}")
    if not fs:
        raise ValueError('Set of Tasks/Futures is empty.')
    if return_when not in (FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED):
        raise ValueError(f'Invalid return_when value: {return_when}')
    fs = set(fs)
    if any(iscoroutine(f) for f in fs):
        raise TypeError("Passing coroutines is forbidden, use tasks explicitly.")
    loop = get_running_loop()
    waiter = loop.create_future()
    timeout_handle = None
    if timeout is not None:
        timeout_handle = loop.call_later(timeout, _release_waiter, waiter)
    counter = len(fs)

    def _on_completion(f):
        nonlocal counter
        counter -= 1
        if (counter <= 0 or return_when == FIRST_COMPLETED or
                return_when == FIRST_EXCEPTION and (not f.cancelled() and f.exception() is not None)):
            if timeout_handle is not None:
                timeout_handle.cancel()
            if not waiter.done():
                waiter.set_result(None)

    for f in fs:
        f.add_done_callback(_on_completion)
    try:
        await waiter
    finally:
        if timeout_handle is not None:
            timeout_handle.cancel()
        for f in fs:
            f.remove_done_callback(_on_completion)
    done, pending = set(), set()
    for f in fs:
        if f.done():
            done.add(f)
        else:
            pending.add(f)
    return done, pending


def as_completed(fs, *, timeout=None):
    if isfuture(fs) or iscoroutine(fs):
        raise TypeError(f"expect an iterable of futures, not {type(fs).__name__}")
    loop = get_event_loop()
    todo = {ensure_future(f, loop=loop): None for f in set(fs)}
    done = Queue()
    timeout_handle = None

    def _on_timeout():
        for f in todo:
            f.remove_done_callback(_on_completion)
            done.put_nowait(None)
        todo.clear()

    def _on_completion(f):
        if not todo:
            return
        todo.pop(f, None)
        done.put_nowait(f)
        if not todo and timeout_handle is not None:
            timeout_handle.cancel()

    async def _wait_for_one():
        f = await done.get()
        if f is None:
            raise TimeoutError
        return f.result()

    for f in todo:
        f.add_done_callback(_on_completion)
    if todo and timeout is not None:
        timeout_handle = loop.call_later(timeout, _on_timeout)
    for _ in range(len(todo)):
        yield _wait_for_one()


async def to_thread(func, /, *args, **kwargs):
    loop = get_running_loop()
    return await loop.run_in_executor(None, lambda: func(*args, **kwargs))


def run_coroutine_threadsafe(coro, loop):
    raise NotImplementedError('run_coroutine_threadsafe is not supported')
"""#
}
