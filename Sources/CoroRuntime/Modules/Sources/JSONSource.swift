extension ModuleSources {
    /// `json`: dumps/loads (and dump/load on files) with CPython's formatting and errors.
    static let json = #"""
class JSONDecodeError(ValueError):
    def __init__(self, msg, doc, pos):
        lineno = doc.count('\n', 0, pos) + 1
        colno = pos - doc.rfind('\n', 0, pos)
        errmsg = '%s: line %d column %d (char %d)' % (msg, lineno, colno, pos)
        ValueError.__init__(self, errmsg)
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno


_ESCAPES = {'"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f'}


def _encode_string(s, ensure_ascii):
    out = ['"']
    for ch in s:
        escaped = _ESCAPES.get(ch)
        if escaped is not None:
            out.append(escaped)
            continue
        code = ord(ch)
        if code < 0x20 or (ensure_ascii and code > 0x7e):
            if code > 0xffff:
                code -= 0x10000
                out.append('\\u%04x\\u%04x' % (0xd800 | (code >> 10), 0xdc00 | (code & 0x3ff)))
            else:
                out.append('\\u%04x' % code)
        else:
            out.append(ch)
    out.append('"')
    return ''.join(out)


def _float_text(value, allow_nan):
    if value != value:
        text = 'NaN'
    elif value == float('inf'):
        text = 'Infinity'
    elif value == float('-inf'):
        text = '-Infinity'
    else:
        return float.__repr__(value)
    if not allow_nan:
        raise ValueError('Out of range float values are not JSON compliant')
    return text


class _Encoder:
    def __init__(self, indent, separators, sort_keys, ensure_ascii, default, skipkeys, allow_nan):
        if indent is not None and not isinstance(indent, str):
            indent = ' ' * indent
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator, self.key_separator = ',', ': '
        else:
            self.item_separator, self.key_separator = ', ', ': '
        self.sort_keys = sort_keys
        self.ensure_ascii = ensure_ascii
        self.default = default
        self.skipkeys = skipkeys
        self.allow_nan = allow_nan
        self.markers = set()

    def encode(self, o, level):
        if o is None:
            return 'null'
        if o is True:
            return 'true'
        if o is False:
            return 'false'
        if isinstance(o, str):
            return _encode_string(o, self.ensure_ascii)
        if isinstance(o, int):
            return int.__repr__(o)
        if isinstance(o, float):
            return _float_text(o, self.allow_nan)
        if isinstance(o, (list, tuple)):
            return self.encode_list(o, level)
        if isinstance(o, dict):
            return self.encode_dict(o, level)
        if self.default is not None:
            return self.encode(self.default(o), level)
        raise TypeError(f'Object of type {type(o).__name__} is not JSON serializable')

    def enter(self, o):
        marker = id(o)
        if marker in self.markers:
            raise ValueError('Circular reference detected')
        self.markers.add(marker)
        return marker

    def encode_list(self, items, level):
        if not items:
            return '[]'
        marker = self.enter(items)
        parts = [self.encode(item, level + 1) for item in items]
        self.markers.discard(marker)
        if self.indent is None:
            return '[' + self.item_separator.join(parts) + ']'
        inner = '\n' + self.indent * (level + 1)
        return '[' + inner + (self.item_separator + inner).join(parts) + '\n' + self.indent * level + ']'

    def encode_dict(self, d, level):
        if not d:
            return '{}'
        marker = self.enter(d)
        items = list(d.items())
        if self.sort_keys:
            items.sort(key=lambda kv: kv[0])
        parts = []
        for key, value in items:
            if isinstance(key, str):
                pass
            elif isinstance(key, float):
                key = _float_text(key, self.allow_nan)
            elif key is True:
                key = 'true'
            elif key is False:
                key = 'false'
            elif key is None:
                key = 'null'
            elif isinstance(key, int):
                key = int.__repr__(key)
            elif self.skipkeys:
                continue
            else:
                raise TypeError(f'keys must be str, int, float, bool or None, not {type(key).__name__}')
            parts.append(_encode_string(key, self.ensure_ascii) + self.key_separator + self.encode(value, level + 1))
        self.markers.discard(marker)
        if self.indent is None:
            return '{' + self.item_separator.join(parts) + '}'
        inner = '\n' + self.indent * (level + 1)
        return '{' + inner + (self.item_separator + inner).join(parts) + '\n' + self.indent * level + '}'


def dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True, cls=None,
          indent=None, separators=None, default=None, sort_keys=False, **kw):
    return _Encoder(indent, separators, sort_keys, ensure_ascii, default, skipkeys, allow_nan).encode(obj, 0)


def dump(obj, fp, **kw):
    fp.write(dumps(obj, **kw))


_WHITESPACE = ' \t\n\r'
_ESCAPE_CHARS = {'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t'}
_NUMBER_START = '-0123456789'


class _Decoder:
    def __init__(self, text, object_hook, parse_float, parse_int):
        self.text = text
        self.object_hook = object_hook
        self.parse_float = parse_float
        self.parse_int = parse_int

    def skip(self, pos):
        text = self.text
        while pos < len(text) and text[pos] in _WHITESPACE:
            pos += 1
        return pos

    def value(self, pos):
        text = self.text
        if pos >= len(text):
            raise JSONDecodeError('Expecting value', text, pos)
        ch = text[pos]
        if ch == '"':
            return self.string(pos + 1)
        if ch == '{':
            return self.object(pos + 1)
        if ch == '[':
            return self.array(pos + 1)
        if text.startswith('null', pos):
            return None, pos + 4
        if text.startswith('true', pos):
            return True, pos + 4
        if text.startswith('false', pos):
            return False, pos + 5
        if text.startswith('NaN', pos):
            return float('nan'), pos + 3
        if text.startswith('Infinity', pos):
            return float('inf'), pos + 8
        if text.startswith('-Infinity', pos):
            return float('-inf'), pos + 9
        if ch in _NUMBER_START:
            return self.number(pos)
        raise JSONDecodeError('Expecting value', text, pos)

    def number(self, pos):
        text = self.text
        start = pos
        if text[pos] == '-':
            pos += 1
        if pos < len(text) and text[pos] == '0':
            pos += 1
        elif pos < len(text) and text[pos] in '123456789':
            while pos < len(text) and text[pos] in '0123456789':
                pos += 1
        else:
            raise JSONDecodeError('Expecting value', text, start)
        is_float = False
        if pos + 1 < len(text) and text[pos] == '.' and text[pos + 1] in '0123456789':
            is_float = True
            pos += 1
            while pos < len(text) and text[pos] in '0123456789':
                pos += 1
        if pos < len(text) and text[pos] in 'eE':
            end = pos + 1
            if end < len(text) and text[end] in '+-':
                end += 1
            if end < len(text) and text[end] in '0123456789':
                is_float = True
                pos = end
                while pos < len(text) and text[pos] in '0123456789':
                    pos += 1
        literal = text[start:pos]
        if is_float:
            return (self.parse_float or float)(literal), pos
        return (self.parse_int or int)(literal), pos

    def string(self, pos):
        text = self.text
        begin = pos - 1
        chunks = []
        while True:
            end = pos
            while end < len(text) and text[end] != '"' and text[end] != '\\' and text[end] >= ' ':
                end += 1
            chunks.append(text[pos:end])
            if end >= len(text):
                raise JSONDecodeError('Unterminated string starting at', text, begin)
            ch = text[end]
            if ch == '"':
                return ''.join(chunks), end + 1
            if ch != '\\':
                raise JSONDecodeError('Invalid control character at', text, end)
            if end + 1 >= len(text):
                raise JSONDecodeError('Unterminated string starting at', text, begin)
            esc = text[end + 1]
            if esc == 'u':
                code = self.hex4(end + 2)
                pos = end + 6
                if 0xd800 <= code <= 0xdbff and text.startswith('\\u', pos):
                    low = self.hex4(pos + 2)
                    if 0xdc00 <= low <= 0xdfff:
                        code = 0x10000 + (((code - 0xd800) << 10) | (low - 0xdc00))
                        pos += 6
                chunks.append(chr(code))
            else:
                if esc not in _ESCAPE_CHARS:
                    raise JSONDecodeError('Invalid \\escape', text, end)
                chunks.append(_ESCAPE_CHARS[esc])
                pos = end + 2

    def hex4(self, pos):
        digits = self.text[pos:pos + 4]
        if len(digits) == 4 and all(c in '0123456789abcdefABCDEF' for c in digits):
            return int(digits, 16)
        raise JSONDecodeError('Invalid \\uXXXX escape', self.text, pos - 1)

    def object(self, pos):
        text = self.text
        result = {}
        pos = self.skip(pos)
        if pos < len(text) and text[pos] == '}':
            return self.finish_object(result), pos + 1
        while True:
            if pos >= len(text) or text[pos] != '"':
                raise JSONDecodeError('Expecting property name enclosed in double quotes', text, pos)
            key, pos = self.string(pos + 1)
            pos = self.skip(pos)
            if pos >= len(text) or text[pos] != ':':
                raise JSONDecodeError("Expecting ':' delimiter", text, pos)
            pos = self.skip(pos + 1)
            value, pos = self.value(pos)
            result[key] = value
            pos = self.skip(pos)
            if pos < len(text) and text[pos] == '}':
                return self.finish_object(result), pos + 1
            if pos >= len(text) or text[pos] != ',':
                raise JSONDecodeError("Expecting ',' delimiter", text, pos)
            comma = pos
            pos = self.skip(pos + 1)
            if pos < len(text) and text[pos] == '}':
                raise JSONDecodeError('Illegal trailing comma before end of object', text, comma)

    def finish_object(self, result):
        if self.object_hook is not None:
            return self.object_hook(result)
        return result

    def array(self, pos):
        text = self.text
        result = []
        pos = self.skip(pos)
        if pos < len(text) and text[pos] == ']':
            return result, pos + 1
        while True:
            value, pos = self.value(pos)
            result.append(value)
            pos = self.skip(pos)
            if pos < len(text) and text[pos] == ']':
                return result, pos + 1
            if pos >= len(text) or text[pos] != ',':
                raise JSONDecodeError("Expecting ',' delimiter", text, pos)
            comma = pos
            pos = self.skip(pos + 1)
            if pos < len(text) and text[pos] == ']':
                raise JSONDecodeError('Illegal trailing comma before end of array', text, comma)


def loads(s, *, cls=None, object_hook=None, parse_float=None, parse_int=None, parse_constant=None,
          object_pairs_hook=None, **kw):
    if isinstance(s, bytes):
        s = s.decode()
    if not isinstance(s, str):
        raise TypeError(f'the JSON object must be str, bytes or bytearray, not {type(s).__name__}')
    decoder = _Decoder(s, object_hook, parse_float, parse_int)
    pos = decoder.skip(0)
    value, end = decoder.value(pos)
    end = decoder.skip(end)
    if end != len(s):
        raise JSONDecodeError('Extra data', s, end)
    return value


def load(fp, **kw):
    return loads(fp.read(), **kw)
"""#
}
