from django.conf import settings
from django.urls import include, path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from config.public_media import public_image
from config.views import login_elsewhere, robots_txt
from search import views as search_views

urlpatterns = [
    # Every login goes through allauth (verification, 2FA, rate limits).
    path("admin/login/", login_elsewhere),
    path("_util/login/", login_elsewhere),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("accounts/", include("allauth.urls")),
    path("discussies/", include("community.discussions.urls")),
    path("bijeenkomsten/", include("community.events.urls")),
    path("quickscan/", include("community.quickscan.urls")),
    path("zoeken/", search_views.search, name="search"),
    path("leden/", include("community.privacy.urls")),
    path("leden/", include("community.members.urls")),
    path("sitemap.xml", sitemap),
    path("robots.txt", robots_txt),
]

if settings.SERVE_MEDIA:
    # `make run` and tests only: image renditions, through a view that cannot leave
    # their folder. Production has no media route: the proxy serves them, and every
    # other file is private (config/storages.py).
    urlpatterns.append(path("media/images/<path:path>", public_image, name="public_image"))

urlpatterns.append(path("", include(wagtail_urls)))
