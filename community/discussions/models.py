"""Discussions per instrument. Comments themselves are django-comments-xtd's XtdComment."""
