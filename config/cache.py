"""A Redis cache that keeps the site up, and its guards working, while Redis is down.

Wagtail keeps the site's root paths in the cache, so with Django's plain
RedisCache every page fails when Redis does. Here an unreachable Redis turns
ordinary cache calls into cache misses, and for a few seconds the backend stops
trying, so requests do not each wait for a timeout.

Keys that guard people are the exception: allauth's rate limits ("allauth:rl:…",
which also count our own limits on posting and guest sign-ups) and its TOTP
replay guard ("allauth.mfa…"). A miss there would let attempts and mails
through uncounted, so while Redis is away they go to a fallback cache in the
database (the `FALLBACK` alias, `accounts.CacheGuardEntry`): the same limits,
counted in PostgreSQL. Without a fallback configured they raise.
"""

import logging
import time

from django.core.cache import caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache

from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

UNAVAILABLE = (RedisConnectionError, RedisTimeoutError)
GUARD_PREFIXES = ("allauth",)
PAUSE_SECONDS = 10


class ResilientRedisCache(RedisCache):
    # Shared by every instance in the process: one outage, one pause.
    paused_until = 0.0

    def __init__(self, server, params):
        params = dict(params)
        self.fallback_alias = params.pop("FALLBACK", None)
        super().__init__(server, params)

    def _guarded(self, method, keys, fallback, *args):
        """Run `method` on Redis; when Redis is away, a miss or the fallback cache."""
        guard = any(str(key).startswith(GUARD_PREFIXES) for key in keys)
        if time.monotonic() < ResilientRedisCache.paused_until:
            return self._without_redis(method, guard, fallback, args, error=None)
        try:
            return getattr(super(), method)(*args)
        except UNAVAILABLE as error:
            if time.monotonic() >= ResilientRedisCache.paused_until:
                logger.warning("Redis cache unreachable; serving without it for a while.")
            ResilientRedisCache.paused_until = time.monotonic() + PAUSE_SECONDS
            return self._without_redis(method, guard, fallback, args, error=error)

    def _without_redis(self, method, guard, fallback, args, *, error):
        if not guard:
            return fallback
        if self.fallback_alias:
            return getattr(caches[self.fallback_alias], method)(*args)
        if error is None:
            error = RedisConnectionError("Redis paused after an earlier failure")
        raise error

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guarded("add", [key], False, key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self._guarded("get", [key], default, key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guarded("set", [key], None, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guarded("touch", [key], False, key, timeout, version)

    def delete(self, key, version=None):
        return self._guarded("delete", [key], False, key, version)

    def has_key(self, key, version=None):
        return self._guarded("has_key", [key], False, key, version)

    def get_many(self, keys, version=None):
        keys = list(keys)
        return self._guarded("get_many", keys, {}, keys, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guarded("set_many", list(data), list(data), data, timeout, version)

    def delete_many(self, keys, version=None):
        keys = list(keys)
        return self._guarded("delete_many", keys, None, keys, version)
