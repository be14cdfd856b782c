<?xml version="1.0" encoding="UTF-8"?>
<!--
  csl-json.xsl: a CSL-JSON array holding one item for one TEI document.

  Built as the XML representation of JSON (namespace http://www.w3.org/2005/xpath-functions)
  and written with fn:xml-to-json, so the keys keep this order:
    id                the TEI id
    type              "chapter" (a part of a book) when the header names the volume,
                      "document" without catalog facts
    title             the document title
    container-title   the volume as OH cites it: series, subseries, volume number, volume title
    collection-title  the series ("Foreign Relations of the United States")
    volume            the volume number without the word "Volume" ("XIX", "XIV, Part 1")
    editor            the primary editors, each {"family", "given"[, "suffix"]} as split by
                      tk:name-parts; never the general editor
    publisher         as OH cites it ("Government Printing Office", see tk:short-publisher)
    publisher-place   "Washington"
    issued            {"date-parts": [[year]]}, the year the volume was published
    page              "721-723" (hyphen: CSL processors format the range themselves)
    number            the document number, "352"
    URL               the history.state.gov address
  Members are left out when the header lacks the fact.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tk="https://teikit.example/ns/functions"
  xmlns:j="http://www.w3.org/2005/xpath-functions"
  exclude-result-prefixes="#all"
  expand-text="yes">

  <xsl:import href="common.xsl"/>
  <xsl:import href="citation.xsl"/>

  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:template name="tk:json-string">
    <xsl:param name="key" as="xs:string"/>
    <xsl:param name="value" as="xs:string?"/>
    <xsl:if test="normalize-space($value)">
      <j:string key="{$key}"><xsl:value-of select="$value"/></j:string>
    </xsl:if>
  </xsl:template>

  <xsl:template match="/">
    <xsl:variable name="d" select="."/>
    <xsl:variable name="item" as="element(j:array)">
      <j:array>
        <j:map>
          <xsl:call-template name="tk:json-string">
            <xsl:with-param name="key" select="'id'"/>
            <xsl:with-param name="value" select="(tk:id($d), 'teikit-document')[1]"/>
          </xsl:call-template>
          <j:string key="type">{if (tk:has-volume($d)) then 'chapter' else 'document'}</j:string>
          <xsl:call-template name="tk:json-string">
            <xsl:with-param name="key" select="'title'"/>
            <xsl:with-param name="value" select="tk:doc-title($d)"/>
          </xsl:call-template>
          <xsl:call-template name="tk:json-string">
            <xsl:with-param name="key" select="'container-title'"/>
            <xsl:with-param name="value" select="tk:cite-container($d)[tk:has-volume($d)]"/>
          </xsl:call-template>
          <xsl:call-template name="tk:json-string">
            <xsl:with-param name="key" select="'collection-title'"/>
            <xsl:with-param name="value" select="tk:cite-series($d)"/>
          </xsl:call-template>
          <xsl:call-template name="tk:json-string">
            <xsl:with-param name="key" select="'volume'"/>
            <xsl:with-param name="value" select="tk:cite-volume($d)"/>
          </xsl:call-template>
          <xsl:if test="exists(tk:cite-editors($d))">
            <j:array key="editor">
              <xsl:for-each select="tk:cite-editors($d) ! tk:name-parts(.)">
                <xsl:variable name="parts" select="." as="map(xs:string, xs:string)"/>
                <j:map>
                  <xsl:for-each select="'family', 'given', 'suffix'">
                    <xsl:call-template name="tk:json-string">
                      <xsl:with-param name="key" select="."/>
                      <xsl:with-param name="value" select="$parts(current())"/>
                    </xsl:call-template>
                  </xsl:for-each>
                </j:map>
              </xsl:for-each>
            </j:array>
          </xsl:if>
          <xsl:call-template name="tk:json-string">
            <xsl:with-param name="key" select="'publisher'"/>
            <xsl:with-param name="value" select="tk:cite-publisher($d)"/>
          </xsl:call-template>
          <xsl:call-template name="tk:json-string">
            <xsl:with-param name="key" select="'publisher-place'"/>
            <xsl:with-param name="value" select="tk:pub-place($d)"/>
          </xsl:call-template>
          <xsl:if test="tk:pub-year($d) castable as xs:integer">
            <j:map key="issued">
              <j:array key="date-parts">
                <j:array><j:number>{tk:pub-year($d)}</j:number></j:array>
              </j:array>
            </j:map>
          </xsl:if>
          <xsl:call-template name="tk:json-string">
            <xsl:with-param name="key" select="'page'"/>
            <xsl:with-param name="value" select="string-join((tk:first-page($d), tk:last-page($d)[. ne tk:first-page($d)]), '-')"/>
          </xsl:call-template>
          <xsl:call-template name="tk:json-string">
            <xsl:with-param name="key" select="'number'"/>
            <xsl:with-param name="value" select="tk:doc-number($d)"/>
          </xsl:call-template>
          <xsl:call-template name="tk:json-string">
            <xsl:with-param name="key" select="'URL'"/>
            <xsl:with-param name="value" select="tk:url($d)"/>
          </xsl:call-template>
        </j:map>
      </j:array>
    </xsl:variable>
    <xsl:value-of select="xml-to-json($item, map {'indent': true()})"/>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

</xsl:stylesheet>
