extension ModuleSources {
    /// `concurrent.futures`: the executor API. Coro's interpreter runs one thread of script
    /// code, so an executor runs each call when it is submitted and hands back a finished
    /// Future; `asyncio`'s `run_in_executor` accepts these executors.
    static let concurrentFutures = #"""
FIRST_COMPLETED = 'FIRST_COMPLETED'
FIRST_EXCEPTION = 'FIRST_EXCEPTION'
ALL_COMPLETED = 'ALL_COMPLETED'


class CancelledError(Exception):
    """The Future was cancelled."""


TimeoutError = TimeoutError


class InvalidStateError(Exception):
    """The operation is not allowed in this state."""


class Future:
    """The result of a call submitted to an executor."""

    def __init__(self):
        self._done = False
        self._result = None
        self._exception = None
        self._callbacks = []

    def __repr__(self):
        if not self._done:
            return f'<Future at {id(self):#x} state=pending>'
        if self._exception is not None:
            return f'<Future at {id(self):#x} state=finished raised {type(self._exception).__name__}>'
        return f'<Future at {id(self):#x} state=finished returned {type(self._result).__name__}>'

    def cancel(self):
        return False

    def cancelled(self):
        return False

    def running(self):
        return False

    def done(self):
        return self._done

    def result(self, timeout=None):
        if not self._done:
            raise InvalidStateError('the call has not run')
        if self._exception is not None:
            raise self._exception
        return self._result

    def exception(self, timeout=None):
        if not self._done:
            raise InvalidStateError('the call has not run')
        return self._exception

    def add_done_callback(self, fn):
        if self._done:
            fn(self)
        else:
            self._callbacks.append(fn)

    def set_result(self, result):
        self._result = result
        self._finish()

    def set_exception(self, exception):
        self._exception = exception
        self._finish()

    def _finish(self):
        self._done = True
        callbacks, self._callbacks = self._callbacks, []
        for callback in callbacks:
            callback(self)


class Executor:
    """Runs calls: `submit`, `map`, `shutdown`, and `with` for shutting down."""

    def __init__(self, max_workers=None, *args, **kwargs):
        if max_workers is not None and max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        self._max_workers = max_workers
        self._shutdown = False

    def submit(self, fn, /, *args, **kwargs):
        if self._shutdown:
            raise RuntimeError('cannot schedule new futures after shutdown')
        future = Future()
        try:
            result = fn(*args, **kwargs)
        except BaseException as exc:
            future.set_exception(exc)
        else:
            future.set_result(result)
        return future

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        futures = [self.submit(fn, *args) for args in zip(*iterables)]
        return (future.result() for future in futures)

    def shutdown(self, wait=True, *, cancel_futures=False):
        self._shutdown = True

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.shutdown(wait=True)
        return False


class ThreadPoolExecutor(Executor):
    pass


class ProcessPoolExecutor(Executor):
    pass


def as_completed(fs, timeout=None):
    return iter(list(fs))


def wait(fs, timeout=None, return_when=ALL_COMPLETED):
    done = set(fs)
    return (done, set())
"""#
}
