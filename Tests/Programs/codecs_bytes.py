# str.encode and bytes.decode with the utf-8, ascii and latin-1 codecs and their error
# handlers; the bytes methods protocols use.
text = 'héllo wörld €'
for encoding in ['utf-8', 'UTF8', 'latin-1', 'ascii']:
    for errors in ['strict', 'replace', 'ignore']:
        try:
            print(encoding, errors, text.encode(encoding, errors))
        except UnicodeEncodeError as error:
            print(encoding, errors, type(error).__name__, error)
for data in [b'plain', b'caf\xc3\xa9', b'\xe9abc', b'a\xc3', b'\xe2\x82', b'\xc3(', b'\xed\xa0\x80', b'\xf0\x9f\x98',
             b'\xf0\x9f\x98\x80', b'\xff\xfe', b'\xe2\x82(x']:
    for errors in ['strict', 'replace', 'ignore']:
        try:
            print(data, errors, repr(data.decode('utf-8', errors)))
        except UnicodeDecodeError as error:
            print(data, errors, type(error).__name__, error)
print(b'\xe9t\xe9'.decode('latin-1'), b'abc'.decode('ascii'), b'abc'.decode(encoding='utf-8'))
try:
    b'\xe9'.decode('ascii')
except UnicodeDecodeError as error:
    print(error)
try:
    b'x'.decode('klingon')
except LookupError as error:
    print(type(error).__name__, error)
print(b'a,b,,c'.split(b','), b' a  b '.split(), b'-'.join([b'x', b'y']), b'  pad \n'.strip())
print(b'hello'.startswith(b'he'), b'hello'.endswith(b'lo'), b'hello'.find(b'll'), b'hello'.find(b'z'))
print(b'\x00\xffab'.hex(), 'é'.encode(), 'x'.encode(errors='strict'))
try:
    b'-'.join([b'x', 'y'])
except TypeError as error:
    print(error)
