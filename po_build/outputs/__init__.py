"""Files the build writes besides the pages."""
