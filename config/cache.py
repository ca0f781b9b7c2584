"""A Redis cache that keeps the public site up while Redis is down.

Wagtail keeps the site's root paths in the cache, so with Django's plain
RedisCache every page fails when Redis does. Here an unreachable Redis turns
ordinary cache calls into cache misses, and for a few seconds the backend stops
trying, so requests do not each wait for a timeout.

Keys that guard logins are the exception: allauth's rate limits ("allauth:rl:…")
and its TOTP replay guard ("allauth.mfa…") still raise, so login fails closed
and community.members.middleware answers 503 rather than letting attempts
through uncounted.
"""

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache

from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

UNAVAILABLE = (RedisConnectionError, RedisTimeoutError)
STRICT_PREFIXES = ("allauth",)
PAUSE_SECONDS = 10


class ResilientRedisCache(RedisCache):
    # Shared by every instance in the process: one outage, one pause.
    paused_until = 0.0

    def _guarded(self, keys, fallback, operation):
        strict = any(str(key).startswith(STRICT_PREFIXES) for key in keys)
        if not strict and time.monotonic() < ResilientRedisCache.paused_until:
            return fallback
        try:
            return operation()
        except UNAVAILABLE:
            if time.monotonic() >= ResilientRedisCache.paused_until:
                logger.warning("Redis cache unreachable; serving without cache for a while.")
            ResilientRedisCache.paused_until = time.monotonic() + PAUSE_SECONDS
            if strict:
                raise
            return fallback

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guarded([key], False, lambda: super(ResilientRedisCache, self).add(
            key, value, timeout, version))

    def get(self, key, default=None, version=None):
        return self._guarded([key], default, lambda: super(ResilientRedisCache, self).get(
            key, default, version))

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guarded([key], None, lambda: super(ResilientRedisCache, self).set(
            key, value, timeout, version))

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guarded([key], False, lambda: super(ResilientRedisCache, self).touch(
            key, timeout, version))

    def delete(self, key, version=None):
        return self._guarded([key], False, lambda: super(ResilientRedisCache, self).delete(
            key, version))

    def has_key(self, key, version=None):
        return self._guarded([key], False, lambda: super(ResilientRedisCache, self).has_key(
            key, version))

    def get_many(self, keys, version=None):
        keys = list(keys)
        return self._guarded(keys, {}, lambda: super(ResilientRedisCache, self).get_many(
            keys, version))

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guarded(list(data), list(data), lambda: super(
            ResilientRedisCache, self).set_many(data, timeout, version))

    def delete_many(self, keys, version=None):
        keys = list(keys)
        return self._guarded(keys, None, lambda: super(ResilientRedisCache, self).delete_many(
            keys, version))
