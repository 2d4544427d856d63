"""The bridge panel: the helper process's state, restarts and log."""
