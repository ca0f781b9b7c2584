"""Personal data in discussions, for the AVG export and account erasure.

A provider in community.privacy's registry (registered in apps.py): it has
`export(user) -> dict` and `erase(user)`.
"""

from django.utils.translation import gettext as _

from django_comments.models import CommentFlag
from django_comments_xtd.models import DISLIKEDIT_FLAG, LIKEDIT_FLAG, XtdComment

from community.privacy.registry import Declaration

from .models import CommentState, DigestWatermark, FlagReason, Follow

ERASED_NAME = "verwijderd lid"

FLAG_LABELS = {
    LIKEDIT_FLAG: "vind ik nuttig",
    DISLIKEDIT_FLAG: "vind ik niet nuttig",
    CommentFlag.SUGGEST_REMOVAL: "gemeld bij de moderatie",
    CommentFlag.MODERATOR_DELETION: "verwijderd als moderator",
    CommentFlag.MODERATOR_APPROVAL: "goedgekeurd als moderator",
}


def export(user):
    comments = XtdComment.objects.filter(user=user).order_by("submit_date")
    flags = CommentFlag.objects.filter(user=user).order_by("flag_date", "pk")
    return {
        "reacties": [
            {
                "id": comment.pk,
                "pagina": comment.content_object.title if comment.content_object else None,
                "geplaatst_op": comment.submit_date.isoformat(),
                "tekst": comment.comment,
                "naam_bij_reactie": comment.user_name,
                "e-mailadres_bij_reactie": comment.user_email,
                "ip-adres": comment.ip_address,
                "openbaar": comment.is_public,
                "verwijderd": comment.is_removed,
            }
            for comment in comments.prefetch_related("content_object")
        ],
        "waarderingen_en_meldingen": [
            {
                "reactie": flag.comment_id,
                "soort": FLAG_LABELS.get(flag.flag, flag.flag),
                "op": flag.flag_date.isoformat() if flag.flag_date else None,
            }
            for flag in flags
        ],
        "toelichtingen_bij_meldingen": [
            {"reactie": reason.flag.comment_id, "toelichting": reason.reason}
            for reason in FlagReason.objects.filter(flag__user=user).select_related("flag")
        ],
        "gevolgde_discussies": [
            {
                "instrument": follow.page.title,
                "draad": follow.thread_id,
                "sinds": follow.created_at.isoformat(),
            }
            for follow in Follow.objects.filter(user=user)
            .select_related("page")
            .order_by("created_at", "pk")
        ],
        "dagelijks_overzicht": [
            {
                "bijgewerkt_tot": watermark.until.isoformat(),
                "laatst_verstuurd": (
                    watermark.last_sent_at.isoformat() if watermark.last_sent_at else None
                ),
            }
            for watermark in DigestWatermark.objects.filter(user=user)
        ],
    }


def erase(user):
    """Keep the threads readable, but drop who wrote them, what they liked or reported,
    and what they followed."""
    XtdComment.objects.filter(user=user).update(
        user=None, user_name=ERASED_NAME, user_email="", user_url="", ip_address=None
    )
    CommentFlag.objects.filter(user=user).delete()  # their FlagReason rows go with them
    Follow.objects.filter(user=user).delete()
    DigestWatermark.objects.filter(user=user).delete()
    CommentState.objects.filter(moderated_by=user).update(moderated_by=None)


def declaration() -> Declaration:
    return Declaration(
        title=_("Reacties in discussies"),
        data=[
            _("je reacties, met je naam, het tijdstip en het IP-adres waarvan je ze plaatste"),
            _("welke reacties je nuttig vond of bij de redactie meldde, en waarom"),
            _("welke instrumenten je volgt"),
        ],
        purpose=_("Om ervaringen te delen, om je te laten weten dat er gereageerd is, en "
                  "om misbruik te kunnen herleiden (het IP-adres)."),
        retention=_("Zolang het instrument bestaat. Verwijder je je account, dan blijven je "
                    "reacties leesbaar als 'verwijderd lid', zonder naam, e-mailadres en "
                    "IP-adres; wat je volgde en meldde gaat weg."),
    )
