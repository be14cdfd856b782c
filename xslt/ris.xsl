<?xml version="1.0" encoding="UTF-8"?>
<!--
  ris.xsl: an RIS record for one TEI document.

  Type: TY CHAP (a section of a book) when the header names the volume, so that reference
  managers keep the document, its volume and the volume's editors apart; GOVDOC would
  describe the whole volume as a government publication and has no book-title slot for the
  volume. Without catalog facts the type is GEN (generic).

  One tag per line, "XX  - value", LF line ends, UTF-8, then "ER  - " and an empty line.
  Tags, in this order, each only when the header has the fact:
    TY  CHAP or GEN             ID  the TEI id
    TI  document title          T2  the volume title ("China"), the book the document is part of
    T3  the series and subseries as the Office names them
        ("Foreign Relations of the United States, 1958–1960")
                                A2  one per primary editor, "Family, Given[, Suffix]"
    VL  volume number ("XIX")   SE  "Document N" (the location OH cites for 1955 and later)
    SP, EP  first and last page (EP only when it differs)
    PY  year of publication
    CY  place                   PB  publisher as OH cites it ("Government Printing Office")
    UR  the history.state.gov address
    LA  the TEI language (xml:lang)
  The facts follow the Office of the Historian's model (as its CSL-JSON does), each in one tag,
  so that a reference manager names none twice: T2 does not repeat the series or the volume
  number.
  Values are written as they are, en dashes included; line breaks inside a value become spaces.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:tk="https://teikit.example/ns/functions"
  exclude-result-prefixes="#all">

  <xsl:import href="common.xsl"/>
  <xsl:import href="citation.xsl"/>

  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:function name="tk:ris-line" as="xs:string*">
    <xsl:param name="tag" as="xs:string"/>
    <xsl:param name="values" as="xs:string*"/>
    <xsl:sequence select="$values[normalize-space()] ! ($tag || '  - ' || normalize-space(.))"/>
  </xsl:function>

  <xsl:function name="tk:ris-name" as="xs:string">
    <xsl:param name="name" as="xs:string"/>
    <xsl:variable name="p" select="tk:name-parts($name)"/>
    <xsl:sequence select="string-join(($p?family, $p?given, $p?suffix)[.], ', ')"/>
  </xsl:function>

  <xsl:template match="/">
    <xsl:variable name="lines" as="xs:string*" select="
        tk:ris-line('TY', if (tk:has-volume(.)) then 'CHAP' else 'GEN'),
        tk:ris-line('ID', tk:id(.)),
        tk:ris-line('TI', tk:doc-title(.)),
        tk:ris-line('T2', if (tk:has-volume(.)) then tk:volume-title(.) else ()),
        tk:ris-line('T3', string-join((tk:cite-series(.), tk:sub-series(.))[.], ', ')),
        tk:ris-line('A2', tk:cite-editors(.) ! tk:ris-name(.)),
        tk:ris-line('VL', tk:cite-volume(.)),
        tk:ris-line('SE', tk:doc-number(.) ! ('Document ' || .)),
        tk:ris-line('SP', tk:first-page(.)),
        tk:ris-line('EP', tk:last-page(.)[. ne tk:first-page(current())]),
        tk:ris-line('PY', tk:pub-year(.)),
        tk:ris-line('CY', tk:pub-place(.)),
        tk:ris-line('PB', tk:cite-publisher(.)),
        tk:ris-line('UR', tk:url(.)),
        tk:ris-line('LA', tk:tei(.)/@xml:lang ! string()),
        'ER  - '"/>
    <xsl:value-of select="$lines" separator="&#10;"/>
    <xsl:text>&#10;&#10;</xsl:text>
  </xsl:template>

</xsl:stylesheet>
