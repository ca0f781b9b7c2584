"""The registry of personal-data providers (community/privacy/registry.py)."""


def test_every_app_with_personal_data_registers_a_provider_in_erasure_order():
    from community.privacy.registry import providers

    names = [provider.name for provider in providers()]

    assert set(names) == {"discussions", "events", "quickscan", "outbox", "members"}
    # Content first (it may still queue mail), then the outbox, then the account.
    assert names[-2:] == ["outbox", "members"]
