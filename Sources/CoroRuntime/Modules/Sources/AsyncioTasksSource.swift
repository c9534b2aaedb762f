extension ModuleSources {
    /// `asyncio`, part 3: Task (ported from `__step`/`__wakeup`), the current and all tasks, create_task, ensure_future.
    static let asyncioTasks = #"""
# ---------------------------------------------------------------- tasks

# Tasks not yet done, in creation order (held strongly while pending).
_all_tasks = {}


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
    and the future's completion schedules the next step (natively: see _install_core)."""

    __slots__ = ('_coro', '_name', '_fut_waiter', '_num_cancels_requested', '_source_site')  # and _must_cancel, a flag

    # __init__ is native (AsyncioConstructors.swift).

    def _repr_info(self):
        state, *rest = Future._repr_info(self).split(' ', 1)
        if self._num_cancels_requested and not self.done():
            state = 'cancelling'
        parts = [state, f'name={self.get_name()!r}', f'coro=<{_format_coroutine(self._coro)}>']
        if self._fut_waiter is not None:
            parts.append(f'wait_for={self._fut_waiter!r}')
        parts += rest
        if self._source_site:
            parts.append(f'created at {self._source_site}')
        return ' '.join(parts)

    def _on_collected(self):
        if self._state == _PENDING and self._log_destroy_pending:
            self._loop.call_exception_handler({'message': 'Task was destroyed but it is pending!', 'task': self})
        Future._on_collected(self)

    def get_coro(self):
        return self._coro

    # get_name is native (AsyncioTaskStep.swift).

    def set_name(self, value):
        self._name = str(value)

    def set_result(self, result):
        raise RuntimeError('Task does not support set_result operation')

    def set_exception(self, exception):
        raise RuntimeError('Task does not support set_exception operation')

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

    # _step and task_wakeup are native (AsyncioTaskStep.swift).


# The hot methods of futures, tasks, handles and the loop are native.
_install_core()


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
"""#
}
