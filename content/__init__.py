"""The shipped study content (YAML), packaged as bot.content."""
