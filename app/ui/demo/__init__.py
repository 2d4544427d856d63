"""The demo's controls (--demo only)."""
