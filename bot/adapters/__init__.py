"""Chat faces of the bot; the only place chat SDKs are imported."""
