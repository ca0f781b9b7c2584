"""CACHES for the full stack, in one place for the settings and the tests that stop Redis."""


def redis_caches(url: str, *, key_prefix: str, timeout_seconds: float = 2) -> dict:
    return {
        "default": {
            # Public pages survive a Redis outage as cache misses; rate limits and
            # the TOTP replay guard move to the database meanwhile (config/cache.py).
            "BACKEND": "config.cache.ResilientRedisCache",
            "LOCATION": url,
            "KEY_PREFIX": key_prefix,
            "OPTIONS": {
                "socket_connect_timeout": timeout_seconds,
                "socket_timeout": timeout_seconds,
            },
            "FALLBACK": "guards",
        },
        "guards": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "accounts_cache_guard",  # accounts.CacheGuardEntry
            "KEY_PREFIX": key_prefix,
            # Never cull live counters to make room: a flood of new keys must not
            # erase someone else's count. Expired rows go daily (beat).
            "OPTIONS": {"MAX_ENTRIES": 10_000_000},
        },
    }
