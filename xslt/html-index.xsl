<?xml version="1.0" encoding="UTF-8"?>
<!--
  html-index.xsl: the index page of an edition.

  Input: a tei:teiCorpus holding the edition's tei:TEI documents (teikit's render
  module builds it), or a single tei:TEI (an index of one). Documents are grouped by
  volume (volumes in order of their ids, documents without a volume last), and listed
  in document order (by number) with their number, title, date and pages, each
  linking to its page <id>.html. It shares the banner, footer, style sheet and
  indentation of html.xsl, whose parameters (css-href, edition-title) apply here too.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:tk="https://teikit.example/ns/functions"
  exclude-result-prefixes="#all">

  <xsl:import href="html.xsl"/>

  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no"
              include-content-type="no"/>

  <!-- param: page-suffix: what follows a document's id in the address of its page. -->
  <xsl:param name="page-suffix" as="xs:string" select="'.html'"/>

  <xsl:variable name="docs" select="//tei:TEI"/>

  <xsl:template match="/">
    <xsl:variable name="page" as="element()">
      <xsl:call-template name="index-page"/>
    </xsl:variable>
    <xsl:apply-templates select="$page" mode="pretty"/>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:function name="tk:number-key" as="xs:double">
    <xsl:param name="doc" as="element(tei:TEI)"/>
    <xsl:variable name="n" select="tk:doc-number($doc)"/>
    <xsl:sequence select="if ($n castable as xs:double) then xs:double($n) else 1e9"/>
  </xsl:function>

  <xsl:function name="tk:volume-anchor" as="xs:string">
    <xsl:param name="volume-id" as="xs:string"/>
    <xsl:sequence select="if ($volume-id) then 'volume-' || replace($volume-id, '[^A-Za-z0-9_-]', '-')
                          else 'volume-none'"/>
  </xsl:function>

  <xsl:template name="index-page">
    <!-- one map per volume: 'key' (the volume id, "" for none), 'docs' (in document order) -->
    <xsl:variable name="groups" as="map(*)*">
      <xsl:for-each-group select="$docs" group-by="string(tk:volume-id(.))">
        <xsl:sort select="if (current-grouping-key()) then 0 else 1"/>
        <xsl:sort select="current-grouping-key()"/>
        <xsl:variable name="ordered" as="element(tei:TEI)*">
          <xsl:perform-sort select="current-group()">
            <xsl:sort select="tk:number-key(.)"/>
            <xsl:sort select="string(tk:id(.))"/>
          </xsl:perform-sort>
        </xsl:variable>
        <xsl:sequence select="map { 'key': current-grouping-key(), 'docs': $ordered }"/>
      </xsl:for-each-group>
    </xsl:variable>
    <html lang="en">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="$edition-title"/></title>
        <link rel="stylesheet" href="{$css-href}"/>
      </head>
      <body>
        <a class="skip-link" href="#main">Skip to the list of documents</a>
        <header class="site-header">
          <p class="edition-title"><xsl:value-of select="$edition-title"/></p>
          <nav aria-label="Volumes">
            <ul>
              <xsl:for-each select="$groups">
                <li><a href="#{tk:volume-anchor(?key)}">
                  <xsl:value-of select="if (?key != '') then (tk:volume-number(?docs[1]), ?key)[1] else 'Other documents'"/>
                </a></li>
              </xsl:for-each>
            </ul>
          </nav>
        </header>
        <main id="main" tabindex="-1">
          <h1><xsl:value-of select="$edition-title"/></h1>
          <p>
            <xsl:value-of select="count($docs) || (if (count($docs) = 1) then ' document' else ' documents')
                                  || ' in ' || count($groups[?key != ''])
                                  || (if (count($groups[?key != '']) = 1) then ' volume' else ' volumes')"/>
            <xsl:if test="$groups[?key = '']">
              <xsl:text>, and documents without a volume</xsl:text>
            </xsl:if>
            <xsl:text>.</xsl:text>
          </p>
          <xsl:for-each select="$groups">
            <xsl:call-template name="volume">
              <xsl:with-param name="key" select="?key"/>
              <xsl:with-param name="docs" select="?docs"/>
            </xsl:call-template>
          </xsl:for-each>
        </main>
        <footer class="site-footer">
          <p>The text of Foreign Relations of the United States is a work of the United States Government, in the public domain. Made with teikit.</p>
        </footer>
      </body>
    </html>
  </xsl:template>

  <xsl:template name="volume">
    <xsl:param name="key" as="xs:string"/>
    <xsl:param name="docs" as="element(tei:TEI)*"/>
    <xsl:variable name="anchor" select="tk:volume-anchor($key)"/>
    <xsl:variable name="first" select="$docs[1]"/>
    <section class="volume" id="{$anchor}" aria-labelledby="{$anchor}-heading">
      <h2 id="{$anchor}-heading">
        <xsl:value-of select="if ($key != '') then (tk:volume-complete-title($first), $key)[1] else 'Documents without a volume'"/>
      </h2>
      <xsl:if test="$key != ''">
        <p class="volume-facts">
          <xsl:value-of select="string-join((
              tk:editors($first, 'primary')[1] ! ('Edited by ' || tk:join-names(tk:editors($first, 'primary'))),
              string-join((tk:pub-place($first) ! (. || ':'), tk:publisher($first) ! (. || ','), tk:pub-year($first)), ' ')[normalize-space()]
            ), '. ') || '.'"/>
        </p>
      </xsl:if>
      <table>
        <caption class="visually-hidden">Documents, in order</caption>
        <thead>
          <tr>
            <th scope="col" class="number">No.</th>
            <th scope="col">Title</th>
            <th scope="col">Date</th>
            <th scope="col">Pages</th>
          </tr>
        </thead>
        <tbody>
          <xsl:for-each select="$docs">
            <tr>
              <td class="number"><xsl:value-of select="tk:doc-number(.)"/></td>
              <td><a href="{tk:id(.) || $page-suffix}"><xsl:value-of select="tk:doc-title(.)"/></a></td>
              <td>
                <xsl:choose>
                  <xsl:when test="tk:date(.)"><time datetime="{tk:date(.)}"><xsl:value-of select="tk:date-text(.)"/></time></xsl:when>
                  <xsl:otherwise><xsl:value-of select="tk:date-text(.)"/></xsl:otherwise>
                </xsl:choose>
              </td>
              <td class="pages"><xsl:value-of select="tk:pages(.)"/></td>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
    </section>
  </xsl:template>

</xsl:stylesheet>
