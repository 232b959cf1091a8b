"""Spaced repetition: cards per member and term, scheduled with FSRS, and /review and /stats."""
