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
  <xsl:import href="../common/present.xsl"/>
  <!-- Where a span's annotation stands, and its letter, as on the page. -->
  <xsl:import href="../common/annotations.xsl"/>
  <!-- Included, not imported: its templates (app, listApp …) rank with the ones here. -->
  <xsl:include href="textcrit.xsl"/>

  <xsl:param name="mode" as="xs:string" select="'reading'"/>
  <xsl:variable name="diplomatic" as="xs:boolean" select="$mode = 'diplomatic'"/>

  <xsl:output method="text" encoding="UTF-8"/>

  <!-- Notes numbered in one pass (as on the page): @n, where given, is the label instead. -->
  <xsl:mode use-accumulators="#all"/>
  <!-- Two counts: the notes (their order, for the list at the end), and those without @n (their numbers). A sourceDoc
       note labelled at the end of a line or zone is counted there, as on the page (html/core.xsl), so that the
       numbers run in the order the labels are read. -->
  <xsl:accumulator name="samizdat:note-number" as="xs:integer*" initial-value="(0, 0)">
    <xsl:accumulator-rule match="note[not(ancestor::note or ancestor::teiHeader)][samizdat:text-note(.)]"
      select="if (samizdat:text-note-at-line(.)) then $value else ($value[1] + 1, $value[2] + (if (@n) then 0 else 1))"/>
    <xsl:accumulator-rule match="line[@xml:id][ancestor::sourceDoc] | zone[@xml:id][ancestor::sourceDoc]" phase="end"
      select="samizdat:count-text-notes($value, samizdat:notes-at-line(.)[samizdat:text-note(.)])"/>
  </xsl:accumulator>
  <xsl:function name="samizdat:count-text-notes" as="xs:integer*">
    <xsl:param name="value" as="xs:integer*"/>
    <xsl:param name="notes" as="element()*"/>
    <xsl:sequence select="if (empty($notes)) then $value else ($value[1] + count($notes), $value[2] + count($notes[not(@n)]))"/>
  </xsl:function>
  <xsl:function name="samizdat:text-note-at-line" as="xs:boolean">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="exists($note/@target) and exists($note/ancestor::sourceDoc) and samizdat:text-note($note) and samizdat:note-at-line($note)"/>
  </xsl:function>
  <!-- The note's count ($which: 1 its place in the reading, 2 its number): at the note, or where the line or zone it
       is labelled at ends, less the notes labelled after it there. -->
  <xsl:function name="samizdat:text-note-count" as="xs:integer">
    <xsl:param name="note" as="element()"/>
    <xsl:param name="which" as="xs:integer"/>
    <xsl:sequence select="if (not(samizdat:text-note-at-line($note))) then $note/accumulator-before('samizdat:note-number')[$which] else
      let $home := samizdat:note-line-targets($note)[last()]
      return $home/accumulator-after('samizdat:note-number')[$which]
        - count(samizdat:notes-at-line($home)[samizdat:text-note(.)][. &gt;&gt; $note][$which = 1 or not(@n)])"/>
  </xsl:function>
  <xsl:function name="samizdat:note-label" as="xs:string">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="'[' || (if ($note/@n) then normalize-space($note/@n) else string(samizdat:text-note-count($note, 2))) || ']'"/>
  </xsl:function>

  <!-- What a pointer into the document reads, with the page's numbers (html/core.xsl: the samizdat:counters
       accumulator, samizdat:target-label), restated since importing the page's stylesheets would make this one as slow
       to compile as they are: (page, verse line in its division). Paragraphs are numbered once for every view
       (common/pointers.xsl). One walk, asked for only by a document with a pointer into itself. -->
  <xsl:accumulator name="samizdat:pointer-counters" as="xs:integer*" initial-value="(0, 0)">
    <xsl:accumulator-rule match="pb" select="($value[1] + 1, $value[2])"/>
    <xsl:accumulator-rule match="l[not(ancestor::teiHeader)]" select="($value[1], $value[2] + 1)"/>
    <xsl:accumulator-rule match="text | div | div0 | div1 | div2 | div3 | div4 | div5 | div6 | div7" select="($value[1], 0)"/>
  </xsl:accumulator>
  <!-- What a pointer to $e reads as, as on the page: a heading, "note 3" (the number the notes list gives it), a note
       not numbered where it stands ("note in the margin of paragraph 3"), "paragraph 7", "line 12", "page 5"; any
       other element its "#id". -->
  <xsl:function name="samizdat:pointer-label" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="
      if ($e[head][self::div or self::figure or self::table or self::lg or self::list or local-name() = ('div0', 'div1', 'div2', 'div3', 'div4', 'div5', 'div6', 'div7')])
        then normalize-space(string-join($e/head[1]//text()[not(ancestor::note)]))
      else if ($e/self::note) then (if ($e/@n) then 'note ' || normalize-space($e/@n)
        else if (samizdat:numbered-note($e)) then 'note ' || samizdat:text-note-count($e, 2)
        else samizdat:set-off-note-label($e, string(samizdat:set-off-note-host($e) ! samizdat:pointer-label(.))))
      else if ($e/self::p or $e/self::ab) then 'paragraph ' || ($e/@n, samizdat:paragraph-number($e))[1]
      else if ($e/self::l) then 'line ' || ($e/@n, $e/accumulator-before('samizdat:pointer-counters')[2])[1]
      else if ($e/self::pb) then 'page ' || ($e/@n, $e/accumulator-before('samizdat:pointer-counters')[1])[1]
      else if ($e/self::head) then normalize-space(string-join($e//text()[not(ancestor::note)]))
      else '#' || $e/@xml:id"/>
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
      <!-- A transcription's notes in the order their labels are read (a note on a line at that line's end). -->
      <xsl:for-each select="$texts//note[not(ancestor::note)][samizdat:text-note(.)]">
        <xsl:sort select="if ($texts[1]/self::sourceDoc) then samizdat:text-note-count(., 1) else 0"/>
        <!-- Signed, as on the page, when not the author's (samizdat:note-by). -->
        <xsl:sequence select="samizdat:note-label(.) || ' ' || samizdat:line(node()) || samizdat:note-by(.)[1] ! (' — ' || .)"/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="apparatus" as="xs:string*">
      <xsl:call-template name="samizdat:apparatus-text">
        <xsl:with-param name="tei" select="$tei"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="annotations" select="if ($samizdat:text-annotations) then samizdat:annotation-list($texts) else ()"/>
    <xsl:value-of select="string-join(($blocks, $apparatus, $notes, $annotations)[. != ''], '&#10;&#10;') || '&#10;'"/>
  </xsl:template>

  <xsl:function name="samizdat:line" as="xs:string">
    <xsl:param name="nodes" as="node()*"/>
    <xsl:sequence select="samizdat:line($nodes, ())"/>
  </xsl:function>
  <!-- $entry-app: the app whose entry prints $nodes (a reading's words), where the letters of the annotations on words
       only that entry shows follow them, and those on the text's words do not (the entry's copy of a lemma is plain,
       as on the page); () in the text. -->
  <xsl:function name="samizdat:line" as="xs:string">
    <xsl:param name="nodes" as="node()*"/>
    <xsl:param name="entry-app" as="element()?"/>
    <xsl:choose>
      <!-- Text alone (most of a play's lines, many of a novel's paragraphs) is its own text: read without
           matching each text node against the inline templates, which took a tenth of this stylesheet's time
           on a play. Not in a witness's text, where a text node's template leaves out what the witness lacks, nor
           within a span (delSpan …), where it leaves out what the view does not show. -->
      <xsl:when test="$samizdat:witness-id = '' and not($samizdat:text-annotations) and (every $n in $nodes satisfies $n instance of text())
        and not($samizdat:text-spanning and exists($nodes) and exists(samizdat:open-spans(head($nodes))))">
        <xsl:sequence select="normalize-space(string-join($nodes))"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="parts" as="xs:string*">
          <xsl:choose>
            <!-- A cast list's content (samizdat:inline-content). -->
            <xsl:when test="$samizdat:has-cast-list and exists($nodes/parent::*[self::castItem or self::castGroup or self::role or self::roleDesc])">
              <xsl:call-template name="samizdat:inline-content">
                <xsl:with-param name="nodes" select="$nodes"/>
                <xsl:with-param name="samizdat:entry-app" select="$entry-app" tunnel="yes"/>
              </xsl:call-template>
            </xsl:when>
            <xsl:otherwise>
              <xsl:apply-templates select="$nodes" mode="inline">
                <xsl:with-param name="samizdat:entry-app" select="$entry-app" tunnel="yes"/>
              </xsl:apply-templates>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <!-- A line break the block keeps (samizdat:own-line) survives the normalising of its white space. -->
        <xsl:variable name="spaced" select="normalize-space(string-join($parts))"/>
        <!-- A caesura's gap (samizdat:caesura) likewise, in place of the white space on either side of it. -->
        <xsl:variable name="line" select="if (contains($spaced, $samizdat:caesura)) then replace($spaced, ' ?' || $samizdat:caesura || ' ?', '    ') else $spaced"/>
        <xsl:sequence select="if (contains($line, $samizdat:own-line)) then replace(replace($line, ' ?' || $samizdat:own-line || '[ ' || $samizdat:own-line || ']*', '&#10;'), '^&#10;|&#10;$', '') else $line"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- Whether $e, an element walked as blocks here and in the search records, holds writing set apart
       (samizdat:writing-apart), as a block of its own on the page: a speech with no block but its speaker's words
       and a letter read in them is one. -->
  <xsl:function name="samizdat:holds-writing-apart" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="$samizdat:has-writing and (some $w in $e/writing satisfies samizdat:writing-apart($w))"/>
  </xsl:function>

  <xsl:template match="*" mode="blocks">
    <xsl:choose>
      <xsl:when test="samizdat:holds-blocks(.) or samizdat:holds-writing-apart(.)">
        <!-- samizdat:structural(.), written out: asked of every child node (half of them the white space between
             blocks), a call for each cost 5-10% of this stylesheet's time on a play. -->
        <xsl:for-each-group select="node()" group-adjacent=". instance of element() and not(self::note) and (samizdat:block-name(.) or samizdat:holds-blocks(.)
            or (self::writing and samizdat:writing-apart(.)))">
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

  <!-- A tree (common/nets.xsl) drawn as the page lists it: a node a line, under its parent and one step further in,
       joined to it by a branch ("├─ " before a node with siblings after it, "└─ " before the last), as a tree is
       drawn in plain text. Its lines are kept as drawn: the block's white space is not normalised. -->
  <xsl:template match="tree | eTree[samizdat:tree-top(.)] | triangle[samizdat:tree-top(.)]" mode="blocks">
    <xsl:variable name="caption" select="self::tree/label[1]/samizdat:line(node())[. != '']"/>
    <xsl:variable name="start" select="samizdat:tree-start(.)"/>
    <xsl:sequence select="string-join(($caption, if (exists($start)) then samizdat:tree-lines($start, '', '', ()) else ()), '&#10;')"/>
  </xsl:template>
  <!-- The lines of node $node and those below it: its own begun with $lead, its children's with $indent. -->
  <xsl:function name="samizdat:tree-lines" as="xs:string*">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="lead" as="xs:string"/>
    <xsl:param name="indent" as="xs:string"/>
    <xsl:param name="seen" as="xs:string*"/>
    <xsl:variable name="label" select="samizdat:line(samizdat:tree-label($node))"/>
    <xsl:sequence select="$lead || string-join(($label, $node/self::triangle ! $samizdat:triangle-mark, samizdat:tree-link-words($node))[. != ''], ' ')"/>
    <!-- A virtual copy's lines go on with the copied node's children (common/nets.xsl), as on the page. -->
    <xsl:variable name="sources" select="samizdat:tree-copy-sources($node, $seen)"/>
    <xsl:variable name="below" select="samizdat:tree-seen-below($node, $seen, $sources)"/>
    <!-- One call on one node: Saxon-JS put a choice between two calls into document order, not @children's. -->
    <xsl:variable name="children" select="samizdat:tree-children(if (exists($sources)) then $sources[last()] else $node, $below)"/>
    <xsl:for-each select="$children">
      <xsl:variable name="last" select="position() = last()"/>
      <xsl:sequence select="samizdat:tree-lines(., $indent || (if ($last) then '└─ ' else '├─ '), $indent || (if ($last) then '   ' else '│  '), $below)"/>
    </xsl:for-each>
  </xsl:function>

  <!-- A tree node's links (synch, copyOf, corresp) as the page reads them aloud: "(copy of NP in Stage 1)". -->
  <xsl:function name="samizdat:tree-link-words" as="xs:string*">
    <xsl:param name="node" as="element()"/>
    <xsl:for-each select="samizdat:tree-links($node)">
      <xsl:variable name="relation" select="substring-before(., ' ')"/>
      <xsl:variable name="pointer" select="substring-after(., ' ')"/>
      <xsl:variable name="target" select="samizdat:net-target($pointer, $node)"/>
      <xsl:sequence select="'(' || (if (exists($target)) then samizdat:tree-link-name($relation, $target)
        else samizdat:tree-relation-words($relation) || ' ' || samizdat:graph-missing($pointer)) || ')'"/>
    </xsl:for-each>
  </xsl:function>

  <!-- A graph (common/nets.xsl) as the page lists it: its label, "Nodes:" and a node a line, "Edges:" and an edge a
       line ("LAX → LVG", "LAX — LVG" when undirected, the arc's label after a colon). -->
  <xsl:template match="graph" mode="blocks">
    <xsl:variable name="graph" select="."/>
    <xsl:variable name="edges" select="samizdat:graph-edges(.)"/>
    <xsl:variable name="lines" as="xs:string*">
      <xsl:sequence select="label[1]/samizdat:line(node())[. != '']"/>
      <xsl:if test="node">
        <xsl:sequence select="'Nodes:'"/>
        <xsl:for-each select="node">
          <xsl:sequence select="string-join((samizdat:graph-node-words(.), samizdat:graph-node-type-words(.)), ' ')
            || @value[normalize-space()] ! (' (value: ' || normalize-space(.) || ')')"/>
        </xsl:for-each>
      </xsl:if>
      <xsl:if test="exists($edges)">
        <xsl:sequence select="'Edges:'"/>
        <xsl:for-each select="$edges">
          <xsl:variable name="part" select="tokenize(., ' ')"/>
          <xsl:variable name="arc-labels" select="samizdat:graph-arc-labels($graph/arc[xs:integer($part[4])]) ! samizdat:line(node())[. != '']"/>
          <xsl:variable name="arc-label" select="string-join($arc-labels, ' ' || samizdat:graph-label-joiner($graph) || ' ')[. != '']"/>
          <xsl:sequence select="samizdat:graph-end-words($graph, $part[1]) || ' ' || samizdat:graph-joiner($part[3]) || ' '
            || samizdat:graph-end-words($graph, $part[2]) || $arc-label ! (': ' || .)"/>
        </xsl:for-each>
      </xsl:if>
    </xsl:variable>
    <xsl:sequence select="string-join($lines, '&#10;')"/>
  </xsl:template>
  <xsl:function name="samizdat:graph-node-words" as="xs:string">
    <xsl:param name="node" as="element()"/>
    <xsl:variable name="label" select="$node/label[1]/samizdat:line(node())"/>
    <xsl:sequence select="if ($label != '') then $label else samizdat:graph-node-fallback($node)"/>
  </xsl:function>
  <xsl:function name="samizdat:graph-end-words" as="xs:string">
    <xsl:param name="graph" as="element()"/>
    <xsl:param name="pointer" as="xs:string"/>
    <xsl:variable name="node" select="samizdat:graph-node($graph, $pointer)"/>
    <xsl:sequence select="if (exists($node)) then samizdat:graph-node-words($node) else samizdat:graph-missing($pointer)"/>
  </xsl:function>

  <!-- A prologue, epilogue or setting without a head: what it is, a line before it, as on the page. -->
  <xsl:template match="prologue | epilogue | set" mode="blocks">
    <xsl:sequence select="samizdat:drama-label(.)"/>
    <xsl:next-match/>
  </xsl:template>
  <!-- A manuscript's support and extent: lines that say what they are, as on the page (common/msdesc.xsl). -->
  <xsl:template match="support[parent::supportDesc] | extent[parent::supportDesc]" mode="blocks">
    <xsl:sequence select="samizdat:support-label(.) || samizdat:line(node())"/>
  </xsl:template>
  <!-- A part of a manuscript's description a catalogue labels (common/msdesc.xsl: samizdat:ms-label), as on the page:
       "Decoration: …" a line, or its label a line before its blocks. -->
  <xsl:template match="rubric | incipit | explicit | finalRubric | colophon | filiation | textLang | supportDesc | foliation
      | collation | condition | layoutDesc | handDesc | scriptDesc | typeDesc | musicNotation | decoDesc | additions
      | bindingDesc | sealDesc | accMat" mode="blocks">
    <xsl:variable name="label" select="samizdat:ms-label(.)"/>
    <xsl:choose>
      <xsl:when test="empty($label)"><xsl:next-match/></xsl:when>
      <xsl:when test="samizdat:ms-one-line(.)"><xsl:sequence select="$label || ': ' || samizdat:line(node())"/></xsl:when>
      <xsl:otherwise>
        <xsl:sequence select="$label"/>
        <xsl:next-match/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="note" mode="blocks"/>
  <!-- An utterance: who speaks, then the words, as the page heads it (common/spoken.xsl). -->
  <xsl:template match="u" mode="blocks">
    <xsl:sequence select="string-join((samizdat:who-label(.) ! (. || ':'), samizdat:line(node())), ' ')"/>
  </xsl:template>
  <!-- A section break between blocks (samizdat:section-break): its stars, a line of its own, as on the page. -->
  <xsl:template match="milestone" mode="blocks">
    <xsl:sequence select="samizdat:section-mark(., false())"/>
  </xsl:template>

  <!-- Stands for a line break within a block, which normalize-space would take (samizdat:line makes it one). -->
  <xsl:variable name="samizdat:own-line" as="xs:string" select="'&#xE000;'"/>
  <!-- Stands for a caesura's gap, four spaces in the line (samizdat:line). -->
  <xsl:variable name="samizdat:caesura" as="xs:string" select="'&#xE001;'"/>
  <!-- caesura "marks the point at which a metrical line may be divided": the half-lines set apart, as editions
       of Old English verse print them, by four spaces, which every viewer shows alike (a tab's width depends
       on the viewer and its tab stops, and a tab reads as a field separator to many tools). -->
  <xsl:template match="caesura" mode="inline">
    <xsl:sequence select="$samizdat:caesura"/>
  </xsl:template>
  <!-- Forme work (running head, catchword, page number …) is the printed page's, not the text's: none in
       the reading text (nor so in the search records); in the diplomatic text, on a line of its own. -->
  <xsl:template match="fw" mode="inline">
    <xsl:if test="$diplomatic">
      <xsl:sequence select="$samizdat:own-line"/>
      <xsl:apply-templates mode="inline"/>
      <xsl:sequence select="$samizdat:own-line"/>
    </xsl:if>
  </xsl:template>

  <!-- A non-standard character: what it reads as in this text's view (common/gaiji.xsl), its name in brackets
       when nothing says. -->
  <xsl:template match="g" mode="inline">
    <xsl:sequence select="(samizdat:glyph-text(., $mode), samizdat:glyph-placeholder(.))[1]"/>
  </xsl:template>

  <!-- The transcriber's description of a pause, a sound, a movement …, in parentheses (common/spoken.xsl). -->
  <xsl:template match="pause | vocal | kinesic | incident | shift" mode="inline">
    <xsl:sequence select="samizdat:event-space-before(.) || samizdat:spoken-event(.) || samizdat:event-space-after(.)"/>
  </xsl:template>

  <!-- A dictionary entry's parts set apart, a sense's number before it, as on the page (common/dictionary.xsl). -->
  <xsl:template match="form | orth | pron | hyph | syll | stress | gramGrp | pos | subc | gen | number | case | per | tns | mood
      | iType | colloc | sense | def | usg | lbl | etym | xr | re | dictScrap | oRef | pRef | lang | cit[ancestor::entry or ancestor::entryFree or ancestor::superEntry]" mode="inline" priority="1">
    <xsl:sequence select="samizdat:entry-gap(.) || (if (self::sense) then samizdat:sense-number(.) else '')"/>
    <xsl:next-match/>
  </xsl:template>

  <!-- Inline: what each element contributes to the text of its block. -->
  <xsl:template match="note" mode="inline">
    <xsl:sequence select="samizdat:note-label(.)"/>
  </xsl:template>
  <!-- A sourceDoc's note attached to a line or a zone (common/transcr.xsl: samizdat:note-at-line): its label at the
       end of that line or zone, as on the page, none where it is encoded. -->
  <xsl:template match="note[@target][ancestor::sourceDoc]" mode="inline" priority="1">
    <xsl:if test="not(samizdat:note-at-line(.))"><xsl:next-match/></xsl:if>
  </xsl:template>
  <xsl:template match="line[@xml:id][ancestor::sourceDoc] | zone[@xml:id][ancestor::sourceDoc]" mode="blocks">
    <xsl:variable name="lines" as="xs:string*"><xsl:next-match/></xsl:variable>
    <xsl:variable name="labels" select="string-join(samizdat:notes-at-line(.)[samizdat:text-note(.)] ! samizdat:note-label(.))"/>
    <xsl:sequence select="if ($labels = '') then $lines else (subsequence($lines, 1, count($lines) - 1), $lines[last()] || $labels)"/>
  </xsl:template>
  <!-- A margin note (@place margin, left, right …) or an inline one is not called out on the page (html/core.xsl:
       samizdat:called-out) but read where it stands, "[" and "]" around an inline one: here too, in brackets, its
       label (@n) and signature as on the page. Numbered as before, it took a number the page does not give it, and
       every footnote after it read one more here than on the page ("[6] Typed." for the page's footnote 5). -->
  <xsl:template match="note[not(ancestor::note)][samizdat:set-off-note(.)]" mode="inline" priority="2">
    <xsl:sequence select="' [' || string-join((normalize-space(@n)[. != ''], samizdat:line(node()), samizdat:note-by(.)[1] ! ('— ' || .)), ' ') || ']'"/>
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
  <!-- Spans (common/transcr.xsl: samizdat:open-spans): a delSpan, addSpan or damageSpan whose @spanTo points to an
       element after it gives its opening mark, the element it points to is followed by the closing one, and the
       words between are left out where the element the span stands for (del, add, damage) would be. A span that
       points nowhere gives nothing, its words as they are. The closing mark where the span ends: after an anchor
       (the usual end), before another empty element, after the last words of an element with words; an element
       other than an anchor is asked through a key (a template that walked the spans for every element with an id,
       a play has thousands, made a play's plain text up to twice as slow). -->
  <!-- Whether the document has spans: the templates below ask of each word and each element with an id only then,
       so that a document without any (most) pays nothing for them. Without a TEI document as the global context item (none, or one of TEI P4, moved into the namespace
       later), each is asked. -->
  <xsl:variable name="samizdat:text-spanning" as="xs:boolean" select="if (. instance of document-node() and namespace-uri(*[1]) = $samizdat:tei-ns)
    then exists(key('samizdat:spans', 'all', .)) else true()"/>
  <xsl:template match="delSpan | addSpan | damageSpan" mode="inline">
    <xsl:if test="exists(samizdat:span-end(.))">
      <xsl:sequence select="samizdat:transcription(., $mode)[1]"/>
    </xsl:if>
  </xsl:template>
  <xsl:template match="anchor[@xml:id][$samizdat:text-spanning][exists(samizdat:spans-ending(.))]" mode="inline" priority="10">
    <xsl:next-match/>
    <xsl:if test="not(samizdat:between-blocks(.))">
      <xsl:sequence select="samizdat:spans-ending(.) ! samizdat:transcription(., $mode)[2]"/>
    </xsl:if>
  </xsl:template>
  <!-- A span that ends at another element: its mark before it when it has no words (an lb), after its last words
       when it has (common/transcr.xsl); looked up by id in a key, one look-up per element with an id. -->
  <xsl:template match="*[$samizdat:text-spanning][@xml:id][not(self::anchor)][samizdat:span-target(.)]" mode="inline" priority="10">
    <xsl:if test="not(samizdat:between-blocks(.))">
      <xsl:sequence select="samizdat:spans-ending-at(.) ! samizdat:transcription(., $mode)[2]"/>
    </xsl:if>
    <xsl:next-match/>
  </xsl:template>
  <xsl:template match="text()[$samizdat:text-spanning][exists(samizdat:open-spans(.)[not(self::undo)])]" mode="inline" priority="0.6">
    <xsl:if test="every $s in samizdat:open-spans(.)[not(self::undo)] satisfies exists(samizdat:transcription($s, $mode))">
      <xsl:next-match/>
    </xsl:if>
    <xsl:if test="normalize-space()">
      <xsl:sequence select="samizdat:spans-ending-after(.) ! samizdat:transcription(., $mode)[2]"/>
      <xsl:sequence select="samizdat:spans-ending-next(.) ! samizdat:transcription(., $mode)[2]"/>
    </xsl:if>
  </xsl:template>
  <!-- A span that ends at an empty element standing between blocks (an anchor, a pb, a section's milestone between
       two paragraphs): the element is no line of the text (or is a section break's stars, which the span does not
       reach into), so the closing mark stands after the last words before it, at the end of the block before, as
       for a span that ends after a paragraph ("three⟧", not a line "⟧" of its own, nor none at a milestone). -->
  <xsl:function name="samizdat:between-blocks" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists($e/..) and normalize-space($e) = '' and (not(samizdat:block-name($e)) or exists($e/self::milestone)) and samizdat:holds-blocks($e/..)"/>
  </xsl:function>
  <!-- The spans ending at the empty elements between blocks that follow the words $t with no other words between:
       innermost first. Stepped element by element (not following::* filtered: that would read the rest of the
       document for every word of a span). -->
  <xsl:function name="samizdat:spans-ending-next" as="element()*">
    <xsl:param name="t" as="text()"/>
    <xsl:variable name="next" select="$t/following::*[1]"/>
    <xsl:sequence select="if (empty($next) or exists($t/following::text()[normalize-space()][1][. &lt;&lt; $next])) then ()
      else samizdat:spans-ending-run($next)"/>
  </xsl:function>
  <xsl:function name="samizdat:spans-ending-run" as="element()*">
    <xsl:param name="e" as="element()"/>
    <xsl:if test="samizdat:between-blocks($e)">
      <xsl:sequence select="if (not($e/@xml:id)) then () else if ($e/self::anchor) then samizdat:spans-ending($e) else samizdat:spans-ending-at($e)"/>
      <xsl:variable name="next" select="$e/following::*[1]"/>
      <xsl:if test="exists($next) and empty($e/following::text()[normalize-space()][1][. &lt;&lt; $next])">
        <xsl:sequence select="samizdat:spans-ending-run($next)"/>
      </xsl:if>
    </xsl:if>
  </xsl:function>
  <!-- A transposition (listTranspose) is a list of pointers, not text: nothing (the new order is not applied). -->
  <xsl:template match="listTranspose | transpose" mode="blocks inline"/>
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
    <!-- Asked once (it looks at every child of the parent and of the stage direction), for the parentheses and both gaps. -->
    <xsl:variable name="in-sentence" select="samizdat:in-sentence(.)"/>
    <!-- One space where the encoding sets it against a word (samizdat:set-against), as on the page. -->
    <xsl:if test="$in-sentence and samizdat:set-against(., false())"><xsl:text> </xsl:text></xsl:if>
    <xsl:sequence select="if (normalize-space($words) = '' or matches($words, '^\s*[(\[]') or not($in-sentence)) then $words
      else (if (matches($words, '^\s')) then ' ' else '') || '(' || normalize-space($words) || ')' || (if (matches($words, '\s$')) then ' ' else '')"/>
    <xsl:if test="$in-sentence and samizdat:set-against(., true())"><xsl:text> </xsl:text></xsl:if>
  </xsl:template>
  <!-- writing within a line or a sentence: its words in the line, a space between them and the line's where the
       encoding has none (samizdat:writing-gap), as on the page; set apart (samizdat:writing-apart), a block. -->
  <xsl:template match="writing" mode="inline">
    <xsl:if test="samizdat:writing-gap(., false())"><xsl:text> </xsl:text></xsl:if>
    <xsl:apply-templates mode="inline"/>
    <xsl:if test="samizdat:writing-gap(., true())"><xsl:text> </xsl:text></xsl:if>
  </xsl:template>
  <!-- An inline quotation (or a soCalled's words, a gloss) between the marks the page gives it
       (samizdat:quote-marks). A word mentioned, a term, a distinct word: their words only, the page's italics
       having no plain-text form (quotation marks would read as a gloss's). -->
  <!-- A hi whose @rend says what to print before and after it (pre(«) post(»)): those marks, as on the page. -->
  <xsl:template match="hi[contains(@rend, '(')]" mode="inline">
    <xsl:variable name="marks" select="samizdat:rend-pre-post(.)"/>
    <xsl:value-of select="$marks[1]"/>
    <xsl:apply-templates mode="inline"/>
    <xsl:value-of select="$marks[2]"/>
  </xsl:template>
  <xsl:template match="support[parent::supportDesc] | extent[parent::supportDesc]" mode="inline">
    <xsl:text> </xsl:text>
    <xsl:value-of select="samizdat:support-label(.)"/>
    <xsl:apply-templates mode="inline"/>
    <xsl:text> </xsl:text>
  </xsl:template>
  <!-- The same within a line: an item's incipit, explicit … after its lead (samizdat:ms-lead), "Incipit: …"; another
       part apart from the words beside it. -->
  <xsl:template match="rubric | incipit | explicit | finalRubric | colophon | filiation | textLang | supportDesc | foliation
      | collation | condition | layoutDesc | handDesc | scriptDesc | typeDesc | musicNotation | decoDesc | additions
      | bindingDesc | sealDesc | accMat" mode="inline" priority="2">
    <xsl:variable name="label" select="samizdat:ms-label(.)"/>
    <xsl:choose>
      <xsl:when test="empty($label)"><xsl:next-match/></xsl:when>
      <xsl:otherwise>
        <xsl:variable name="apart" select="not(samizdat:ms-part(.))"/>
        <xsl:if test="$apart"><xsl:text> </xsl:text></xsl:if>
        <xsl:value-of select="$label || ': '"/>
        <xsl:apply-templates mode="inline"/>
        <xsl:if test="$apart"><xsl:text> </xsl:text></xsl:if>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <!-- A description's lines (samizdat:ms-blocks) read within one line (a description in a note, a labelled part's
       several blocks): apart, as the blocks samizdat:separates names, not "MS 9f. 1: …" nor "Hand one.Hand two.". -->
  <xsl:template match="*[$samizdat:has-ms-desc][local-name() = $samizdat:ms-blocks][ancestor::msDesc]" mode="inline">
    <xsl:if test="preceding-sibling::node()"><xsl:text> </xsl:text></xsl:if>
    <xsl:call-template name="samizdat:inline-content"/>
    <xsl:if test="following-sibling::node()"><xsl:text> </xsl:text></xsl:if>
  </xsl:template>
  <xsl:template match="dimensions[ancestor::msDesc][*][not(text()[normalize-space()])]" mode="inline">
    <xsl:value-of select="samizdat:ms-dimensions(.)"/>
  </xsl:template>
  <!-- A quotation within a sentence set against its words (samizdat:quote-gap) a space apart, as on the page; a block
       quotation within a paragraph (samizdat:block-quotation), which the page sets apart with no marks, none here, and a
       space either side (the search records read a paragraph as one passage; the plain text walks it as blocks). -->
  <xsl:template match="q | quote | said | soCalled | gloss" mode="inline">
    <xsl:variable name="block" select="samizdat:block-quotation(.)"/>
    <xsl:variable name="marks" select="if ($block) then ('', '') else samizdat:quote-marks(.)"/>
    <xsl:if test="$block or samizdat:quote-gap(., false())"><xsl:text> </xsl:text></xsl:if>
    <xsl:sequence select="$marks[1]"/>
    <xsl:apply-templates mode="inline"/>
    <xsl:sequence select="$marks[2]"/>
    <xsl:if test="$block or samizdat:quote-gap(., true())"><xsl:text> </xsl:text></xsl:if>
  </xsl:template>
  <!-- The lines of an address within a sentence, joined by ", " (samizdat:address-gap), the white space between them
       layout; an address standing as a block keeps its lines (common/tei.xsl: samizdat:address-in-sentence). -->
  <xsl:template match="addrLine[samizdat:address-in-sentence(..)]" mode="inline" priority="2">
    <xsl:sequence select="samizdat:address-gap(.)"/>
    <xsl:apply-templates mode="inline"/>
  </xsl:template>
  <!-- Layout after the last line is left out too where punctuation follows the address ("City ." would read a space before it). -->
  <xsl:template match="text()[$samizdat:has-address][parent::address][not(normalize-space())][samizdat:address-in-sentence(..)][preceding-sibling::*[1][self::addrLine]]
      [following-sibling::*[1][self::addrLine] or (empty(following-sibling::node()) and matches(string(ancestor::*[following-sibling::node()][1]/following-sibling::node()[1]), '^[.,;:!?)\]]'))]" mode="inline" priority="2"/>
  <!-- A measurement of a group set apart from the one before it, as on the page (samizdat:measure-gap). -->
  <xsl:template match="*[$samizdat:has-measure-grp][parent::measureGrp][samizdat:measure-gap(.) != '']" mode="inline" priority="2">
    <xsl:sequence select="samizdat:measure-gap(.)"/>
    <xsl:next-match/>
  </xsl:template>
  <!-- A structured bibliographic reference (biblStruct, biblFull), punctuated as on the page (common/bibl.xsl): a
       line of its own between blocks (an entry of a listBibl), in its sentence otherwise. A paragraph that is a
       field of a biblFull (a publicationStmt of prose) runs in the reference, after the mark before it. -->
  <xsl:template match="biblStruct | biblFull" mode="blocks">
    <xsl:sequence select="samizdat:line(.)"/>
  </xsl:template>
  <xsl:template match="p[parent::editionStmt or parent::publicationStmt or parent::seriesStmt or parent::sourceDesc][parent::*/parent::biblFull]" mode="inline" priority="1">
    <xsl:call-template name="samizdat:inline-content"/>
  </xsl:template>
  <!-- In a part's place, the part read there (a main title where its subtitle was encoded first), as on the page. -->
  <xsl:template match="*[$samizdat:has-bibl-struct][parent::biblStruct or parent::analytic or parent::monogr or parent::series or parent::imprint or parent::biblFull or parent::titleStmt or parent::editionStmt or parent::publicationStmt or parent::seriesStmt or parent::notesStmt or parent::sourceDesc][samizdat:bibl-field(.)]" mode="inline" priority="3">
    <xsl:param name="samizdat:in-its-slot" as="xs:boolean" select="false()"/>
    <xsl:variable name="read-here" select="if ($samizdat:in-its-slot) then . else samizdat:bibl-in-slot(.)"/>
    <xsl:choose>
      <xsl:when test="not($read-here is .)">
        <xsl:apply-templates select="$read-here" mode="inline"><xsl:with-param name="samizdat:in-its-slot" select="true()"/></xsl:apply-templates>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="around" select="samizdat:bibl-around(.)"/>
        <xsl:sequence select="$around[1]"/>
        <xsl:next-match/>
        <xsl:sequence select="$around[2]"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <!-- A short title is not read in a structured reference, as on the page (common/bibl.xsl, samizdat:bibl-unread). -->
  <xsl:template match="title[@type = 'short'][samizdat:bibl-unread(.)]" mode="inline" priority="4"/>
  <!-- Two parts of a plain bibl that touch: set apart (common/bibl.xsl, samizdat:loose-bibl-gap). -->
  <xsl:template match="(author | editor | title | publisher | pubPlace | date | biblScope | citedRange | edition | extent | idno | respStmt | ref | ptr | orgName | persName | name | distributor)[parent::bibl][preceding-sibling::node()[1][self::*]]" mode="inline" priority="30">
    <!-- A title read in another's place (samizdat:bibl-in-slot) is told so by the rule after this one. -->
    <xsl:param name="samizdat:in-its-slot" as="xs:boolean" select="false()"/>
    <xsl:sequence select="samizdat:loose-bibl-gap(.)"/>
    <xsl:next-match><xsl:with-param name="samizdat:in-its-slot" select="$samizdat:in-its-slot"/></xsl:next-match>
  </xsl:template>
  <!-- A plain bibl's titles, a main title before its subtitle, as on the page (html/bibl.xsl). -->
  <xsl:template match="title[parent::bibl][@type = 'sub' or following-sibling::*[1][self::title/@type = 'sub'] or preceding-sibling::*[1][self::title/@type = 'sub']]" mode="inline" priority="3">
    <xsl:param name="samizdat:in-its-slot" as="xs:boolean" select="false()"/>
    <xsl:variable name="read-here" select="if ($samizdat:in-its-slot) then . else samizdat:bibl-in-slot(.)"/>
    <xsl:choose>
      <xsl:when test="not($read-here is .)">
        <xsl:apply-templates select="$read-here" mode="inline"><xsl:with-param name="samizdat:in-its-slot" select="true()"/></xsl:apply-templates>
      </xsl:when>
      <xsl:otherwise><xsl:next-match/></xsl:otherwise>
    </xsl:choose>
    <xsl:if test="not($samizdat:in-its-slot)"><xsl:sequence select="samizdat:bibl-subtitle-mark(.)"/></xsl:if>
  </xsl:template>
  <xsl:template match="text()[$samizdat:has-bibl-struct][parent::biblStruct or parent::analytic or parent::monogr or parent::series or parent::imprint or parent::biblFull or parent::titleStmt or parent::editionStmt or parent::publicationStmt or parent::seriesStmt or parent::notesStmt or parent::sourceDesc][not(normalize-space())][parent::*[self::biblStruct or self::biblFull or samizdat:bibl-group(.)]]" mode="inline" priority="3"/>
  <xsl:template match="*[$samizdat:has-bibl-struct][parent::respStmt][ancestor::biblStruct or ancestor::biblFull]" mode="inline" priority="3">
    <xsl:sequence select="samizdat:bibl-resp-gap(.)"/>
    <xsl:next-match/>
    <xsl:sequence select="self::resp ! samizdat:bibl-resp-label(.)"/>
  </xsl:template>
  <xsl:template match="text()[$samizdat:has-bibl-struct][parent::respStmt][not(normalize-space())][ancestor::biblStruct or ancestor::biblFull]" mode="inline" priority="3"/>
  <!-- An address's and an availability's white space in a reference is layout, as on the page (html/bibl.xsl); its
       lines are set apart by samizdat:address-gap, an address in a reference being within its sentence. -->
  <xsl:template match="text()[$samizdat:has-bibl-struct][parent::address or parent::availability][not(normalize-space())][ancestor::biblStruct or ancestor::biblFull]" mode="inline" priority="3"/>
  <xsl:template match="text()[$samizdat:has-bibl-struct][parent::biblScope[ancestor::biblStruct or ancestor::biblFull]][$samizdat:witness-id = '']" mode="inline" priority="3">
    <xsl:sequence select="samizdat:bibl-scope-words(.)"/>
  </xsl:template>
  <!-- A register entry in the text, a line of its own, its parts worded as on the page (common/register.xsl). -->
  <xsl:template match="*[$samizdat:has-register-entries][parent::person or parent::personGrp or parent::place or parent::org or parent::location or parent::event or parent::object or parent::objectIdentifier][samizdat:entry-part(.)]" mode="inline" priority="3">
    <xsl:variable name="around" select="samizdat:entry-around(.)"/>
    <xsl:sequence select="$around[1]"/>
    <xsl:next-match/>
    <xsl:sequence select="$around[2]"/>
  </xsl:template>
  <xsl:template match="text()[$samizdat:has-register-entries][parent::person or parent::personGrp or parent::place or parent::org or parent::location or parent::event or parent::object or parent::objectIdentifier][not(normalize-space())][parent::*[samizdat:register-entry(.) or self::location[samizdat:register-entry(..)] or self::objectIdentifier[samizdat:register-entry(..)]]]" mode="inline" priority="3"/>
  <!-- A manuscript's identifier and an item's line, their parts joined as on the page (common/msdesc.xsl); the white
       space between them is layout. -->
  <xsl:template match="*[$samizdat:has-ms-desc][parent::msIdentifier or parent::msItem or parent::msItemStruct][samizdat:ms-part(.)]" mode="inline" priority="3">
    <xsl:sequence select="samizdat:ms-lead(.)"/>
    <xsl:next-match/>
  </xsl:template>
  <xsl:template match="text()[$samizdat:has-ms-desc][parent::msIdentifier or parent::msItem or parent::msItemStruct][not(normalize-space())]" mode="inline" priority="3"/>
  <!-- An example as code (common/tagdocs.xsl): a block with its lines and indentation kept; within a line (and in a
       search passage) its markup as words. gi, att and tag with their delimiters. -->
  <xsl:template match="eg | Q{http://www.tei-c.org/ns/Examples}egXML" mode="blocks">
    <xsl:sequence select="samizdat:example-text(.)"/>
  </xsl:template>
  <xsl:template match="eg | Q{http://www.tei-c.org/ns/Examples}egXML" mode="inline">
    <xsl:sequence select="samizdat:example-text(.)"/>
  </xsl:template>
  <xsl:template match="node()[$samizdat:has-examples][parent::Q{http://www.tei-c.org/ns/Examples}egXML]" mode="inline">
    <xsl:sequence select="samizdat:markup(.)"/>
  </xsl:template>
  <xsl:template match="gi | att | tag" mode="inline">
    <xsl:variable name="marks" select="samizdat:code-marks(.)"/>
    <xsl:sequence select="$marks[1]"/>
    <xsl:apply-templates mode="inline"/>
    <xsl:sequence select="$marks[2]"/>
  </xsl:template>
  <!-- A pointer (ptr, or a ref with no words) into the document reads as on the page (html/core.xsl:
       samizdat:target-label) and in the TEI Stylesheets: TEI ptr "defines a pointer to another location", and "to the
       next section: <ptr target='#P1'/>." read "to the next section: ." (TEIC/Stylesheets Test/test23.xml). So
       "see <ptr target='#p7'/>" reads "see paragraph 7", as the page does, and so does a prefixed pointer the
       document's prefixDef leads there ("ed:p7", common/pointers.xsl: samizdat:pointer-target), which read as its
       address. One outside the document reads as its address, as on the page ("see <ptr target='http://…'/>" lost
       the address it names); one to an id the document lacks keeps its "#id", as the page keeps it (unlinked). -->
  <xsl:template match="ptr | ref[not(normalize-space())][not(*)] | licence[@target][not(normalize-space())][not(*)]" mode="inline" priority="0.5">
    <xsl:variable name="to" select="samizdat:pointer-target(.)"/>
    <xsl:sequence select="if (exists($to)) then samizdat:pointer-label($to) else string((@target, @url)[1])"/>
  </xsl:template>
  <!-- binaryObject: encoded data (Base64), never words; the page shows the picture it holds (html/figures.xsl). -->
  <xsl:template match="binaryObject" mode="inline"/>
  <xsl:template match="text()[$samizdat:has-geo][parent::geo][$samizdat:witness-id = '']" mode="inline" priority="3">
    <xsl:sequence select="samizdat:geo-words(.)"/>
  </xsl:template>
  <!-- An element's content. In a cast list (castGroup, castItem, role, roleDesc), its white space as on the page
       (samizdat:cast-text: ", " between a role and its description where that sets them apart, the white space a role
       or a description ends with left out before it). Done here, child by child, rather than by a rule for text nodes,
       which saxon-js would try on every text node of a play. Where a text node may be in a span (text-spanning) or a
       witness's text is read (the rule of textcrit.xsl ranks above), its rules decide, as before, then the rule below.
       $nodes: siblings (samizdat:line gives a block's children, or a run of them, here). -->
  <xsl:template name="samizdat:inline-content">
    <xsl:param name="nodes" as="node()*" select="node()"/>
    <xsl:choose>
      <xsl:when test="$samizdat:has-cast-list and exists($nodes/parent::*[self::castItem or self::castGroup or self::role or self::roleDesc])">
        <xsl:for-each select="$nodes">
          <xsl:choose>
            <xsl:when test="self::text() and not(normalize-space()) and parent::*[self::castItem or self::castGroup or self::role or self::roleDesc]
                and not($samizdat:text-spanning) and $samizdat:witness-id = ''">
              <xsl:variable name="words" select="samizdat:cast-text(.)"/>
              <xsl:if test="$words != ''"><xsl:value-of select="$words"/></xsl:if>
            </xsl:when>
            <!-- Words a role or a description ends with, then white space, where ", " follows ("Theseus "). -->
            <xsl:when test="self::text() and not($samizdat:text-spanning) and $samizdat:witness-id = '' and samizdat:role-trail(.)">
              <xsl:value-of select="samizdat:cast-text(.)"/>
            </xsl:when>
            <xsl:otherwise>
              <xsl:apply-templates select="." mode="inline"/>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates select="$nodes" mode="inline"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="text()[$samizdat:text-spanning][parent::castItem or parent::castGroup or parent::role or parent::roleDesc][not(normalize-space())]" mode="inline" priority="0.4">
    <xsl:variable name="words" select="samizdat:cast-text(.)"/>
    <xsl:if test="$words != ''"><xsl:value-of select="$words"/></xsl:if>
  </xsl:template>
  <xsl:template match="role" mode="inline">
    <xsl:call-template name="samizdat:inline-content"/>
  </xsl:template>
  <!-- A role description set apart from the role before it, as on the page (samizdat:role-gap). -->
  <xsl:template match="roleDesc" mode="inline">
    <xsl:sequence select="samizdat:role-gap(.)"/>
    <xsl:call-template name="samizdat:inline-content"/>
  </xsl:template>
  <!-- A generated table of contents (samizdat:toc): the page's; nothing here, not even its head. -->
  <xsl:template match="divGen[samizdat:toc(.)]" mode="blocks inline"/>
  <!-- An index's pointer (the page links the entity index there) is no words of the text. -->
  <xsl:template match="divGen[lower-case(normalize-space(@type)) = 'index']" mode="blocks inline"/>
  <xsl:template match="facsimile" mode="blocks inline"/>
  <!-- An index entry marks a place for an index: its terms are not text (nor in the search records). -->
  <xsl:template match="index" mode="blocks inline"/>
  <!-- An interpretative annotation (interp, interpGrp, span, spanGrp) is about the text, not of it: none of its words
       where it is encoded (a span's in the search records, search/records.xsl). -->
  <xsl:template match="interp | interpGrp | span | spanGrp" mode="blocks inline"/>
  <!-- A span's annotation as on the page (common/annotations.xsl): its letter after the last of the words it is on,
       "[^a]" (a note's label may be a letter, and a letter supplied reads "[a]"); in an apparatus entry's line, that of
       an annotation on words only the entry shows; the annotations listed after the notes (not in the search records
       and the apparatus data, which turn the switch off). A witness's text, as the witness's page: the letter after
       the words it reads, those of a reading only the edition's apparatus shows included (the page marks them in its
       text); not after words it lacks (a lacuna), nor where it reads another reading; every annotation in the list,
       with the edition's letters, as the page shows each (one on a reading the witness lacks at the call-out). -->
  <xsl:variable name="samizdat:text-annotations" as="xs:boolean" select="$samizdat:has-span"/>
  <xsl:template match="text()[$samizdat:text-annotations][normalize-space()][exists(key('samizdat:annotated-end', generate-id(.)))]" mode="inline" priority="20">
    <xsl:param name="samizdat:entry-app" as="element()?" tunnel="yes" select="()"/>
    <xsl:next-match/>
    <xsl:variable name="spans" select="if ($samizdat:witness-id != '' and samizdat:absent($samizdat:witness-id, .)) then ()
      else key('samizdat:annotated-end', generate-id(.))[
        if (exists($samizdat:entry-app)) then samizdat:annotation-entry(.) is $samizdat:entry-app
        else if ($samizdat:witness-id != '') then true()
        else exists(samizdat:annotation-target(.))]"/>
    <xsl:sequence select="string-join($spans ! ('[^' || samizdat:annotation-label(.) || ']'))"/>
  </xsl:template>
  <!-- "Annotations", then each a paragraph, "a. its words" (its type first, when it has one: "colour: …"), in the
       order of their letters. -->
  <xsl:function name="samizdat:annotation-list" as="xs:string*">
    <xsl:param name="texts" as="element()*"/>
    <xsl:variable name="spans" select="$texts//span[normalize-space()][not(ancestor::teiHeader)]"/>
    <xsl:if test="exists($spans)">
      <xsl:sequence select="'Annotations'"/>
      <xsl:for-each select="$spans">
        <xsl:sort select="samizdat:annotation-number(.)"/>
        <xsl:sequence select="samizdat:annotation-label(.) || '. ' || string-join((@type[normalize-space()] ! normalize-space(.), samizdat:line(node())), ': ')"/>
      </xsl:for-each>
    </xsl:if>
  </xsl:function>
  <!-- A break within a word: joined in the reading text (and the search records); in the diplomatic text, as on
       the diplomatic page, the line ends there, after the hyphen the source printed (samizdat:break-hyphen). -->
  <xsl:template match="lb[@break = 'no'] | pb[@break = 'no'] | gb[@break = 'no']" mode="inline"/>
  <xsl:template match="lb[@break = 'no']" mode="inline" priority="1">
    <xsl:if test="$diplomatic">
      <xsl:sequence select="samizdat:break-hyphen(.), $samizdat:own-line"/>
    </xsl:if>
  </xsl:template>
  <!-- The words beside such a break, joined to it as on the page (samizdat:word-break-text); ranked below the rules
       that ask for a text node's words (next-match). -->
  <xsl:template match="text()[$samizdat:has-word-breaks][samizdat:beside-word-break(.)]" mode="inline" priority="0.1">
    <xsl:sequence select="samizdat:word-break-text(.)"/>
  </xsl:template>
  <!-- An ordinary line break: in the diplomatic text a new line, the source's lineation (as the page's <br>);
       in the reading text (and the search records) a space between words. -->
  <xsl:template match="lb" mode="inline" priority="0.4">
    <xsl:sequence select="if ($diplomatic) then $samizdat:own-line else ' '"/>
  </xsl:template>
  <!-- gb (a new gathering) is a page break too: "word<gb/>word" is two words, as "word<pb/>word" is. A figure
       within a sentence (the plain text sets it apart as a block; a search passage reads it in the sentence):
       its heading and description are not words of the sentence, "See<figure>…A map…</figure>it" is "See A
       map it". -->
  <xsl:template match="lb | pb | gb | cb | cell | item | label | figure" mode="inline">
    <xsl:text> </xsl:text>
    <xsl:apply-templates mode="inline"/>
    <xsl:text> </xsl:text>
  </xsl:template>
  <!-- A media's description is about the clip, not words of the sentence it stands in: set apart from them, on a
       line of its own, as a figure's description is a block of its own (a figure is a block: common/tei.xsl). -->
  <xsl:template match="media" mode="inline">
    <xsl:variable name="desc" select="normalize-space(string-join(desc, ' '))"/>
    <xsl:if test="$desc != ''">
      <xsl:sequence select="$samizdat:own-line, $desc, $samizdat:own-line"/>
    </xsl:if>
  </xsl:template>
  <!-- Blocks read as one line (a note's paragraphs, verse, a list, a table …): apart from what is next to
       them, so that the words on either side never run together where the encoding puts no white space
       between them; nothing added where nothing is next to them (the search records' "[…]" around a note
       keeps the white space the note begins and ends with). Not the blocks that may also stand inside a
       sentence (quote, bibl, cit, stage, docAuthor, docDate …), whose neighbours may be
       punctuation: they keep the white space they are given. With the template above, the names
       samizdat:separates (common/tei.xsl) lists (a change here is a change there). A verse line too: the first of a
       quotation of lines in a note read "“ one line" with a space after the mark, where the page has none. -->
  <xsl:template match="p | ab | head | lg | l | sp | speaker | row | list | table
      | titlePage | docTitle | titlePart | docImprint | byline | dateline | salute | signed | trailer | addrLine
      | castList | castGroup | castItem | opener | closer | argument | epigraph | postscript
      | div | div0 | div1 | div2 | div3 | div4 | div5 | div6 | div7 | front | body | back | group | text | floatingText
      | sourceDoc | surfaceGrp | surface | zone | line | u | entry | entryFree | superEntry" mode="inline">
    <xsl:if test="preceding-sibling::node()"><xsl:text> </xsl:text></xsl:if>
    <xsl:call-template name="samizdat:inline-content"/>
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
