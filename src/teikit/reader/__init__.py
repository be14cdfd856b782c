"""The page-text reader: plain text -> :class:`~teikit.reader.model.Document`."""

from teikit.reader.document import read_document

__all__ = ["read_document"]
