"""The `po` command: `po check`, `po ny`, `po lista`, `po status`, `po granska`, and the
helpers they share (finding the content folder, dates, the one git runner)."""
