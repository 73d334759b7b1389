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
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
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
       encoding words the line itself. A labelled part after a locus, " ": its label's colon is enough ("fol. 1r
       Incipit: In principio", not "fol. 1r: Incipit: …"). -->
  <xsl:function name="samizdat:ms-lead" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="before" select="$e/preceding-sibling::*[samizdat:ms-part(.)][normalize-space() != ''][1]"/>
    <xsl:variable name="words" select="normalize-space($before)"/>
    <xsl:sequence select="
      if (empty($before) or normalize-space($e) = '' or exists($e/../text()[normalize-space()])) then ''
      else if ($e/parent::msIdentifier) then (if (matches($words, '[,;:]$')) then ' ' else ', ')
      else if ($before/self::locus or $before/self::locusGrp) then (if (matches($words, '[,;:.]$') or exists(samizdat:ms-label($e))) then ' ' else ': ')
      else if (matches($words, '[.,;:!?]$')) then ' '
      else '. '"/>
  </xsl:function>

  <!-- The parts of an item and of a physical description a catalogue names before their words, as the TEI Guidelines
       name them (chapter 10): an incipit ("the opening words of the text proper"), an explicit ("the closing words of the
       text proper"), a rubric ("a string of words through which a manuscript signals the beginning of a text
       division"), a final rubric (one that "denotes the end of a text division"), a colophon ("a statement providing
       information regarding the date, place, agency, or reason for production"), a filiation, the languages of the
       text; the foliation, collation, condition, layout, hands, scripts, typefaces, music notation, decoration,
       additions, binding, seals and accompanying material. Run together unnamed, an incipit read like a colophon. -->
  <xsl:variable name="samizdat:ms-labels" as="map(xs:string, xs:string)" select="map {
    'rubric': 'Rubric', 'incipit': 'Incipit', 'explicit': 'Explicit', 'finalRubric': 'Final rubric', 'colophon': 'Colophon',
    'filiation': 'Filiation', 'textLang': 'Language',
    'supportDesc': 'Support', 'foliation': 'Foliation', 'collation': 'Collation', 'condition': 'Condition',
    'layoutDesc': 'Layout', 'handDesc': 'Hands', 'scriptDesc': 'Script', 'typeDesc': 'Type', 'musicNotation': 'Music notation',
    'decoDesc': 'Decoration', 'additions': 'Additions', 'bindingDesc': 'Binding', 'sealDesc': 'Seals',
    'accMat': 'Accompanying material' }"/>

  <!-- What $e is labelled in a description, or () for nothing: not where it begins with a head of its own, nor inside a
       part already labelled (a binding's condition under "Binding"), nor a supportDesc whose support and extent carry
       their own labels (samizdat:support-label). An incipit or explicit @defective "incomplete through loss or damage"
       says so: "Incipit (defective)". -->
  <xsl:function name="samizdat:ms-label" as="xs:string?">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="if (empty($e/ancestor::msDesc) or (some $a in $e/ancestor::*[ancestor::msDesc] satisfies exists(samizdat:ms-own-label($a)))) then ()
      else samizdat:ms-own-label($e)"/>
  </xsl:function>
  <xsl:function name="samizdat:ms-own-label" as="xs:string?">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="name" select="map:get($samizdat:ms-labels, local-name($e))"/>
    <xsl:sequence select="if (empty($name) or exists($e/*[1][self::head]) or ($e/self::supportDesc and empty($e/(p | ab)))) then ()
      else if ($e/(self::incipit | self::explicit)/@defective = ('true', '1')) then $name || ' (defective)'
      else $name"/>
  </xsl:function>
  <!-- Whether a labelled part reads as one line, "Label: its words": its words hold no block, or one block that reads so
       (a decoDesc's one paragraph, a handDesc's one handNote). One holding several is a label line of its own, then
       its blocks. -->
  <xsl:function name="samizdat:ms-one-line" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="blocks" select="$e/*[samizdat:structural(.)]"/>
    <xsl:sequence select="empty($blocks) or (count($blocks) = 1 and empty($e/text()[normalize-space()]) and samizdat:ms-one-line($blocks))"/>
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
