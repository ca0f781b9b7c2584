"""Every account has a profile: give one to the accounts made before profiles existed.

Who already sees members-only content (the group "Leden", an editor group, a
superuser) becomes an approved member, so nobody loses access or lands in the
approval queue; the others wait for approval, as a new sign-up would.
New accounts get their profile from community.members.services.profile_get_or_create.
"""

from django.db import migrations
from django.db.models import Q
from django.utils import timezone

MEMBERS_GROUP = "Leden"


def backfill(apps, schema_editor):
    User = apps.get_model("members", "User")
    Group = apps.get_model("auth.Group")
    Profile = apps.get_model("members", "Profile")
    sees_members_only = (
        Q(is_superuser=True)
        | Q(groups__permissions__codename="view_members_only",
            groups__permissions__content_type__app_label="cms")
    )
    member_ids = set(
        User.objects.filter(sees_members_only, is_active=True).values_list("pk", flat=True)
    )
    members_group = Group.objects.filter(name=MEMBERS_GROUP).first()
    now = timezone.now()
    for user in User.objects.filter(profile__isnull=True).iterator():
        approved = user.pk in member_ids
        Profile.objects.create(
            user=user,
            display_name=f"{user.first_name} {user.last_name}".strip(),
            status="approved" if approved else "pending",
            status_changed_at=now if approved else None,
            affiliation_email=user.email if approved else "",
        )
        # Approved ⇔ in "Leden" (community.members.services).
        if members_group is not None and approved:
            user.groups.add(members_group)
        elif members_group is not None:
            user.groups.remove(members_group)


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0003_editor_permissions_for_members"),
    ]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
