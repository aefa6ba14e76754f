"""The scanner for personal data (PO401–PO408), one module per kind of identifier.

`scan.scan_text` runs every detector over a text and resolves overlaps; `files` runs it
over a whole file and reports at file positions.
"""
