"""The one way po reads XML (SVG attachments, XMP packets in images): expat, never fetching
or expanding an external parameter entity, so a file cannot make the build read another."""

from __future__ import annotations

from xml.parsers import expat


def xml_parser(namespaces: bool = True) -> expat.XMLParserType:
    """A new parser; with `namespaces`, element names come as 'namespace localname'."""
    parser = expat.ParserCreate(namespace_separator=" ") if namespaces else expat.ParserCreate()
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    return parser
