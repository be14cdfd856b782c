<?xml version="1.0" encoding="UTF-8"?>
<!--
  common.xsl: format-neutral functions over a teikit TEI document.

  Every entry stylesheet (html.xsl, text.xsl, page-text.xsl, and the citation
  outputs) imports this module. It defines no templates that produce output in a
  particular format, only functions in the tk: namespace
  (https://teikit.example/ns/functions) and the key of note ids.

  Each function takes $n, any node of the document (the document node, the TEI
  element or a node inside it), and reads the facts of the TEI document that
  holds it. Facts the header lacks (a document converted without a catalog entry)
  come back as the empty sequence, never as an error.

  Document
    tk:tei($n)                   the tei:TEI element of the document
    tk:id($n)                    TEI/@xml:id, e.g. "frus1958-60v19-d352"
    tk:doc-title($n)             the document title (one space for each lb)
    tk:doc-number($n)            the document number as a string, e.g. "352"
    tk:date($n)                  the document's ISO date (creation/date/@when), e.g. "1960-09-10"
    tk:date-text($n)             the date as the header words it, e.g. "September 10, 1960"
    tk:url($n)                   the history.state.gov address of the document
    tk:pages($n)                 the page range as printed, e.g. "721–723" (en dash)
    tk:first-page($n)            first printed page, e.g. "721"
    tk:last-page($n)             last printed page, e.g. "723"
    tk:source-note($n)           the text of the source note (type="source"), normalized
    tk:classification($n)        the classification words (seg type="classification")
  Volume
    tk:volume-id($n)             e.g. "frus1958-60v19"
    tk:volume-complete-title($n) e.g. "Foreign Relations of the United States, 1958–1960, China, Volume XIX"
    tk:volume-title($n)          e.g. "China"
    tk:volume-number($n)         e.g. "Volume XIX"
    tk:series-title($n)          e.g. "Foreign Relations of the United States"
    tk:sub-series($n)            e.g. "1958–1960"
    tk:editors($n, $role)        editor names with @role = $role, in order ("" or "*" = all)
    tk:editor-roles($n)          the distinct editor roles in order of first appearance
    tk:publisher($n)             e.g. "United States Government Printing Office"
    tk:pub-place($n)             e.g. "Washington"
    tk:pub-year($n)              e.g. "1996"
  Header access (used by the functions above and by citation.xsl)
    tk:sd($n)                    the sourceDesc's biblStruct (or bibl, without a catalog entry)
    tk:monogr($n)                its monogr
    tk:title-stmt($n)            the titleStmt
    tk:editor-elements($n)       the tei:editor elements (monogr's, else titleStmt's)
    tk:flat($e)                  an element's text, lb as a space, notes left out, normalized
  Helpers
    tk:join-names($names)        "A", "A and B", "A, B, and C" (serial comma)
    tk:note-label($note)         the marker of a footnote as shown in the text (its @n)
    tk:is-footnote($note)        true for a note shown as a numbered/symbol footnote
                                 (every tei:note except rend="inline")
    tk:pb-label($pb)             "Page 722", "Facsimile Page 5", "Typeset Page 5"
    tk:id-parts($id)             what a FRUS volume id (a string) says: a map with 'years'
                                 ("1961–1963") and 'number' ("Volume V", "Volume XIV, Part 1",
                                 "Volume E–5"); the empty map for an id of another form
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:tk="https://teikit.example/ns/functions"
  exclude-result-prefixes="#all">

  <!-- ===== Document ================================================== -->

  <xsl:function name="tk:tei" as="element(tei:TEI)?">
    <xsl:param name="n" as="node()"/>
    <xsl:sequence select="($n/ancestor-or-self::tei:TEI, $n/descendant-or-self::tei:TEI)[1]"/>
  </xsl:function>

  <xsl:function name="tk:sd" as="element()*">
    <!-- the sourceDesc's description of the document: biblStruct, or bibl without a catalog -->
    <xsl:param name="n" as="node()"/>
    <xsl:sequence select="tk:tei($n)/tei:teiHeader/tei:fileDesc/tei:sourceDesc/(tei:biblStruct | tei:bibl[not(@type = 'page-text')])"/>
  </xsl:function>

  <xsl:function name="tk:monogr" as="element(tei:monogr)*">
    <xsl:param name="n" as="node()"/>
    <xsl:sequence select="tk:sd($n)/descendant-or-self::tei:monogr"/>
  </xsl:function>

  <xsl:function name="tk:title-stmt" as="element(tei:titleStmt)?">
    <xsl:param name="n" as="node()"/>
    <xsl:sequence select="tk:tei($n)/tei:teiHeader/tei:fileDesc/tei:titleStmt"/>
  </xsl:function>

  <xsl:function name="tk:flat" as="xs:string">
    <!-- the text of an element, lb as one space, notes left out, whitespace normalized -->
    <xsl:param name="e" as="element()?"/>
    <xsl:variable name="parts" as="xs:string*">
      <xsl:for-each select="$e/descendant::node()[not(ancestor-or-self::tei:note[ancestor::* intersect $e])]">
        <xsl:choose>
          <xsl:when test="self::tei:lb"><xsl:sequence select="' '"/></xsl:when>
          <xsl:when test="self::text()"><xsl:sequence select="string(.)"/></xsl:when>
        </xsl:choose>
      </xsl:for-each>
    </xsl:variable>
    <xsl:sequence select="normalize-space(string-join($parts))"/>
  </xsl:function>

  <xsl:function name="tk:id" as="xs:string?">
    <xsl:param name="n" as="node()"/>
    <xsl:sequence select="tk:tei($n)/@xml:id/string()"/>
  </xsl:function>

  <xsl:function name="tk:doc-title" as="xs:string?">
    <xsl:param name="n" as="node()"/>
    <xsl:variable name="t" select="(tk:title-stmt($n)/tei:title[@type = 'document'],
                                    tk:sd($n)//tei:analytic/tei:title,
                                    tk:sd($n)/tei:title[@level = 'a'])[1]"/>
    <xsl:sequence select="if ($t) then tk:flat($t) else ()"/>
  </xsl:function>

  <xsl:function name="tk:doc-number" as="xs:string?">
    <xsl:param name="n" as="node()"/>
    <xsl:variable name="scope" select="(tk:sd($n)//tei:biblScope[@unit = 'document'])[1]"/>
    <xsl:variable name="div" select="(tk:tei($n)/tei:text/tei:body/tei:div[@type = 'document'])[1]"/>
    <xsl:sequence select="(($scope/@n, $scope, $div/@n)[normalize-space()])[1] ! normalize-space()"/>
  </xsl:function>

  <xsl:function name="tk:date" as="xs:string?">
    <xsl:param name="n" as="node()"/>
    <xsl:sequence select="(tk:tei($n)/tei:teiHeader/tei:profileDesc/tei:creation/tei:date/@when)[1] ! string()"/>
  </xsl:function>

  <xsl:function name="tk:date-text" as="xs:string?">
    <xsl:param name="n" as="node()"/>
    <xsl:sequence select="(tk:tei($n)/tei:teiHeader/tei:profileDesc/tei:creation/tei:date)[1] ! normalize-space()"/>
  </xsl:function>

  <xsl:function name="tk:url" as="xs:string?">
    <xsl:param name="n" as="node()"/>
    <xsl:sequence select="(tk:sd($n)/tei:ptr/@target, tk:sd($n)//tei:ptr/@target)[1] ! string()"/>
  </xsl:function>

  <xsl:function name="tk:page-scope" as="element(tei:biblScope)?">
    <xsl:param name="n" as="node()"/>
    <xsl:sequence select="(tk:sd($n)//tei:biblScope[@unit = 'page'])[1]"/>
  </xsl:function>

  <xsl:function name="tk:first-page" as="xs:string?">
    <xsl:param name="n" as="node()"/>
    <xsl:sequence select="tk:page-scope($n)/@from ! string()"/>
  </xsl:function>

  <xsl:function name="tk:last-page" as="xs:string?">
    <xsl:param name="n" as="node()"/>
    <xsl:sequence select="tk:page-scope($n)/(@to, @from)[1] ! string()"/>
  </xsl:function>

  <xsl:function name="tk:pages" as="xs:string?">
    <xsl:param name="n" as="node()"/>
    <xsl:variable name="from" select="tk:first-page($n)"/>
    <xsl:variable name="to" select="tk:last-page($n)"/>
    <xsl:sequence select="if (empty($from)) then ()
                          else if ($from = $to) then $from
                          else $from || '&#x2013;' || $to"/>
  </xsl:function>

  <xsl:function name="tk:source-note" as="xs:string?">
    <xsl:param name="n" as="node()"/>
    <!-- An inline source line may hold its own footnote: its text is not the source's. -->
    <xsl:sequence select="(tk:tei($n)/tei:text//tei:note[@type = 'source'])[1]
                          ! (let $s := . return
                             normalize-space(string-join($s//text()[ancestor::tei:note[1] is $s])))"/>
  </xsl:function>

  <xsl:function name="tk:classification" as="xs:string?">
    <xsl:param name="n" as="node()"/>
    <xsl:sequence select="(tk:tei($n)/tei:text//tei:seg[@type = 'classification'])[1] ! normalize-space()"/>
  </xsl:function>

  <!-- ===== Volume ==================================================== -->

  <xsl:function name="tk:volume-id" as="xs:string?">
    <xsl:param name="n" as="node()"/>
    <xsl:sequence select="(tk:monogr($n)/tei:idno[@type = 'frus'])[1] ! normalize-space()"/>
  </xsl:function>

  <xsl:function name="tk:volume-complete-title" as="xs:string?">
    <xsl:param name="n" as="node()"/>
    <xsl:sequence select="(tk:monogr($n)/tei:title[@type = 'complete'],
                           tk:title-stmt($n)/tei:title[@type = 'complete'])[1] ! normalize-space()"/>
  </xsl:function>

  <xsl:function name="tk:volume-title" as="xs:string?">
    <xsl:param name="n" as="node()"/>
    <xsl:sequence select="(tk:monogr($n)/tei:title[@type = 'volume'],
                           tk:title-stmt($n)/tei:title[@type = 'volume'])[1] ! normalize-space()"/>
  </xsl:function>

  <xsl:function name="tk:volume-number" as="xs:string?">
    <xsl:param name="n" as="node()"/>
    <xsl:sequence select="(tk:monogr($n)/tei:biblScope[@unit = 'volume'],
                           tk:title-stmt($n)/tei:title[@type = 'volumenumber'])[1] ! normalize-space()"/>
  </xsl:function>

  <xsl:function name="tk:series-title" as="xs:string?">
    <xsl:param name="n" as="node()"/>
    <xsl:sequence select="(tk:sd($n)//tei:series/tei:title,
                           tk:title-stmt($n)/tei:title[@type = 'series'])[1] ! normalize-space()"/>
  </xsl:function>

  <xsl:function name="tk:sub-series" as="xs:string?">
    <xsl:param name="n" as="node()"/>
    <xsl:sequence select="(tk:sd($n)//tei:series/tei:biblScope[@unit = 'subseries'],
                           tk:title-stmt($n)/tei:title[@type = 'subseries'])[1] ! normalize-space()"/>
  </xsl:function>

  <xsl:function name="tk:editor-elements" as="element(tei:editor)*">
    <xsl:param name="n" as="node()"/>
    <xsl:variable name="in-monogr" select="tk:monogr($n)/tei:editor"/>
    <xsl:sequence select="if ($in-monogr) then $in-monogr else tk:title-stmt($n)/tei:editor"/>
  </xsl:function>

  <xsl:function name="tk:editors" as="xs:string*">
    <xsl:param name="n" as="node()"/>
    <!-- $role: an editor role ("primary", "general"...), or "" / "*" for every editor -->
    <xsl:param name="role" as="xs:string?"/>
    <xsl:sequence select="tk:editor-elements($n)[not($role) or $role = ('', '*') or @role = $role] ! normalize-space()"/>
  </xsl:function>

  <xsl:function name="tk:editor-roles" as="xs:string*">
    <xsl:param name="n" as="node()"/>
    <xsl:sequence select="distinct-values(tk:editor-elements($n)/@role ! string())"/>
  </xsl:function>

  <xsl:function name="tk:publisher" as="xs:string?">
    <xsl:param name="n" as="node()"/>
    <xsl:sequence select="(tk:monogr($n)/tei:imprint/tei:publisher)[1] ! normalize-space()"/>
  </xsl:function>

  <xsl:function name="tk:pub-place" as="xs:string?">
    <xsl:param name="n" as="node()"/>
    <xsl:sequence select="(tk:monogr($n)/tei:imprint/tei:pubPlace)[1] ! normalize-space()"/>
  </xsl:function>

  <xsl:function name="tk:pub-year" as="xs:string?">
    <xsl:param name="n" as="node()"/>
    <xsl:variable name="d" select="(tk:monogr($n)/tei:imprint/tei:date)[1]"/>
    <xsl:sequence select="($d/@when ! substring(., 1, 4), $d ! normalize-space())[.][1]"/>
  </xsl:function>

  <!-- ===== Helpers =================================================== -->

  <xsl:function name="tk:join-names" as="xs:string">
    <xsl:param name="names" as="xs:string*"/>
    <xsl:variable name="c" select="count($names)"/>
    <xsl:sequence select="if ($c le 1) then string($names[1])
                          else if ($c = 2) then $names[1] || ' and ' || $names[2]
                          else string-join($names[position() lt $c], ', ') || ', and ' || $names[$c]"/>
  </xsl:function>

  <xsl:function name="tk:is-footnote" as="xs:boolean">
    <xsl:param name="note" as="element(tei:note)"/>
    <xsl:sequence select="not($note/@rend = 'inline') and not($note/ancestor::tei:teiHeader)"/>
  </xsl:function>

  <xsl:function name="tk:note-label" as="xs:string">
    <xsl:param name="note" as="element(tei:note)"/>
    <xsl:sequence select="string(($note/@n, count($note/preceding::tei:note[tk:is-footnote(.)]) + 1)[1])"/>
  </xsl:function>

  <xsl:function name="tk:pb-label" as="xs:string">
    <xsl:param name="pb" as="element(tei:pb)"/>
    <xsl:sequence select="string-join((
        if ($pb/@type = 'facsimile') then 'Facsimile'
        else if ($pb/@type = 'typeset') then 'Typeset' else (),
        'Page', string($pb/@n)), ' ')"/>
  </xsl:function>

  <!-- ===== Volume ids (added for the site, issue 10) ================= -->

  <xsl:function name="tk:id-parts" as="map(xs:string, xs:string)">
    <xsl:param name="id" as="xs:string?"/>
    <!-- frus1958-60v19, frus1952-54v14p1, frus1969-76ve05p1, frus1946v01 -->
    <xsl:variable name="re" select="'^frus(\d{4})(-(\d{2,4}))?v(e?)(\d+)(p(\d+))?$'"/>
    <xsl:choose>
      <xsl:when test="matches(string($id), $re)">
        <xsl:variable name="from" select="replace($id, $re, '$1')"/>
        <xsl:variable name="to" select="replace($id, $re, '$3')"/>
        <xsl:variable name="to-full" select="if (string-length($to) = 2) then substring($from, 1, 2) || $to
                                             else $to"/>
        <xsl:variable name="number" select="xs:integer(replace($id, $re, '$5'))"/>
        <xsl:variable name="part" select="replace($id, $re, '$7')"/>
        <xsl:sequence select="map {
            'years': $from || (if ($to) then '–' || $to-full else ''),
            'number': 'Volume ' || (if (replace($id, $re, '$4')) then 'E–' || $number
                                    else format-integer($number, 'I'))
                      || (if ($part) then ', Part ' || $part else '')
          }"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:sequence select="map {}"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

</xsl:stylesheet>
