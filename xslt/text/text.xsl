<?xml version="1.0" encoding="UTF-8"?>
<!--
  Plain text of a TEI document: the text of <text>, one block (paragraph,
  heading, verse line …) a paragraph, blocks separated by one blank line,
  white space normalised within each block. The header and the
  explanations (desc) of omissions stay out; the apparatus (textcrit.xsl)
  follows the text, and the notes follow at the end, numbered.

  Parameter $mode:
    reading    (default) the edited text: deletions left out, additions,
               corrections, regularisations and expansions in, supplied
               text in brackets, omissions and gaps as "[…]", the lemma of
               an apparatus;
    diplomatic the text as the source has it: deletions as ⟦…⟧, additions
               as \…/, sic, orig and abbr, an omission as its printed
               metamark (see common/transcr.xsl for the whole table).
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:samizdat="urn:samizdat"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <xsl:import href="../common/tei.xsl"/>
  <xsl:import href="../common/apparatus.xsl"/>
  <!-- Included, not imported: its templates (app, listApp …) rank with the ones here. -->
  <xsl:include href="textcrit.xsl"/>

  <xsl:param name="mode" as="xs:string" select="'reading'"/>
  <xsl:variable name="diplomatic" as="xs:boolean" select="$mode = 'diplomatic'"/>

  <xsl:output method="text" encoding="UTF-8"/>

  <!-- Notes numbered in one pass (as on the page): @n, where given, is the label instead. -->
  <xsl:mode use-accumulators="#all"/>
  <xsl:accumulator name="samizdat:note-number" as="xs:integer" initial-value="0">
    <xsl:accumulator-rule match="note[not(@n)][not(ancestor::note or ancestor::teiHeader)][samizdat:text-note(.)]" select="$value + 1"/>
  </xsl:accumulator>
  <xsl:function name="samizdat:note-label" as="xs:string">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="'[' || (if ($note/@n) then normalize-space($note/@n) else string($note/accumulator-before('samizdat:note-number'))) || ']'"/>
  </xsl:function>

  <!-- blocks: a sequence of strings, one per block. -->
  <xsl:mode name="blocks" on-no-match="shallow-skip"/>
  <!-- inline: the text of a block; every element keeps its text unless listed below. -->
  <xsl:mode name="inline" on-no-match="text-only-copy"/>

  <xsl:template match="/">
    <xsl:if test="not($mode = ('reading', 'diplomatic'))">
      <xsl:message terminate="yes">samizdat: the text mode must be reading or diplomatic, not "<xsl:value-of select="$mode"/>".</xsl:message>
    </xsl:if>
    <xsl:variable name="tei" select="samizdat:tei(.)"/>
    <xsl:variable name="texts" select="if ($tei//text) then $tei//text[not(ancestor::text)] else if ($tei//sourceDoc) then $tei//sourceDoc else $tei/*"/>
    <xsl:variable name="blocks" as="xs:string*">
      <xsl:apply-templates select="$texts" mode="blocks"/>
    </xsl:variable>
    <xsl:variable name="notes" as="xs:string*">
      <xsl:for-each select="$texts//note[not(ancestor::note)][samizdat:text-note(.)]">
        <!-- Signed, as on the page, when not the author's (samizdat:note-by). -->
        <xsl:sequence select="samizdat:note-label(.) || ' ' || samizdat:line(node()) || samizdat:note-by(.)[1] ! (' — ' || .)"/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="apparatus" as="xs:string*">
      <xsl:call-template name="samizdat:apparatus-text">
        <xsl:with-param name="tei" select="$tei"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:value-of select="string-join(($blocks, $apparatus, $notes)[. != ''], '&#10;&#10;') || '&#10;'"/>
  </xsl:template>

  <xsl:function name="samizdat:line" as="xs:string">
    <xsl:param name="nodes" as="node()*"/>
    <xsl:choose>
      <!-- Text alone (most of a play's lines, many of a novel's paragraphs) is its own text: read without
           matching each text node against the inline templates, which took a tenth of this stylesheet's time
           on a play. Not in a witness's text, where a text node's template leaves out what the witness lacks. -->
      <xsl:when test="$samizdat:witness-id = '' and (every $n in $nodes satisfies $n instance of text())">
        <xsl:sequence select="normalize-space(string-join($nodes))"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="parts" as="xs:string*">
          <xsl:apply-templates select="$nodes" mode="inline"/>
        </xsl:variable>
        <!-- A line break the block keeps (samizdat:own-line) survives the normalising of its white space. -->
        <xsl:variable name="line" select="normalize-space(string-join($parts))"/>
        <xsl:sequence select="if (contains($line, $samizdat:own-line)) then replace(replace($line, ' ?' || $samizdat:own-line || '[ ' || $samizdat:own-line || ']*', '&#10;'), '^&#10;|&#10;$', '') else $line"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <xsl:template match="*" mode="blocks">
    <xsl:choose>
      <xsl:when test="samizdat:holds-blocks(.)">
        <!-- samizdat:structural(.), written out: asked of every child node (half of them the white space between
             blocks), a call for each cost 5-10% of this stylesheet's time on a play. -->
        <xsl:for-each-group select="node()" group-adjacent=". instance of element() and not(self::note) and (samizdat:block-name(.) or samizdat:holds-blocks(.))">
          <xsl:choose>
            <xsl:when test="current-grouping-key()">
              <xsl:apply-templates select="current-group()" mode="blocks"/>
            </xsl:when>
            <xsl:otherwise>
              <xsl:sequence select="samizdat:line(current-group())"/>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:for-each-group>
      </xsl:when>
      <xsl:otherwise>
        <xsl:sequence select="samizdat:line(node())"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="note" mode="blocks"/>
  <!-- A section break between blocks (samizdat:section-break): its stars, a line of its own, as on the page. -->
  <xsl:template match="milestone" mode="blocks">
    <xsl:sequence select="samizdat:section-mark(., false())"/>
  </xsl:template>

  <!-- Stands for a line break within a block, which normalize-space would take (samizdat:line makes it one). -->
  <xsl:variable name="samizdat:own-line" as="xs:string" select="'&#xE000;'"/>
  <!-- Forme work (running head, catchword, page number …) is the printed page's, not the text's: none in
       the reading text (nor so in the search records); in the diplomatic text, on a line of its own. -->
  <xsl:template match="fw" mode="inline">
    <xsl:if test="$diplomatic">
      <xsl:sequence select="$samizdat:own-line"/>
      <xsl:apply-templates mode="inline"/>
      <xsl:sequence select="$samizdat:own-line"/>
    </xsl:if>
  </xsl:template>

  <!-- Inline: what each element contributes to the text of its block. -->
  <xsl:template match="note" mode="inline">
    <xsl:sequence select="samizdat:note-label(.)"/>
  </xsl:template>
  <xsl:template match="note//note" mode="inline">
    <xsl:apply-templates mode="inline"/>
  </xsl:template>
  <!-- An omission's explanation is not text of the document (a desc elsewhere, e.g. in an ODD, is). -->
  <xsl:template match="ellipsis/desc" mode="inline"/>
  <xsl:template match="ellipsis" mode="inline">
    <xsl:sequence select="if ($diplomatic) then string(metamark) else '[…]'"/>
  </xsl:template>
  <!-- Transcription: what each view keeps, and its marks, come from the table in common/transcr.xsl. -->
  <xsl:template match="add | del | subst | mod | restore | retrace | supplied | unclear | damage | gap | space | surplus | secl | handShift | metamark | am | ex | sic | corr | abbr | expan | orig | reg" mode="inline">
    <xsl:variable name="marks" select="samizdat:transcription(., $mode)"/>
    <xsl:choose>
      <xsl:when test="count($marks) = 2">
        <xsl:sequence select="$marks[1]"/>
        <xsl:apply-templates mode="inline"/>
        <xsl:sequence select="$marks[2]"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:sequence select="$marks"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <!-- A pair (sic/corr, orig/reg, abbr/expan) gives each view its member; other alternatives read "a (or b)". -->
  <xsl:template match="choice" mode="inline">
    <xsl:choose>
      <xsl:when test="exists(samizdat:choice-pair(.))">
        <xsl:apply-templates select="*" mode="inline"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:for-each select="*">
          <xsl:sequence select="if (position() = 2) then ' (or ' else if (position() gt 2) then ', ' else ''"/>
          <xsl:apply-templates select="." mode="inline"/>
          <xsl:sequence select="if (position() = last() and last() gt 1) then ')' else ''"/>
        </xsl:for-each>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <!-- A stage direction amid the words of a line or a sentence (samizdat:in-sentence): the page sets it in
       italics, which a plain text has not, so it is put in parentheses here, lest it be read as spoken
       ("O me! (To Helena.) You juggler"); none added where its words are already in brackets. -->
  <xsl:template match="stage" mode="inline">
    <xsl:variable name="parts" as="xs:string*"><xsl:apply-templates mode="inline"/></xsl:variable>
    <xsl:variable name="words" select="string-join($parts)"/>
    <xsl:sequence select="if (normalize-space($words) = '' or matches($words, '^\s*[(\[]') or not(samizdat:in-sentence(.))) then $words
      else (if (matches($words, '^\s')) then ' ' else '') || '(' || normalize-space($words) || ')' || (if (matches($words, '\s$')) then ' ' else '')"/>
  </xsl:template>
  <!-- An inline quotation (or a soCalled's words, a gloss) between the marks the page gives it
       (samizdat:quote-marks). A word mentioned, a term, a distinct word: their words only, the page's italics
       having no plain-text form (quotation marks would read as a gloss's). -->
  <xsl:template match="q | quote | said | soCalled | gloss" mode="inline">
    <xsl:variable name="marks" select="samizdat:quote-marks(.)"/>
    <xsl:sequence select="$marks[1]"/>
    <xsl:apply-templates mode="inline"/>
    <xsl:sequence select="$marks[2]"/>
  </xsl:template>
  <!-- White space between a role and its description: ", " in its place where that sets them apart (samizdat:role-space). -->
  <xsl:template match="castItem/text()[not(normalize-space())] | castGroup/text()[not(normalize-space())]" mode="inline" priority="0.4">
    <xsl:value-of select="samizdat:role-space(.)"/>
  </xsl:template>
  <!-- The white space a role or a description ends with, left out before the ", " that follows it (samizdat:role-trail). -->
  <xsl:template match="role/text()[not(normalize-space())] | roleDesc/text()[not(normalize-space())]" mode="inline" priority="0.4">
    <xsl:if test="not(samizdat:role-trail(.))"><xsl:value-of select="."/></xsl:if>
  </xsl:template>
  <!-- A role description set apart from the role before it, as on the page (samizdat:role-gap). -->
  <xsl:template match="roleDesc" mode="inline">
    <xsl:sequence select="samizdat:role-gap(.)"/>
    <xsl:apply-templates mode="inline"/>
  </xsl:template>
  <!-- A generated table of contents (samizdat:toc): the page's; nothing here, not even its head. -->
  <xsl:template match="divGen[samizdat:toc(.)]" mode="blocks inline"/>
  <xsl:template match="facsimile" mode="blocks inline"/>
  <!-- An index entry marks a place for an index: its terms are not text (nor in the search records). -->
  <xsl:template match="index" mode="blocks inline"/>
  <!-- A break within a word: joined in the reading text (and the search records); in the diplomatic text, as on
       the diplomatic page, the line ends there, after the hyphen the source printed (samizdat:break-hyphen). -->
  <xsl:template match="lb[@break = 'no'] | pb[@break = 'no']" mode="inline"/>
  <xsl:template match="lb[@break = 'no']" mode="inline" priority="1">
    <xsl:if test="$diplomatic">
      <xsl:sequence select="samizdat:break-hyphen(.), $samizdat:own-line"/>
    </xsl:if>
  </xsl:template>
  <xsl:template match="lb | pb | cb | cell | l | item | label" mode="inline">
    <xsl:text> </xsl:text>
    <xsl:apply-templates mode="inline"/>
    <xsl:text> </xsl:text>
  </xsl:template>
  <!-- Blocks read as one line (a note's paragraphs, verse, a list, a table …): apart from what is next to
       them, so that the words on either side never run together where the encoding puts no white space
       between them; nothing added where nothing is next to them (the search records' "[…]" around a note
       keeps the white space the note begins and ends with). Not the blocks that may also stand inside a
       sentence (quote, bibl, cit, figure, stage, docAuthor, docDate …), whose neighbours may be
       punctuation: they keep the white space they are given. With the template above, the names
       samizdat:separates (common/tei.xsl) lists (a change here is a change there). -->
  <xsl:template match="p | ab | head | lg | sp | speaker | row | list | table
      | titlePage | docTitle | titlePart | docImprint | byline | dateline | salute | signed | trailer | addrLine
      | castList | castGroup | castItem | opener | closer | argument | epigraph | postscript
      | div | div0 | div1 | div2 | div3 | div4 | div5 | div6 | div7 | front | body | back | group | text | floatingText
      | sourceDoc | surfaceGrp | surface | zone | line" mode="inline">
    <xsl:if test="preceding-sibling::node()"><xsl:text> </xsl:text></xsl:if>
    <xsl:apply-templates mode="inline"/>
    <xsl:if test="following-sibling::node()"><xsl:text> </xsl:text></xsl:if>
  </xsl:template>
  <!-- A list's column headings (headLabel, headItem) make a line of their own before its entries, as on the page:
       apart from each other ("Term Meaning", not "TermMeaning"). -->
  <xsl:template match="headLabel | headItem" mode="inline">
    <xsl:text> </xsl:text>
    <xsl:apply-templates mode="inline"/>
    <xsl:text> </xsl:text>
  </xsl:template>
  <!-- An inline list runs in its sentence, as the page has it; its items and labels apart (samizdat:list-gap). -->
  <xsl:template match="list[tokenize(@rend) = 'inline']" mode="inline" priority="1">
    <xsl:apply-templates mode="inline"/>
  </xsl:template>
  <xsl:template match="list[tokenize(@rend) = 'inline']/label | list[tokenize(@rend) = 'inline']/item" mode="inline" priority="1">
    <xsl:if test="samizdat:list-gap(.)"><xsl:text> </xsl:text></xsl:if>
    <xsl:apply-templates mode="inline"/>
  </xsl:template>
</xsl:stylesheet>
