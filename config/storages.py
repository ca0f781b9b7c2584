"""Where uploaded files live: private by default, public image renditions apart.

Django's default storage holds every upload (documents, original images, profile
photos, anything added later) in PRIVATE_MEDIA_ROOT. No web server and no URL route
serves that folder; the files reach people only through views that check access
(Wagtail's document view with the `before_serve_document` hook, the members' photo
view). Only Wagtail's image renditions go to the public storage at MEDIA_ROOT
(`WAGTAILIMAGES_RENDITION_STORAGE`), which the web server serves under MEDIA_URL.
"""

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.functional import cached_property


class PrivateFileSystemStorage(FileSystemStorage):
    """Files on disk at PRIVATE_MEDIA_ROOT, under a URL that nothing serves.

    Some code asks every file for a URL (Wagtail's admin API lists an image's
    "download_url"), so `url()` answers, but with a prefix that no route, static
    handler or proxy location serves (tests/config/test_storages.py): a private file
    is only ever served by a view that checks access.
    """

    NOT_SERVED_URL = "/private-media-not-served/"

    @cached_property
    def base_location(self):
        # Read when first needed, and again after the setting changes (tests).
        return self._value_or_setting(self._location, settings.PRIVATE_MEDIA_ROOT)

    @cached_property
    def base_url(self):
        return self._value_or_setting(self._base_url, self.NOT_SERVED_URL)

    def _clear_cached_properties(self, setting, **kwargs):
        super()._clear_cached_properties(setting, **kwargs)
        if setting == "PRIVATE_MEDIA_ROOT":
            self.__dict__.pop("base_location", None)
            self.__dict__.pop("location", None)
