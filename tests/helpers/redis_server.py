"""A Redis server of the test's own, to stop in the middle of a test.

Tests of a Redis outage must not stop the Redis that the rest of the suite
(and other processes on the machine) share, so each one starts a throwaway
`redis-server` on a free loopback port.
"""

import contextlib
import shutil
import socket
import subprocess
import time

from django.test import override_settings

import pytest

from config.cache import ResilientRedisCache
from config.cache_settings import redis_caches


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class RedisServer:
    def __init__(self):
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None

    def start(self):
        binary = shutil.which("redis-server")
        if binary is None:
            pytest.skip("redis-server is not installed")
        self.process = subprocess.Popen(
            [binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            with contextlib.suppress(OSError), socket.create_connection(
                ("127.0.0.1", self.port), timeout=0.2
            ):
                return
            time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)

    def caches(self):
        """CACHES as the full stack has them (config/cache_settings.py), on this server."""
        return redis_caches(self.url, key_prefix="ivho-outage-test", timeout_seconds=0.5)


@contextlib.contextmanager
def own_redis():
    """Yield a running RedisServer whose cache settings are in force; stop it when done."""
    server = RedisServer()
    server.start()
    ResilientRedisCache.paused_until = 0.0
    try:
        with override_settings(CACHES=server.caches()):
            yield server
    finally:
        ResilientRedisCache.paused_until = 0.0
        server.stop()
