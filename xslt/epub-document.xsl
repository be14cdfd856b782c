<?xml version="1.0" encoding="UTF-8"?>
<!--
  epub-document.xsl: one teikit TEI document as an EPUB 3 content document (XHTML).

  The text is rendered by the templates of html.xsl (paragraphs, lists, opener, closer,
  small capitals...) and then moved into the XHTML namespace. What differs from the web
  page: footnote references are EPUB note references (epub:type="noteref") to notes
  kept as EPUB footnotes (aside epub:type="footnote", each with a link back), and page
  breaks are EPUB page-break markers (epub:type="pagebreak", id pg_N) that the package's
  page-list points to; the document's first page, which has no break in the TEI, is
  marked at its heading (id page-start). Links to other documents go to their content
  documents in the same EPUB (document-links, as in html.xsl, with .xhtml addresses).
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:tk="https://teikit.example/ns/functions"
  xmlns:epub="http://www.idpf.org/2007/ops"
  xmlns="http://www.w3.org/1999/xhtml"
  exclude-result-prefixes="xs tei tk">

  <xsl:import href="html.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="no" omit-xml-declaration="no"/>

  <!-- param: css-href (from html.xsl): the EPUB's style sheet, relative to this document.
       param: document-links (from html.xsl): "number=address" pairs of the book's other
       documents, here with .xhtml addresses. Other parameters of html.xsl are not used. -->

  <xsl:template match="/">
    <xsl:if test="empty($tei)">
      <xsl:message terminate="yes">epub-document.xsl: the input has no TEI element</xsl:message>
    </xsl:if>
    <xsl:variable name="page" as="element()">
      <xsl:call-template name="epub-page"/>
    </xsl:variable>
    <xsl:apply-templates select="$page" mode="xhtml"/>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:template name="epub-page">
    <html xml:lang="{($tei/@xml:lang, 'en')[1]}" lang="{($tei/@xml:lang, 'en')[1]}">
      <head>
        <meta charset="utf-8"/>
        <title><xsl:value-of select="tk:page-title($tei)"/></title>
        <link rel="stylesheet" type="text/css" href="{$css-href}"/>
      </head>
      <body epub:type="bodymatter">
        <section class="document" epub:type="chapter" aria-labelledby="title">
          <h1 id="title" class="document-title">
            <xsl:for-each select="tk:first-page($tei)">
              <span id="page-start" epub:type="pagebreak" role="doc-pagebreak"
                    aria-label="Page {.}"/>
            </xsl:for-each>
            <xsl:choose>
              <xsl:when test="$doc-div/tei:head">
                <xsl:apply-templates select="$doc-div/tei:head[1]/node()"/>
              </xsl:when>
              <xsl:otherwise><xsl:value-of select="tk:doc-title($tei)"/></xsl:otherwise>
            </xsl:choose>
          </h1>
          <xsl:for-each select="tk:date-text($tei)">
            <p class="doc-date"><xsl:value-of select="."/></p>
          </xsl:for-each>
          <xsl:apply-templates select="$doc-div/node() except $doc-div/tei:head[1]"/>
          <xsl:variable name="notes" select="$doc-div//tei:note[tk:is-footnote(.)]"/>
          <xsl:if test="$notes">
            <section class="notes" epub:type="footnotes" aria-label="Notes">
              <xsl:for-each select="$notes">
                <xsl:variable name="note" select="."/>
                <xsl:variable name="id" select="tk:html-note-id(.)"/>
                <aside id="{$id}" epub:type="footnote" role="doc-footnote">
                  <xsl:for-each select="if (tei:p) then tei:p else .">
                    <p>
                      <xsl:if test="position() = 1">
                        <a class="note-label" href="#{$id}-ref" role="doc-backlink"><xsl:value-of select="tk:note-label($note)"/></a>
                        <xsl:text> </xsl:text>
                      </xsl:if>
                      <xsl:apply-templates/>
                    </p>
                  </xsl:for-each>
                </aside>
              </xsl:for-each>
            </section>
          </xsl:if>
        </section>
      </body>
    </html>
  </xsl:template>

  <!-- A footnote reference: an EPUB note reference. -->
  <xsl:template match="tei:note[tk:is-footnote(.)]">
    <xsl:variable name="id" select="tk:html-note-id(.)"/>
    <sup class="fnref"><a id="{$id}-ref" href="#{$id}" epub:type="noteref" role="doc-noteref"><xsl:value-of select="tk:note-label(.)"/></a></sup>
  </xsl:template>

  <!-- A page break: an EPUB page-break marker with the TEI's id, for the page-list. -->
  <xsl:template match="tei:pb">
    <xsl:variable name="id" select="string((@xml:id, 'pb-' || count(preceding::tei:pb) + 1)[1])"/>
    <xsl:variable name="marker">
      <span class="pb" id="{$id}" epub:type="pagebreak" role="doc-pagebreak" aria-label="{tk:pb-label(.)}"><xsl:value-of select="'[' || tk:pb-label(.) || ']'"/></span>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="parent::tei:div or parent::tei:body or parent::tei:quote">
        <div class="pb-block"><xsl:sequence select="$marker"/></div>
      </xsl:when>
      <xsl:otherwise><xsl:sequence select="$marker"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ===== into the XHTML namespace ================================== -->

  <xsl:template match="*" mode="xhtml">
    <xsl:element name="{local-name()}" namespace="http://www.w3.org/1999/xhtml">
      <xsl:copy-of select="@* except (@class[not(normalize-space())])"/>
      <xsl:apply-templates mode="xhtml"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="text()" mode="xhtml">
    <xsl:copy/>
  </xsl:template>

</xsl:stylesheet>
