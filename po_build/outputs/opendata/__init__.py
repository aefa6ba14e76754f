"""Open data: every file, its description and the links to it come from one registry."""
