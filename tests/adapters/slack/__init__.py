"""End-to-end tests of the Slack face against a local fake Slack."""
