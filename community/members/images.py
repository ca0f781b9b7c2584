"""Profile photos: check what people upload and store a small, clean copy.

An upload is only trusted after Pillow has decoded it. It is then turned the
right way up (EXIF orientation), scaled to fit 400×400 and written out again as
a fresh JPEG: nothing of the original file survives, so no EXIF (GPS position,
camera serial number), XMP, ICC or comments, and no payload hidden in the file.
"""

import io
import uuid
import warnings

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _

from PIL import Image, ImageOps

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MAX_SIDE = 400
# Far above any photo from a phone (48 MP), far below what fills the memory of a worker.
MAX_PIXELS = 50_000_000
ACCEPTED_FORMATS = {"JPEG", "PNG", "WEBP"}
ACCEPTED_CONTENT_TYPES = "image/jpeg,image/png,image/webp"
OUTPUT_CONTENT_TYPE = "image/jpeg"
JPEG_QUALITY = 85

NOT_AN_IMAGE = _(
    "Dit bestand is geen foto die we kunnen lezen. Kies een JPEG-, PNG- of WebP-bestand."
)
WRONG_FORMAT = _(
    "Dit soort afbeelding nemen we niet aan. Kies een JPEG-, PNG- of WebP-bestand."
)
TOO_LARGE = _("Deze foto is groter dan 5 MB. Kies een kleinere foto of verklein hem eerst.")
TOO_MANY_PIXELS = _("Deze afbeelding heeft te veel pixels. Kies een kleinere foto.")


def profile_photo_process(upload):
    """Check an uploaded file and return a cleaned JPEG as a ContentFile.

    Raises ValidationError with a message for the person who uploaded it.
    """
    if upload.size is not None and upload.size > MAX_UPLOAD_BYTES:
        raise ValidationError(TOO_LARGE, code="too_large")
    data = _read(upload)
    if len(data) > MAX_UPLOAD_BYTES:
        raise ValidationError(TOO_LARGE, code="too_large")
    try:
        # Pillow warns about a decompression bomb (a few KB that decode to GBs): refuse it.
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = _decode(data)
            cleaned = _clean_copy(image)
    except ValidationError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise ValidationError(TOO_MANY_PIXELS, code="too_many_pixels") from error
    except (OSError, ValueError, SyntaxError, EOFError) as error:
        raise ValidationError(NOT_AN_IMAGE, code="not_an_image") from error
    output = io.BytesIO()
    cleaned.save(output, format="JPEG", quality=JPEG_QUALITY, optimize=True)
    return ContentFile(output.getvalue(), name=f"{uuid.uuid4().hex}.jpg")


def _read(upload):
    upload.seek(0)
    data = upload.read(MAX_UPLOAD_BYTES + 1)
    upload.seek(0)
    return data


def _decode(data):
    # verify() checks the file's structure; it leaves the image unusable, so open again.
    with Image.open(io.BytesIO(data)) as probe:
        if probe.format not in ACCEPTED_FORMATS:
            raise ValidationError(WRONG_FORMAT, code="wrong_format")
        width, height = probe.size
        if width * height > MAX_PIXELS:
            raise ValidationError(TOO_MANY_PIXELS, code="too_many_pixels")
        probe.verify()
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


def _clean_copy(image):
    """The picture only: upright, at most MAX_SIDE square, RGB, no metadata at all."""
    image = ImageOps.exif_transpose(image)
    if image.mode in ("RGBA", "LA", "P", "PA"):
        # Transparent parts become white; JPEG has no transparency.
        image = image.convert("RGBA")
        background = Image.new("RGBA", image.size, (255, 255, 255, 255))
        image = Image.alpha_composite(background, image)
    image = image.convert("RGB")
    image.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
    # A new image holds pixels only: `info` (exif, icc_profile, xmp, comments) stays behind.
    clean = Image.new("RGB", image.size)
    clean.paste(image)
    return clean
