"""Our discussion URLs, under /discussies/. django-comments-xtd's own are not mounted."""

from django.urls import path

from . import views

app_name = "discussions"

urlpatterns = [
    path("instrument/<int:page_id>/reageren/", views.comment_create, name="comment"),
    path("instrument/<int:page_id>/volgen/", views.instrument_follow, name="follow"),
    path("instrument/<int:page_id>/ontvolgen/", views.instrument_unfollow, name="unfollow"),
    path("reactie/<int:comment_id>/antwoorden/", views.comment_reply, name="reply"),
    path("reactie/<int:comment_id>/bewerken/", views.comment_edit, name="edit"),
    path("reactie/<int:comment_id>/verwijderen/", views.comment_delete, name="delete"),
    path("reactie/<int:comment_id>/melden/", views.comment_flag, name="flag"),
    path("reactie/<int:comment_id>/waarderen/", views.comment_like, name="like"),
    path("reactie/<int:comment_id>/draad-volgen/", views.thread_follow, name="thread_follow"),
    path(
        "reactie/<int:comment_id>/draad-ontvolgen/", views.thread_unfollow,
        name="thread_unfollow",
    ),
    path("afmelden/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
