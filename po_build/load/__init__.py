"""Files → text and data: walking the content folder, reading text in any encoding a
person may have saved it in, front matter with the position of every value, the
vocabulary file and mkdocs.yml. Bad input becomes a located problem, never an exception."""
