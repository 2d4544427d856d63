"""What two or more window features use: words, translations, icons, banners, layout helpers."""
