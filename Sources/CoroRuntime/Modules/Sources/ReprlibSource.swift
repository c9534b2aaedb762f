extension ModuleSources {
    /// `reprlib`: `repr()` with limits on sizes and nesting, as CPython's (asyncio shows
    /// callbacks' arguments through it).
    static let reprlib = #"""
import builtins as _builtins

__all__ = ['Repr', 'repr', 'recursive_repr']


def recursive_repr(fillvalue='...'):
    # A __repr__ that meets its own object again (a list holding itself) shows fillvalue.
    def decorating_function(user_function):
        running = set()

        def wrapper(self):
            key = id(self)
            if key in running:
                return fillvalue
            running.add(key)
            try:
                return user_function(self)
            finally:
                running.discard(key)

        for name in ('__module__', '__doc__', '__name__', '__qualname__'):
            setattr(wrapper, name, getattr(user_function, name))
        wrapper.__annotations__ = getattr(user_function, '__annotations__', {})
        return wrapper

    return decorating_function


def _possibly_sorted(items):
    # Sorted when the items compare, else in their own order.
    try:
        return sorted(items)
    except Exception:
        return list(items)


class Repr:
    def __init__(self):
        self.fillvalue = '...'
        self.maxlevel = 6
        self.maxtuple = 6
        self.maxlist = 6
        self.maxarray = 5
        self.maxdict = 4
        self.maxset = 6
        self.maxfrozenset = 6
        self.maxdeque = 6
        self.maxstring = 30
        self.maxlong = 40
        self.maxother = 30

    def repr(self, x):
        return self.repr1(x, self.maxlevel)

    def repr1(self, x, level):
        # repr_<type name> when the class defines it (spaces in the name become '_').
        method = getattr(self, 'repr_' + '_'.join(type(x).__name__.split()), None)
        if method is not None:
            return method(x, level)
        return self.repr_instance(x, level)

    def _ends(self, limit):
        # How much of each end a shortened text keeps: limit characters with '...'.
        head = max(0, (limit - 3) // 2)
        return head, max(0, limit - 3 - head)

    def _shorten(self, text, limit):
        # The text's head and tail around fillvalue, limit characters in all.
        if len(text) <= limit:
            return text
        head, tail = self._ends(limit)
        return text[:head] + self.fillvalue + text[len(text) - tail:]

    def _repr_iterable(self, x, level, left, right, maxiter, trail=''):
        count = len(x)
        if level <= 0 and count:
            inside = self.fillvalue
        else:
            pieces = [self.repr1(item, level - 1) for item in list(x)[:maxiter]]
            if count > maxiter:
                pieces.append(self.fillvalue)
            inside = ', '.join(pieces)
            if count == 1 and trail:
                right = trail + right
        return left + inside + right

    def repr_tuple(self, x, level):
        return self._repr_iterable(x, level, '(', ')', self.maxtuple, ',')

    def repr_list(self, x, level):
        return self._repr_iterable(x, level, '[', ']', self.maxlist)

    def repr_set(self, x, level):
        if not x:
            return 'set()'
        return self._repr_iterable(_possibly_sorted(x), level, '{', '}', self.maxset)

    def repr_frozenset(self, x, level):
        if not x:
            return 'frozenset()'
        return self._repr_iterable(_possibly_sorted(x), level, 'frozenset({', '})', self.maxfrozenset)

    def repr_deque(self, x, level):
        return self._repr_iterable(x, level, 'deque([', '])', self.maxdeque)

    def repr_dict(self, x, level):
        if not x:
            return '{}'
        if level <= 0:
            return '{' + self.fillvalue + '}'
        pieces = [f'{self.repr1(key, level - 1)}: {self.repr1(x[key], level - 1)}'
                  for key in _possibly_sorted(x)[:self.maxdict]]
        if len(x) > self.maxdict:
            pieces.append(self.fillvalue)
        return '{' + ', '.join(pieces) + '}'

    def repr_str(self, x, level):
        text = _builtins.repr(x[:self.maxstring])
        if len(text) <= self.maxstring:
            return text
        # Shortened from the string's own ends, so that the quotes stay.
        head, tail = self._ends(self.maxstring)
        text = _builtins.repr(x[:head] + x[len(x) - tail:])
        return text[:head] + self.fillvalue + text[len(text) - tail:]

    def repr_int(self, x, level):
        return self._shorten(_builtins.repr(x), self.maxlong)

    def repr_instance(self, x, level):
        try:
            text = _builtins.repr(x)
        except Exception:
            return '<%s instance at %#x>' % (x.__class__.__name__, id(x))
        return self._shorten(text, self.maxother)


aRepr = Repr()
repr = aRepr.repr
"""#
}
