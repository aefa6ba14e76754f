"""Loaded files → checked records: `check_tree` runs every rule over a content folder and
returns the records of the files without errors, every problem found, and what became of
each file. `check.privacy` is the scanner for personal data."""
