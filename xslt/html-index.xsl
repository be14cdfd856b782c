<?xml version="1.0" encoding="UTF-8"?>
<!--
  html-index.xsl: the index page of an edition, made from the edition's facts.

  Input: the facts tree of teikit.facts.facts_xml (see site.xsl), never the documents,
  so an edition of any size costs a few bytes per document here. The page lists the
  volumes in order of their ids (title, year, number of documents), and the documents
  without a volume under a heading of their own, last.

  With volume-pages="yes" (what the edition build writes) each volume links to its own
  page (<volume-id>.html, xslt/volume.xsl), which lists its documents; with "no" (what
  `teikit render - -to html` writes, having no volume pages) the documents of each volume
  are listed here. Volumes without a catalog description are named from their id
  ("1961–1963, Volume V") or, failing that, shown by the id itself.
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

  <!-- param: volume-pages: "yes" links each volume to its page and lists only volume-less
       documents here; "no" lists every document here. -->
  <xsl:param name="volume-pages" as="xs:string" select="'no'"/>

  <xsl:template match="/">
    <xsl:if test="empty(/f:edition)">
      <xsl:message terminate="yes">html-index.xsl: the input is not an edition's facts (urn:teikit:facts)</xsl:message>
    </xsl:if>
    <xsl:variable name="page" as="element()">
      <xsl:call-template name="index-page"/>
    </xsl:variable>
    <xsl:apply-templates select="$page" mode="pretty"/>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:function name="tk:plural" as="xs:string">
    <xsl:param name="count" as="xs:integer"/>
    <xsl:param name="word" as="xs:string"/>
    <xsl:sequence select="$count || ' ' || $word || (if ($count = 1) then '' else 's')"/>
  </xsl:function>

  <xsl:function name="tk:volume-anchor" as="xs:string">
    <xsl:param name="v" as="element(f:volume)"/>
    <xsl:sequence select="if ($v/@id) then 'volume-' || replace($v/@id, '[^A-Za-z0-9_-]', '-')
                          else 'volume-none'"/>
  </xsl:function>

  <xsl:template name="index-page">
    <xsl:variable name="described" select="$site-volumes[@id]"/>
    <xsl:variable name="loose" select="$site-volumes[empty(@id)]"/>
    <html lang="en">
      <xsl:call-template name="site-head">
        <xsl:with-param name="title" select="$edition-title"/>
      </xsl:call-template>
      <body>
        <a class="skip-link" href="#main">Skip to the list of volumes</a>
        <xsl:call-template name="site-banner"/>
        <main id="main" tabindex="-1">
          <h1><xsl:value-of select="$edition-title"/></h1>
          <p class="edition-facts">
            <xsl:value-of select="tk:plural(count($site-volumes/f:doc), 'document')
                                  || (if ($described) then ' in ' || tk:plural(count($described), 'volume') else '')
                                  || (if ($loose and $described) then ', and documents without a volume'
                                      else if ($loose) then ', none of them in a described volume' else '')
                                  || '.'"/>
          </p>
          <xsl:if test="$described and $volume-pages = 'yes'">
            <section class="volumes" aria-labelledby="volumes-heading">
              <h2 id="volumes-heading">Volumes</h2>
              <ul class="volume-list">
                <xsl:for-each select="$described">
                  <li id="{tk:volume-anchor(.)}">
                    <a href="{tk:volume-page(@id)}"><xsl:value-of select="tk:volume-heading(.)"/></a>
                    <span class="volume-facts">
                      <xsl:value-of select="string-join((f:year, tk:plural(count(f:doc), 'document')), ' · ')"/>
                    </span>
                  </li>
                </xsl:for-each>
              </ul>
            </section>
          </xsl:if>
          <xsl:for-each select="if ($volume-pages = 'yes') then $loose else $site-volumes">
            <xsl:variable name="anchor" select="tk:volume-anchor(.)"/>
            <section class="volume" id="{$anchor}" aria-labelledby="{$anchor}-heading">
              <h2 id="{$anchor}-heading"><xsl:value-of select="tk:volume-heading(.)"/></h2>
              <xsl:if test="@id">
                <xsl:variable name="facts" select="string-join((
                    f:editor[@role = 'primary'][1] ! ('Edited by ' || tk:join-names(../f:editor[@role = 'primary'] ! normalize-space())),
                    tk:imprint(.)[.]), '. ')"/>
                <xsl:if test="$facts"><p class="volume-facts"><xsl:value-of select="$facts || '.'"/></p></xsl:if>
              </xsl:if>
              <xsl:call-template name="doc-table">
                <xsl:with-param name="docs" select="f:doc"/>
                <xsl:with-param name="caption" select="'Documents, in order'"/>
              </xsl:call-template>
            </section>
          </xsl:for-each>
        </main>
        <xsl:call-template name="site-footer"/>
      </body>
    </html>
  </xsl:template>

</xsl:stylesheet>
