import pytest

from tests.factories import InstrumentPageFactory, ThemePageFactory


@pytest.mark.django_db
def test_home_theme_instrument_render(client, site_tree, steps, instrument_types):
    theme = ThemePageFactory(parent=site_tree["themes"], title="Kennisveiligheid")
    instrument = InstrumentPageFactory(
        parent=theme, title="Risicoanalyse buitenlandse samenwerking",
        instrument_type=instrument_types[0], steps=[steps[0]],
    )
    for url in ["/", theme.url, instrument.url, site_tree["instruments"].url,
                site_tree["news"].url, site_tree["events"].url, "/zoeken/?q=risico"]:
        response = client.get(url)
        assert response.status_code == 200, url
    assert "Risicoanalyse buitenlandse samenwerking" in client.get(theme.url).content.decode()
