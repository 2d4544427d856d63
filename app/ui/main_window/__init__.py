"""The main window: every number, the selected one in detail, banners, the owner's actions."""
