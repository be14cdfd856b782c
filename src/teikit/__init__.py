"""teikit: TEI-XML digital editions of FRUS documents from their page text.

The flow runs one way: text reader -> TEI tree -> validation -> XSLT outputs.
"""

__version__ = "0.1.0"
