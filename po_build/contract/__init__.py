"""What the content format is, with no I/O: the schema, the problem codes, the markers,
the report sections, the folder layout and the vocabulary's fixed structure.

Every other stage imports its contracts from here and nowhere else, so a field, a code
or a marker is defined once.
"""
