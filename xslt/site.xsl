<?xml version="1.0" encoding="UTF-8"?>
<!--
  site.xsl: the shared module of the edition-wide pages (index, volume pages, search page).

  Those pages are made from the edition's facts, never from the documents themselves:
  the input is the small tree teikit.facts.facts_xml writes,

    <edition xmlns="urn:teikit:facts">
      <volume id="frus1958-60v19">          (no @id: the documents without a volume)
        <title type="complete|series|sub-series|volume-number|volume">…</title>
        <year>1996</year>
        <editor role="primary">…</editor>
        <doc id="…" n="352" when="1960-09-10" date="September 10, 1960"
             from-page="721" to-page="723" notes="2" pages="2">title</doc>
      </volume>
    </edition>

  This module holds the functions over that tree (tk: namespace) and the page chrome the
  entry stylesheets share (banner, breadcrumb, footer). It imports nothing; the entry
  stylesheets import html.xsl (for its indentation mode) and then this module.

  Functions
    tk:volume-page($id)          the address of a volume's page: "<volume-id>.html"
    tk:id-parts($id)             (in common.xsl) what a FRUS volume id says
    tk:volume-heading($v)        a volume's full title: complete title, else one made from its
                                 other titles or its id, else the id
    tk:volume-short($v)          a short name: "Volume XIX: China", "1961–1963, Volume V" ...
    tk:imprint($v)               "Washington: United States Government Printing Office, 1996",
                                 as much of it as the facts hold ("" for none)
    tk:doc-pages($d)             "721–723", "97", or ""
    tk:year-of($d)               the year of a document's date, or ""
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:f="urn:teikit:facts"
  xmlns:tk="https://teikit.example/ns/functions"
  exclude-result-prefixes="#all">

  <xsl:import href="common.xsl"/>

  <!-- param: edition-title: the name of the edition, in banners and the index heading. -->
  <xsl:param name="edition-title" as="xs:string"
             select="'Foreign Relations of the United States: a teikit edition'"/>

  <!-- param: index-href: the address of the edition's index page. -->
  <xsl:param name="index-href" as="xs:string" select="'index.html'"/>

  <!-- param: search-href: the address of the search page; "" leaves the link out. -->
  <xsl:param name="search-href" as="xs:string" select="''"/>

  <!-- param: corpus-href: the address of the edition's teiCorpus file; "" leaves it out. -->
  <xsl:param name="corpus-href" as="xs:string" select="''"/>

  <!-- param: dts-href: the address of the static DTS tree's entry point; "" leaves it out. -->
  <xsl:param name="dts-href" as="xs:string" select="''"/>

  <xsl:variable name="site-volumes" select="/f:edition/f:volume" as="element(f:volume)*"/>

  <!-- ===== functions over the facts ================================== -->

  <xsl:function name="tk:volume-page" as="xs:string">
    <xsl:param name="id" as="xs:string"/>
    <xsl:sequence select="$id || '.html'"/>
  </xsl:function>

  <xsl:function name="tk:volume-title-of" as="xs:string?">
    <xsl:param name="v" as="element(f:volume)"/>
    <xsl:param name="type" as="xs:string"/>
    <xsl:sequence select="$v/f:title[@type = $type][1] ! normalize-space()"/>
  </xsl:function>

  <xsl:function name="tk:volume-heading" as="xs:string">
    <xsl:param name="v" as="element(f:volume)"/>
    <xsl:variable name="parts" select="tk:id-parts($v/@id)"/>
    <xsl:variable name="made" select="string-join((
        (tk:volume-title-of($v, 'series'), 'Foreign Relations of the United States'[map:size($parts) gt 0])[1],
        (tk:volume-title-of($v, 'sub-series'), $parts?years)[1],
        tk:volume-title-of($v, 'volume'),
        (tk:volume-title-of($v, 'volume-number'), $parts?number)[1]), ', ')"/>
    <xsl:sequence select="(tk:volume-title-of($v, 'complete'), $made[.], string($v/@id)[.],
                           'Documents without a volume')[1]"/>
  </xsl:function>

  <xsl:function name="tk:volume-short" as="xs:string">
    <xsl:param name="v" as="element(f:volume)"/>
    <xsl:variable name="parts" select="tk:id-parts($v/@id)"/>
    <xsl:variable name="number" select="(tk:volume-title-of($v, 'volume-number'), $parts?number)[1]"/>
    <xsl:variable name="years" select="(tk:volume-title-of($v, 'sub-series'), $parts?years)[1]"/>
    <xsl:sequence select="if (empty($v/@id)) then 'Without a volume'
                          else if ($number) then string-join(($years, $number), ', ')
                          else string($v/@id)"/>
  </xsl:function>

  <xsl:function name="tk:imprint" as="xs:string">
    <xsl:param name="v" as="element(f:volume)"/>
    <xsl:variable name="who" select="string-join(($v/f:place[1] ! normalize-space(), $v/f:publisher[1] ! normalize-space()), ': ')"/>
    <xsl:sequence select="string-join(($who[.], $v/f:year[1] ! normalize-space()), ', ')"/>
  </xsl:function>

  <xsl:function name="tk:doc-pages" as="xs:string">
    <xsl:param name="d" as="element(f:doc)"/>
    <xsl:sequence select="string-join(distinct-values(($d/@from-page, $d/@to-page) ! string()), '–')"/>
  </xsl:function>

  <xsl:function name="tk:year-of" as="xs:string">
    <xsl:param name="d" as="element(f:doc)"/>
    <xsl:sequence select="if (matches(string($d/@when), '^\d{4}')) then substring($d/@when, 1, 4) else ''"/>
  </xsl:function>

  <!-- ===== page chrome =============================================== -->

  <!-- The <head> of an edition page. -->
  <xsl:template name="site-head">
    <xsl:param name="title" as="xs:string"/>
    <head>
      <meta charset="utf-8"/>
      <meta name="viewport" content="width=device-width, initial-scale=1"/>
      <title><xsl:value-of select="$title"/></title>
      <link rel="stylesheet" href="{$css-href}"/>
    </head>
  </xsl:template>

  <!-- The banner: the edition's name, its main navigation, and a breadcrumb of ($label,
       $href) pairs ending with the current page (given as its label alone). -->
  <xsl:template name="site-banner">
    <xsl:param name="trail" as="xs:string*" select="()"/>
    <xsl:param name="current" as="xs:string?" select="()"/>
    <header class="site-header">
      <p class="edition-title"><a href="{$index-href}"><xsl:value-of select="$edition-title"/></a></p>
      <nav aria-label="Edition">
        <ul>
          <li><a href="{$index-href}">Volumes</a></li>
          <xsl:if test="$search-href"><li><a href="{$search-href}">Search</a></li></xsl:if>
          <xsl:if test="$corpus-href"><li><a href="{$corpus-href}" type="application/tei+xml">TEI corpus</a></li></xsl:if>
          <xsl:if test="$dts-href"><li><a href="{$dts-href}" type="application/ld+json">DTS API</a></li></xsl:if>
        </ul>
      </nav>
      <xsl:if test="exists($current)">
        <nav aria-label="Breadcrumb" class="breadcrumb">
          <ol>
            <xsl:for-each select="1 to count($trail) idiv 2">
              <li><a href="{$trail[2 * current()]}"><xsl:value-of select="$trail[2 * current() - 1]"/></a></li>
            </xsl:for-each>
            <li><a href="#main" aria-current="page"><xsl:value-of select="$current"/></a></li>
          </ol>
        </nav>
      </xsl:if>
    </header>
  </xsl:template>

  <xsl:template name="site-footer">
    <footer class="site-footer">
      <p>The text of Foreign Relations of the United States is a work of the United States
        Government, in the public domain. Made with teikit.</p>
    </footer>
  </xsl:template>

  <!-- A table of documents, in the order given. -->
  <xsl:template name="doc-table">
    <xsl:param name="docs" as="element(f:doc)*"/>
    <xsl:param name="caption" as="xs:string"/>
    <table class="documents">
      <caption class="visually-hidden"><xsl:value-of select="$caption"/></caption>
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
            <td class="number"><xsl:value-of select="@n"/></td>
            <td><a href="{@id}.html"><xsl:value-of select="if (normalize-space(.)) then normalize-space(.) else @id"/></a></td>
            <td>
              <xsl:choose>
                <xsl:when test="@when"><time datetime="{@when}"><xsl:value-of select="(@date, @when)[1]"/></time></xsl:when>
                <xsl:otherwise><xsl:value-of select="@date"/></xsl:otherwise>
              </xsl:choose>
            </td>
            <td class="pages"><xsl:value-of select="tk:doc-pages(.)"/></td>
          </tr>
        </xsl:for-each>
      </tbody>
    </table>
  </xsl:template>

</xsl:stylesheet>
