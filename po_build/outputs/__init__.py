"""The projection → everything published: page specifications (one provider per kind of
page, listed once in `registry`), feeds, open data, attachments, the yearly report and its
PDF, and the build's accounting of every file."""
