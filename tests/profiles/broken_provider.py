"""A personal-data provider that fails to erase: account_erase must then change nothing."""


def export(user):
    return {}


def erase(user):
    raise RuntimeError("erase failed half-way")


def declaration():
    from community.privacy.registry import Declaration

    return Declaration(title="Kapot", data=[], purpose="Test", retention="Test")
