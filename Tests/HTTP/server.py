#!/usr/bin/env python3
"""The local HTTP and HTTPS server that Coro's HTTP tests run against (127.0.0.1 only).

    python3 Tests/HTTP/server.py PORT TLS_PORT CERT_DIR

Writes a self-signed certificate for 127.0.0.1 to CERT_DIR/cert.pem (made with openssl),
serves plain HTTP on PORT and HTTPS on TLS_PORT, and prints "ready" once both listen.
Endpoints (any method):
  /echo?...            JSON: method, path, query, the request's X-* and Content-Type headers, body, json
  /status/N            status N, body "status N"
  /redirect/N          302 to /redirect/N-1; /redirect/0 answers "redirected"
  /redirect-status/N   status N (301, 302, 303, 307, 308) to /echo?redirected=1
  /redirect-loop       302 to itself
  /headers             repeated and mixed-case response headers
  /big/N               N bytes of 'x', sent in 64 KiB chunks
  /slow/MS             "slow" after MS milliseconds
  /stall               waits 10 s before answering (timeouts fire first)
  /slow-body           promises 100,000 bytes, sends 10, waits 10 s
  /truncated           promises 1000 bytes, sends 10, closes
  /hangup              closes the connection without answering
  /json, /text, /html  fixed bodies of those types
"""
import json
import os
import socket
import ssl
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlsplit


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True

    def handle_any(self):
        parts = urlsplit(self.path)
        path = parts.path
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        if path == "/echo":
            try:
                decoded = json.loads(body) if body else None
            except ValueError:
                decoded = None
            headers = {name.lower(): value for name, value in self.headers.items()
                       if name.lower().startswith("x-") or name.lower() == "content-type"}
            self.reply(200, "application/json", json.dumps({
                "method": self.command, "path": path, "query": parse_qsl(parts.query, keep_blank_values=True),
                "headers": dict(sorted(headers.items())), "body": body.decode("utf-8", "replace"), "json": decoded,
            }).encode())
        elif path.startswith("/status/") and path[8:].isdigit():
            self.reply(int(path[8:]), "text/plain; charset=utf-8", f"status {path[8:]}".encode())
        elif path.startswith("/redirect/") and path[10:].isdigit():
            left = int(path[10:])
            if left == 0:
                self.reply(200, "text/plain", b"redirected")
            else:
                self.reply(302, "text/plain", b"", [("Location", f"/redirect/{left - 1}")])
        elif path.startswith("/redirect-status/") and path[17:].isdigit():
            self.reply(int(path[17:]), "text/plain", b"", [("Location", "/echo?redirected=1")])
        elif path == "/redirect-loop":
            self.reply(302, "text/plain", b"", [("Location", "/redirect-loop")])
        elif path == "/headers":
            self.reply(200, "text/plain", b"headers", [("X-Multi", "one"), ("x-multi", "two"), ("X-Mixed-Case", "yes")])
        elif path.startswith("/big/") and path[5:].isdigit():
            size = int(path[5:])
            self.start_body("application/octet-stream", size)
            chunk = b"x" * 65536
            while size > 0:
                try:
                    self.wfile.write(chunk[:size])
                except OSError:
                    return
                size -= 65536
        elif path.startswith("/slow/") and path[6:].isdigit():
            time.sleep(int(path[6:]) / 1000)
            self.reply(200, "text/plain", b"slow")
        elif path == "/stall":
            time.sleep(10)
            self.reply(200, "text/plain", b"late")
        elif path == "/slow-body":
            self.start_body("application/octet-stream", 100000, b"0123456789")
            time.sleep(10)
        elif path == "/truncated":
            self.start_body("text/plain", 1000, b"0123456789")
            self.close_connection = True
            self.connection.shutdown(socket.SHUT_RDWR)
        elif path == "/hangup":
            self.close_connection = True
            self.connection.shutdown(socket.SHUT_RDWR)
        elif path == "/json":
            self.reply(200, "application/json", json.dumps({"name": "coro", "items": [1, 2.5, None, True]}).encode())
        elif path == "/text":
            self.reply(200, "text/plain; charset=utf-8", "héllo wörld\n".encode())
        elif path == "/html":
            self.reply(200, "text/html", b"<p>hello</p>")
        else:
            self.reply(404, "text/plain", b"not found")

    def start_body(self, content_type, announced, first=b""):
        """A 200 head announcing `announced` bytes, and the `first` of them."""
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(announced))
        self.end_headers()
        self.wfile.write(first)
        self.wfile.flush()

    def reply(self, status, content_type, body, extra=()):
        if status in (204, 304):
            body = b""
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in extra:
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = do_HEAD = do_OPTIONS = handle_any

    def log_message(self, fmt, *args):
        pass


class Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 2048

    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError, ssl.SSLError)):
            super().handle_error(request, client_address)


def main():
    port, tls_port, cert_dir = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    cert, key = os.path.join(cert_dir, "cert.pem"), os.path.join(cert_dir, "key.pem")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert,
                    "-days", "2", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"],
                   check=True, capture_output=True)
    plain = Server(("127.0.0.1", port), Handler)
    secure = Server(("127.0.0.1", tls_port), Handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    secure.socket = context.wrap_socket(secure.socket, server_side=True)
    for server in (plain, secure):
        threading.Thread(target=server.serve_forever, daemon=True).start()
    print("ready", flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
