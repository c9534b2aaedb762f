extension ModuleSources {
    /// `collections`: namedtuple, deque, defaultdict, Counter, OrderedDict.
    static let collections = #"""
import sys as _sys


def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    if isinstance(field_names, str):
        field_names = field_names.replace(',', ' ').split()
    field_names = tuple(map(str, field_names))
    for name in (typename,) + field_names:
        if not name.isidentifier():
            raise ValueError(f"Type names and field names must be valid identifiers: {name!r}")
    seen = set()
    for name in field_names:
        if name.startswith('_'):
            raise ValueError(f"Field names cannot start with an underscore: {name!r}")
        if name in seen:
            raise ValueError(f"Encountered duplicate field name: {name!r}")
        seen.add(name)
    count = len(field_names)
    field_defaults = {}
    if defaults is not None:
        defaults = tuple(defaults)
        if len(defaults) > count:
            raise TypeError('Got more default values than field names')
        field_defaults = dict(zip(field_names[count - len(defaults):], defaults))

    def __new__(cls, *args, **kwargs):
        if len(args) > count:
            raise TypeError(f"{typename}.__new__() takes {count + 1} positional arguments but {len(args) + 1} were given")
        values = list(args)
        missing = []
        for name in field_names[len(args):]:
            if name in kwargs:
                values.append(kwargs.pop(name))
            elif name in field_defaults:
                values.append(field_defaults[name])
            else:
                missing.append(name)
        for name in field_names[:len(args)]:
            if name in kwargs:
                raise TypeError(f"{typename}.__new__() got multiple values for argument '{name}'")
        if kwargs:
            raise TypeError(f"{typename}.__new__() got an unexpected keyword argument '{next(iter(kwargs))}'")
        if missing:
            quoted = [repr(name) for name in missing]
            if len(quoted) == 1:
                listed = quoted[0]
            elif len(quoted) == 2:
                listed = quoted[0] + ' and ' + quoted[1]
            else:
                listed = ', '.join(quoted[:-1]) + ', and ' + quoted[-1]
            plural = '' if len(missing) == 1 else 's'
            raise TypeError(f"{typename}.__new__() missing {len(missing)} required positional argument{plural}: {listed}")
        return tuple.__new__(cls, values)

    def __repr__(self):
        return type(self).__name__ + '(' + ', '.join(f'{name}={value!r}' for name, value in zip(field_names, self)) + ')'

    def _asdict(self):
        return dict(zip(field_names, self))

    def _replace(self, **kwargs):
        values = [kwargs.pop(name, value) for name, value in zip(field_names, self)]
        if kwargs:
            raise ValueError(f'Got unexpected field names: {list(kwargs)!r}')
        return type(self)(*values)

    @classmethod
    def _make(cls, iterable):
        return cls(*iterable)

    def __getnewargs__(self):
        return tuple(self)

    namespace = {
        '__new__': __new__, '__repr__': __repr__, '_asdict': _asdict, '_replace': _replace,
        '_make': _make, '_fields': field_names, '_field_defaults': field_defaults,
        '__slots__': (), '__module__': module or '__main__', '__getnewargs__': __getnewargs__,
        '__match_args__': field_names,
    }
    for index, name in enumerate(field_names):
        namespace[name] = property(_item_getter(index), doc=f'Alias for field number {index}')
    return type(typename, (tuple,), namespace)


def _item_getter(index):
    def get(self):
        return self[index]
    return get


class deque:
    """A double-ended queue. Its items are a native ring buffer (`_store`), and its
    hot methods are native too (_install_deque, DequeStorage.swift): append, appendleft,
    pop, popleft, extend, extendleft, clear, reverse, rotate, remove, count, len, bool,
    in, iteration both ways, indexing, _items (a list copy) and _set (from an iterable)."""

    __slots__ = ('_store', '_maxlen')

    def __init__(self, iterable=(), maxlen=None):
        self._store = _deque_storage(maxlen)
        self._maxlen = maxlen
        self.extend(iterable)

    @property
    def maxlen(self):
        return self._maxlen

    def copy(self):
        return deque(self._items(), self._maxlen)

    __copy__ = copy

    def index(self, x, *args):
        try:
            return self._items().index(x, *args)
        except ValueError:
            raise ValueError(f'{x!r} is not in deque') from None

    def insert(self, i, x):
        if self._maxlen is not None and len(self) >= self._maxlen:
            raise IndexError('deque already at its maximum size')
        items = self._items()
        items.insert(i, x)
        self._set(items)

    def __eq__(self, other):
        if isinstance(other, deque):
            return self._items() == other._items()
        return NotImplemented

    def __add__(self, other):
        if not isinstance(other, deque):
            raise TypeError(f'can only concatenate deque (not "{type(other).__name__}") to deque')
        return deque(self._items() + other._items(), self._maxlen)

    def __iadd__(self, other):
        self.extend(other)
        return self

    def __repr__(self):
        if self._maxlen is None:
            return f'{type(self).__name__}({self._items()!r})'
        return f'{type(self).__name__}({self._items()!r}, maxlen={self._maxlen})'

    __hash__ = None


_install_deque(deque)


class defaultdict(dict):
    def __init__(self, default_factory=None, *args, **kwargs):
        if default_factory is not None and not callable(default_factory):
            raise TypeError('first argument must be callable or None')
        dict.__init__(self, *args, **kwargs)
        self.default_factory = default_factory

    def __missing__(self, key):
        if self.default_factory is None:
            raise KeyError(key)
        value = self.default_factory()
        self[key] = value
        return value

    def copy(self):
        return defaultdict(self.default_factory, self)

    def __repr__(self):
        return f'defaultdict({self.default_factory!r}, {dict.__repr__(self)})'


class Counter(dict):
    def __init__(self, iterable=None, /, **kwds):
        dict.__init__(self)
        self.update(iterable, **kwds)

    def __missing__(self, key):
        return 0

    def total(self):
        return sum(self.values())

    def most_common(self, n=None):
        items = sorted(self.items(), key=_count_of, reverse=True)
        return items if n is None else items[:n]

    def elements(self):
        for element, count in self.items():
            for _ in range(count):
                yield element

    def update(self, iterable=None, /, **kwds):
        if iterable is not None:
            if isinstance(iterable, dict):
                for element, count in iterable.items():
                    self[element] = count + self[element]
            else:
                for element in iterable:
                    self[element] = self[element] + 1
        if kwds:
            self.update(kwds)

    def subtract(self, iterable=None, /, **kwds):
        if iterable is not None:
            if isinstance(iterable, dict):
                for element, count in iterable.items():
                    self[element] = self[element] - count
            else:
                for element in iterable:
                    self[element] = self[element] - 1
        if kwds:
            self.subtract(kwds)

    def copy(self):
        return Counter(self)

    def __delitem__(self, element):
        if element in self:
            dict.__delitem__(self, element)

    def __repr__(self):
        if not self:
            return f'{type(self).__name__}()'
        items = ', '.join(f'{key!r}: {value!r}' for key, value in self.most_common())
        return f'{type(self).__name__}({{{items}}})'

    def __add__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for element, count in self.items():
            total = count + other[element]
            if total > 0:
                result[element] = total
        for element, count in other.items():
            if element not in self and count > 0:
                result[element] = count
        return result

    def __sub__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for element, count in self.items():
            difference = count - other[element]
            if difference > 0:
                result[element] = difference
        for element, count in other.items():
            if element not in self and count < 0:
                result[element] = 0 - count
        return result

    def __or__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for element, count in self.items():
            other_count = other[element]
            newcount = other_count if count < other_count else count
            if newcount > 0:
                result[element] = newcount
        for element, count in other.items():
            if element not in self and count > 0:
                result[element] = count
        return result

    def __and__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for element, count in self.items():
            other_count = other[element]
            newcount = count if count < other_count else other_count
            if newcount > 0:
                result[element] = newcount
        return result


def _count_of(item):
    return item[1]


class OrderedDict(dict):
    def move_to_end(self, key, last=True):
        value = self.pop(key)
        if last:
            self[key] = value
        else:
            rest = list(self.items())
            self.clear()
            self[key] = value
            for k, v in rest:
                self[k] = v

    def popitem(self, last=True):
        if not self:
            raise KeyError('dictionary is empty')
        key = next(reversed(self)) if last else next(iter(self))
        return key, self.pop(key)

    def __eq__(self, other):
        if isinstance(other, OrderedDict):
            return dict.__eq__(self, other) and list(self) == list(other)
        return dict.__eq__(self, other)

    def __repr__(self):
        if not self:
            return f'{type(self).__name__}()'
        return f'{type(self).__name__}({list(self.items())!r})'

    def copy(self):
        return OrderedDict(self)
"""#
}
