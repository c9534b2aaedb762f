# os and os.path: path strings, file tests, directory listing, the environment.
import os
import os.path
from os.path import join, splitext

print(join('a', 'b', 'c'), join('a/', 'b'), join('a', '/abs', 'c'), join('', 'x'))
for path in ['/a/b/c.txt', 'a/b/', 'file', '/', '//x', '.hidden', 'x/.y.z', 'arch.tar.gz', 'a.b/c']:
    print(repr(path), os.path.split(path), os.path.basename(path), os.path.dirname(path), splitext(path))
for path in ['/a/./b/../c', 'a//b', '../x', '/..', '', './', '//a/b', '///a']:
    print(repr(path), os.path.normpath(path))
print(os.path.isabs('/x'), os.path.isabs('x'), os.path.abspath('/x/../y'))
print(os.path.exists('/'), os.path.isdir('/'), os.path.isfile('/'), os.path.exists('/no/such/thing'))
print('.' in os.listdir('/') or 'tmp' in os.listdir('/'), type(os.getpid()).__name__, os.sep, os.name)
print(os.getenv('CORO_SURELY_UNSET_VARIABLE'), os.getenv('CORO_SURELY_UNSET_VARIABLE', 'fallback'))
print(isinstance(os.environ, dict) or hasattr(os.environ, 'get'), os.getcwd() == os.path.abspath('.'))
try:
    os.listdir('/no/such/dir')
except FileNotFoundError as error:
    print(type(error).__name__, error.errno, error)
