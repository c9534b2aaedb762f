extension ModuleSources {
    /// `functools`, in the language itself (`partial` is native).
    static let functools = #"""
WRAPPER_ASSIGNMENTS = ('__module__', '__name__', '__qualname__', '__doc__')


def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=('__dict__',)):
    for attr in assigned:
        try:
            value = getattr(wrapped, attr)
        except AttributeError:
            pass
        else:
            setattr(wrapper, attr, value)
    for attr in updated:
        getattr(wrapper, attr).update(getattr(wrapped, attr, {}))
    wrapper.__wrapped__ = wrapped
    return wrapper


def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=('__dict__',)):
    def decorating(wrapper):
        return update_wrapper(wrapper, wrapped, assigned, updated)
    return decorating


_initial_missing = object()


def reduce(function, sequence, initial=_initial_missing):
    it = iter(sequence)
    if initial is _initial_missing:
        try:
            value = next(it)
        except StopIteration:
            raise TypeError("reduce() of empty iterable with no initial value") from None
    else:
        value = initial
    for element in it:
        value = function(value, element)
    return value


class _CacheInfo(tuple):
    def __new__(cls, hits, misses, maxsize, currsize):
        return tuple.__new__(cls, (hits, misses, maxsize, currsize))

    def __repr__(self):
        return "CacheInfo(hits=%r, misses=%r, maxsize=%r, currsize=%r)" % tuple(self)

    hits = property(lambda self: self[0])
    misses = property(lambda self: self[1])
    maxsize = property(lambda self: self[2])
    currsize = property(lambda self: self[3])


_keyword_mark = object()


def _make_cache(user_function, maxsize):
    cache = {}
    stats = [0, 0]

    def wrapper(*args, **kwargs):
        key = args
        if kwargs:
            key = args + (_keyword_mark,) + tuple(kwargs.items())
        if key in cache:
            stats[0] += 1
            result = cache.pop(key)
            cache[key] = result
            return result
        stats[1] += 1
        result = user_function(*args, **kwargs)
        if maxsize is not None and len(cache) >= maxsize:
            if maxsize <= 0:
                return result
            del cache[next(iter(cache))]
        cache[key] = result
        return result

    def cache_info():
        return _CacheInfo(stats[0], stats[1], maxsize, len(cache))

    def cache_clear():
        cache.clear()
        stats[0] = stats[1] = 0

    update_wrapper(wrapper, user_function)
    wrapper.cache_info = cache_info
    wrapper.cache_clear = cache_clear
    return wrapper


def lru_cache(maxsize=128, typed=False):
    if callable(maxsize) and not isinstance(maxsize, int):
        return _make_cache(maxsize, 128)
    if maxsize is not None and not isinstance(maxsize, int):
        raise TypeError('Expected first argument to be an integer, a callable, or None')

    def decorating(user_function):
        return _make_cache(user_function, maxsize)
    return decorating


def cache(user_function):
    return _make_cache(user_function, None)


def cmp_to_key(mycmp):
    class K(object):
        __slots__ = ['obj']

        def __init__(self, obj):
            self.obj = obj

        def __lt__(self, other):
            return mycmp(self.obj, other.obj) < 0

        def __gt__(self, other):
            return mycmp(self.obj, other.obj) > 0

        def __eq__(self, other):
            return mycmp(self.obj, other.obj) == 0

        def __le__(self, other):
            return mycmp(self.obj, other.obj) <= 0

        def __ge__(self, other):
            return mycmp(self.obj, other.obj) >= 0

        __hash__ = None
    return K


def total_ordering(cls):
    defined = {op for op in ('__lt__', '__le__', '__gt__', '__ge__') if op in cls.__dict__}
    if not defined:
        raise ValueError('must define at least one ordering operation: < > <= >=')
    if '__lt__' in defined:
        cls.__gt__ = lambda self, other: _not_none(other.__lt__(self), self, other, '__gt__')
        if '__le__' not in defined:
            cls.__le__ = lambda self, other: self.__lt__(other) or self == other
        if '__ge__' not in defined:
            cls.__ge__ = lambda self, other: not self.__lt__(other)
    elif '__le__' in defined:
        cls.__ge__ = lambda self, other: other.__le__(self)
        cls.__lt__ = lambda self, other: self.__le__(other) and not self == other
        cls.__gt__ = lambda self, other: not self.__le__(other)
    elif '__gt__' in defined:
        cls.__lt__ = lambda self, other: other.__gt__(self)
        cls.__ge__ = lambda self, other: self.__gt__(other) or self == other
        cls.__le__ = lambda self, other: not self.__gt__(other)
    else:
        cls.__le__ = lambda self, other: other.__ge__(self)
        cls.__gt__ = lambda self, other: self.__ge__(other) and not self == other
        cls.__lt__ = lambda self, other: not self.__ge__(other)
    return cls


def _not_none(value, self, other, name):
    return value
"""#
}
