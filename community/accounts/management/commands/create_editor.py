"""Create an editor who can log in through allauth, or repair an existing account.

`createsuperuser` makes an account without allauth's EmailAddress row, so
mandatory e-mail verification keeps it out. This command makes (or completes)
the account: e-mail address verified and primary, member of the editor groups,
optionally superuser. It never takes a password on the command line.
"""

import getpass
import os

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email
from django.db import transaction

from allauth.account.adapter import get_adapter

from community.accounts.services import email_address_verify

EDITOR_GROUPS = ("Redacteuren", "Eindredactie")
PASSWORD_ENV = "DJANGO_EDITOR_PASSWORD"


class Command(BaseCommand):
    help = (
        "Maak een redacteur aan met een geverifieerd e-mailadres, in de groepen "
        "Redacteuren en Eindredactie; een bestaand account wordt aangevuld."
    )

    def add_arguments(self, parser):
        parser.add_argument("--email", required=True, help="E-mailadres, ook de inlognaam.")
        parser.add_argument("--first-name", default="", help="Voornaam (nieuw account).")
        parser.add_argument("--last-name", default="", help="Achternaam (nieuw account).")
        parser.add_argument(
            "--superuser", action="store_true", help="Maak het account ook superuser."
        )
        parser.add_argument(
            "--noinput",
            "--no-input",
            action="store_false",
            dest="interactive",
            help=(
                f"Vraag niets. Het wachtwoord komt uit ${PASSWORD_ENV}; zonder die variabele "
                "krijgt het account geen wachtwoord en stelt de redacteur er een in via "
                "'Wachtwoord vergeten'."
            ),
        )

    def handle(self, *args, email, first_name, last_name, superuser, interactive, **options):
        email = email.strip().lower()
        try:
            validate_email(email)
        except ValidationError as error:
            raise CommandError(f"Ongeldig e-mailadres: {email}") from error
        groups = list(Group.objects.filter(name__in=EDITOR_GROUPS))
        if len(groups) != len(EDITOR_GROUPS):
            missing = set(EDITOR_GROUPS) - {group.name for group in groups}
            raise CommandError(f"Groep(en) ontbreken: {', '.join(sorted(missing))}. Draai migrate.")

        User = get_user_model()
        user = User.objects.filter(email__iexact=email).first()
        created = user is None
        if created:
            user = User(email=email, first_name=first_name, last_name=last_name)
            get_adapter().populate_username(None, user)
            password = self.ask_password(user, interactive)
            if password:
                user.set_password(password)
            else:
                user.set_unusable_password()

        with transaction.atomic():
            if superuser:
                user.is_staff = user.is_superuser = True
            user.save()
            user.groups.add(*groups)
            email_address_verify(user=user, email=email)

        if created:
            self.stdout.write(self.style.SUCCESS(f"Redacteur {email} aangemaakt."))
            if not user.has_usable_password():
                self.stdout.write(
                    "Nog geen wachtwoord: stel het in via 'Wachtwoord vergeten' op de inlogpagina."
                )
        else:
            self.stdout.write(
                self.style.SUCCESS(f"Bestaand account {email} bijgewerkt; wachtwoord ongewijzigd.")
            )

    def ask_password(self, user, interactive):
        """A validated password, or '' for none."""
        if not interactive:
            password = os.environ.get(PASSWORD_ENV, "")
            if password:
                self.validate(password, user)
            return password
        while True:
            password = getpass.getpass("Wachtwoord (leeg: geen wachtwoord): ")
            if not password:
                return ""
            if password != getpass.getpass("Wachtwoord (nogmaals): "):
                self.stderr.write("De wachtwoorden zijn niet gelijk.")
                continue
            try:
                self.validate(password, user)
            except CommandError as error:
                self.stderr.write(str(error))
                continue
            return password

    def validate(self, password, user):
        try:
            validate_password(password, user)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
