"""The projection's texts → safe HTML: one Markdown pipeline (headings shifted, ids and the
table of contents made by Python-Markdown treeprocessors, then sanitised), the Jinja
filters, and the charts."""
