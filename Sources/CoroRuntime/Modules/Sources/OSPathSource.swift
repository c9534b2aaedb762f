extension ModuleSources {
    /// `os.path` (posixpath): path strings, and the file tests `os` provides.
    static let osPath = #"""
sep = '/'


def join(a, *parts):
    path = a
    for part in parts:
        if part.startswith('/'):
            path = part
        elif not path or path.endswith('/'):
            path += part
        else:
            path += '/' + part
    return path


def split(p):
    i = p.rfind('/') + 1
    head, tail = p[:i], p[i:]
    if head and head != '/' * len(head):
        head = head.rstrip('/')
    return head, tail


def basename(p):
    return p[p.rfind('/') + 1:]


def dirname(p):
    return split(p)[0]


def splitext(p):
    dot = p.rfind('.')
    slash = p.rfind('/')
    if dot > slash:
        index = slash + 1
        while index < dot:
            if p[index] != '.':
                return p[:dot], p[dot:]
            index += 1
    return p, ''


def isabs(p):
    return p.startswith('/')


def normpath(path):
    if not path:
        return '.'
    initial = 1 if path.startswith('/') else 0
    if initial and path.startswith('//') and not path.startswith('///'):
        initial = 2
    parts = []
    for comp in path.split('/'):
        if comp in ('', '.'):
            continue
        if comp != '..' or (not initial and not parts) or (parts and parts[-1] == '..'):
            parts.append(comp)
        elif parts:
            parts.pop()
    path = '/' * initial + '/'.join(parts)
    return path or '.'


def abspath(path):
    if not isabs(path):
        import os
        path = join(os.getcwd(), path)
    return normpath(path)


def exists(path):
    import os
    return os._exists(path)


def isfile(path):
    import os
    return os._isfile(path)


def isdir(path):
    import os
    return os._isdir(path)
"""#
}
