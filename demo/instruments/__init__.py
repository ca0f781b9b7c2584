"""The instruments, one module per theme; each item is placed under its module's theme."""

from . import (
    crisisbeheersing,
    fysieke_veiligheid,
    informatiebeveiliging,
    integriteit,
    internationalisering,
    kennisveiligheid,
    privacy,
    sociale_veiligheid,
    zorgwekkend_gedrag,
)

THEME_MODULES = [
    sociale_veiligheid,
    informatiebeveiliging,
    kennisveiligheid,
    privacy,
    integriteit,
    zorgwekkend_gedrag,
    fysieke_veiligheid,
    crisisbeheersing,
    internationalisering,
]

INSTRUMENTS = [
    {**item, "theme": module.THEME} for module in THEME_MODULES for item in module.INSTRUMENTS
]
