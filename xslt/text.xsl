<?xml version="1.0" encoding="UTF-8"?>
<!--
  text.xsl: a clean plain-text reading copy of a teikit TEI document.

  A short header (title, volume, document number, pages, date, address), then the
  text: one paragraph per line with a blank line between blocks, section titles
  underlined, text in small capitals shown in capitals, lists as indented bullets,
  page breaks as [Page N]. Footnotes become endnotes under the marker the page prints
  (its @n: the volume's running number, or a symbol * † ‡ §; a note without one is
  numbered by its place): the text carries [1], [*]... and a "Notes" section lists them
  at the end. Lines are not wrapped. The output ends with a newline.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:tk="https://teikit.example/ns/functions"
  exclude-result-prefixes="#all">

  <xsl:import href="common.xsl"/>

  <xsl:output method="text" encoding="UTF-8"/>

  <!-- param: header: "yes" (the default) starts the text with the document's facts
       (volume, number, pages, date, address); "no" leaves them out. -->
  <xsl:param name="header" as="xs:string" select="'yes'"/>

  <xsl:variable name="tei" select="tk:tei(/)"/>
  <xsl:variable name="div" select="($tei/tei:text/tei:body/tei:div[@type = 'document'], $tei/tei:text/tei:body)[1]"/>
  <xsl:variable name="notes" select="$div//tei:note[tk:is-footnote(.)]"/>

  <xsl:template match="/">
    <xsl:variable name="facts" as="xs:string*">
      <xsl:if test="$header = 'yes'">
        <xsl:variable name="title" select="string(tk:doc-title($tei))"/>
        <xsl:sequence select="$title"/>
        <xsl:sequence select="string-join((1 to string-length($title)) ! '=')"/>
        <xsl:sequence select="''"/>
        <xsl:sequence select="tk:volume-complete-title($tei)"/>
        <xsl:sequence select="string-join((tk:doc-number($tei) ! ('Document ' || .),
                                           tk:pages($tei) ! ('pages ' || .)), ', ')[normalize-space()]"/>
        <xsl:sequence select="tk:date-text($tei) ! ('Date: ' || .)"/>
        <xsl:sequence select="for $r in tk:editor-roles($tei) return
            (if ($r = 'primary') then 'Edited by ' else 'General editor: ') || tk:join-names(tk:editors($tei, $r))"/>
        <xsl:sequence select="tk:url($tei)"/>
        <xsl:sequence select="''"/>
        <xsl:sequence select="'----'"/>
        <xsl:sequence select="''"/>
      </xsl:if>
    </xsl:variable>
    <xsl:variable name="blocks" as="xs:string*">
      <xsl:apply-templates select="$div/*" mode="block"/>
    </xsl:variable>
    <xsl:variable name="endnotes" as="xs:string*">
      <xsl:if test="$notes">
        <xsl:sequence select="'Notes&#10;-----'"/>
        <xsl:for-each select="$notes">
          <xsl:variable name="paras" select="if (tei:p) then tei:p ! tk:inline(.) else tk:inline(.)"/>
          <xsl:sequence select="string-join(('[' || tk:note-label(.) || '] ' || $paras[1],
                                             subsequence($paras, 2) ! ('    ' || .)), '&#10;&#10;')"/>
        </xsl:for-each>
      </xsl:if>
    </xsl:variable>
    <xsl:value-of select="string-join($facts ! (. || '&#10;'))
                          || string-join(($blocks, $endnotes)[normalize-space()], '&#10;&#10;')
                          || '&#10;'"/>
  </xsl:template>

  <!-- ===== blocks ==================================================== -->

  <xsl:template match="tei:head | tei:p | tei:note[@rend = 'inline'] | tei:signed" mode="block">
    <xsl:sequence select="tk:inline(.)"/>
  </xsl:template>

  <!-- A paragraph that introduces a block quotation: its own text, then the quotation's
       paragraphs and page breaks, each a block indented by four spaces. -->
  <xsl:template match="tei:p[tei:quote]" mode="block">
    <xsl:variable name="parts" as="xs:string*">
      <xsl:apply-templates select="node() except tei:quote" mode="inline"/>
    </xsl:variable>
    <xsl:sequence select="string-join($parts)"/>
    <xsl:for-each select="tei:quote/*">
      <xsl:variable name="block" as="xs:string*">
        <xsl:apply-templates select="." mode="block"/>
      </xsl:variable>
      <xsl:sequence select="'    ' || replace(string-join($block), '&#10;', '&#10;    ')"/>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="tei:p[@rend = 'sectiontitle']" mode="block">
    <xsl:variable name="t" select="tk:inline(.)"/>
    <xsl:sequence select="$t || '&#10;' || string-join((1 to string-length($t)) ! '-')"/>
  </xsl:template>

  <xsl:template match="tei:closer" mode="block">
    <xsl:variable name="lines" as="xs:string*">
      <xsl:for-each select="node()[not(self::tei:lb)][self::* or normalize-space()]">
        <xsl:sequence select="if (self::text()) then normalize-space(.)
                              else if (self::tei:pb) then '[' || tk:pb-label(.) || ']'
                              else tk:inline(.)"/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:sequence select="string-join($lines, '&#10;')"/>
  </xsl:template>

  <xsl:template match="tei:pb" mode="block">
    <xsl:sequence select="'[' || tk:pb-label(.) || ']'"/>
  </xsl:template>

  <xsl:template match="tei:list" mode="block">
    <xsl:variable name="lines" as="xs:string*">
      <xsl:sequence select="tei:head ! tk:inline(.)"/>
      <xsl:for-each select="tei:item">
        <xsl:variable name="label" select="preceding-sibling::*[1][self::tei:label]"/>
        <xsl:sequence select="'  ' || (if ($label) then tk:inline($label) else '•') || ' ' || tk:inline(.)"/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:sequence select="string-join($lines, '&#10;')"/>
  </xsl:template>

  <!-- The covering text, an enclosure and a postscript: their blocks in turn; an
       enclosure opens with a rule of stars over its label and title. -->
  <xsl:template match="tei:div | tei:postscript" mode="block">
    <xsl:if test="@type = 'enclosure'"><xsl:sequence select="'* * *'"/></xsl:if>
    <xsl:apply-templates select="*" mode="block"/>
  </xsl:template>

  <xsl:template match="*" mode="block">
    <xsl:sequence select="tk:inline(.)"/>
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
    <xsl:sequence select="'[' || tk:note-label(.) || ']'"/>
  </xsl:template>

  <xsl:template match="tei:note[@rend = 'inline']" mode="inline">
    <xsl:apply-templates mode="inline"/>
  </xsl:template>

  <xsl:template match="tei:lb" mode="inline">
    <xsl:sequence select="'&#10;'"/>
  </xsl:template>

  <xsl:template match="tei:pb" mode="inline">
    <xsl:sequence select="(if (preceding-sibling::node()[1][self::text()][not(ends-with(., ' '))]) then ' ' else '')
                          || '[' || tk:pb-label(.) || '] '"/>
  </xsl:template>

  <xsl:template match="tei:hi[@rend = 'smallcaps'] | tei:seg[@rend = 'smallcaps']" mode="inline">
    <xsl:sequence select="upper-case(tk:inline(.))"/>
  </xsl:template>

  <xsl:template match="*" mode="inline">
    <xsl:apply-templates mode="inline"/>
  </xsl:template>

</xsl:stylesheet>
