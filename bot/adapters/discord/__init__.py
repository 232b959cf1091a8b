"""The Discord face of the bot, built on discord.py."""
