<?xml version="1.0" encoding="UTF-8"?>
<!--
  epub-title.xsl: the title page (XHTML) of a volume's EPUB, made from the edition's facts.

  Input: the facts tree of teikit.facts.facts_xml (see site.xsl); the volume is chosen by
  the volume-id parameter. The page's h1 is the volume's heading, the same as on its web
  page (tk:volume-heading); teikit.epub reads it back for the book's title and contents.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:f="urn:teikit:facts"
  xmlns:tk="https://teikit.example/ns/functions"
  xmlns:epub="http://www.idpf.org/2007/ops"
  xmlns="http://www.w3.org/1999/xhtml"
  exclude-result-prefixes="xs f tk">

  <xsl:import href="html.xsl"/>
  <xsl:import href="site.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>

  <!-- param: volume-id: the id of the volume (required). -->
  <xsl:param name="volume-id" as="xs:string" select="''"/>

  <!-- param: css-href (from html.xsl): the book's style sheet, relative to the page. -->

  <xsl:variable name="volume" select="$site-volumes[@id = $volume-id][1]"/>

  <xsl:template match="/">
    <xsl:if test="empty($volume)">
      <xsl:message terminate="yes">epub-title.xsl: the facts hold no volume with the id "<xsl:value-of
        select="$volume-id"/>"</xsl:message>
    </xsl:if>
    <xsl:variable name="heading" select="tk:volume-heading($volume)"/>
    <html xml:lang="en" lang="en">
      <head>
        <meta charset="utf-8"/>
        <title><xsl:value-of select="$heading"/></title>
        <link rel="stylesheet" type="text/css" href="{$css-href}"/>
      </head>
      <body>
        <section class="titlepage" epub:type="titlepage">
          <h1><xsl:value-of select="$heading"/></h1>
          <xsl:for-each select="distinct-values($volume/f:editor/string(@role))">
            <xsl:variable name="role" select="."/>
            <xsl:variable name="names" select="$volume/f:editor[string(@role) = $role] ! normalize-space()"/>
            <p class="editors"><xsl:value-of select="tk:role-label($role, count($names)) || ': ' || tk:join-names($names)"/></p>
          </xsl:for-each>
          <xsl:for-each select="tk:imprint($volume)[.]">
            <p class="published"><xsl:value-of select="."/></p>
          </xsl:for-each>
          <p class="made">Made with teikit from the Office of the Historian's page texts. The text
            of Foreign Relations of the United States is a work of the United States Government,
            in the public domain.</p>
        </section>
      </body>
    </html>
  </xsl:template>

</xsl:stylesheet>
