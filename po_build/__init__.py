"""po-build: a static-site generator for personligt ombud organisations."""

__version__ = "0.1.0"
