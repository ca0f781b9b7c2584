"""The database stand-in for Redis that keeps rate limits counted during an outage."""

from django.db import models


class CacheGuardEntry(models.Model):
    """A row of the database cache that stands in for Redis for rate limits.

    While Redis is unreachable, config.cache.ResilientRedisCache keeps allauth's
    rate limits (ours included) and the TOTP replay guard here, so they are
    still counted. The columns are the ones Django's DatabaseCache expects
    (as `createcachetable` would make them); a migration creates the table in
    every run mode, so switching to the full stack needs no extra step.
    """

    cache_key = models.CharField(max_length=255, primary_key=True)
    value = models.TextField()
    expires = models.DateTimeField(db_index=True)

    class Meta:
        db_table = "accounts_cache_guard"
        default_permissions = ()
        verbose_name = "cache-item (terugval voor Redis)"

    def __str__(self):
        return self.cache_key
