"""Helpers tests share across packages (STYLE.md: never by importing another conftest)."""
