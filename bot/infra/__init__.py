"""Infrastructure: content files, SQLite, the scheduler and importers behind the core's ports."""
