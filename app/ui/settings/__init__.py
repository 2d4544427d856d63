"""The owner's preferences and the Settings dialog."""
