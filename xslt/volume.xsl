<?xml version="1.0" encoding="UTF-8"?>
<!--
  volume.xsl: the page of one volume (<volume-id>.html), made from the edition's facts.

  Input: the facts tree of teikit.facts.facts_xml (see site.xsl); the volume is chosen by
  the volume-id parameter. The page has a breadcrumb (edition › volume), the volume's
  titles, editors by role and year, links to the volume in other forms (EPUB, the volume
  TEI file, the edition corpus; each given by a parameter, left out when ""), and its
  documents in number order with date, title and pages, each linking to its page.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:f="urn:teikit:facts"
  xmlns:tk="https://teikit.example/ns/functions"
  exclude-result-prefixes="#all">

  <xsl:import href="html.xsl"/>
  <xsl:import href="site.xsl"/>

  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no"
              include-content-type="no"/>

  <!-- param: volume-id: the id of the volume to show (required). -->
  <xsl:param name="volume-id" as="xs:string" select="''"/>

  <!-- param: epub-href: the address of the volume's EPUB; "" leaves the link out. -->
  <xsl:param name="epub-href" as="xs:string" select="''"/>

  <!-- param: volume-file-href: the address of the volume's TEI file; "" leaves it out. -->
  <xsl:param name="volume-file-href" as="xs:string" select="''"/>

  <!-- param: dts-collection-href: the address of the volume's DTS collection (static tree);
       "" leaves it out. -->
  <xsl:param name="dts-collection-href" as="xs:string" select="''"/>

  <xsl:variable name="volume" select="$site-volumes[@id = $volume-id][1]"/>

  <xsl:template match="/">
    <xsl:if test="empty($volume)">
      <xsl:message terminate="yes">volume.xsl: the facts hold no volume with the id "<xsl:value-of
        select="$volume-id"/>"</xsl:message>
    </xsl:if>
    <xsl:variable name="page" as="element()">
      <xsl:call-template name="volume-page"/>
    </xsl:variable>
    <xsl:apply-templates select="$page" mode="pretty"/>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:template name="volume-page">
    <xsl:variable name="heading" select="tk:volume-heading($volume)"/>
    <xsl:variable name="parts" select="tk:id-parts($volume/@id)"/>
    <html lang="en">
      <xsl:call-template name="site-head">
        <xsl:with-param name="title" select="$heading || ' | ' || $edition-title"/>
      </xsl:call-template>
      <body>
        <a class="skip-link" href="#main">Skip to the volume</a>
        <xsl:call-template name="site-banner">
          <xsl:with-param name="trail" select="('Volumes', $index-href)"/>
          <xsl:with-param name="current" select="tk:volume-short($volume)"/>
        </xsl:call-template>
        <main id="main" tabindex="-1">
          <h1><xsl:value-of select="$heading"/></h1>
          <section class="metadata" aria-labelledby="about-heading">
            <h2 id="about-heading">About this volume</h2>
            <dl>
              <dt>Series</dt>
              <dd><xsl:value-of select="string-join(((tk:volume-title-of($volume, 'series'), 'Foreign Relations of the United States')[1],
                                                     (tk:volume-title-of($volume, 'sub-series'), $parts?years)[1]), ', ')"/></dd>
              <xsl:for-each select="(tk:volume-title-of($volume, 'volume-number'), $parts?number)[1]">
                <dt>Volume</dt>
                <dd><xsl:value-of select="string-join((., tk:volume-title-of($volume, 'volume')), ', ')"/></dd>
              </xsl:for-each>
              <xsl:for-each select="distinct-values($volume/f:editor/string(@role))">
                <xsl:variable name="role" select="."/>
                <xsl:variable name="names" select="$volume/f:editor[string(@role) = $role] ! normalize-space()"/>
                <dt><xsl:value-of select="tk:role-label($role, count($names))"/></dt>
                <dd><xsl:value-of select="tk:join-names($names)"/></dd>
              </xsl:for-each>
              <xsl:for-each select="tk:imprint($volume)[.]">
                <dt>Published</dt>
                <dd><xsl:value-of select="."/></dd>
              </xsl:for-each>
              <dt>In this edition</dt>
              <dd><xsl:value-of select="count($volume/f:doc) || (if (count($volume/f:doc) = 1) then ' document' else ' documents')"/></dd>
            </dl>
          </section>
          <xsl:if test="$epub-href or $volume-file-href or $corpus-href or $dts-collection-href">
            <section class="formats" aria-labelledby="formats-heading">
              <h2 id="formats-heading">This volume in other forms</h2>
              <ul class="downloads">
                <xsl:if test="$epub-href"><li><a href="{$epub-href}" type="application/epub+zip">EPUB</a></li></xsl:if>
                <xsl:if test="$volume-file-href"><li><a href="{$volume-file-href}" type="application/tei+xml">Volume TEI file</a></li></xsl:if>
                <xsl:if test="$corpus-href"><li><a href="{$corpus-href}" type="application/tei+xml">TEI corpus of the edition</a></li></xsl:if>
                <xsl:if test="$dts-collection-href"><li><a href="{$dts-collection-href}" type="application/ld+json">DTS collection</a></li></xsl:if>
              </ul>
            </section>
          </xsl:if>
          <section class="volume" id="contents" aria-labelledby="contents-heading">
            <h2 id="contents-heading">Documents</h2>
            <xsl:call-template name="doc-table">
              <xsl:with-param name="docs" select="$volume/f:doc"/>
              <xsl:with-param name="caption" select="'Documents of the volume, in order'"/>
            </xsl:call-template>
          </section>
        </main>
        <xsl:call-template name="site-footer"/>
      </body>
    </html>
  </xsl:template>

</xsl:stylesheet>
