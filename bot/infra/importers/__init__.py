"""Importers that turn notes and other glossaries into studybot content."""
