"""HTTP headers the whole public site shares."""

from django.conf import settings

# Everything comes from our own host: no CDN, no web fonts, no trackers.
# Images may be data: URIs (allauth draws the TOTP QR code as one).
PUBLIC_POLICY = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "font-src 'self'; connect-src 'self'; frame-src 'none'; object-src 'none'; "
    "base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)
# Wagtail's admin sets inline styles and runs inline scripts of its own.
ADMIN_POLICY = (
    "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; "
    "script-src 'self' 'unsafe-inline'; font-src 'self' data:; connect-src 'self'; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'"
)


class ContentSecurityPolicyMiddleware:
    """Add a Content-Security-Policy that allows our own host only."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = "/admin/"

    def __call__(self, request):
        response = self.get_response(request)
        if "Content-Security-Policy" not in response:
            is_admin = request.path.startswith(self.admin_prefix)
            response["Content-Security-Policy"] = ADMIN_POLICY if is_admin else PUBLIC_POLICY
        if settings.DEBUG is False:
            response.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        return response
