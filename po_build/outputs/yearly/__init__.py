"""The yearly report: its figures sections, the assembled document the web page and the
PDF are both rendered from, its pages, and the CSV for Socialstyrelsen."""
