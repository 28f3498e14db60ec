"""Package metadata. Imported by the entry points, so it must stay dependency-free."""

__version__ = "0.1.0"
__schema__ = "conflictnlp/1"
