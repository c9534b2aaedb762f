# The blocking `requests` API against the local test server.
import sys

import requests

BASE = sys.argv[1]

r = requests.get(f'{BASE}/echo', params={'q': 'a b', 'n': 2}, headers={'X-Test': 'sync'})
print(r.status_code, r.reason, r.ok, r.headers['content-type'], r.url)
print(r.json())
r = requests.post(f'{BASE}/echo', json={'k': [1, None]})
print(r.status_code, r.json()['json'], r.json()['headers'])
r = requests.post(f'{BASE}/echo', data={'a': '1', 'b': 'x y'})
print(r.json()['body'], r.json()['headers'])
r = requests.get(f'{BASE}/text')
print(repr(r.text), r.encoding, r.content)
r = requests.get(f'{BASE}/redirect/2')
print(r.status_code, r.url, r.text)
for status in (404, 500):
    r = requests.get(f'{BASE}/status/{status}')
    try:
        r.raise_for_status()
    except requests.HTTPError as error:
        print(type(error).__name__, error, error.response.status_code)
try:
    requests.get('http://127.0.0.1:9/')
except requests.ConnectionError as error:
    print('refused:', type(error).__name__, isinstance(error, requests.RequestException))
try:
    requests.get(f'{BASE}/stall', timeout=0.3)
except requests.Timeout as error:
    print('timeout:', type(error).__name__)
with requests.Session() as session:
    session.headers['X-Session'] = 'kept'
    print(session.get(f'{BASE}/echo').json()['headers'])
