"""Real server processes for tests, and HTTP requests sent exactly as written.

`server_process` (and `gunicorn`, `runserver` on top of it) starts a command, waits
until its port accepts connections and always stops it again (terminate, then
kill), with bounded waits throughout.
`raw_request` writes the request line itself, so a path such as
`/media/images/../x` or one with a backslash or raw UTF-8 reaches the server
unchanged: HTTP client libraries (the Django test client included) would
normalise or refuse it.
"""

import contextlib
import http.client
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as probe:
        probe.bind((host, 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def server_process(command, *, port: int, env: dict, cwd, log_path: Path, timeout: float = 30):
    """Run `command` until the block ends; its output goes to `log_path`."""
    with open(log_path, "w") as log:
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                if process.poll() is not None:
                    raise AssertionError(
                        f"{command[0]} exited with {process.returncode}:\n{log_path.read_text()}"
                    ) from None
                if time.monotonic() > deadline:
                    raise AssertionError(
                        f"{command[0]} did not listen within {timeout} s:\n{log_path.read_text()}"
                    ) from None
                time.sleep(0.2)
        yield process
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)


@contextlib.contextmanager
def gunicorn(env: dict, log_path: Path, workers: int = 1):
    """config.wsgi under gunicorn with `env` (settings module, database …); yields its port."""
    port = free_port()
    command = [
        sys.executable, "-m", "gunicorn", "config.wsgi",
        "--bind", f"127.0.0.1:{port}", "--workers", str(workers), "--timeout", "60",
    ]
    with server_process(command, port=port, env=env, cwd=settings.BASE_DIR, log_path=log_path):
        yield port


@contextlib.contextmanager
def runserver(env: dict, log_path: Path):
    """`manage.py runserver` (what `make run` starts) with `env`; yields its port."""
    port = free_port()
    command = [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"]
    with server_process(command, port=port, env=env, cwd=settings.BASE_DIR, log_path=log_path):
        yield port


@dataclass
class RawResponse:
    status: int
    headers: http.client.HTTPMessage
    body: bytes

    def header(self, name: str) -> str | None:
        return self.headers.get(name)


def raw_request(
    port: int,
    path: str,
    *,
    method: str = "GET",
    headers: dict | None = None,
    body: bytes = b"",
    source: str = "127.0.0.1",
    timeout: float = 10,
) -> RawResponse:
    """Send one HTTP/1.1 request with `path` as is (UTF-8) from address `source`."""
    lines = [f"{method} {path} HTTP/1.1", "Connection: close"]
    all_headers = {"Host": "localhost", **(headers or {})}
    if body:
        all_headers["Content-Length"] = str(len(body))
    lines += [f"{name}: {value}" for name, value in all_headers.items()]
    request = ("\r\n".join(lines) + "\r\n\r\n").encode() + body
    with socket.create_connection(
        ("127.0.0.1", port), timeout=timeout, source_address=(source, 0)
    ) as connection:
        connection.sendall(request)
        response = http.client.HTTPResponse(connection, method=method)
        response.begin()
        try:
            content = response.read()
        finally:
            response.close()
    return RawResponse(status=response.status, headers=response.headers, body=content)
