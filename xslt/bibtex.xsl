<?xml version="1.0" encoding="UTF-8"?>
<!--
  bibtex.xsl: a BibTeX entry for one TEI document.

  Entry type: @incollection (a titled part of an edited book) when the header names
  the volume; @misc otherwise (a document converted without a catalog entry).
  Key: the TEI id (TEI/@xml:id, e.g. frus1958-60v19-d352); an NCName, so every character
  is one BibTeX accepts in a key.

  Fields, in this order, each only when the header has the fact:
    title       the document title
    booktitle   the volume as OH cites it: series, subseries, volume number, volume title
    editor      the primary editors as "Family, Given" (suffix: "Family, Jr., Given"),
                joined with " and "; never the general editor
    publisher   as OH cites it ("Government Printing Office", see tk:short-publisher)
    address     the place of publication
    year
    type, chapter   "Document" and the document number: standard styles print
                "Document 352" where they would print "chapter 352"
    pages       first and last page joined by two hyphens (the LaTeX en dash)
    url         as is (URLs are not escaped: the url and hyperref packages take them verbatim)
  A @misc entry (no volume known) gives the series in howpublished and "Document N" in note.
  No series or volume field: the booktitle already holds them, and standard styles
  would print them a second time.

  Escaping: & % $ # _ { } ~ ^ \ become their LaTeX forms; an en dash becomes two hyphens
  and an em dash three (the LaTeX ligatures, so the output stays ASCII-clean where the text is,
  also in pages); other characters stay UTF-8 (biber and bibtex8 read it; classic BibTeX
  passes it through). Titles are wrapped in a second pair of braces so that styles do
  not lower-case them: FRUS document titles are fixed archival titles.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tk="https://teikit.example/ns/functions"
  exclude-result-prefixes="#all">

  <xsl:import href="common.xsl"/>
  <xsl:import href="citation.xsl"/>

  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:function name="tk:bibtex-escape" as="xs:string">
    <xsl:param name="s" as="xs:string?"/>
    <xsl:variable name="map" select="map {
        '\': '\textbackslash{}', '{': '\{', '}': '\}', '&amp;': '\&amp;', '%': '\%', '$': '\$',
        '#': '\#', '_': '\_', '~': '\textasciitilde{}', '^': '\textasciicircum{}',
        '&#x2013;': '--', '&#x2014;': '---' }"/>
    <xsl:sequence select="string-join(
        for $c in string-to-codepoints(string($s)) ! codepoints-to-string(.)
        return ($map($c), $c)[1])"/>
  </xsl:function>

  <xsl:function name="tk:bibtex-name" as="xs:string">
    <xsl:param name="name" as="xs:string"/>
    <xsl:variable name="p" select="tk:name-parts($name)"/>
    <xsl:sequence select="tk:bibtex-escape(string-join(($p?family, $p?suffix, $p?given)[.], ', '))"/>
  </xsl:function>

  <xsl:function name="tk:bibtex-field" as="xs:string?">
    <!-- one line "  name = {value}," or nothing for an empty value -->
    <xsl:param name="name" as="xs:string"/>
    <xsl:param name="value" as="xs:string?"/>
    <xsl:sequence select="$value[normalize-space()] ! ('  ' || $name || ' = {' || . || '},')"/>
  </xsl:function>

  <xsl:template match="/">
    <xsl:variable name="id" select="(tk:id(.), 'teikit-document')[1]"/>
    <xsl:variable name="in-book" select="tk:has-volume(.)"/>
    <xsl:variable name="fields" as="xs:string*" select="
        tk:bibtex-field('title', tk:doc-title(.) ! ('{' || tk:bibtex-escape(.) || '}')),
        tk:bibtex-field('booktitle', tk:cite-container(.)[$in-book] ! ('{' || tk:bibtex-escape(.) || '}')),
        tk:bibtex-field('howpublished', tk:cite-series(.)[not($in-book)] ! tk:bibtex-escape(.)),
        tk:bibtex-field('editor', string-join(tk:cite-editors(.) ! tk:bibtex-name(.), ' and ')),
        tk:bibtex-field('publisher', tk:bibtex-escape(tk:cite-publisher(.))),
        tk:bibtex-field('address', tk:bibtex-escape(tk:pub-place(.))),
        tk:bibtex-field('year', tk:pub-year(.)),
        tk:doc-number(.)[$in-book] ! tk:bibtex-field('type', 'Document'),
        tk:bibtex-field('chapter', tk:doc-number(.)[$in-book] ! tk:bibtex-escape(.)),
        tk:bibtex-field('note', tk:doc-number(.)[not($in-book)] ! ('Document ' || tk:bibtex-escape(.))),
        tk:bibtex-field('pages', tk:bibtex-escape(tk:pages(.))),
        tk:bibtex-field('url', tk:url(.))"/>
    <xsl:value-of select="'@' || (if ($in-book) then 'incollection' else 'misc') || '{' || $id || ','"/>
    <xsl:text>&#10;</xsl:text>
    <xsl:value-of select="$fields" separator="&#10;"/>
    <xsl:text>&#10;}&#10;</xsl:text>
  </xsl:template>

</xsl:stylesheet>
