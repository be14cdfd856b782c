<?xml version="1.0" encoding="UTF-8"?>
<!--
  search-page.xsl: the edition's search page (search.html), made from the edition's facts.

  The page holds a search form (words, and a range of years from-to) and a list of
  results grouped by volume. The searching is done in the browser by Pagefind, over the
  index that teikit.search.write_search_index builds into pagefind/ beside the pages;
  the document pages carry what the results and filters need (volume, number, date, year)
  as Pagefind attributes (see html.xsl). The script (teikit-search.js) is a classic script
  (so that it runs from file:// too, to say so), linked from beside the page in an edition or
  copied into it (search-script-href); the page loads nothing else but its style sheet and
  the Pagefind bundle.

  Without script, or opened from file:// (where browsers refuse the index's fetches),
  the page says what to do instead: serve build/ (`teikit serve`) or use the volume pages.
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

  <!-- param: bundle-href: the address of Pagefind's script, relative to the search page. -->
  <xsl:param name="bundle-href" as="xs:string" select="'pagefind/pagefind.js'"/>

  <!-- param: search-script-href: the address of the page's script (teikit-search.js),
       relative to the page, loaded with defer; "" copies the script into the page. The
       edition (teikit.site) writes it beside the pages and links it. -->
  <xsl:param name="search-script-href" as="xs:string" select="''"/>

  <xsl:template match="/">
    <xsl:if test="empty(/f:edition)">
      <xsl:message terminate="yes">search-page.xsl: the input is not an edition's facts (urn:teikit:facts)</xsl:message>
    </xsl:if>
    <xsl:variable name="page" as="element()">
      <xsl:call-template name="search-page"/>
    </xsl:variable>
    <xsl:apply-templates select="$page" mode="pretty"/>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:template name="search-page">
    <xsl:variable name="years" as="xs:string*">
      <xsl:perform-sort select="distinct-values($site-volumes/f:doc/tk:year-of(.)[.])">
        <xsl:sort select="."/>
      </xsl:perform-sort>
    </xsl:variable>
    <html lang="en">
      <xsl:call-template name="site-head">
        <xsl:with-param name="title" select="'Search | ' || $edition-title"/>
      </xsl:call-template>
      <body>
        <a class="skip-link" href="#main">Skip to the search</a>
        <xsl:call-template name="site-banner">
          <xsl:with-param name="trail" select="('Volumes', $index-href)"/>
          <xsl:with-param name="current" select="'Search'"/>
        </xsl:call-template>
        <main id="main" tabindex="-1">
          <h1>Search the edition</h1>
          <form id="search-form" class="search-form" role="search" action="#"
                data-bundle="{$bundle-href}" data-years="{string-join($years, ' ')}">
            <p class="search-words">
              <label for="search-q">Words</label>
              <input id="search-q" name="q" type="search" autocomplete="off"/>
              <button type="submit">Search</button>
            </p>
            <fieldset class="search-years">
              <legend>Documents dated</legend>
              <label for="search-from">from the year</label>
              <input id="search-from" name="from" type="number" inputmode="numeric"
                     placeholder="{$years[1]}"/>
              <label for="search-to">to the year</label>
              <input id="search-to" name="to" type="number" inputmode="numeric"
                     placeholder="{$years[last()]}"/>
            </fieldset>
            <p class="search-hint">
              <xsl:if test="exists($years)">
                <xsl:value-of select="'The dated documents of the edition are from ' || $years[1]
                                      || (if (count($years) gt 1) then ' to ' || $years[last()] else '') || '. '"/>
              </xsl:if>
              <xsl:text>Documents without a known date are left out when a year is set.</xsl:text>
            </p>
          </form>
          <p id="search-status" class="search-status" role="status" aria-live="polite">
            <xsl:text>Search runs in your browser and needs script. Without it, find documents through the </xsl:text>
            <a href="{$index-href}">volumes</a>
            <xsl:text>.</xsl:text>
          </p>
          <div id="search-results" class="search-results"/>
        </main>
        <xsl:call-template name="site-footer"/>
        <xsl:choose>
          <xsl:when test="$search-script-href">
            <script src="{$search-script-href}" defer="defer"></script>
          </xsl:when>
          <xsl:otherwise>
            <script>
              <xsl:value-of select="unparsed-text(resolve-uri('teikit-search.js', static-base-uri()))"/>
            </script>
          </xsl:otherwise>
        </xsl:choose>
      </body>
    </html>
  </xsl:template>

</xsl:stylesheet>
