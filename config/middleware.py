"""HTTP headers the whole site shares: the Content-Security-Policy and framing rules."""

from django.conf import settings

# Everything comes from our own host: no CDN, no web fonts, no trackers.
# Images may be data: URIs (allauth draws the TOTP QR code as one).
PUBLIC_POLICY = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "font-src 'self'; connect-src 'self'; frame-src 'none'; object-src 'none'; "
    "base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)
# Wagtail's admin sets inline styles and runs inline scripts of its own, and frames
# its own pages (the live preview): frame-ancestors 'self', with X-Frame-Options
# SAMEORIGIN to match (ADMIN_FRAME_OPTIONS).
ADMIN_POLICY = (
    "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; "
    "script-src 'self' 'unsafe-inline'; font-src 'self' data:; connect-src 'self'; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'"
)
ADMIN_FRAME_OPTIONS = "SAMEORIGIN"
# Wagtail's preview (the live preview panel, "view draft") renders a page through a
# dummy request with the page's own path, through this middleware, and frames the
# result in the admin: the public page's rules, but framed by our own admin.
PREVIEW_POLICY = PUBLIC_POLICY.replace("frame-ancestors 'none'", "frame-ancestors 'self'")


class ContentSecurityPolicyMiddleware:
    """Add a Content-Security-Policy that allows our own host only.

    On admin pages and previews also X-Frame-Options: SAMEORIGIN, so both headers
    say "same origin only". Elsewhere Django's XFrameOptionsMiddleware adds DENY
    (X_FRAME_OPTIONS), which agrees with the public frame-ancestors 'none'. That
    middleware comes earlier in MIDDLEWARE, so it sees the response after this
    one and keeps a header already set.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = "/admin/"

    def __call__(self, request):
        response = self.get_response(request)
        is_admin = request.path.startswith(self.admin_prefix)
        is_preview = getattr(request, "is_dummy", False)  # set by Wagtail, never by a client
        if "Content-Security-Policy" not in response:
            if is_admin:
                response["Content-Security-Policy"] = ADMIN_POLICY
            else:
                response["Content-Security-Policy"] = (
                    PREVIEW_POLICY if is_preview else PUBLIC_POLICY
                )
        if is_admin or is_preview:
            # A view's own choice stands (Wagtail's preview sets SAMEORIGIN itself).
            response.setdefault("X-Frame-Options", ADMIN_FRAME_OPTIONS)
        if settings.DEBUG is False:
            response.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        return response
