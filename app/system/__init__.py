"""The computer around Jaga: data folders and their permissions, the keyring, start at
log-in, media files on disk, the screen's system libraries."""
