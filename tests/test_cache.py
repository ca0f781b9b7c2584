"""With Redis down, the knowledge base stays readable.

DEAD_REDIS has no database fallback (the full stack has one: see
tests/accounts/test_redis_outage.py), so here login fails closed with a 503.
"""

from django.core.cache import cache
from django.test import override_settings

import pytest

from config.cache import ResilientRedisCache
from tests.factories.people import PASSWORD

pytestmark = pytest.mark.django_db

DEAD_REDIS = {
    "default": {
        "BACKEND": "config.cache.ResilientRedisCache",
        "LOCATION": "redis://127.0.0.1:6390/0",  # nothing listens here
        "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
    }
}


@pytest.fixture
def redis_down():
    ResilientRedisCache.paused_until = 0.0
    with override_settings(CACHES=DEAD_REDIS):
        yield
    ResilientRedisCache.paused_until = 0.0


def test_public_pages_work_without_redis(client, site_tree, redis_down):
    assert client.get("/").status_code == 200
    assert client.get(site_tree["instruments"].url).status_code == 200
    assert client.get("/zoeken/?q=veiligheid").status_code == 200


def test_ordinary_keys_are_misses_and_the_backend_pauses(redis_down):
    assert cache.get("iets", "standaard") == "standaard"
    assert cache.add("iets", 1) is False
    assert ResilientRedisCache.paused_until > 0


def test_login_guard_keys_still_raise(redis_down):
    from redis.exceptions import ConnectionError as RedisConnectionError

    with pytest.raises(RedisConnectionError):
        cache.get("allauth:rl:account:login_failed:5/5m/key:abc")


def test_login_fails_closed_with_a_clear_page(client, member, redis_down):
    response = client.post("/accounts/login/", {"login": member.email, "password": PASSWORD})
    assert response.status_code == 503
    assert "_auth_user_id" not in client.session


def test_admin_dashboard_works_without_redis(client, editor, redis_down):
    client.force_login(editor)
    assert client.get("/admin/").status_code == 200
