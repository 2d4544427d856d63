"""Linking a number: the QR to scan or the code to type, and the moment it works."""
