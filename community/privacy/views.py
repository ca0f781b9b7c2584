"""The AVG pages: download your data, delete your account."""

import json
import logging

from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe

from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from .forms import AccountEraseForm
from .services import account_erase, personal_data_export

logger = logging.getLogger(__name__)

# Only a Redis cache without the database fallback raises these (config/cache.py).
CACHE_UNAVAILABLE_ERRORS = (RedisConnectionError, RedisTimeoutError)


@login_required
@require_safe
def my_data(request):
    return TemplateResponse(request, "privacy/my_data.html", {
        "erase_form": AccountEraseForm(user=request.user),
    })


@never_cache
@login_required
@require_safe
def my_data_download(request):
    data = personal_data_export(user=request.user)
    filename = f"ivho-mijn-gegevens-{timezone.localdate().isoformat()}.json"
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
@require_POST
def account_delete(request):
    form = AccountEraseForm(request.POST, user=request.user)
    try:
        confirmed = form.is_valid()
    except CACHE_UNAVAILABLE_ERRORS:
        # The password check counts attempts in the cache; without it, no check.
        logger.error("Cache unreachable: account deletion not confirmed")
        form.add_error(
            None, _("Je wachtwoord kan nu niet worden gecontroleerd. Probeer het over een paar "
                    "minuten opnieuw; je account is niet verwijderd."),
        )
        confirmed = False
    if not confirmed:
        return TemplateResponse(request, "privacy/my_data.html", {"erase_form": form})
    user = request.user
    account_erase(user=user)
    logout(request)
    return redirect("privacy:account_deleted")


@require_safe
def account_deleted(request):
    return TemplateResponse(request, "privacy/account_deleted.html")
