"""Helpers shared by tests of more than one package."""
