"""The members' pages on the site, mounted under /leden/ (config/urls.py)."""

from django.urls import path

from . import profile_views, views_approval

app_name = "members"

urlpatterns = [
    path("aanmeldingen/", views_approval.approval_list, name="approvals"),
    path("aanmeldingen/<int:profile_id>/goedkeuren/", views_approval.approval_approve,
         name="approval_approve"),
    path("aanmeldingen/<int:profile_id>/afwijzen/", views_approval.approval_reject,
         name="approval_reject"),
    # Profiles and the members-only directory (the AVG pages: community.privacy).
    path("", profile_views.member_directory, name="directory"),
    path("profiel/", profile_views.profile_edit, name="profile_edit"),
    path("<int:user_id>/", profile_views.profile_detail, name="profile"),
    path("<int:user_id>/foto/", profile_views.profile_photo, name="photo"),
]
