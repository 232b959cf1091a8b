"""Numbered PostgreSQL migrations, applied in order under an advisory lock."""
