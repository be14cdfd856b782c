<?xml version="1.0" encoding="UTF-8"?>
<!--
  page-text.xsl: the history.state.gov page text of a teikit TEI document, the form
  that `teikit convert` reads. Reading this output back gives the same TEI.

  Two block renderings, chosen by sourceDesc/bibl[@type='page-text']/@subtype:
    line-blocks        (style A) one block per line; lists as "- " bullets, a label and
                       its item on separate bullets; notes last as "- text↩".
    blank-line-blocks  (style B) blocks separated by a blank line; bullets "  • ";
                       notes last as "  1. text", numbered from 1 whatever their n.
  Note markers are glued where the notes stand (their @n); page breaks are written as
  [Page N] (or [Facsimile Page N], [Typeset Page N]): between blocks on their own line
  (style A glues it to the start of a following paragraph or heading, as the web page
  does), and inside a block with one space after it.
  The output has no final newline, like a copied page.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:tk="https://teikit.example/ns/functions"
  exclude-result-prefixes="#all">

  <xsl:import href="common.xsl"/>

  <xsl:output method="text" encoding="UTF-8"/>

  <!-- param: style: "A" or "B" to force a block rendering; "" (the default) uses the one
       the TEI header records, and style A when it records none. -->
  <xsl:param name="style" as="xs:string" select="''"/>

  <xsl:variable name="tei" select="tk:tei(/)"/>
  <xsl:variable name="recorded"
      select="($tei/tei:teiHeader/tei:fileDesc/tei:sourceDesc/tei:bibl[@type = 'page-text']/@subtype)[1]"/>
  <xsl:variable name="B" as="xs:boolean"
      select="if ($style) then upper-case($style) = 'B' else $recorded = 'blank-line-blocks'"/>
  <xsl:variable name="bullet" select="if ($B) then '  • ' else '- '"/>
  <xsl:variable name="div" select="($tei/tei:text/tei:body/tei:div[@type = 'document'], $tei/tei:text/tei:body)[1]"/>

  <xsl:template match="/">
    <xsl:variable name="blocks" as="map(*)*">
      <xsl:apply-templates select="$div/*" mode="block"/>
    </xsl:variable>
    <xsl:variable name="notes" select="$div//tei:note[tk:is-footnote(.)]"/>
    <xsl:variable name="body" select="tk:join-blocks($blocks)"/>
    <xsl:variable name="note-lines" as="xs:string*">
      <xsl:for-each select="$notes">
        <xsl:variable name="paras" as="xs:string*"
            select="if (tei:p) then tei:p ! tk:inline(.) else tk:inline(.)"/>
        <xsl:sequence select="string-join((
            (if ($B) then '  ' || position() || '. ' else '- ') || $paras[1] || (if ($B) then '' else '↩'),
            subsequence($paras, 2) ! ((if ($B) then '     ' else '  ') || .)), '&#10;')"/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="gap" select="if ($B and not($blocks[last()]?kind = 'closer')) then '&#10;&#10;' else '&#10;'"/>
    <xsl:value-of select="$body || (if (exists($note-lines)) then $gap || string-join($note-lines, '&#10;') else '')"/>
  </xsl:template>

  <!-- Join the blocks: a newline between blocks in style A, a blank line in style B (but
       the flush-left lines of the opening, classification and identifier, stay together). -->
  <xsl:function name="tk:join-blocks" as="xs:string">
    <xsl:param name="blocks" as="map(*)*"/>
    <xsl:variable name="parts" as="xs:string*">
      <xsl:for-each select="$blocks">
        <xsl:variable name="i" select="position()"/>
        <xsl:variable name="prev" select="$blocks[$i - 1]"/>
        <xsl:choose>
          <xsl:when test="$i = 1"/>
          <xsl:when test="not($B) and $prev?kind = 'pb' and ?kind = ('p', 'heading')"/>
          <xsl:when test="not($B) or ($prev?kind = 'flushleft' and ?kind = 'flushleft')">
            <xsl:sequence select="'&#10;'"/>
          </xsl:when>
          <!-- a list without its head after another list: the page shows the blank lines
               of the head it dropped -->
          <xsl:when test="$prev?kind = 'list' and ?kind = 'list' and not(?head)">
            <xsl:sequence select="'&#10;&#10;&#10;'"/>
          </xsl:when>
          <xsl:otherwise><xsl:sequence select="'&#10;&#10;'"/></xsl:otherwise>
        </xsl:choose>
        <xsl:sequence select="?text"/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:sequence select="string-join($parts)"/>
  </xsl:function>

  <!-- ===== blocks: each becomes map { 'kind', 'text' } =============== -->

  <xsl:template match="tei:head" mode="block">
    <xsl:sequence select="map { 'kind': 'head', 'text': tk:inline(.) }"/>
  </xsl:template>

  <xsl:template match="tei:note[@rend = 'inline']" mode="block">
    <xsl:sequence select="map { 'kind': 'source', 'text': tk:inline(.) }"/>
  </xsl:template>

  <xsl:template match="tei:p" mode="block">
    <xsl:sequence select="map { 'kind': 'p', 'text': tk:inline(.) }"/>
  </xsl:template>

  <!-- A paragraph that introduces a block quotation: its own text, then each paragraph
       and page break of the quotation as a block of its own, as the page shows them. -->
  <xsl:template match="tei:p[tei:quote]" mode="block">
    <xsl:variable name="parts" as="xs:string*">
      <xsl:apply-templates select="node() except tei:quote" mode="inline"/>
    </xsl:variable>
    <xsl:sequence select="map { 'kind': 'p', 'text': string-join($parts) }"/>
    <xsl:apply-templates select="tei:quote/*" mode="block"/>
  </xsl:template>

  <xsl:template match="tei:p[@rend = 'flushleft']" mode="block">
    <xsl:sequence select="map { 'kind': 'flushleft', 'text': tk:inline(.) }"/>
  </xsl:template>

  <xsl:template match="tei:p[@rend = 'sectiontitle']" mode="block">
    <xsl:sequence select="map { 'kind': 'heading', 'text': tk:inline(.) }"/>
  </xsl:template>

  <!-- The closer: one line for each closing phrase, signature, and line of text
       (such as [File copy not signed]). -->
  <xsl:template match="tei:closer" mode="block">
    <xsl:variable name="lines" as="xs:string*">
      <xsl:for-each select="node()[not(self::tei:lb)][self::* or normalize-space()]">
        <xsl:sequence select="if (self::text()) then normalize-space(.)
                              else if (self::tei:pb) then '[' || tk:pb-label(.) || ']'
                              else tk:inline(.)"/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:sequence select="map { 'kind': 'closer', 'text': string-join($lines, '&#10;') }"/>
  </xsl:template>

  <!-- The opener (despatch number, classification, dateline, salutation): its lines as the
       page shows them, one after another. -->
  <xsl:template match="tei:opener" mode="block">
    <xsl:sequence select="map { 'kind': 'opener', 'text': tk:inline(.) }"/>
  </xsl:template>

  <xsl:template match="tei:pb" mode="block">
    <xsl:sequence select="map { 'kind': 'pb', 'text': '[' || tk:pb-label(.) || ']' }"/>
  </xsl:template>

  <xsl:template match="tei:list" mode="block">
    <xsl:variable name="items" as="xs:string*">
      <xsl:for-each select="tei:label | tei:item">
        <xsl:sequence select="$bullet || tk:inline(.)"/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="head" select="tei:head ! tk:inline(.)"/>
    <xsl:sequence select="map { 'kind': 'list', 'head': exists($head),
        'text': string-join(($head, if (exists($head) and $B) then '' else (), $items), '&#10;') }"/>
  </xsl:template>

  <!-- The covering text, an enclosure and a postscript: their blocks, in turn (the label
       and title of an enclosure are its heads). -->
  <xsl:template match="tei:div | tei:postscript" mode="block">
    <xsl:apply-templates select="*" mode="block"/>
  </xsl:template>

  <!-- Anything else at block level: its text as one paragraph, so nothing is lost. -->
  <xsl:template match="*" mode="block">
    <xsl:sequence select="map { 'kind': 'p', 'text': tk:inline(.) }"/>
  </xsl:template>

  <!-- ===== inline content ============================================ -->

  <xsl:function name="tk:inline" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="parts" as="xs:string*">
      <xsl:apply-templates select="$e/node()" mode="inline"/>
    </xsl:variable>
    <xsl:sequence select="string-join($parts)"/>
  </xsl:function>

  <xsl:template match="text()" mode="inline">
    <xsl:sequence select="string(.)"/>
  </xsl:template>

  <xsl:template match="tei:note" mode="inline">
    <xsl:sequence select="string(@n)"/>
  </xsl:template>

  <!-- A note the text showed no marker for gets none (it is still in the note list). -->
  <xsl:template match="tei:note[@anchored = 'false']" mode="inline"/>

  <!-- The footnote of an inline source line, after a digit, is set off by a space as print
       sets it ("Box 5 1"): glued ("Box 51") it would read as part of the box number. -->
  <xsl:template match="tei:note[@rend = 'inline']//tei:note[not(@anchored = 'false')]"
                mode="inline" priority="1">
    <xsl:variable name="before" select="preceding-sibling::node()[1][self::text()]"/>
    <xsl:sequence select="(if (matches(string($before), '\d$')) then ' ' else '') || @n"/>
  </xsl:template>

  <xsl:template match="tei:lb" mode="inline">
    <xsl:sequence select="'&#10;'"/>
  </xsl:template>

  <!-- A page break inside a block: the space after the marker is the reader's to drop; at
       the end of a block a space goes before it instead. -->
  <xsl:template match="tei:pb" mode="inline">
    <xsl:variable name="marker" select="'[' || tk:pb-label(.) || ']'"/>
    <xsl:choose>
      <xsl:when test="following-sibling::node()[not(self::tei:quote)][not(self::text()) or normalize-space()]">
        <xsl:sequence select="$marker || ' '"/>
      </xsl:when>
      <xsl:when test="preceding-sibling::node()[1][self::text()][ends-with(., ' ')]
                      or empty(preceding-sibling::node())">
        <xsl:sequence select="$marker"/>
      </xsl:when>
      <xsl:otherwise><xsl:sequence select="' ' || $marker"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="*" mode="inline">
    <xsl:apply-templates select="node()" mode="inline"/>
  </xsl:template>

</xsl:stylesheet>
