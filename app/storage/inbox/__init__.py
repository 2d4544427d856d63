"""The inbox's tables and repositories (migration 0008_inbox)."""
