"""The shop API and webhooks dialog."""
