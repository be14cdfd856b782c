<?xml version="1.0" encoding="UTF-8"?>
<!--
  csl-json.xsl: a CSL-JSON array holding one item for one TEI document.

  The item follows the Office of the Historian's own model (the CSL-JSON that history.state.gov
  embeds in each document page): the document is a chapter of its volume, the volume title is
  the container, the series and subseries are the collection, and "page" holds the location
  the Office cites. So a CSL processor names each fact once: with the CSL project's Chicago
  full-note style, "“Title,” in China, vol. XIX, Foreign Relations of the United States
  1958–1960 (Washington: …), Document 352, URL"; with csl/teikit-frus.csl, our own Chicago text.

  Built as the XML representation of JSON (namespace http://www.w3.org/2005/xpath-functions)
  and written with fn:xml-to-json, so the keys keep this order:
    id                the TEI id
    type              "chapter" (a part of a book) when the header names the series at least
                      (without a volume, Chicago styles still give "Document N" for a chapter),
                      "document" for a header with nothing but a title
    title             the document title
    container-title   the volume title ("China")
    collection-title  the series ("Foreign Relations of the United States")
    collection-number the subseries ("1958–1960")
    volume            the volume number without the word "Volume" ("XIX", "XIV, Part 1"); the
                      Office writes "Volume XIX", which standard styles print as "vol. Volume XIX"
    editor            the primary editors, each {"family", "given"[, "suffix"][, "comma-suffix"]}
                      as split by tk:name-parts; never the general editor
    publisher         as OH cites it ("Government Printing Office", see tk:short-publisher)
    publisher-place   "Washington"
    issued            {"date-parts": [[year]]}, the year the volume was published
    page              the location OH cites: "Document 352" since the 1955–57 subseries, the
                      page range before ("1261-1263"; hyphen: CSL processors format ranges)
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
          <j:string key="type">{if (exists(tk:cite-series($d))) then 'chapter' else 'document'}</j:string>
          <xsl:call-template name="tk:json-string">
            <xsl:with-param name="key" select="'title'"/>
            <xsl:with-param name="value" select="tk:doc-title($d)"/>
          </xsl:call-template>
          <xsl:call-template name="tk:json-string">
            <xsl:with-param name="key" select="'container-title'"/>
            <xsl:with-param name="value" select="tk:volume-title($d)[tk:has-volume($d)]"/>
          </xsl:call-template>
          <xsl:call-template name="tk:json-string">
            <xsl:with-param name="key" select="'collection-title'"/>
            <xsl:with-param name="value" select="tk:cite-series($d)"/>
          </xsl:call-template>
          <xsl:call-template name="tk:json-string">
            <xsl:with-param name="key" select="'collection-number'"/>
            <xsl:with-param name="value" select="tk:sub-series($d)"/>
          </xsl:call-template>
          <xsl:call-template name="tk:json-string">
            <xsl:with-param name="key" select="'volume'"/>
            <xsl:with-param name="value" select="tk:cite-volume($d)"/>
          </xsl:call-template>
          <xsl:if test="exists(tk:cite-editors($d))">
            <j:array key="editor">
              <xsl:for-each select="tk:cite-editors($d)">
                <xsl:variable name="parts" select="tk:name-parts(.)" as="map(xs:string, xs:string)"/>
                <j:map>
                  <xsl:for-each select="'family', 'given', 'suffix'">
                    <xsl:call-template name="tk:json-string">
                      <xsl:with-param name="key" select="."/>
                      <xsl:with-param name="value" select="$parts(current())"/>
                    </xsl:call-template>
                  </xsl:for-each>
                  <!-- "John Q. Smith, Jr.": the comma before the suffix, as the header writes it -->
                  <xsl:if test="$parts?suffix and matches(., ',\s*' || $parts?suffix || '$')">
                    <j:boolean key="comma-suffix">true</j:boolean>
                  </xsl:if>
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
            <xsl:with-param name="value" select="if (tk:cites-document-number($d)) then tk:cite-locator($d)
                else string-join((tk:first-page($d), tk:last-page($d)[. ne tk:first-page($d)]), '-')"/>
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
