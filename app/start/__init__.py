"""Starting and ending the desktop app: launcher, data folder, single instance, quit paths."""
