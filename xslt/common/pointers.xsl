<?xml version="1.0" encoding="UTF-8"?>
<!--
  Pointers into the document, the same in every view (the page, the plain text, the search records), each
  defined once here so that the views cannot read one pointer differently:
  - samizdat:paragraph-number($p): the number of a paragraph (p, ab) of the text, as the page marks it, the
    plain text and the search records read it ("paragraph 7", the search anchor "para-7");
  - samizdat:pointer-target($pointer): the element of this document a ptr or ref leads to, through the
    document's prefixDef as well ("ed:p2", a private URI, TEI 16.2.3), or ();
  - samizdat:note-place($note): where a note stands, "foot", "end", "margin" or "inline";
  - samizdat:set-off-note-label($note, $host-label): what a pointer to a note that is not called out (a margin or
    inline note without @n, a note in a note) reads, since it has no number of its own.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:samizdat="urn:samizdat"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <!-- One count of the paragraphs (p and ab within text), for the page's marks and ids, the plain text's pointers and
       the search passages' anchors: three counters kept alike by hand could drift apart. A paragraph of a full
       reference (biblFull: a statement's, a note's) is part of the reference's line, not a paragraph of the text: no
       number, no passage of its own. One walk over the document, when first asked for. -->
  <xsl:accumulator name="samizdat:paragraph" as="xs:integer" initial-value="0">
    <xsl:accumulator-rule match="p[ancestor::text][not(ancestor::biblFull)] | ab[ancestor::text][not(ancestor::biblFull)]" select="$value + 1"/>
  </xsl:accumulator>

  <xsl:function name="samizdat:paragraph-number" as="xs:integer">
    <xsl:param name="p" as="element()"/>
    <xsl:sequence select="$p/accumulator-before('samizdat:paragraph')"/>
  </xsl:function>

  <!-- The element of this document a pointer (@target, else @url) leads to: "#id", or a prefixed pointer that the
       document's prefixDef expands to "#id" (samizdat:resolve-pointer); () for one to elsewhere, to several places,
       or to an id the document lacks. -->
  <xsl:function name="samizdat:pointer-target" as="element()?">
    <xsl:param name="pointer" as="element()"/>
    <xsl:variable name="resolved" select="samizdat:pointer-address($pointer)"/>
    <xsl:sequence select="if (starts-with($resolved, '#') and not(contains($resolved, ' '))) then key('samizdat:id', substring($resolved, 2), root($pointer))[1] else ()"/>
  </xsl:function>
  <!-- The address a pointer leads to, its prefix (if the document defines it) expanded. -->
  <xsl:function name="samizdat:pointer-address" as="xs:string">
    <xsl:param name="pointer" as="element()"/>
    <xsl:sequence select="samizdat:resolve-pointer(normalize-space(($pointer/@target, $pointer/@url)[1]), ($pointer/@target, $pointer/@url, $pointer)[1])"/>
  </xsl:function>

  <!-- Where a note stands: a margin note (@place margin, left, right …) and an inline one stay where they are, set
       off; any other is called out, a footnote or an endnote (@place end). -->
  <xsl:function name="samizdat:note-place" as="xs:string">
    <xsl:param name="note" as="element()"/>
    <xsl:variable name="place" select="lower-case(normalize-space($note/@place))"/>
    <xsl:sequence select="
      if (matches($place, 'margin|left|right|opposite')) then 'margin'
      else if (matches($place, 'inline|interlinear|above|below')) then 'inline'
      else if (matches($place, '^end|endnote')) then 'end'
      else 'foot'"/>
  </xsl:function>

  <!-- A note that stands where it is written, not called out, and has no @n (which the page shows as its label)
       reads as where it stands, since it has no number: "note in the margin of paragraph 3", "note in line 2",
       "note in note 4". $host-label: what a pointer to the paragraph, line or note it stands in reads, in the
       view's words ('' for none). -->
  <xsl:function name="samizdat:set-off-note-label" as="xs:string">
    <xsl:param name="note" as="element()"/>
    <xsl:param name="host-label" as="xs:string"/>
    <xsl:variable name="margin" select="samizdat:note-place($note) = 'margin' and empty($note/ancestor::note)"/>
    <xsl:sequence select="if ($host-label = '') then (if ($margin) then 'note in the margin' else 'note in the text')
      else (if ($margin) then 'note in the margin of ' else 'note in ') || $host-label"/>
  </xsl:function>
  <!-- Whether a note has a number of its own (a footnote or an endnote, called out; not one in a note or in an
       apparatus entry), which a pointer to it reads; else it reads its @n, or where it stands. -->
  <xsl:function name="samizdat:numbered-note" as="xs:boolean">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="samizdat:note-place($note) = ('foot', 'end') and empty($note/(ancestor::note | ancestor::app | ancestor::listApp))"/>
  </xsl:function>
  <!-- The paragraph, verse line or note a set-off note stands in, for its label. -->
  <xsl:function name="samizdat:set-off-note-host" as="element()?">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="$note/ancestor::*[self::p or self::ab or self::l or self::note][1]"/>
  </xsl:function>
</xsl:stylesheet>
