"""Jaga: keeps a small business's WhatsApp numbers connected."""

__version__ = "0.1.0"
