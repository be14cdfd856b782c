<?xml version="1.0" encoding="UTF-8"?>
<!--
  bibtex.xsl: a BibTeX entry for one TEI document.

  Entry type: @inbook, a titled part of an edited book, when the header names the volume, its
  editors, its publisher and its year; @misc otherwise (a document converted without a catalog
  entry, or with the volume facts derived from its id alone). Why not @incollection: the
  standard styles (plain, alpha, unsrt, in BibTeX and in pybtex) require an author for it, and
  a FRUS document has none (the Office cites it by its editors); for @inbook they take the
  editors in the author's place. The fields follow the Office of the Historian's model (as its
  CSL-JSON): the document title, the volume title as the book, the series with its subseries,
  the volume number; no field repeats another, so no style prints a fact twice.
  Key: the TEI id (TEI/@xml:id, e.g. frus1958-60v19-d352); an NCName, so every character
  is one BibTeX accepts in a key.

  Fields, in this order, each only when the header has the fact:
    title       the document title
    booktitle   the volume title ("China")
    editor      the primary editors as "Family, Given" (suffix: "Family, Jr., Given"),
                joined with " and "; never the general editor
    series      the series and subseries as the Office names them
                ("Foreign Relations of the United States, 1958–1960", the dash written as two hyphens)
    volume      the volume number without the word "Volume" ("XIX", "XIV, Part 1")
    publisher   as OH cites it ("Government Printing Office", see tk:short-publisher)
    address     the place of publication
    year
    note        "Document 352": the document number as the Office cites it (not chapter and
                type: pybtex's styles ignore type and would print "chapter 352")
    pages       first and last page joined by two hyphens (the LaTeX en dash)
    url         with { } \ and spaces percent-encoded, so that the braces of the entry balance
  A @misc entry gives the volume as the Office cites it (series, subseries, volume number and
  title, the ones known) in howpublished instead of booktitle, editor, series and volume.

  Escaping, so that any text is one well-formed BibTeX value that LaTeX prints as the text:
  & % $ # _ ~ ^ \ become their LaTeX forms, a no-break space the tie ~ (BibTeX readers turn
  a raw one into a plain space), and { } become \textbraceleft{} and
  \textbraceright{} (not \{ and \}: BibTeX counts those braces too, and a title with "}}" would
  end the field early); an en dash becomes two hyphens and an em dash three (the LaTeX
  ligatures); "{}" goes between two characters that LaTeX would join into another one
  (two hyphens, two backquotes, two apostrophes, !` and ?`); a name part holding the word "and" keeps it in braces. Other characters stay
  UTF-8 (biber and bibtex8 read it; classic BibTeX passes it through). Titles are wrapped in a
  second pair of braces so that styles do not lower-case them: FRUS document titles are fixed
  archival titles.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tk="https://teikit.example/ns/functions"
  exclude-result-prefixes="#all">

  <xsl:import href="common.xsl"/>
  <xsl:import href="citation.xsl"/>

  <xsl:output method="text" encoding="UTF-8"/>

  <!-- LaTeX forms of the characters that are special to BibTeX or LaTeX, or that LaTeX prints
       otherwise -->
  <xsl:variable name="tk:bibtex-chars" as="map(xs:string, xs:string)" select="map {
      '\': '\textbackslash{}', '{': '\textbraceleft{}', '}': '\textbraceright{}',
      '&amp;': '\&amp;', '%': '\%', '$': '\$', '#': '\#', '_': '\_',
      '~': '\textasciitilde{}', '^': '\textasciicircum{}',
      '&#x2013;': '--', '&#x2014;': '---', '&#xA0;': '~' }"/>

  <!-- pairs of characters that TeX's fonts join into one glyph (an en dash, curly quotes,
       inverted marks) -->
  <xsl:variable name="tk:ligatures" as="xs:string*" select="'--', '``', &quot;''&quot;, '!`', '?`'"/>

  <xsl:function name="tk:bibtex-escape" as="xs:string">
    <xsl:param name="s" as="xs:string?"/>
    <xsl:variable name="out" as="xs:string*" select="
        for $c in string-to-codepoints(string($s)) ! codepoints-to-string(.)
        return ($tk:bibtex-chars($c), $c)[1]"/>
    <xsl:sequence select="string-join(
        for $i in 1 to count($out)
        return ($out[$i],
                '{}'[$i lt count($out)
                     and (substring($out[$i], string-length($out[$i])) || substring($out[$i + 1], 1, 1)) = $tk:ligatures]))"/>
  </xsl:function>

  <xsl:function name="tk:bibtex-name-part" as="xs:string">
    <!-- a part of a name: escaped, with a word "and" in braces so that BibTeX does not split
         the name list there, and with commas in braces so that they do not split the name -->
    <xsl:param name="part" as="xs:string"/>
    <xsl:sequence select="string-join(tokenize(tk:bibtex-escape($part), ' ')
        ! (if (lower-case(.) = 'and') then '{' || . || '}' else replace(., ',', '{,}')), ' ')"/>
  </xsl:function>

  <xsl:function name="tk:bibtex-name" as="xs:string">
    <xsl:param name="name" as="xs:string"/>
    <xsl:variable name="p" select="tk:name-parts($name)"/>
    <xsl:sequence select="string-join(($p?family, $p?suffix, $p?given)[.] ! tk:bibtex-name-part(.), ', ')"/>
  </xsl:function>

  <xsl:function name="tk:bibtex-url" as="xs:string">
    <!-- URLs are taken verbatim by the url and hyperref packages; only what would unbalance
         the entry or end the URL is percent-encoded -->
    <xsl:param name="url" as="xs:string"/>
    <xsl:sequence select="string-join(string-to-codepoints($url) ! codepoints-to-string(.)
        ! (if (. = ('{', '}', '\', ' ', '%')) then encode-for-uri(.) else .))"/>
  </xsl:function>

  <xsl:function name="tk:bibtex-field" as="xs:string?">
    <!-- one line "  name = {value}," or nothing for an empty value -->
    <xsl:param name="name" as="xs:string"/>
    <xsl:param name="value" as="xs:string?"/>
    <xsl:sequence select="$value[normalize-space()] ! ('  ' || $name || ' = {' || . || '},')"/>
  </xsl:function>

  <xsl:function name="tk:bibtex-in-book" as="xs:boolean">
    <!-- @inbook needs, in the standard styles, an editor (in the author's place), a publisher
         and a year besides the title -->
    <xsl:param name="n" as="node()"/>
    <xsl:sequence select="tk:has-volume($n) and exists(tk:cite-editors($n))
                          and exists(tk:cite-publisher($n)[.]) and exists(tk:pub-year($n)[.])"/>
  </xsl:function>

  <xsl:template match="/">
    <xsl:variable name="id" select="(tk:id(.), 'teikit-document')[1]"/>
    <xsl:variable name="in-book" select="tk:bibtex-in-book(.)"/>
    <xsl:variable name="series" select="string-join((tk:cite-series(.), tk:sub-series(.))[.], ', ')"/>
    <xsl:variable name="fields" as="xs:string*" select="
        tk:bibtex-field('title', tk:doc-title(.) ! ('{' || tk:bibtex-escape(.) || '}')),
        tk:bibtex-field('booktitle', tk:volume-title(.)[$in-book] ! ('{' || tk:bibtex-escape(.) || '}')),
        tk:bibtex-field('howpublished', tk:cite-container(.)[not($in-book)] ! tk:bibtex-escape(.)),
        tk:bibtex-field('editor', string-join(tk:cite-editors(.)[$in-book] ! tk:bibtex-name(.), ' and ')),
        tk:bibtex-field('series', $series[$in-book] ! tk:bibtex-escape(.)),
        tk:bibtex-field('volume', tk:cite-volume(.)[$in-book] ! tk:bibtex-escape(.)),
        tk:bibtex-field('publisher', tk:bibtex-escape(tk:cite-publisher(.)[$in-book])),
        tk:bibtex-field('address', tk:bibtex-escape(tk:pub-place(.)[$in-book])),
        tk:bibtex-field('year', tk:bibtex-escape(tk:pub-year(.)[$in-book])),
        tk:bibtex-field('note', tk:doc-number(.) ! ('Document ' || tk:bibtex-escape(.))),
        tk:bibtex-field('pages', tk:bibtex-escape(tk:pages(.))),
        tk:bibtex-field('url', tk:url(.) ! tk:bibtex-url(.))"/>
    <xsl:value-of select="'@' || (if ($in-book) then 'inbook' else 'misc') || '{' || $id || ','"/>
    <xsl:text>&#10;</xsl:text>
    <xsl:value-of select="$fields" separator="&#10;"/>
    <xsl:text>&#10;}&#10;</xsl:text>
  </xsl:template>

</xsl:stylesheet>
