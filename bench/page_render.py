"""Render time and query count of the main pages, with a knowledge base of a given size.

Usage: .venv/bin/python -m bench.page_render [--themes 9] [--instruments 600] [--runs 15]
Runs against a throw-away test database (SQLite by default; PostgreSQL when
DATABASE_URL is set) and prints the median and worst time per page. It prints
figures only: targets are read by people, not asserted.
"""

import argparse
import logging
import os
import statistics
import time
import warnings


def setup_django():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    warnings.filterwarnings("ignore", message="No directory at")
    import django

    django.setup()
    logging.getLogger("wagtail").setLevel(logging.WARNING)
    from django.test.utils import setup_test_environment

    setup_test_environment()
    from django.db import connection

    return connection, connection.creation.create_test_db(verbosity=0, autoclobber=True)


def build_knowledge_base(*, themes, instruments):
    import random

    from cms.models import HomePage, InstrumentIndexPage, ThemeIndexPage
    from cms.visibility import Visibility
    from tests.factories import (
        InstrumentPageFactory,
        InstrumentTypeFactory,
        ProcessStepFactory,
        ThemePageFactory,
    )

    random.seed(7)
    home = HomePage.objects.get()
    theme_index = home.add_child(instance=ThemeIndexPage(title="Thema's", slug="themas"))
    instrument_index = home.add_child(
        instance=InstrumentIndexPage(title="Instrumenten", slug="instrumenten")
    )
    steps = [ProcessStepFactory(slug=f"stap-{n}", sort_order=n) for n in range(5)]
    kinds = [InstrumentTypeFactory(slug=f"type-{n}") for n in range(8)]
    theme_pages = [ThemePageFactory(parent=theme_index) for _ in range(themes)]
    for number in range(instruments):
        InstrumentPageFactory(
            parent=theme_pages[number % themes],
            title=f"Instrument {number} risicoanalyse beleid",
            instrument_type=random.choice(kinds),
            steps=random.sample(steps, k=random.randint(1, 2)),
            visibility=Visibility.MEMBERS if number % 6 == 0 else Visibility.PUBLIC,
        )
    return {
        "home": "/",
        "theme (matrix)": theme_pages[0].url,
        "instrument": theme_pages[0].get_children().live().last().url,
        "instrument list": instrument_index.url,
        "list, filtered": instrument_index.url + "?stap=stap-1&type=type-2",
        "list, page 5": instrument_index.url + "?page=5",
        "search": "/zoeken/?q=risicoanalyse",
        "sitemap": "/sitemap.xml",
    }


def measure(client, url, runs):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    timings = []
    for _ in range(runs):
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return statistics.median(timings), max(timings), len(queries)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--themes", type=int, default=9)
    parser.add_argument("--instruments", type=int, default=600)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()

    connection, name = setup_django()
    from django.test import Client

    try:
        started = time.perf_counter()
        urls = build_knowledge_base(themes=args.themes, instruments=args.instruments)
        print(f"{connection.vendor}: built {args.instruments} instruments in "
              f"{time.perf_counter() - started:.1f} s")
        for viewer in ("anonymous", "member"):
            client = Client()
            if viewer == "member":
                from tests.factories import MemberFactory

                client.force_login(MemberFactory())
            print(f"\n{viewer:<18}{'median ms':>10}{'max ms':>9}{'queries':>9}")
            for label, url in urls.items():
                median, worst, queries = measure(client, url, args.runs)
                print(f"{label:<18}{median:>10.1f}{worst:>9.1f}{queries:>9}")
    finally:
        connection.creation.destroy_test_db(name, verbosity=0)


if __name__ == "__main__":
    main()
