"""The MkDocs plugin `po`: hooks only. Every option is validated when MkDocs reads its
configuration; the work is done by the stages below."""
