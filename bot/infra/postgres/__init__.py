"""PostgreSQL storage: a pooled asyncpg database, its migrations and its repositories."""
