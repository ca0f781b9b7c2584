"""Does the sign-up answer tell by its time whether an address has an account?

Usage:

    .venv/bin/python -m bench.signup_timing [--samples 20]

Posts the sign-up form through the whole stack (Django's test client, a
throw-away test database, Django's default password hasher as in production)
for new addresses and for addresses that already have an account, interleaved,
and prints the median time of each and their difference. allauth answers both
alike (and mails "you already have an account"); the figure shows whether the
work behind the answer is alike too. For comparison it also measures the same
with our equal-work step switched off (community/members/forms_signup.py).
"""

import argparse
import statistics
import time
from unittest import mock

from bench.page_render import setup_django

PASSWORD = "een-lang-genoeg-wachtwoord-2026"


def sign_up(client, email):
    from django.core.cache import cache

    cache.clear()  # the per-IP sign-up limit would stop a long run
    started = time.perf_counter()
    response = client.post("/accounts/signup/", {
        "display_name": "Meetpersoon", "email": email,
        "password1": PASSWORD, "password2": PASSWORD,
    })
    elapsed = time.perf_counter() - started
    assert response.status_code == 302, response.status_code
    return elapsed


def measure(client, *, samples, label):
    from tests.factories import UserFactory

    known = [UserFactory().email for _ in range(samples)]
    new, existing = [], []
    for n in range(samples):
        new.append(sign_up(client, f"nieuw-{label}-{n}@meting.example"))
        existing.append(sign_up(client, known[n]))
    return statistics.median(new) * 1000, statistics.median(existing) * 1000


def report(label, new_ms, existing_ms):
    difference = abs(new_ms - existing_ms) / max(new_ms, existing_ms) * 100
    print(f"{label:<34} new {new_ms:7.1f} ms   existing {existing_ms:7.1f} ms   "
          f"difference {difference:5.1f} %")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=int, default=20)
    args = parser.parse_args()
    setup_django()
    from django.conf import global_settings
    from django.test import Client, override_settings

    with override_settings(PASSWORD_HASHERS=global_settings.PASSWORD_HASHERS):
        client = Client()
        sign_up(client, "opwarmen@meting.example")  # imports, templates, first hash
        report("equal work (as the site runs)", *measure(client, samples=args.samples,
                                                         label="a"))
        with mock.patch("community.members.forms_signup.make_password"):
            report("without the equal-work step", *measure(client, samples=args.samples,
                                                           label="b"))
    print(f"{args.samples} samples each, medians; Django's default password hasher.")


if __name__ == "__main__":
    main()
