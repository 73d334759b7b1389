<?xml version="1.0" encoding="UTF-8"?>
<!--
  What the search index needs of a TEI document, as JSON (the build turns it
  into Pagefind records; see docs/search.md). Nothing here is rendered.

  Applied to a document: its reading text cut into passages, one per
  paragraph (p, ab) anchored at the paragraph's id on the page, and one per
  run of text outside paragraphs (headings, verse, speeches …) anchored at the
  nearest element with an xml:id, so that a search result links to where its
  words are. A passage is an array of eight members, in this order (a map
  would name them, but saxon-js builds and serialises an XDM map many times
  slower than an array: on a play of 4,000 passages, a third of this
  stylesheet's time; src/search/passages.ts reads them by position):
    anchor, number   the paragraph's id and number as the page gives them;
    contains         anchors of paragraphs nested inside it (a p in a note),
                     whose entity mentions belong to this passage;
    text             the reading text, exactly as the plain text gives it;
    forms            the other forms the encoder recorded and the reading
                     text does not show: choice (sic, orig, abbr … beside
                     corr, reg, expan) and the readings of an app;
    languages        xml:lang in force, and any inside;
    dates            att.datable values, each an array [when, from/notBefore, to/notAfter];
    heading          the head of the division it is in.
  And per document, a map: language (for the index's stemming), date (an
  array as above, for sorting), passages.

  The entities a passage mentions, and their names, come from the build's
  entity catalogue (src/entities), not from here.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:samizdat="urn:samizdat"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:array="http://www.w3.org/2005/xpath-functions/array"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <!-- The plain text's reading of every element. -->
  <xsl:import href="../text/text.xsl"/>
  <!-- An annotation's words stand in brackets in the passage (below), where the plain text gives its letter: none. -->
  <xsl:variable name="samizdat:text-annotations" as="xs:boolean" select="false()"/>

  <xsl:output method="json" indent="no"/>

  <xsl:mode use-accumulators="#all"/>
  <xsl:mode name="samizdat:passages" on-no-match="shallow-skip" use-accumulators="#all"/>

  <!-- The page's paragraph numbers: samizdat:paragraph-number (common/pointers.xsl), the one count the page and the
       plain text read too. A test checks that every paragraph's anchor is an id of its page. -->

  <xsl:template match="/">
    <xsl:variable name="tei" select="samizdat:tei(.)"/>
    <xsl:variable name="passages" as="array(*)*">
      <!-- A document that is a transcription of its source alone (a sourceDoc, no text) is searched in its lines, as
           its page and plain text show them. -->
      <xsl:apply-templates select="if ($tei//text) then $tei//text[not(ancestor::text)] else $tei//sourceDoc[not(ancestor::sourceDoc)]" mode="samizdat:passages"/>
    </xsl:variable>
    <xsl:variable name="dated" select="(
      $tei/*/teiHeader/profileDesc/creation/descendant::*,
      $tei/*/teiHeader/profileDesc/correspDesc/correspAction[@type = ('sent', 'sending')]/date,
      $tei//text//docDate)[samizdat:dated(.)]"/>
    <xsl:sequence select="map:merge((
      map { 'language': string(($tei/*/@xml:lang, ($tei//text)[1]/@xml:lang, $tei/*/teiHeader/profileDesc/langUsage/language[1]/@ident)[1]) },
      if (exists($dated)) then map { 'date': samizdat:date($dated[1]) } else (),
      map { 'passages': array { $passages } }))"/>
  </xsl:template>

  <!-- A paragraph is a passage, with everything inside it. -->
  <xsl:template match="p | ab" mode="samizdat:passages">
    <xsl:param name="samizdat:heading" as="xs:string" select="''"/>
    <xsl:param name="samizdat:language" as="xs:string" select="string(ancestor::*[@xml:lang][1]/@xml:lang)"/>
    <!-- The number read once, for the anchor too: samizdat:paragraph-anchor(.), written out. -->
    <xsl:variable name="number" select="samizdat:paragraph-number(.)"/>
    <xsl:sequence select="samizdat:passage(node(), if (@xml:id) then string(@xml:id) else 'para-' || $number,
      if (@n) then string(@n) else string($number), $samizdat:heading,
      if (@xml:lang) then string(@xml:lang) else $samizdat:language, .)"/>
  </xsl:template>

  <!-- An app kept apart from the text (in a listApp, or in the standOff) is shown by its entry's call-out after the
       element it attaches to (common/annotations.xsl: samizdat:callout-site): its readings are forms of the passage the
       reader finds that call-out in, not a passage of their own (a listApp's had no anchor to go to, and a standOff's
       readings were not searched at all). A listApp is a passage only for apps whose call-out the text does not show. -->
  <xsl:key name="samizdat:apps-apart-at" match="app[not(samizdat:inline(.))]" use="samizdat:callout-site(.) ! generate-id()"/>
  <xsl:variable name="samizdat:has-apps-apart" as="xs:boolean">
    <xsl:try select=". instance of node() and exists(key('samizdat:textcrit', 'app', root(.))[not(samizdat:inline(.))])">
      <xsl:catch select="false()"/>
    </xsl:try>
  </xsl:variable>
  <xsl:template match="listApp" mode="samizdat:passages">
    <xsl:param name="samizdat:heading" as="xs:string" select="''"/>
    <xsl:param name="samizdat:language" as="xs:string" select="string(ancestor::*[@xml:lang][1]/@xml:lang)"/>
    <xsl:variable name="unplaced" select=".//app[empty(samizdat:callout-site(.))]"/>
    <xsl:if test="exists($unplaced)">
      <xsl:variable name="main" select="root(.)"/>
      <xsl:variable name="language" select="if (@xml:lang) then string(@xml:lang) else $samizdat:language"/>
      <!-- Such an entry is read only in the apparatus, where the page gives it an id: a passage each, its line as the
           plain text prints it, found where the reader reads it (one passage with no anchor sent a result to the page's top). -->
      <xsl:for-each select="samizdat:apparatus($main)[some $app in $unplaced satisfies ?app is $app]">
        <xsl:sequence select="[ ?id, '', [], ?number || ' ' || samizdat:entry-text(., $main), [], if ($language = '') then [] else [$language], [], samizdat:label('apparatus') ]"/>
      </xsl:for-each>
    </xsl:if>
  </xsl:template>

  <!-- A full reference (biblFull) is one passage, as it is one line of the plain text, though a statement of it
       may hold a paragraph (common/bibl.xsl). -->
  <xsl:template match="biblFull" mode="samizdat:passages">
    <xsl:param name="samizdat:heading" as="xs:string" select="''"/>
    <xsl:param name="samizdat:language" as="xs:string" select="string(ancestor::*[@xml:lang][1]/@xml:lang)"/>
    <xsl:sequence select="samizdat:passage(node(), samizdat:nearest-anchor(.), '', $samizdat:heading, if (@xml:lang) then string(@xml:lang) else $samizdat:language)"/>
  </xsl:template>

  <!-- Any other block: walked when it holds blocks, its loose text between them a passage; a passage itself otherwise. -->
  <xsl:template match="*" mode="samizdat:passages">
    <!-- The head of the division a passage is in, read once per division and passed down rather than
         read again for each of its passages: to the children alone, which are the only templates of this
         mode it reaches, so not as a tunnel parameter, which saxon-js copies into a new map at each
         apply-templates (a tenth of this stylesheet's time on a play). -->
    <xsl:param name="samizdat:heading" as="xs:string" select="''"/>
    <!-- The xml:lang in force around the element, passed down likewise rather than looked for among
         the ancestors of each passage (the ancestors' rule as its default, for the outermost text). -->
    <xsl:param name="samizdat:language" as="xs:string" select="string(ancestor::*[@xml:lang][1]/@xml:lang)"/>
    <xsl:variable name="language" select="if (@xml:lang) then string(@xml:lang) else $samizdat:language"/>
    <xsl:choose>
      <!-- Writing set apart in a speech that holds no other block a passage of its own, as in the plain text. -->
      <xsl:when test="samizdat:holds-blocks(.) or samizdat:holds-writing-apart(.)">
        <!-- Asked of containers only: an element with a head holds a block (head is one), so a passage's own
             division is never the element itself, and a play's or a novel's thousands of lines and paragraphs
             are spared the test. -->
        <xsl:variable name="heading" select="if ((self::div or self::floatingText or local-name() = ('div0', 'div1', 'div2', 'div3', 'div4', 'div5', 'div6', 'div7')) and head)
          then samizdat:heading-line(head[1]) else $samizdat:heading"/>
        <xsl:variable name="container" select="."/>
        <!-- The annotations on the container itself (a division, a list), which the page shows at its start: a passage
             of their own there, anchored at its id. -->
        <xsl:if test="$samizdat:has-span and @xml:id">
          <xsl:variable name="annotations" select="samizdat:annotation-words(.)"/>
          <xsl:if test="$annotations != ''">
            <xsl:sequence select="[ string(@xml:id), '', [], $annotations, [], if ($language = '') then [] else [$language], [], $heading ]"/>
          </xsl:if>
        </xsl:if>
        <!-- samizdat:structural(.), written out: asked of every child node (half of them the white space between
             blocks), a call for each cost 5-10% of this stylesheet's time on a play. -->
        <xsl:for-each-group select="node()" group-adjacent=". instance of element() and not(self::note) and (samizdat:block-name(.) or self::listApp or samizdat:holds-blocks(.)
            or (self::writing and samizdat:writing-apart(.)))">
          <xsl:choose>
            <xsl:when test="current-grouping-key()">
              <xsl:apply-templates select="current-group()" mode="samizdat:passages">
                <xsl:with-param name="samizdat:heading" select="$heading"/>
                <xsl:with-param name="samizdat:language" select="$language"/>
              </xsl:apply-templates>
            </xsl:when>
            <!-- The white space between blocks is no passage: not asked to be one (a large text has thousands). -->
            <xsl:when test="empty(current-group()[not(self::text()) or normalize-space() != ''])"/>
            <xsl:otherwise>
              <xsl:sequence select="samizdat:passage(current-group(), samizdat:nearest-anchor($container), '', $heading, $language)"/>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:for-each-group>
      </xsl:when>
      <xsl:otherwise>
        <xsl:sequence select="samizdat:passage(node(), samizdat:nearest-anchor(.), '', $samizdat:heading, $language, .)"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A prologue, epilogue or setting without a head: its label (samizdat:drama-label), which the page and the plain
       text show before it, a passage of its own, as a division's head is, so that "Prologue" finds it. -->
  <xsl:template match="prologue | epilogue | set" mode="samizdat:passages">
    <xsl:param name="samizdat:heading" as="xs:string" select="''"/>
    <xsl:param name="samizdat:language" as="xs:string" select="string(ancestor::*[@xml:lang][1]/@xml:lang)"/>
    <xsl:variable name="language" select="if (@xml:lang) then string(@xml:lang) else $samizdat:language"/>
    <xsl:variable name="anchor" select="samizdat:nearest-anchor(.)"/>
    <xsl:for-each select="samizdat:drama-label(.)">
      <xsl:sequence select="[ $anchor, '', [], ., [], if ($language = '') then [] else [$language], [], $samizdat:heading ]"/>
    </xsl:for-each>
    <xsl:next-match>
      <xsl:with-param name="samizdat:heading" select="$samizdat:heading"/>
      <xsl:with-param name="samizdat:language" select="$samizdat:language"/>
    </xsl:next-match>
  </xsl:template>

  <!-- A part of a manuscript's description a catalogue labels (common/msdesc.xsl: samizdat:ms-label), labelled as the
       page and the plain text label it, so that "Colophon" or "Binding" finds it: a line of its own one passage,
       "Decoration: …", anchored at its paragraph where it is one; else its label a passage, then its blocks. -->
  <xsl:template match="rubric | incipit | explicit | finalRubric | colophon | filiation | textLang | supportDesc | foliation
      | collation | condition | layoutDesc | handDesc | scriptDesc | typeDesc | musicNotation | decoDesc | additions
      | bindingDesc | sealDesc | accMat" mode="samizdat:passages">
    <xsl:param name="samizdat:heading" as="xs:string" select="''"/>
    <xsl:param name="samizdat:language" as="xs:string" select="string(ancestor::*[@xml:lang][1]/@xml:lang)"/>
    <xsl:variable name="label" select="samizdat:ms-label(.)"/>
    <xsl:variable name="language" select="if (@xml:lang) then string(@xml:lang) else $samizdat:language"/>
    <xsl:choose>
      <xsl:when test="exists($label) and samizdat:ms-one-line(.)">
        <xsl:variable name="paragraph" select="(descendant::p | descendant::ab)[1]"/>
        <xsl:sequence select="samizdat:passage-of((., node() ! descendant-or-self::*),
          if ($paragraph) then samizdat:paragraph-anchor($paragraph) else samizdat:nearest-anchor(.),
          if ($paragraph/@n) then string($paragraph/@n) else if ($paragraph) then string(samizdat:paragraph-number($paragraph)) else '',
          $label || ': ' || samizdat:line(node()), $samizdat:heading, $language)"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:if test="exists($label)">
          <xsl:sequence select="[ samizdat:nearest-anchor(.), '', [], $label, [], if ($language = '') then [] else [$language], [], $samizdat:heading ]"/>
        </xsl:if>
        <xsl:next-match>
          <xsl:with-param name="samizdat:heading" select="$samizdat:heading"/>
          <xsl:with-param name="samizdat:language" select="$samizdat:language"/>
        </xsl:next-match>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A manuscript's support and extent, labelled as the page and the plain text label them (common/msdesc.xsl:
       samizdat:support-label), one passage each as they are one line each there, so that "Support: Parchment." is
       found as the reader sees it, as the description's other labelled parts are. Anchored at its paragraph where it
       has one. -->
  <xsl:template match="support[parent::supportDesc] | extent[parent::supportDesc]" mode="samizdat:passages">
    <xsl:param name="samizdat:heading" as="xs:string" select="''"/>
    <xsl:param name="samizdat:language" as="xs:string" select="string(ancestor::*[@xml:lang][1]/@xml:lang)"/>
    <xsl:variable name="language" select="if (@xml:lang) then string(@xml:lang) else $samizdat:language"/>
    <xsl:variable name="paragraph" select="(descendant::p | descendant::ab)[1]"/>
    <xsl:sequence select="samizdat:passage-of((., node() ! descendant-or-self::*),
      if ($paragraph) then samizdat:paragraph-anchor($paragraph) else samizdat:nearest-anchor(.),
      if ($paragraph/@n) then string($paragraph/@n) else if ($paragraph) then string(samizdat:paragraph-number($paragraph)) else '',
      samizdat:support-label(.) || samizdat:line(node()), $samizdat:heading, $language)"/>
  </xsl:template>

  <!-- A note's words belong to the passage it stands in (the plain text moves them to the end as "[1]"),
       signed as there when not the author's (samizdat:note-by: "— Ed."). So do a span's (an annotation, which the
       page shows as a margin note and the plain text leaves out), so that a search for them finds it. -->
  <!-- The brackets hold the note's words without white space at their edges ("[A note — Ed.]"), and no space
       is put between the closing one and punctuation after it ("word [a note]."). -->
  <xsl:template match="note | span[normalize-space()][not(ancestor::teiHeader)]" mode="inline">
    <xsl:param name="samizdat:heading-copy" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:if test="not($samizdat:heading-copy and self::span)"><xsl:call-template name="samizdat:bracketed"/></xsl:if>
  </xsl:template>
  <!-- The note's or annotation's words in brackets, standing after $after. -->
  <xsl:template name="samizdat:bracketed">
    <xsl:param name="after" as="node()" select="."/>
    <xsl:variable name="words" as="xs:string">
      <xsl:value-of>
        <xsl:apply-templates mode="inline"/>
      </xsl:value-of>
    </xsl:variable>
    <xsl:text> [</xsl:text>
    <xsl:value-of select="replace($words, '^\s+|\s+$', '')"/>
    <xsl:value-of select="samizdat:note-by(.)[1] ! (' — ' || .)"/>
    <xsl:text>]</xsl:text>
    <!-- A full reference's note (notesStmt) is followed by the mark common/bibl.xsl puts before the next field. -->
    <xsl:if test="not(matches(string($after/following::text()[1]), '^[.,;:!?)\]’”»]')) and not($after/parent::notesStmt[parent::biblFull][following-sibling::*])"><xsl:text> </xsl:text></xsl:if>
  </xsl:template>

  <!-- A sourceDoc note called out at the end of a line or zone (common/transcr.xsl: samizdat:note-at-line): its words
       in brackets end that line's passage (the zone's last line's), where the page and the plain text call it out,
       not the passage of wherever it is encoded (the notes after the surfaces, a passage with no anchor). -->
  <xsl:template match="note[@target][ancestor::sourceDoc]" mode="inline" priority="1">
    <xsl:if test="not(samizdat:text-note-at-line(.))"><xsl:next-match/></xsl:if>
  </xsl:template>
  <xsl:template match="line[@xml:id][ancestor::sourceDoc] | zone[@xml:id][ancestor::sourceDoc]" mode="samizdat:passages" priority="1">
    <xsl:param name="samizdat:heading" as="xs:string" select="''"/>
    <xsl:param name="samizdat:language" as="xs:string" select="string(ancestor::*[@xml:lang][1]/@xml:lang)"/>
    <xsl:variable name="passages" as="array(*)*">
      <xsl:next-match>
        <xsl:with-param name="samizdat:heading" select="$samizdat:heading"/>
        <xsl:with-param name="samizdat:language" select="$samizdat:language"/>
      </xsl:next-match>
    </xsl:variable>
    <xsl:variable name="notes" as="xs:string*">
      <xsl:for-each select="samizdat:notes-at-line(.)[samizdat:text-note(.)]">
        <xsl:variable name="bracketed"><xsl:call-template name="samizdat:bracketed"/></xsl:variable>
        <xsl:sequence select="normalize-space($bracketed)"/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="language" select="if (@xml:lang) then string(@xml:lang) else $samizdat:language"/>
    <xsl:sequence select="if (empty($notes)) then $passages
      else if (empty($passages)) then [ string(@xml:id), '', [], string-join($notes, ' '), [], if ($language = '') then [] else [$language], [], $samizdat:heading ]
      else (subsequence($passages, 1, count($passages) - 1), array:put($passages[last()], 4, string-join(($passages[last()](4), $notes), ' ')))"/>
  </xsl:template>

  <!-- A span's annotation stands where the page shows it, at the element or anchor its @from (or @target) names
       (common/annotations.xsl), not where it is encoded (a spanGrp in the back is no passage the reader sees it in):
       its words in brackets after the element's words, or at the anchor; after a block's words, at the end of its
       passage. -->
  <!-- One on words only an apparatus entry shows stands, as on the page, at the entry's call-out, after the app or the
       element it attaches to: the passage the reader finds the entry's call-out in (common/annotations.xsl:
       samizdat:entry-annotations-at). -->
  <xsl:template match="span[normalize-space()][not(ancestor::teiHeader)][samizdat:annotation-placed(.)]" mode="inline" priority="1"/>
  <!-- (A call-out follows an app or the element one attaches to, which @to, @from or @loc names: by id or @n.) -->
  <xsl:template match="*[$samizdat:has-span][self::app or @xml:id or @n][exists(samizdat:annotations-beside(.))]" mode="inline">
    <xsl:param name="samizdat:heading-copy" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:next-match/>
    <xsl:variable name="at" select="."/>
    <xsl:for-each select="if ($samizdat:heading-copy) then () else samizdat:annotations-beside(.)">
      <xsl:call-template name="samizdat:bracketed">
        <xsl:with-param name="after" select="$at"/>
      </xsl:call-template>
    </xsl:for-each>
  </xsl:template>
  <!-- A division's heading as each of its passages carries it: the head's words without the annotations on them
       (a span in the head, or one whose target is in it), which are words about the heading, not of it: they
       belong once, to the passage the head (or the annotation's target) is, not to every passage of the division.
       samizdat:line otherwise; its white space handled as there. -->
  <xsl:function name="samizdat:heading-line" as="xs:string">
    <xsl:param name="head" as="element()"/>
    <xsl:choose>
      <xsl:when test="$samizdat:has-span and exists($head//*[self::span or @xml:id])">
        <xsl:variable name="parts" as="xs:string*">
          <xsl:apply-templates select="$head/node()" mode="inline">
            <xsl:with-param name="samizdat:heading-copy" select="true()" tunnel="yes"/>
          </xsl:apply-templates>
        </xsl:variable>
        <xsl:variable name="spaced" select="normalize-space(string-join($parts))"/>
        <xsl:variable name="line" select="if (contains($spaced, $samizdat:caesura)) then replace($spaced, ' ?' || $samizdat:caesura || ' ?', '    ') else $spaced"/>
        <xsl:sequence select="if (contains($line, $samizdat:own-line)) then replace(replace($line, ' ?' || $samizdat:own-line || '[ ' || $samizdat:own-line || ']*', '&#10;'), '^&#10;|&#10;$', '') else $line"/>
      </xsl:when>
      <xsl:otherwise><xsl:sequence select="samizdat:line($head/node())"/></xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- The annotations standing at $e, then those at the call-out after it. -->
  <xsl:function name="samizdat:annotations-beside" as="element()*">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="samizdat:annotations-at($e), samizdat:entry-annotations-at($e)"/>
  </xsl:function>
  <!-- The words of the annotations standing at $e, in brackets ('' for none). -->
  <xsl:function name="samizdat:annotation-words" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="words" as="xs:string">
      <xsl:value-of>
        <xsl:for-each select="samizdat:annotations-beside($e)">
          <xsl:call-template name="samizdat:bracketed"/>
        </xsl:for-each>
      </xsl:value-of>
    </xsl:variable>
    <xsl:sequence select="normalize-space($words)"/>
  </xsl:function>

  <xsl:template match="spanGrp" mode="inline">
    <xsl:apply-templates select="span" mode="inline"/>
  </xsl:template>

  <!-- A caesura divides a line between words: a word break here, not the plain text's wide gap. -->
  <xsl:template match="caesura" mode="inline">
    <xsl:text> </xsl:text>
  </xsl:template>

  <!-- The id the page gives a paragraph (core.xsl's rule), which entity mentions name too. The p template writes it out. -->
  <xsl:function name="samizdat:paragraph-anchor" as="xs:string">
    <xsl:param name="p" as="element()"/>
    <xsl:sequence select="if ($p/@xml:id) then string($p/@xml:id) else 'para-' || samizdat:paragraph-number($p)"/>
  </xsl:function>

  <!-- Outside paragraphs, the anchor a mention there names (namesdates.xsl's rule): the nearest xml:id. -->
  <xsl:function name="samizdat:nearest-anchor" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="string($e/ancestor-or-self::*[@xml:id][1]/@xml:id)"/>
  </xsl:function>

  <xsl:function name="samizdat:passage" as="array(*)?">
    <xsl:param name="nodes" as="node()*"/>
    <xsl:param name="anchor" as="xs:string"/>
    <xsl:param name="number" as="xs:string"/>
    <xsl:param name="heading" as="xs:string"/>
    <xsl:param name="language" as="xs:string"/>
    <xsl:sequence select="samizdat:passage($nodes, $anchor, $number, $heading, $language, ())"/>
  </xsl:function>
  <!-- $block: the element $nodes are the content of, whose own annotations (common/annotations.xsl) end its text, as
       the page shows them at its start, beside it. -->
  <xsl:function name="samizdat:passage" as="array(*)?">
    <xsl:param name="nodes" as="node()*"/>
    <xsl:param name="anchor" as="xs:string"/>
    <xsl:param name="number" as="xs:string"/>
    <!-- The head of the division the passage is in (the nearest div, div0 … div7 or floatingText with a head), as the reading text has it. -->
    <xsl:param name="heading" as="xs:string"/>
    <!-- The xml:lang in force for the block the nodes are of ('' for none): its own, else its nearest ancestor's. -->
    <xsl:param name="language" as="xs:string"/>
    <xsl:param name="block" as="element()?"/>
    <xsl:variable name="line" select="samizdat:line($nodes)"/>
    <xsl:variable name="text" select="if ($samizdat:has-span and exists($block/@xml:id))
      then string-join(($line, samizdat:annotation-words($block))[. != ''], ' ') else $line"/>
    <!-- $nodes are siblings in document order: "!" keeps that order without the sort "/" makes saxon-js do. -->
    <xsl:variable name="elements" select="$nodes ! descendant-or-self::*"/>
    <xsl:choose>
      <!-- Text alone (most of a play's lines, a novel's paragraphs): no forms, nested paragraphs, languages
           or dates inside it to look for, and the members that list them made at once. The square constructor,
           not array { … }: saxon-js builds the curly one many times slower (a tenth of this stylesheet's time on a play). -->
      <xsl:when test="empty($elements)">
        <xsl:if test="$text != ''">
          <xsl:sequence select="[ $anchor, $number, [], $text, [], if ($language = '') then [] else [$language], [], $heading ]"/>
        </xsl:if>
      </xsl:when>
      <xsl:otherwise>
        <xsl:sequence select="samizdat:passage-of($elements, $anchor, $number, $text, $heading, $language)"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- samizdat:passage of nodes with elements among them. -->
  <xsl:function name="samizdat:passage-of" as="array(*)?">
    <xsl:param name="elements" as="element()+"/>
    <xsl:param name="anchor" as="xs:string"/>
    <xsl:param name="number" as="xs:string"/>
    <xsl:param name="text" as="xs:string"/>
    <xsl:param name="heading" as="xs:string"/>
    <xsl:param name="language" as="xs:string"/>
    <xsl:variable name="apart" select="if ($samizdat:has-apps-apart) then key('samizdat:apps-apart-at', $elements ! generate-id(.), root($elements[1])) else ()"/>
    <xsl:variable name="forms" select="distinct-values(samizdat:other-forms(($elements, $apart ! descendant-or-self::*)))[not(. = $text)]"/>
    <xsl:if test="$text != '' or exists($forms)">
      <xsl:sequence select="[
        $anchor,
        $number,
        array { distinct-values($elements[self::p or self::ab][not(ancestor::biblFull)] ! samizdat:paragraph-anchor(.))[. != $anchor] },
        $text,
        array { $forms },
        array { distinct-values(($language, $elements ! @xml:lang ! string())[. != '']) },
        (: samizdat:dated(.), written out: asked of every element of a passage (a flagship paragraph has dozens of names), a call each was a twentieth of this stylesheet's time there. :)
        (: Only att.datable's @from and @to are dates. A span's and an app's point to the words they are on (teidata.pointer), an
           arc's to its nodes; a locus counts leaves, a biblScope's and a citedRange's pages or volumes (pp. 1200–1250
           read as the years 1200 to 1250): they date nothing. :)
        array { $elements[@when or @when-iso or @from or @notBefore or @from-iso or @notBefore-iso or @to or @notAfter or @to-iso or @notAfter-iso]
          [not(self::span or self::app or self::arc or self::locus or self::biblScope or self::citedRange)] ! samizdat:date(.) },
        $heading
      ]"/>
    </xsl:if>
  </xsl:function>

  <!-- The forms a choice or an apparatus records besides the one the reading text shows. -->
  <xsl:function name="samizdat:other-forms" as="xs:string*">
    <xsl:param name="elements" as="element()*"/>
    <xsl:for-each select="$elements[self::choice or self::app]">
      <!-- An app kept apart shows none of its readings where it is encoded: the text shows its lemma's words where its
           call-out stands (none when the text shows no call-out: all its readings are forms). -->
      <xsl:variable name="shown" select="if (self::app and not(samizdat:inline(.)) and exists(samizdat:callout-site(.))) then string(samizdat:lemma(.) ! samizdat:line(node())) else samizdat:line(.)"/>
      <xsl:for-each select="if (self::app) then .//(lem | rdg) else *">
        <xsl:variable name="form" select="samizdat:line(node())"/>
        <xsl:if test="$form != '' and $form != $shown">
          <xsl:sequence select="$form"/>
        </xsl:if>
      </xsl:for-each>
    </xsl:for-each>
  </xsl:function>

  <!-- att.datable: a point (when) or a span (from/notBefore … to/notAfter), W3C forms only (custom calendars are not years).
       samizdat:passage-of writes it out (a change here is a change there). -->
  <xsl:function name="samizdat:dated" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists($e/(@when, @when-iso, @from, @notBefore, @from-iso, @notBefore-iso, @to, @notAfter, @to-iso, @notAfter-iso))"/>
  </xsl:function>

  <!-- [when, from, to]. -->
  <xsl:function name="samizdat:date" as="array(xs:string)">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="[
      string(($e/@when, $e/@when-iso)[1]),
      string(($e/@from, $e/@notBefore, $e/@from-iso, $e/@notBefore-iso)[1]),
      string(($e/@to, $e/@notAfter, $e/@to-iso, $e/@notAfter-iso)[1])
    ]"/>
  </xsl:function>

</xsl:stylesheet>
