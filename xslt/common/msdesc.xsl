<?xml version="1.0" encoding="UTF-8"?>
<!--
  A manuscript description (msDesc) as a reader reads it, wherever it stands (in the text, in a note, in the
  header's sourceDesc). TEI: msIdentifier "contains the information required to identify the manuscript",
  its parts (country, settlement, institution, repository, collection, idno …) data with no punctuation of
  their own; an msItem describes "an individual work or item within the intellectual content", its parts
  (locus, author, title, incipit …) likewise. Run together they read "OxfordBodleian LibraryMS Bodley 34".
  The identifier is one line whose parts are joined by ", " ("Oxford, Bodleian Library, MS Bodley 34"); an
  item one line, its locus followed by ": " and its other parts by ". " ("fols. 1r-10v: Anon. Seinte
  Marherete"); the description's other parts (summary, origin, provenance, binding, handNote …) each a
  block (samizdat:block-name). Nothing is added where the encoding has words of its own between the parts.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:samizdat="urn:samizdat"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <!-- The elements of a description that are lines of their own: named only in msDesc, so no other text changes.
       common/tei.xsl adds them to its block and separating names. -->
  <xsl:variable name="samizdat:ms-blocks" as="xs:string*" select="(
    'msIdentifier', 'msItem', 'msItemStruct', 'summary', 'foliation', 'collation', 'condition', 'layout',
    'handNote', 'typeNote', 'scriptNote', 'decoNote', 'binding', 'seal', 'accMat', 'additions',
    'origin', 'provenance', 'acquisition', 'custodialEvent')"/>

  <!-- Whether $e is a part of an identifier or of an item's line: a child of msIdentifier, msItem or
       msItemStruct that is no block (p, a nested item …) nor a note. -->
  <xsl:function name="samizdat:ms-part" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists($e/parent::*[self::msIdentifier or self::msItem or self::msItemStruct])
      and not($e/self::note or samizdat:block-name($e) or samizdat:holds-blocks($e))"/>
  </xsl:function>

  <!-- What a part $e is given before its own rendering: '' for the first, else ", " in an identifier; in an item
       ": " after a locus, ". " after other words (" " after words that end in a stop). '' where the
       encoding words the line itself. -->
  <xsl:function name="samizdat:ms-lead" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="before" select="$e/preceding-sibling::*[samizdat:ms-part(.)][normalize-space() != ''][1]"/>
    <xsl:variable name="words" select="normalize-space($before)"/>
    <xsl:sequence select="
      if (empty($before) or normalize-space($e) = '' or exists($e/../text()[normalize-space()])) then ''
      else if ($e/parent::msIdentifier) then (if (matches($words, '[,;:]$')) then ' ' else ', ')
      else if ($before/self::locus or $before/self::locusGrp) then (if (matches($words, '[,;:.]$')) then ' ' else ': ')
      else if (matches($words, '[.,;:!?]$')) then ' '
      else '. '"/>
  </xsl:function>

  <!-- supportDesc: the support ("a description of the materials") and the extent ("the size or approximate size of a
       bibliographic item"), the Guidelines' example "<support><p>Parchment.</p></support><extent>i + 55 leaves
       <dimensions …>": each a line that says what it is, support then extent, as a catalogue prints them ("Support:
       Parchment." "Extent: i + 55 leaves, 172 × 124 mm"). Their labels: -->
  <xsl:function name="samizdat:support-label" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="if ($e/self::support) then 'Support: ' else 'Extent: '"/>
  </xsl:function>
  <!-- A description's dimensions given as height, width and depth only (no words of their own): "172 × 124 mm", after
       ", " where words come before it in the line. -->
  <xsl:function name="samizdat:ms-dimensions" as="xs:string">
    <xsl:param name="d" as="element()"/>
    <xsl:variable name="before" select="$d/preceding-sibling::node()[1]"/>
    <xsl:variable name="lead" select="if (empty($before) or matches(string($before), '[\s,;:(]$') or normalize-space($before) = '') then '' else ', '"/>
    <xsl:sequence select="$lead || string-join($d/*[normalize-space()] ! normalize-space(), ' × ') || $d/@unit ! (' ' || normalize-space(.))"/>
  </xsl:function>
</xsl:stylesheet>
