"""The public sample site in a real browser: accessibility, keyboard, screens, print, HTML."""
