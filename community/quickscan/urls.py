"""The quickscan's pages, under /quickscan/ (config/urls.py)."""

from django.urls import path

from . import views, views_actions, views_results

app_name = "quickscan"

urlpatterns = [
    path("", views.scan_index, name="index"),
    path("starten/", views.scan_start, name="start"),
    path("benchmark/", views_results.benchmark_page, name="benchmark"),
    path("<uuid:scan_id>/", views.scan_detail, name="scan"),
    path("<uuid:scan_id>/thema/<int:theme_id>/", views.theme_answers, name="theme"),
    path("<uuid:scan_id>/streefniveau/", views.scan_target, name="target"),
    path("<uuid:scan_id>/indienen/", views.scan_submit, name="submit"),
    path("<uuid:scan_id>/verwijderen/", views.scan_discard, name="discard"),
    path("<uuid:scan_id>/resultaten/", views_results.scan_results, name="results"),
    path("<uuid:scan_id>/bestuur/", views_results.board_overview, name="board"),
    path("<uuid:scan_id>/bestuur.pdf", views_results.board_pdf, name="board_pdf"),
    path("<uuid:scan_id>/acties/", views_actions.action_plan, name="actions"),
    path("<uuid:scan_id>/acties/<int:action_id>/", views_actions.action_edit,
         name="action_edit"),
    path("<uuid:scan_id>/acties/<int:action_id>/status/", views_actions.action_status,
         name="action_status"),
    path("<uuid:scan_id>/acties/<int:action_id>/verwijderen/", views_actions.action_delete,
         name="action_delete"),
    path("<uuid:scan_id>/actieplan.xlsx", views_actions.action_plan_xlsx, name="actions_xlsx"),
]
