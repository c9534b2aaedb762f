extension ModuleSources {
    /// `asyncio`, part 2: Future, and how futures describe themselves and report at collection.
    static let asyncioFutures = #"""
# ---------------------------------------------------------------- futures

def isfuture(obj):
    return getattr(type(obj), '_asyncio_future_blocking', None) is not None and obj._asyncio_future_blocking is not None


class Future:
    """A result that will be set later; awaiting it suspends the task until then."""

    # Defaults that most futures keep: class attributes, so that an instance's dict holds
    # only what it changes (fewer entries: less memory and less work per future).
    _asyncio_future_blocking = False
    _result = None
    _exception = None
    _cancel_message = None
    _cancelled_exc = None
    _log_traceback = False
    _log_destroy_pending = True
    # Most futures get one callback or none: the list is made with the first.
    _callbacks = ()

    def __init__(self, *, loop=None):
        self._loop = get_event_loop() if loop is None else loop
        self._state = _PENDING

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
        self._callbacks = ()
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
        elif self._callbacks:
            self._callbacks.append(fn)
        else:
            self._callbacks = [fn]

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
"""#
}
