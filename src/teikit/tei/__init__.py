"""The TEI writer: document model -> lxml TEI tree, and its serialization."""
