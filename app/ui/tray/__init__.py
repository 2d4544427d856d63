"""The tray icon and the notifications it shows."""
