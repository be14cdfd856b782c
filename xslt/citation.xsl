<?xml version="1.0" encoding="UTF-8"?>
<!--
  citation.xsl: the facts of a citation and the Chicago strings, shared by the
  citation outputs (chicago.xsl, bibtex.xsl, ris.xsl, csl-json.xsl) and by the HTML page.

  Import it after common.xsl, whose functions it calls:
      <xsl:import href="common.xsl"/>
      <xsl:import href="citation.xsl"/>

  The Chicago form follows the Office of the Historian's recommendation for FRUS
  (history.state.gov/historicaldocuments/citing-frus): series title, subseries,
  volume number, volume title, editors without the general editor, "(Washington:
  Government Printing Office, year)", then the location in the volume, then the
  document's URL. The document title in quotation marks comes first, as CMOS
  cites a part of an edited book ("Title," in Book, ed. ...).

  Facts
    tk:cite-series($n)           series title; without catalog facts also a bibl's title level="s"
                                 or a monogr's only title (level="m" without @type)
    tk:has-volume($n)            true when the header names the volume (catalog facts present)
    tk:cite-container($n)        "Foreign Relations of the United States, 1958–1960, Volume XIX, China":
                                 series, subseries, volume number, volume title (OH order),
                                 the ones present (the series alone without a catalog entry)
    tk:cite-volume($n)           the volume number without the word "Volume": "XIX", "XIV, Part 1"
    tk:cite-editors($n)          the editors a citation names: role "primary" or no role;
                                 the general editor is never named (OH rule)
    tk:cite-publisher($n)        the publisher as OH citations give it (see tk:short-publisher)
    tk:short-publisher($name)    drops a leading "United States " / "U.S. " / "US ":
                                 "United States Government Printing Office" -> "Government Printing Office";
                                 empty for a placeholder such as "[volume not given]"
    tk:is-placeholder($value)    true for a value wholly in square brackets (a missing fact)
    tk:subseries-start($n)       first year of the subseries ("1958–1960" -> 1958); from the
                                 volume id ("frus1952-54v08" -> 1952) when the header has no subseries
    tk:cites-document-number($n) true when the citation gives "Document N", false for pages
    tk:cite-locator($n)          "Document 352" or "1261–1263", or empty; pages in full with an
                                 en dash, as the TEI holds them and as CMOS 18 recommends
                                 (CMOS 17 styles abbreviate to "1261–63")
    tk:quoted-title($n, $end)    the document title in double quotation marks, its own double
                                 quotation marks turned into single ones (CMOS 6.11); $end is
                                 the punctuation to put inside the closing mark ("," or "."; no
                                 period after a title ending in . ? ! : or ;); straight quotation
                                 marks and apostrophes typographic (tk:inner-quotes)
    tk:name-given($name), tk:name-family($name), tk:name-suffix($name)
                                 a personal name split for BibTeX, RIS and CSL (see tk:name-parts)
  Chicago
    tk:chicago-text($n, $form)   the citation as plain text; $form is "note" or "bibliography"
    tk:chicago-html($n, $form)   the same as HTML nodes in no namespace: the series title in
                                 <i>, the URL in <a href="...">
    tk:chicago-segments($n, $form)
                                 the citation as a sequence of strings and tk:i / tk:url elements,
                                 for callers that format it in another way
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:tk="https://teikit.example/ns/functions"
  exclude-result-prefixes="#all">

  <!-- ===== Facts ===================================================== -->

  <xsl:function name="tk:cite-series" as="xs:string?">
    <xsl:param name="n" as="node()"/>
    <!-- the series title; without a catalog entry the converter writes the series as the only
         title of the monogr (a title level="m" without @type), or a bibl's title level="s" -->
    <xsl:sequence select="(tk:series-title($n),
                           tk:sd($n)//tei:title[@level = 's'] ! normalize-space(),
                           tk:monogr($n)/tei:title[@level = 'm'][not(@type)] ! normalize-space())[.][1]"/>
  </xsl:function>

  <xsl:function name="tk:has-volume" as="xs:boolean">
    <!-- true when the header names a volume (its number or its title): the document is then
         cited as a part of a book (BibTeX @inbook, RIS CHAP, CSL chapter) -->
    <xsl:param name="n" as="node()"/>
    <xsl:sequence select="exists((tk:volume-number($n), tk:volume-title($n))[.])"/>
  </xsl:function>

  <xsl:function name="tk:cite-container" as="xs:string?">
    <xsl:param name="n" as="node()"/>
    <xsl:variable name="parts" select="(tk:cite-series($n), tk:sub-series($n), tk:volume-number($n), tk:volume-title($n))[.]"/>
    <xsl:sequence select="if (empty($parts)) then () else string-join($parts, ', ')"/>
  </xsl:function>

  <xsl:function name="tk:cite-volume" as="xs:string?">
    <xsl:param name="n" as="node()"/>
    <xsl:sequence select="tk:volume-number($n) ! replace(., '^\s*Vol(ume|\.)\s+', '')"/>
  </xsl:function>

  <xsl:function name="tk:cite-editors" as="xs:string*">
    <xsl:param name="n" as="node()"/>
    <xsl:sequence select="tk:editor-elements($n)[not(@role) or @role = 'primary'] ! normalize-space()"/>
  </xsl:function>

  <xsl:function name="tk:short-publisher" as="xs:string?">
    <!-- The TEI keeps the imprint as printed ("United States Government Printing Office");
         OH citations name the office without the country ("Government Printing Office"). -->
    <xsl:param name="name" as="xs:string?"/>
    <xsl:sequence select="$name[not(tk:is-placeholder(.))] ! replace(normalize-space(.), '^(The\s+)?(United\s+States|U\.\s?S\.|US)\s+', '')"/>
  </xsl:function>

  <xsl:function name="tk:is-placeholder" as="xs:boolean">
    <!-- a value wholly in square brackets ("[volume not given]") stands for a missing fact -->
    <xsl:param name="value" as="xs:string?"/>
    <xsl:sequence select="matches(normalize-space($value), '^\[.*\]$')"/>
  </xsl:function>

  <xsl:function name="tk:cite-publisher" as="xs:string?">
    <xsl:param name="n" as="node()"/>
    <xsl:sequence select="tk:short-publisher(tk:publisher($n))"/>
  </xsl:function>

  <xsl:function name="tk:subseries-start" as="xs:integer?">
    <xsl:param name="n" as="node()"/>
    <xsl:variable name="from-subseries" select="tk:sub-series($n) ! replace(., '^\D*(\d{4}).*$', '$1')[matches(., '^\d{4}$')]"/>
    <xsl:variable name="from-id" select="tk:volume-id($n) ! replace(., '^frus(\d{4}).*$', '$1')[matches(., '^\d{4}$')]"/>
    <xsl:sequence select="($from-subseries, $from-id)[1] ! xs:integer(.)"/>
  </xsl:function>

  <xsl:function name="tk:cites-document-number" as="xs:boolean">
    <!-- OH: every document since the 1955–57 subseries has a number unique in its volume, and
         citations give "Document N"; earlier volumes are cited by page. When the subseries
         or the page range is unknown, the number is used when there is one, the pages otherwise. -->
    <xsl:param name="n" as="node()"/>
    <xsl:variable name="start" select="tk:subseries-start($n)"/>
    <xsl:sequence select="exists(tk:doc-number($n))
                          and (if (exists($start) and exists(tk:pages($n))) then $start ge 1955 else true())"/>
  </xsl:function>

  <xsl:function name="tk:cite-locator" as="xs:string?">
    <xsl:param name="n" as="node()"/>
    <xsl:sequence select="if (tk:cites-document-number($n)) then 'Document ' || tk:doc-number($n)
                          else tk:pages($n)"/>
  </xsl:function>

  <xsl:function name="tk:quoted-title" as="xs:string?">
    <xsl:param name="n" as="node()"/>
    <xsl:param name="end" as="xs:string"/>
    <!-- a title that ends in a period, question mark or exclamation mark takes no second
         period ("“Why Not Recognize Peking?” In …"); a comma it keeps, as CSL processors do -->
    <xsl:sequence select="tk:doc-title($n) ! ('“' || tk:inner-quotes(.)
        || (if ($end = '.' and matches(., '[.?!:;]$')) then '' else $end) || '”')"/>
  </xsl:function>

  <xsl:function name="tk:inner-quotes" as="xs:string">
    <!-- quotation marks inside a quoted title: double ones become single (CMOS 6.11), straight
         ones typographic, an opening one after a space or an opening bracket, a closing one (or
         an apostrophe) elsewhere; as CSL processors print them -->
    <xsl:param name="title" as="xs:string"/>
    <xsl:variable name="opening" select="'(^|[\s(\[{‘“])'"/>
    <!-- only marks that pair up are quotation marks (an odd one out, as an inch mark, stays) -->
    <xsl:variable name="chars" select="string-to-codepoints($title) ! codepoints-to-string(.)"/>
    <xsl:variable name="curly" select="if (count($chars[. = '“']) = count($chars[. = '”']))
                                       then translate($title, '“”', '‘’') else $title"/>
    <xsl:variable name="doubles" select="if (count($chars[. = '&quot;']) mod 2 = 0)
        then replace($curly, $opening || '&quot;', '$1‘') => replace('&quot;', '’') else $curly"/>
    <xsl:sequence select="replace($doubles, $opening || '''', '$1‘') => replace('''', '’')"/>
  </xsl:function>

  <!-- ===== Names ===================================================== -->

  <xsl:function name="tk:name-parts" as="map(xs:string, xs:string)">
    <!-- Splits a name written in natural order, as the FRUS catalog gives editors:
         the last word is the family name ("Harriet Dashiell Schwar" -> given "Harriet Dashiell",
         family "Schwar"); lower-case words just before it belong to the family name
         ("Frank van der Linden" -> family "van der Linden"); a trailing ", Jr." / ", Sr." / ", II"...
         is a suffix. A single word is a family name. -->
    <xsl:param name="name" as="xs:string"/>
    <xsl:variable name="suffix-re" select="',?\s+(Jr\.?|Sr\.?|I{2,3}|IV)$'"/>
    <xsl:variable name="clean" select="normalize-space($name)"/>
    <xsl:variable name="suffix" select="if (matches($clean, $suffix-re)) then replace($clean, '^.*' || $suffix-re, '$1') else ''"/>
    <xsl:variable name="core" select="replace($clean, $suffix-re, '')"/>
    <xsl:variable name="words" select="tokenize($core, ' ')"/>
    <xsl:variable name="given-count" as="xs:integer">
      <!-- the given names end at the last word before the family name that is not lower case -->
      <xsl:variable name="before-last" select="subsequence($words, 1, count($words) - 1)"/>
      <xsl:variable name="particles" select="reverse($before-last) ! (if (matches(., '^\p{Ll}')) then 1 else 0)"/>
      <xsl:variable name="first-non-particle" select="index-of(($particles, 0), 0)[1]"/>
      <xsl:sequence select="count($before-last) - ($first-non-particle - 1)"/>
    </xsl:variable>
    <xsl:sequence select="map {
        'given': string-join(subsequence($words, 1, $given-count), ' '),
        'family': string-join(subsequence($words, $given-count + 1), ' '),
        'suffix': $suffix }"/>
  </xsl:function>

  <xsl:function name="tk:name-given" as="xs:string">
    <xsl:param name="name" as="xs:string"/>
    <xsl:sequence select="tk:name-parts($name)?given"/>
  </xsl:function>

  <xsl:function name="tk:name-family" as="xs:string">
    <xsl:param name="name" as="xs:string"/>
    <xsl:sequence select="tk:name-parts($name)?family"/>
  </xsl:function>

  <xsl:function name="tk:name-suffix" as="xs:string">
    <xsl:param name="name" as="xs:string"/>
    <xsl:sequence select="tk:name-parts($name)?suffix"/>
  </xsl:function>

  <!-- ===== Chicago =================================================== -->

  <xsl:function name="tk:container-segments" as="item()*">
    <!-- the container with the series title marked for italics -->
    <xsl:param name="n" as="node()"/>
    <xsl:variable name="series" select="tk:cite-series($n)"/>
    <xsl:variable name="container" select="tk:cite-container($n)"/>
    <xsl:choose>
      <xsl:when test="exists($series) and starts-with($container, $series)">
        <tk:i><xsl:value-of select="$series"/></tk:i>
        <xsl:sequence select="substring-after($container, $series)"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:sequence select="$container"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <xsl:function name="tk:imprint" as="xs:string?">
    <!-- "Washington: Government Printing Office, 1996", with what the header has -->
    <xsl:param name="n" as="node()"/>
    <xsl:variable name="place-publisher" select="string-join((tk:pub-place($n), tk:cite-publisher($n))[.], ': ')"/>
    <xsl:variable name="all" select="string-join(($place-publisher, tk:pub-year($n))[.], ', ')"/>
    <xsl:sequence select="$all[.]"/>
  </xsl:function>

  <xsl:function name="tk:join-segments" as="item()*">
    <!-- joins groups of segments (each group one array, holding its segments) with a separator -->
    <xsl:param name="groups" as="array(*)*"/>
    <xsl:param name="separator" as="xs:string"/>
    <xsl:for-each select="$groups">
      <xsl:if test="position() gt 1"><xsl:sequence select="$separator"/></xsl:if>
      <xsl:sequence select="?*"/>
    </xsl:for-each>
  </xsl:function>

  <xsl:function name="tk:chicago-segments" as="item()*">
    <xsl:param name="n" as="node()"/>
    <xsl:param name="form" as="xs:string"/>
    <xsl:variable name="title" select="tk:doc-title($n)"/>
    <xsl:variable name="container" select="tk:container-segments($n)"/>
    <xsl:variable name="editors" select="tk:cite-editors($n)"/>
    <xsl:variable name="imprint" select="tk:imprint($n)"/>
    <xsl:variable name="locator" select="tk:cite-locator($n)"/>
    <xsl:variable name="url" as="element(tk:url)?">
      <xsl:if test="tk:url($n)"><tk:url><xsl:value-of select="tk:url($n)"/></tk:url></xsl:if>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$form = 'note'">
        <!-- "Title," in Container, ed. X (Place: Publisher, Year), Document N, URL. -->
        <xsl:variable name="book" as="item()*">
          <xsl:sequence select="tk:join-segments((
              if (exists($container)) then [(if ($title) then 'in ' else (), $container)] else (),
              if (exists($editors)) then [(if (count($editors) gt 1) then 'eds. ' else 'ed. ') || tk:join-names($editors)] else ()
            ), ', ')"/>
          <xsl:if test="$imprint">
            <xsl:sequence select="(if (exists($container) or exists($editors)) then ' ' else ()) || '(' || $imprint || ')'"/>
          </xsl:if>
        </xsl:variable>
        <xsl:variable name="rest" select="tk:join-segments((
            if (exists($book)) then [$book] else (),
            if ($locator) then [$locator] else (),
            if ($url) then [$url] else ()), ', ')"/>
        <xsl:choose>
          <xsl:when test="$title and exists($rest)">
            <xsl:sequence select="tk:quoted-title($n, ',') || ' ', $rest, '.'"/>
          </xsl:when>
          <xsl:when test="$title">
            <xsl:sequence select="tk:quoted-title($n, '.')"/>
          </xsl:when>
          <xsl:otherwise>
            <xsl:sequence select="$rest, '.'"/>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:when>
      <xsl:when test="$form = 'bibliography'">
        <!-- "Title." In Container, edited by X, Document N. Place: Publisher, Year. URL. -->
        <xsl:variable name="in-book" select="tk:join-segments((
            if (exists($container)) then [((if ($title) then 'In ' else ()), $container)] else (),
            if (exists($editors)) then [(if (exists($container)) then 'edited by ' else 'Edited by ') || tk:join-names($editors)] else (),
            if ($locator) then [$locator] else ()), ', ')"/>
        <xsl:variable name="sentences" select="tk:join-segments((
            if (exists($in-book)) then [$in-book] else (),
            if ($imprint) then [$imprint] else (),
            if ($url) then [$url] else ()), '. ')"/>
        <xsl:choose>
          <xsl:when test="$title and exists($sentences)">
            <xsl:sequence select="tk:quoted-title($n, '.') || ' ', $sentences, '.'"/>
          </xsl:when>
          <xsl:when test="$title">
            <xsl:sequence select="tk:quoted-title($n, '.')"/>
          </xsl:when>
          <xsl:otherwise>
            <xsl:sequence select="$sentences, '.'"/>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:when>
      <xsl:otherwise>
        <xsl:sequence select="error(QName('https://teikit.example/ns/functions', 'tk:form'),
            'unknown Chicago form &quot;' || $form || '&quot;; use &quot;note&quot; or &quot;bibliography&quot;')"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <xsl:function name="tk:chicago-text" as="xs:string">
    <xsl:param name="n" as="node()"/>
    <xsl:param name="form" as="xs:string"/>
    <xsl:sequence select="string-join(tk:chicago-segments($n, $form) ! string())"/>
  </xsl:function>

  <xsl:function name="tk:chicago-html" as="node()*">
    <xsl:param name="n" as="node()"/>
    <xsl:param name="form" as="xs:string"/>
    <xsl:for-each select="tk:chicago-segments($n, $form)">
      <xsl:choose>
        <xsl:when test=". instance of element(tk:i)"><i><xsl:value-of select="."/></i></xsl:when>
        <xsl:when test=". instance of element(tk:url)"><a href="{.}"><xsl:value-of select="."/></a></xsl:when>
        <xsl:otherwise><xsl:value-of select="."/></xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:function>

</xsl:stylesheet>
