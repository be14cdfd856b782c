<?xml version="1.0" encoding="UTF-8"?>
<!--
  chicago.xsl: a Chicago citation of one TEI document, as one line of plain text
  (no italics: the plain-text output has no way to show them; tk:chicago-html in
  citation.xsl gives the HTML form with the series title in <i>).

  The form is the one the Office of the Historian recommends for FRUS, see citation.xsl.
  Output: the citation and a newline.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tk="https://teikit.example/ns/functions"
  exclude-result-prefixes="#all">

  <xsl:import href="common.xsl"/>
  <xsl:import href="citation.xsl"/>

  <xsl:output method="text" encoding="UTF-8"/>

  <!-- param: form = "note" (a full first note, commas between the parts, default) or
       "bibliography" (a bibliography entry, periods between the parts). -->
  <xsl:param name="form" as="xs:string" select="'note'"/>

  <xsl:template match="/">
    <xsl:value-of select="tk:chicago-text(., $form)"/>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

</xsl:stylesheet>
