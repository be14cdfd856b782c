<?xml version="1.0" encoding="UTF-8"?>
<!--
  html.xsl: one standalone, accessible HTML5 page for one teikit TEI document.

  The page has a banner and navigation, the document title (h1), a metadata panel
  read from the header, the text (section titles as h3, lists, closer), page
  breaks as visible markers that carry their TEI id (pg_722), footnote references
  as superscript links to the notes listed after the text (each with a link back),
  a "Cite this document" block, and a footer linking the TEI source.
  It loads nothing from the network and needs no script: a small script (teikit-notes.js,
  copied into the page, or in a build linked from beside it: see notes-script-href) shows a
  note beside its reference on hover or keyboard focus, and without it the references still
  lead to the note list and back.

  Inside an edition (teikit.site.document_params gives the parameters) the page also has a
  breadcrumb (edition > volume > document), previous/next links within the volume, links
  to its reading and page texts, and references such as "Document 19" or "Documents 12–14"
  linked to the pages of those documents when they are in the edition (the TEI is not
  changed). The article carries Pagefind attributes (volume, number, date, year) for the
  edition's search page.

  Links to sibling files assume the layout that `teikit render` writes: the page
  <id>.html beside <id>.xml (TEI), <id>.bib, <id>.ris, <id>.json, <id>.txt (Chicago),
  teikit.css and index.html.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:tk="https://teikit.example/ns/functions"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  exclude-result-prefixes="#all">

  <xsl:import href="common.xsl"/>
  <xsl:import href="citation.xsl"/>

  <!-- indent="no": the pretty mode below indents element-only containers itself, so
       mixed content (paragraphs, notes) is never reflowed. -->
  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no"
              include-content-type="no"/>

  <!-- param: css-href: the address of the shared style sheet, relative to the page. -->
  <xsl:param name="css-href" as="xs:string" select="'teikit.css'"/>

  <!-- param: index-href: the address of the edition's index page; "" leaves the link out. -->
  <xsl:param name="index-href" as="xs:string" select="'index.html'"/>

  <!-- param: files-base: the base name of the sibling files (TEI, BibTeX, RIS, CSL-JSON, Chicago);
       "" means the document's xml:id, so the links are <id>.xml, .bib, .ris, .json, .txt. -->
  <xsl:param name="files-base" as="xs:string" select="''"/>

  <!-- param: edition-title: the name of the edition shown in the banner. -->
  <xsl:param name="edition-title" as="xs:string"
             select="'Foreign Relations of the United States: a teikit edition'"/>

  <!-- param: search-href: the address of the edition's search page; "" leaves the link out. -->
  <xsl:param name="search-href" as="xs:string" select="''"/>

  <!-- param: volume-href, volume-label: the page of the document's volume and its short name,
       the middle step of the breadcrumb; "" leaves the step out. -->
  <xsl:param name="volume-href" as="xs:string" select="''"/>
  <xsl:param name="volume-label" as="xs:string" select="''"/>

  <!-- param: prev-href, prev-label, next-href, next-label: the documents before and after this
       one in its volume (address and link text); "" when there is none. -->
  <xsl:param name="prev-href" as="xs:string" select="''"/>
  <xsl:param name="prev-label" as="xs:string" select="''"/>
  <xsl:param name="next-href" as="xs:string" select="''"/>
  <xsl:param name="next-label" as="xs:string" select="''"/>

  <!-- param: text-href, page-text-href: the addresses of the reading text and the page text
       of the document; "" leaves a link out. -->
  <xsl:param name="text-href" as="xs:string" select="''"/>
  <xsl:param name="page-text-href" as="xs:string" select="''"/>

  <!-- param: notes-script-href: the address of the note-popup script (teikit-notes.js),
       relative to the page, loaded with defer; "" (the default, as `teikit render` leaves it)
       copies the script into the page instead, so that a page rendered alone works by itself.
       A build writes the script once beside its pages and links it. -->
  <xsl:param name="notes-script-href" as="xs:string" select="''"/>

  <!-- param: document-links: the documents of this volume that are in the edition (this one
       may be among them: it is never linked), as
       space-separated "number=address" pairs ("19=frus1958-60v19-d19.html 37=…"); the text's
       references to those numbers become links. "" links nothing. -->
  <xsl:param name="document-links" as="xs:string" select="''"/>

  <!-- The volume's list is one string for all its pages; a page never links its own number. -->
  <xsl:variable name="link-map" as="map(xs:string, xs:string)" select="map:remove(map:merge(
      tokenize($document-links)[contains(., '=')] ! map { substring-before(., '='): substring-after(., '=') },
      map { 'duplicates': 'use-first' }), string($doc-div/@n))"/>

  <xsl:variable name="tei" select="tk:tei(/)"/>
  <xsl:variable name="base" select="if ($files-base) then $files-base else string(tk:id($tei))"/>
  <xsl:variable name="doc-div" select="($tei/tei:text/tei:body/tei:div[@type = 'document'], $tei/tei:text/tei:body)[1]"/>

  <xsl:template match="/">
    <xsl:if test="empty($tei)">
      <xsl:message terminate="yes">html.xsl: the input has no TEI element</xsl:message>
    </xsl:if>
    <xsl:variable name="page" as="element()">
      <xsl:call-template name="page"/>
    </xsl:variable>
    <xsl:apply-templates select="$page" mode="pretty"/>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <!-- ===== indentation of element-only HTML containers ============== -->

  <xsl:variable name="container-names" as="xs:string*" select="('html', 'head', 'body', 'header',
      'nav', 'main', 'article', 'section', 'ul', 'ol', 'dl', 'footer', 'table', 'thead', 'tbody', 'tr',
      'form', 'fieldset')"/>
  <xsl:variable name="block-names" as="xs:string*" select="('head', 'body', 'header', 'nav',
      'main', 'article', 'section', 'div', 'ul', 'ol', 'dl', 'dt', 'dd', 'li', 'p', 'h1', 'h2',
      'h3', 'h4', 'footer', 'table', 'thead', 'tbody', 'tr', 'td', 'th', 'caption', 'meta',
      'link', 'title')"/>

  <xsl:template match="*" mode="pretty">
    <xsl:param name="depth" as="xs:integer" select="0"/>
    <xsl:variable name="element-only" select="* and not(text()[normalize-space()])
        and (local-name() = $container-names or (every $c in * satisfies local-name($c) = $block-names))"/>
    <xsl:copy>
      <xsl:copy-of select="@*"/>
      <xsl:choose>
        <xsl:when test="$element-only">
          <xsl:for-each select="*">
            <xsl:value-of select="'&#10;' || string-join((1 to $depth + 1) ! '  ')"/>
            <xsl:apply-templates select="." mode="pretty">
              <xsl:with-param name="depth" select="$depth + 1"/>
            </xsl:apply-templates>
          </xsl:for-each>
          <xsl:value-of select="'&#10;' || string-join((1 to $depth) ! '  ')"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:copy-of select="node()"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:copy>
  </xsl:template>

  <xsl:template name="page">
    <html lang="{($tei/@xml:lang, 'en')[1]}">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="tk:page-title($tei)"/></title>
        <xsl:call-template name="citation-meta"/>
        <link rel="stylesheet" href="{$css-href}"/>
        <link rel="alternate" type="application/tei+xml" href="{$base}.xml" title="TEI XML"/>
      </head>
      <body>
        <a class="skip-link" href="#main">Skip to the document</a>
        <header class="site-header">
          <p class="edition-title">
            <xsl:choose>
              <xsl:when test="$index-href"><a href="{$index-href}"><xsl:value-of select="$edition-title"/></a></xsl:when>
              <xsl:otherwise><xsl:value-of select="$edition-title"/></xsl:otherwise>
            </xsl:choose>
          </p>
          <nav aria-label="Edition">
            <ul>
              <xsl:if test="$index-href"><li><a href="{$index-href}">All documents</a></li></xsl:if>
              <xsl:if test="$search-href"><li><a href="{$search-href}">Search</a></li></xsl:if>
              <li><a href="#text">Text</a></li>
              <xsl:if test="$doc-div//tei:note[tk:is-footnote(.)]"><li><a href="#notes">Notes</a></li></xsl:if>
              <li><a href="#cite">Cite</a></li>
              <li><a href="{$base}.xml">TEI source</a></li>
            </ul>
          </nav>
          <xsl:call-template name="breadcrumb"/>
        </header>
        <main id="main" tabindex="-1">
          <article id="{($doc-div/@xml:id, 'document')[1]}" class="document">
            <xsl:call-template name="search-attributes"/>
            <xsl:apply-templates select="$doc-div/tei:head[1]" mode="title"/>
            <xsl:if test="empty($doc-div/tei:head)">
              <h1><xsl:value-of select="tk:doc-title($tei)"/></h1>
            </xsl:if>
            <xsl:call-template name="metadata-panel"/>
            <section id="text" class="text" aria-labelledby="text-heading">
              <h2 id="text-heading" class="visually-hidden">Text of the document</h2>
              <xsl:apply-templates select="$doc-div/node() except $doc-div/tei:head[1]"/>
            </section>
            <xsl:call-template name="notes"/>
            <xsl:call-template name="cite-block"/>
            <xsl:call-template name="pager"/>
          </article>
        </main>
        <footer class="site-footer">
          <p>
            <xsl:text>TEI source: </xsl:text>
            <a href="{$base}.xml"><xsl:value-of select="$base || '.xml'"/></a>
            <xsl:for-each select="tk:url($tei)">
              <xsl:text>. Published online by the Office of the Historian at </xsl:text>
              <a href="{.}"><xsl:value-of select="."/></a>
            </xsl:for-each>
            <xsl:text>.</xsl:text>
          </p>
          <xsl:for-each select="($tei/tei:teiHeader//tei:availability)[1]">
            <p><xsl:value-of select="normalize-space(.)"/></p>
          </xsl:for-each>
          <p>
            <xsl:text>Made with teikit</xsl:text>
            <xsl:for-each select="($tei/tei:teiHeader//tei:application[@ident = 'teikit'])[1]/@version">
              <xsl:value-of select="' ' || ."/>
            </xsl:for-each>
            <xsl:text>.</xsl:text>
          </p>
        </footer>
        <xsl:if test="$doc-div//tei:note[tk:is-footnote(.)]">
          <xsl:choose>
            <xsl:when test="$notes-script-href">
              <script src="{$notes-script-href}" defer="defer"></script>
            </xsl:when>
            <xsl:otherwise>
              <script>
                <xsl:value-of select="unparsed-text(resolve-uri('teikit-notes.js', static-base-uri()))"/>
              </script>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:if>
      </body>
    </html>
  </xsl:template>

  <!-- ===== place in the edition ====================================== -->

  <xsl:template name="breadcrumb">
    <xsl:if test="$index-href">
      <nav aria-label="Breadcrumb" class="breadcrumb">
        <ol>
          <li><a href="{$index-href}">Volumes</a></li>
          <xsl:if test="$volume-href">
            <li><a href="{$volume-href}"><xsl:value-of select="($volume-label[.], tk:volume-number($tei),
                tk:id-parts(tk:volume-id($tei))?number ! string-join((tk:id-parts(tk:volume-id($tei))?years, .), ', '),
                tk:volume-id($tei))[1]"/></a></li>
          </xsl:if>
          <li><a href="#main" aria-current="page"><xsl:value-of select="(tk:doc-number($tei) ! ('Document ' || .), 'This document')[1]"/></a></li>
        </ol>
      </nav>
    </xsl:if>
  </xsl:template>

  <xsl:template name="pager">
    <xsl:if test="$prev-href or $next-href">
      <nav class="pager" aria-label="Documents of the volume" data-pagefind-ignore="all">
        <ul>
          <xsl:if test="$prev-href">
            <li class="prev"><a href="{$prev-href}" rel="prev"><span class="pager-dir">Previous:</span><xsl:text> </xsl:text><xsl:value-of select="$prev-label"/></a></li>
          </xsl:if>
          <xsl:if test="$next-href">
            <li class="next"><a href="{$next-href}" rel="next"><span class="pager-dir">Next:</span><xsl:text> </xsl:text><xsl:value-of select="$next-label"/></a></li>
          </xsl:if>
        </ul>
      </nav>
    </xsl:if>
  </xsl:template>

  <!-- What the edition's search (Pagefind) reads: the text is the article; its results show
       and group by these meta values (the title without its note markers), and the year
       filter reads data-year. -->
  <xsl:template name="search-attributes">
    <xsl:variable name="year" select="tk:date($tei)[matches(., '^\d{4}')] ! substring(., 1, 4)"/>
    <xsl:variable name="fields" as="map(xs:string, xs:string?)" select="map {
        'title': tk:doc-title($tei),
        'volume': (tk:volume-complete-title($tei), tk:volume-id($tei))[1],
        'volumeid': tk:volume-id($tei),
        'number': tk:doc-number($tei),
        'date': tk:date-text($tei),
        'year': $year }"/>
    <xsl:variable name="present" select="('title', 'volume', 'volumeid', 'number', 'date', 'year')[exists($fields(.))]"/>
    <xsl:attribute name="data-pagefind-body"/>
    <xsl:for-each select="$present">
      <xsl:attribute name="data-{.}" select="$fields(.)"/>
    </xsl:for-each>
    <xsl:attribute name="data-pagefind-meta" select="string-join($present[. != 'year'] ! (. || '[data-' || . || ']'), ', ')"/>
    <xsl:if test="$present = ('volume', 'year')">
      <xsl:attribute name="data-pagefind-filter" select="string-join($present[. = ('volume', 'year')] ! (. || '[data-' || . || ']'), ', ')"/>
    </xsl:if>
  </xsl:template>

  <!-- ===== head of the page ========================================== -->

  <xsl:function name="tk:page-title" as="xs:string">
    <xsl:param name="n" as="node()"/>
    <xsl:sequence select="string-join((
        string-join((tk:doc-number($n) ! ('Document ' || .), tk:doc-title($n)), ': '),
        tk:volume-complete-title($n)), ' | ')"/>
  </xsl:function>

  <xsl:template name="citation-meta">
    <!-- The Highwire Press tags that Zotero's Embedded Metadata translator and Google Scholar
         read, holding the facts of the visible citation and in the Office of the Historian's
         model (as the CSL-JSON): citation_book_title (Zotero: a book section) and
         citation_inbook_title (Google Scholar's name for it) hold the volume title, the series
         with its subseries is citation_series_title, the volume number citation_volume; the
         editors are the ones the citation names (never the general editor). The date is the
         year the volume was published: Zotero takes citation_date for the same field and lets
         it win, so the document's own date goes in dcterms.created (a prefix Zotero knows without
         a schema link), not in citation_date. -->
    <xsl:variable name="in-book" select="tk:has-volume($tei)"/>
    <xsl:variable name="meta" as="array(*)*" select="
        ['citation_title', tk:doc-title($tei)],
        ['citation_editor', tk:cite-editors($tei)],
        ['citation_book_title', tk:volume-title($tei)[$in-book]],
        ['citation_inbook_title', tk:volume-title($tei)[$in-book]],
        ['citation_series_title', string-join((tk:cite-series($tei), tk:sub-series($tei))[.], ', ')],
        ['citation_volume', tk:cite-volume($tei)],
        ['citation_publisher', tk:cite-publisher($tei)],
        ['citation_publication_date', tk:pub-year($tei)],
        ['citation_firstpage', tk:first-page($tei)],
        ['citation_lastpage', tk:last-page($tei)],
        ['citation_public_url', tk:url($tei)],
        ['citation_language', string(($tei/@xml:lang, 'en')[1])],
        ['dcterms.created', tk:date($tei)]"/>
    <xsl:for-each select="$meta">
      <xsl:variable name="name" select="?1"/>
      <xsl:for-each select="?2[normalize-space()]">
        <meta name="{$name}" content="{.}"/>
      </xsl:for-each>
    </xsl:for-each>
  </xsl:template>

  <!-- ===== title and metadata panel ================================== -->

  <xsl:template match="tei:head" mode="title">
    <h1 class="document-title"><xsl:apply-templates/></h1>
  </xsl:template>

  <xsl:function name="tk:role-label" as="xs:string">
    <xsl:param name="role" as="xs:string"/>
    <xsl:param name="count" as="xs:integer"/>
    <xsl:variable name="word" select="if ($count gt 1) then 'Editors' else 'Editor'"/>
    <xsl:sequence select="if ($role = ('primary', '')) then $word
                          else upper-case(substring($role, 1, 1)) || substring($role, 2) || ' ' || lower-case($word)"/>
  </xsl:function>

  <xsl:template name="metadata-panel">
    <section class="metadata" aria-labelledby="about-heading">
      <h2 id="about-heading">About this document</h2>
      <dl>
        <xsl:for-each select="tk:series-title($tei)">
          <dt>Series</dt>
          <dd><xsl:value-of select="string-join((., tk:sub-series($tei)), ', ')"/></dd>
        </xsl:for-each>
        <xsl:if test="exists(tk:volume-number($tei)) or exists(tk:volume-title($tei))">
          <dt>Volume</dt>
          <dd><xsl:value-of select="string-join((tk:volume-number($tei), tk:volume-title($tei)), ', ')"/></dd>
        </xsl:if>
        <xsl:for-each select="tk:editor-roles($tei)">
          <xsl:variable name="names" select="tk:editors($tei, .)"/>
          <dt><xsl:value-of select="tk:role-label(., count($names))"/></dt>
          <dd><xsl:value-of select="tk:join-names($names)"/></dd>
        </xsl:for-each>
        <xsl:if test="empty(tk:editor-roles($tei)) and exists(tk:editors($tei, ''))">
          <dt>Editors</dt>
          <dd><xsl:value-of select="tk:join-names(tk:editors($tei, ''))"/></dd>
        </xsl:if>
        <xsl:for-each select="tk:doc-number($tei)">
          <dt>Document</dt>
          <dd><xsl:value-of select="."/></dd>
        </xsl:for-each>
        <xsl:for-each select="tk:pages($tei)">
          <dt>Pages</dt>
          <dd><xsl:value-of select="."/></dd>
        </xsl:for-each>
        <xsl:for-each select="tk:date-text($tei)">
          <dt>Date</dt>
          <dd>
            <xsl:choose>
              <xsl:when test="tk:date($tei)"><time datetime="{tk:date($tei)}"><xsl:value-of select="."/></time></xsl:when>
              <xsl:otherwise><xsl:value-of select="."/></xsl:otherwise>
            </xsl:choose>
            <xsl:variable name="how" select="replace(normalize-space(string-join(
                ($tei/tei:teiHeader/tei:profileDesc/tei:creation)[1]/(node() except tei:date[1]))), '^[,;:]\s*', '')"/>
            <xsl:if test="$how">
              <xsl:text> </xsl:text>
              <span class="date-note">
                <xsl:value-of select="upper-case(substring($how, 1, 1)) || substring($how, 2)
                                      || (if (matches($how, '[.!?]$')) then '' else '.')"/>
              </span>
            </xsl:if>
          </dd>
        </xsl:for-each>
        <xsl:for-each select="tk:source-note($tei)">
          <dt>Source note</dt>
          <dd><xsl:value-of select="."/></dd>
        </xsl:for-each>
        <xsl:for-each select="tk:classification($tei)">
          <dt>Classification</dt>
          <dd class="classification"><xsl:value-of select="."/></dd>
        </xsl:for-each>
        <xsl:if test="exists(tk:publisher($tei))">
          <dt>Published</dt>
          <dd><xsl:value-of select="string-join((tk:pub-place($tei) ! (. || ':'), tk:publisher($tei) ! (. || ','), tk:pub-year($tei)), ' ')"/></dd>
        </xsl:if>
        <xsl:for-each select="tk:url($tei)">
          <dt>Online</dt>
          <dd><a href="{.}"><xsl:value-of select="."/></a></dd>
        </xsl:for-each>
      </dl>
    </section>
  </xsl:template>

  <!-- ===== notes ===================================================== -->

  <xsl:template name="notes">
    <xsl:variable name="notes" select="$doc-div//tei:note[tk:is-footnote(.)]"/>
    <xsl:if test="$notes">
      <section id="notes" class="notes" aria-labelledby="notes-heading">
        <h2 id="notes-heading">Notes</h2>
        <ol class="footnotes">
          <xsl:for-each select="$notes">
            <li id="{tk:html-note-id(.)}">
              <xsl:variable name="paras" as="element()*">
                <xsl:choose>
                  <xsl:when test="tei:p"><xsl:sequence select="tei:p"/></xsl:when>
                  <xsl:otherwise><xsl:sequence select="."/></xsl:otherwise>
                </xsl:choose>
              </xsl:variable>
              <xsl:variable name="note" select="."/>
              <xsl:for-each select="$paras">
                <p>
                  <xsl:if test="position() = 1">
                    <span class="note-label"><xsl:value-of select="tk:note-label($note)"/></span>
                    <xsl:text> </xsl:text>
                  </xsl:if>
                  <xsl:apply-templates/>
                  <xsl:if test="position() = last()">
                    <xsl:text> </xsl:text>
                    <a class="backlink" href="#{tk:html-note-id($note)}-ref"
                       aria-label="Back to reference {tk:note-label($note)}">↩</a>
                  </xsl:if>
                </p>
              </xsl:for-each>
            </li>
          </xsl:for-each>
        </ol>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- ===== cite this document ======================================== -->

  <xsl:template name="cite-block">
    <section id="cite" class="cite" aria-labelledby="cite-heading" data-pagefind-ignore="all">
      <h2 id="cite-heading">Cite this document</h2>
      <p class="chicago"><xsl:sequence select="tk:chicago-html($tei, 'note')"/></p>
      <ul class="downloads">
        <li><a href="{$base}.bib" type="application/x-bibtex">BibTeX</a></li>
        <li><a href="{$base}.ris" type="application/x-research-info-systems">RIS</a></li>
        <li><a href="{$base}.json" type="application/vnd.citationstyles.csl+json">CSL-JSON</a></li>
        <li><a href="{$base}.xml" type="application/tei+xml">TEI XML</a></li>
        <li><a href="{$base}.txt" type="text/plain">Chicago</a></li>
        <xsl:if test="$text-href"><li><a href="{$text-href}" type="text/plain">Reading text</a></li></xsl:if>
        <xsl:if test="$page-text-href"><li><a href="{$page-text-href}" type="text/plain">Page text</a></li></xsl:if>
      </ul>
    </section>
  </xsl:template>

  <!-- ===== the text ================================================== -->

  <xsl:function name="tk:html-note-id" as="xs:string">
    <xsl:param name="note" as="element(tei:note)"/>
    <xsl:sequence select="string(($note/@xml:id, 'note-' || (count($note/preceding::tei:note[tk:is-footnote(.)]) + 1))[1])"/>
  </xsl:function>

  <xsl:template match="tei:p">
    <p><xsl:apply-templates/></p>
  </xsl:template>

  <!-- A paragraph that introduces a block quotation: HTML holds no blockquote inside a
       p, so the paragraph's own text is one p and the quotation a blockquote after it. -->
  <xsl:template match="tei:p[tei:quote]">
    <p><xsl:apply-templates select="node() except tei:quote"/></p>
    <xsl:apply-templates select="tei:quote"/>
  </xsl:template>

  <xsl:template match="tei:quote[@rend = 'blockquote']">
    <blockquote class="blockquote"><xsl:apply-templates/></blockquote>
  </xsl:template>

  <xsl:template match="tei:p[@rend = 'flushleft']">
    <p class="flushleft"><xsl:apply-templates/></p>
  </xsl:template>

  <xsl:template match="tei:p[@rend = 'sectiontitle']">
    <h3 class="sectiontitle"><xsl:apply-templates/></h3>
  </xsl:template>

  <xsl:template match="tei:head">
    <p class="head"><xsl:apply-templates/></p>
  </xsl:template>

  <xsl:template match="tei:note[@rend = 'inline']">
    <p class="source-line"><xsl:apply-templates/></p>
  </xsl:template>

  <xsl:template match="tei:note">
    <xsl:variable name="id" select="tk:html-note-id(.)"/>
    <sup class="fnref"><a id="{$id}-ref" href="#{$id}" aria-label="Note {tk:note-label(.)}"><xsl:value-of select="tk:note-label(.)"/></a></sup>
  </xsl:template>

  <xsl:template match="tei:pb">
    <xsl:variable name="id" select="string((@xml:id, 'pb-' || count(preceding::tei:pb) + 1)[1])"/>
    <xsl:variable name="marker">
      <a class="pb" id="{$id}" href="#{$id}"><xsl:value-of select="'[' || tk:pb-label(.) || ']'"/></a>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="parent::tei:div or parent::tei:body or parent::tei:quote">
        <div class="pb-block"><xsl:sequence select="$marker"/></div>
      </xsl:when>
      <xsl:otherwise><xsl:sequence select="$marker"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:lb"><br/></xsl:template>

  <xsl:template match="tei:list">
    <xsl:apply-templates select="tei:head"/>
    <ul class="{if (tei:label) then 'labelled' else 'bulleted'}"><xsl:apply-templates select="tei:item"/></ul>
  </xsl:template>

  <xsl:template match="tei:list[@type = 'subject']">
    <div class="subject">
      <xsl:apply-templates select="tei:head"/>
      <ul class="bulleted"><xsl:apply-templates select="tei:item"/></ul>
    </div>
  </xsl:template>

  <xsl:template match="tei:list[@type = 'participants']">
    <div class="participants">
      <xsl:apply-templates select="tei:head"/>
      <ul class="bulleted"><xsl:apply-templates select="tei:item"/></ul>
    </div>
  </xsl:template>

  <xsl:template match="tei:list/tei:head">
    <p class="list-head"><xsl:apply-templates/></p>
  </xsl:template>

  <xsl:template match="tei:item">
    <li>
      <xsl:for-each select="preceding-sibling::*[1][self::tei:label]">
        <span class="label"><xsl:apply-templates/></span>
        <xsl:text> </xsl:text>
      </xsl:for-each>
      <xsl:apply-templates/>
    </li>
  </xsl:template>

  <!-- The opener: despatch number and classification lines, dateline, salutation. -->
  <xsl:template match="tei:opener">
    <div class="opener"><xsl:apply-templates/></div>
  </xsl:template>

  <!-- In the opener, a line break next to a dateline or salutation (each a paragraph of
       its own in HTML) adds nothing. -->
  <xsl:template match="tei:opener/tei:lb[preceding-sibling::*[1][self::tei:dateline or self::tei:salute]
                       or following-sibling::*[1][self::tei:dateline or self::tei:salute]]"/>

  <xsl:template match="tei:seg[@type = 'despatch-number']">
    <span class="despatch-number"><xsl:apply-templates/></span>
  </xsl:template>

  <!-- An enclosure printed after the document: a section with its label and title as its
       headings, then its parts as the document's are rendered; a postscript likewise. -->
  <xsl:template match="tei:div[@type = 'enclosure']">
    <section class="enclosure"><xsl:apply-templates/></section>
  </xsl:template>

  <xsl:template match="tei:div[@type = 'enclosure']/tei:head[@type = 'label']" priority="2">
    <p class="enclosure-label"><xsl:apply-templates/></p>
  </xsl:template>

  <xsl:template match="tei:div[@type = 'enclosure']/tei:head[not(@type)]" priority="2">
    <h2 class="enclosure-title"><xsl:apply-templates/></h2>
  </xsl:template>

  <xsl:template match="tei:postscript">
    <div class="postscript"><xsl:apply-templates/></div>
  </xsl:template>

  <xsl:template match="tei:closer">
    <div class="closer"><xsl:apply-templates/></div>
  </xsl:template>

  <xsl:template match="tei:closer/tei:signed">
    <p class="signed"><xsl:apply-templates/></p>
  </xsl:template>

  <xsl:template match="tei:closer/text()[not(normalize-space())]"/>

  <xsl:template match="tei:signed | tei:salute | tei:dateline">
    <p class="{local-name()}"><xsl:apply-templates/></p>
  </xsl:template>

  <xsl:template match="tei:hi[@rend = 'smallcaps']">
    <span class="smallcaps"><xsl:apply-templates/></span>
  </xsl:template>

  <xsl:template match="tei:hi[@rend = 'italic']">
    <i><xsl:apply-templates/></i>
  </xsl:template>

  <xsl:template match="tei:seg[@type = 'classification']">
    <span class="{string-join(('classification', @rend[. = 'smallcaps']), ' ')}"><xsl:apply-templates/></span>
  </xsl:template>

  <xsl:template match="tei:idno">
    <span class="idno"><xsl:apply-templates/></span>
  </xsl:template>

  <!-- References to other documents of the volume ("Document 19", "see Documents 12–14",
       "Documents 3, 5, and 7") link each number whose document is in the edition. -->
  <xsl:template match="tei:body//text()[map:size($link-map) gt 0]" priority="-0.1">
    <xsl:analyze-string select="." regex="Documents?\s+\d+((\s*[–-]\s*|,\s*(and\s+)?|\s+and\s+)\d+)*">
      <xsl:matching-substring>
        <xsl:analyze-string select="." regex="\d+">
          <xsl:matching-substring>
            <xsl:variable name="href" select="$link-map(string(number(.)))"/>
            <xsl:choose>
              <xsl:when test="exists($href)"><a class="docref" href="{$href}"><xsl:value-of select="."/></a></xsl:when>
              <xsl:otherwise><xsl:value-of select="."/></xsl:otherwise>
            </xsl:choose>
          </xsl:matching-substring>
          <xsl:non-matching-substring><xsl:value-of select="."/></xsl:non-matching-substring>
        </xsl:analyze-string>
      </xsl:matching-substring>
      <xsl:non-matching-substring><xsl:value-of select="."/></xsl:non-matching-substring>
    </xsl:analyze-string>
  </xsl:template>

  <!-- Anything else: keep its content, so nothing is dropped. -->
  <xsl:template match="tei:*">
    <xsl:apply-templates/>
  </xsl:template>

  <!-- Whitespace between blocks (the TEI's indentation) is not content. -->
  <xsl:template match="tei:div/text()[not(normalize-space())] | tei:body/text()[not(normalize-space())]
                       | tei:list/text()[not(normalize-space())] | tei:postscript/text()[not(normalize-space())]"/>

</xsl:stylesheet>
