"""Rate limits for what members post, on allauth's counters.

allauth already counts attempts per user or IP in the shared cache; its public
`consume()` reads the limits from ACCOUNT_RATE_LIMITS, where ours sit beside
the account ones (see config/settings/base.py). Unlike logins, posting fails
open when the cache is down: a short flood risk is better than silencing the
whole community during a Redis outage.
"""

import logging

from allauth.core import ratelimit
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

TOO_MANY = (
    "Je hebt kort na elkaar veel geplaatst. Wacht een paar minuten en probeer "
    "het opnieuw; je tekst staat er nog."
)


def within_limit(request, *, action, key=None):
    """Count one `action` for this request; False once its limit is reached.

    `key` is what a "…/key" rate counts by (an e-mail address, say).
    """
    try:
        return ratelimit.consume(request, action=action, key=key)
    except (RedisConnectionError, RedisTimeoutError):
        logger.warning("Cache unreachable: rate limit %s not applied.", action)
        return True
