"""Which uploaded files are public on disk.

MEDIA_ROOT holds public files only: Wagtail's image renditions in `images/`.
Everything else uploaded (documents, original images, profile photos, whatever is
added later) belongs in PRIVATE_MEDIA_ROOT (config/storages.py).
"""

# The one folder of MEDIA_ROOT that is public: where Wagtail writes renditions.
RENDITIONS_FOLDER = "images"
