extension ModuleSources {
    /// `asyncio`, part 2: Future, and how futures describe themselves and report at collection.
    static let asyncioFutures = #"""
# ---------------------------------------------------------------- futures

def isfuture(obj):
    return getattr(type(obj), '_asyncio_future_blocking', None) is not None and obj._asyncio_future_blocking is not None


class Future:
    """A result that will be set later; awaiting it suspends the task until then.
    Its hot methods are native (see _install_core)."""

    # Fixed fields (no instance dict): the natives read them by slot; the flags
    # (_asyncio_future_blocking, _log_traceback, _log_destroy_pending) are native
    # properties (AsyncioFutureFlags.swift). _callbacks is ()
    # while there are none, the callback itself while there is one (most futures get
    # one or none), and a list from the second on; a task waiting on the future stands
    # there for its wakeup. _callback_list (native) reads it.
    __slots__ = ('_loop', '_state', '_result', '_exception', '_callbacks', '_cancel_message', '_cancelled_exc')

    # __init__ is native (AsyncioConstructors.swift).

    def __repr__(self):
        return f'<{type(self).__name__} {self._repr_info()}>'

    def _repr_info(self):
        info = [self._state.lower()]
        if self._state == _FINISHED:
            if self._exception is not None:
                info.append(f'exception={self._exception!r}')
            else:
                info.append(f'result={self._result!r}')
        callbacks = _callback_list(self)
        if callbacks:
            info.append(_format_callbacks(callbacks))
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

    def remove_done_callback(self, fn):
        callbacks = _callback_list(self)
        kept = [callback for callback in callbacks if callback != fn]
        removed = len(callbacks) - len(kept)
        if removed:
            self._callbacks = kept
        return removed

    # done, cancelled, result, exception, set_result, set_exception, cancel,
    # add_done_callback, _schedule_callbacks, _make_cancelled_error and __await__ are
    # native (AsyncioFutureMethods.swift), installed by _install_core.


def _format_callbacks(callbacks):
    # CPython's "cb=[f() at file:line, <N more>, g()]" (asyncio's own code has no line).
    def describe(callback):
        return _format_callback_source(callback, ())
    if len(callbacks) > 2:
        shown = [describe(callbacks[0]), f'<{len(callbacks) - 2} more>', describe(callbacks[-1])]
    else:
        shown = [describe(callback) for callback in callbacks]
    return f"cb=[{', '.join(shown)}]"


# The collector calls _on_collected on futures that have something to report: an
# exception never retrieved (_log_traceback), a task still pending (_log_destroy_pending).
_report_when_collected(Future)
"""#
}
