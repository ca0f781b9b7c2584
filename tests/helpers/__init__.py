"""Helpers shared by tests in several packages (import these; never import a conftest)."""
