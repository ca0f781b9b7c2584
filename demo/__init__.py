"""Demo content for `manage.py seed_demo`: plain data modules plus the code that loads them.

The texts are our own, written for the demo; the people, institutions' e-mail domains,
addresses and meeting links are fictitious (`.example`).
"""
