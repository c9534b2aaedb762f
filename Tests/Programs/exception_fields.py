# Exceptions that set self.args, and OSError's errno/strerror/filename, which keep their
# values when args changes (as aiohttp's ClientConnectorError relies on).
class Disconnected(Exception):
    def __init__(self, message=None):
        if message is None:
            message = 'Server disconnected'
        self.args = (message,)
        self.message = message


error = Disconnected()
print(str(error), repr(error), error.args)
error.args = ('a', 2)
print(str(error), repr(error))


class ConnectorError(OSError):
    def __init__(self, key, os_error):
        super().__init__(os_error.errno, os_error.strerror)
        self.args = (key, os_error)

    def __str__(self):
        return f'Cannot connect [{self.strerror}]'


error = ConnectorError('key', ConnectionRefusedError(111, 'Connect call failed'))
print(error, error.errno, error.strerror, error.args)
print(OSError(2, 'No such file'), OSError('only a message'), OSError('only').errno, OSError(1, 'x').filename)
print(OSError(13, 'Permission denied', 'f.txt'), OSError(13, 'Permission denied', 'f.txt').filename)


class Both(ConnectionError, TimeoutError):
    pass


print([cls.__name__ for cls in Both.__mro__])
try:
    raise Both(110, 'timed out')
except TimeoutError as caught:
    print(type(caught).__name__, caught, caught.errno)
