"""The Slack face: slack-bolt over Socket Mode, rendering the core's replies as Block Kit."""
