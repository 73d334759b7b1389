<?xml version="1.0" encoding="UTF-8"?>
<!--
  The transcription table: what the reading view and the diplomatic view make
  of each element of the TEI chapter "Representation of Primary Sources"
  (add, del, subst, mod, restore, retrace, supplied, unclear, damage, gap,
  space, surplus, secl, handShift, metamark, am, ex) and of the core's
  alternatives (sic/corr, abbr/expan, orig/reg). The HTML page and the plain
  text both ask this one function, so the two views never disagree between
  formats; docs/rendering.md prints the table.

  samizdat:transcription($e, $view), $view 'reading' or 'diplomatic':
    ()               the element is left out of this view;
    ($open, $close)  its content, between these marks ('' for none);
    ($text)          one string: the element stands for this text (gap, space, handShift).
  The span elements (delSpan, addSpan, damageSpan) get del's, add's and damage's
  entries: their own marks stand at the span element (open) and at the element
  @spanTo points to (close), and every word between takes the view of the
  element they stand for (samizdat:open-spans).
  Marks follow the Leiden conventions where they have one: [lost, supplied],
  ⟨omitted, supplied⟩, {superfluous}, ⟦deleted⟧, \added above/, /added below\.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:samizdat="urn:samizdat"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <!-- The elements the table speaks for (choice is the container of some of them). -->
  <xsl:variable name="samizdat:transcription-names" as="xs:string*" select="(
    'add', 'del', 'subst', 'mod', 'restore', 'retrace', 'supplied', 'unclear', 'damage', 'gap', 'space',
    'surplus', 'secl', 'handShift', 'metamark', 'am', 'ex', 'sic', 'corr', 'abbr', 'expan', 'orig', 'reg',
    'delSpan', 'addSpan', 'damageSpan')"/>

  <xsl:function name="samizdat:transcription" as="xs:string*">
    <xsl:param name="e" as="element()"/>
    <xsl:param name="view" as="xs:string"/>
    <xsl:variable name="reading" select="$view = 'reading'"/>
    <xsl:variable name="name" select="local-name($e)"/>
    <!-- In a choice, each member of a pair belongs to one view. -->
    <xsl:variable name="paired" select="$e/parent::choice and samizdat:choice-pair($e/..) = $name"/>
    <xsl:choose>
      <xsl:when test="$paired">
        <xsl:sequence select="if (($name = ('corr', 'reg', 'expan')) = $reading) then ('', if ($name = 'corr') then samizdat:cert-mark($e) else '') else ()"/>
      </xsl:when>
      <!-- An addition an undo cancels is left out of the reading view, as a deletion it cancels is read there. -->
      <xsl:when test="$name = ('add', 'addSpan')">
        <xsl:sequence select="if (not($reading)) then samizdat:add-marks($e) else if (samizdat:undone($e)) then () else ('', '')"/>
      </xsl:when>
      <!-- A deletion that a restore or an undo cancels is text again in the reading view. -->
      <xsl:when test="$name = ('del', 'delSpan')">
        <xsl:sequence select="if (not($reading)) then ('⟦', '⟧') else if ($e/parent::restore or samizdat:undone($e)) then ('', '') else ()"/>
      </xsl:when>
      <xsl:when test="$name = 'supplied'">
        <xsl:variable name="omitted" select="tokenize($e/@reason) = 'omitted'"/>
        <xsl:sequence select="
          if ($reading) then (if ($omitted) then '⟨' else '[', (if ($omitted) then '⟩' else ']') || samizdat:cert-mark($e))
          else if ($omitted) then () else '[…]'"/>
      </xsl:when>
      <xsl:when test="$name = 'unclear'">
        <xsl:sequence select="('', samizdat:cert-mark($e))"/>
      </xsl:when>
      <xsl:when test="$name = 'gap'">
        <xsl:sequence select="'[…' || samizdat:extent-words($e, ' ') || ']'"/>
      </xsl:when>
      <xsl:when test="$name = 'space'">
        <xsl:sequence select="if ($reading) then ' ' else '[vac.' || samizdat:extent-words($e, ' ') || ']'"/>
      </xsl:when>
      <xsl:when test="$name = 'handShift'">
        <xsl:sequence select="if ($reading) then () else '[hand: ' || samizdat:hand($e) || '] '"/>
      </xsl:when>
      <xsl:when test="$name = 'metamark'">
        <xsl:sequence select="if ($reading) then () else ('', '')"/>
      </xsl:when>
      <xsl:when test="$name = 'surplus'">
        <xsl:sequence select="if ($reading) then ('{', '}') else ('', '')"/>
      </xsl:when>
      <xsl:when test="$name = 'secl'">
        <xsl:sequence select="if ($reading) then ('⸨', '⸩') else ('', '')"/>
      </xsl:when>
      <xsl:when test="$name = 'sic'">
        <xsl:sequence select="if ($reading) then ('', ' [sic]') else ('', '')"/>
      </xsl:when>
      <xsl:when test="$name = 'corr'">
        <xsl:sequence select="('⟨', '⟩' || samizdat:cert-mark($e))"/>
      </xsl:when>
      <!-- The abbreviation mark gives way to the expansion when its word is expanded in place (samizdat:am-expanded). -->
      <xsl:when test="$name = 'am'">
        <xsl:sequence select="if ($reading and samizdat:am-expanded($e)) then () else ('', '')"/>
      </xsl:when>
      <xsl:when test="$name = 'ex'">
        <xsl:sequence select="if ($reading) then ('', '') else ()"/>
      </xsl:when>
      <!-- subst, mod, restore, retrace, damage, damageSpan, a lone abbr, expan, orig, reg: the content, in both views. -->
      <xsl:otherwise>
        <xsl:sequence select="('', '')"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- Whether an abbreviation mark's own word is expanded in place: am holds "letters or signs present in an
       abbreviation which are omitted or replaced in the expanded form", ex the "letters added by an editor or
       transcriber when expanding an abbreviation". The mark gives way only to an ex of its word: the nodes beside
       it (beside its abbr, when a lone abbr holds it) up to the nearest whitespace on either side, or its w. An ex
       of another word of the paragraph ("Bp~ and D~<ex>omi</ex>nus") leaves the mark, the only reading of its word. -->
  <!-- The word is walked from the mark outwards, a node at a time, to the white space on either side: each mark
       costs the length of its word. (Comparing every sibling's place with the white space's cost each mark the
       length of its paragraph: a page with a paragraph of 600 marks took 4 s, now 0.7 s.) A walk that finds
       neither an ex nor white space within $samizdat:word-walk nodes (a text written without spaces) gives way
       to the whole word's scan, lest a long walk's recursion run deep. -->
  <xsl:function name="samizdat:am-expanded" as="xs:boolean">
    <xsl:param name="am" as="element()"/>
    <xsl:variable name="at" select="if ($am/parent::abbr[not(parent::choice)]) then $am/.. else $am"/>
    <xsl:variable name="before" select="samizdat:word-has-ex($at/preceding-sibling::node()[1], false(), $samizdat:word-walk)"/>
    <xsl:variable name="after" select="if ($before) then true() else samizdat:word-has-ex($at/following-sibling::node()[1], true(), $samizdat:word-walk)"/>
    <xsl:sequence select="exists($am/parent::w/ex) or $before or $after
      or (count(($before, $after)) lt 2 and samizdat:word-scan-has-ex($at))"/>
  </xsl:function>
  <xsl:variable name="samizdat:word-walk" as="xs:integer" select="64"/>
  <!-- Whether the word holds an ex from $n on, walking forward ($forward) or back: false() at white space or the
       end of the siblings, () when $steps more nodes did not tell. -->
  <xsl:function name="samizdat:word-has-ex" as="xs:boolean?">
    <xsl:param name="n" as="node()?"/>
    <xsl:param name="forward" as="xs:boolean"/>
    <xsl:param name="steps" as="xs:integer"/>
    <xsl:sequence select="if (empty($n) or matches(string($n), '\s')) then false()
      else if (exists($n/descendant-or-self::ex)) then true()
      else if ($steps le 0) then ()
      else samizdat:word-has-ex(if ($forward) then $n/following-sibling::node()[1] else $n/preceding-sibling::node()[1], $forward, $steps - 1)"/>
  </xsl:function>
  <!-- The same question for a word longer than the walk: its elements between the white space on either side of $at. -->
  <xsl:function name="samizdat:word-scan-has-ex" as="xs:boolean">
    <xsl:param name="at" as="element()"/>
    <xsl:variable name="start" select="$at/preceding-sibling::node()[matches(string(.), '\s')][1]"/>
    <xsl:variable name="end" select="$at/following-sibling::node()[matches(string(.), '\s')][1]"/>
    <xsl:variable name="word" select="$at/preceding-sibling::*[empty($start) or . &gt;&gt; $start]
      | $at/following-sibling::*[empty($end) or . &lt;&lt; $end]"/>
    <xsl:sequence select="exists($word/descendant-or-self::ex)"/>
  </xsl:function>

  <!-- Spans. delSpan "marks the beginning of a longer sequence of text deleted"; addSpan and damageSpan
       likewise for an addition and damage; undo with @spanTo marks a sequence whose deletions were cancelled.
       The span runs "in document order from the start of the content of the pointing element to the end of
       the content of the element pointed to by the spanTo attribute" (att.spanning), across blocks if need
       be. Only a @spanTo that points to an element after the span element makes a span: one that points
       nowhere (or back) leaves the words as they are, so that nothing is lost. -->
  <xsl:key name="samizdat:spans" match="delSpan[@spanTo] | addSpan[@spanTo] | damageSpan[@spanTo] | undo[@spanTo]" use="'all'"/>
  <xsl:function name="samizdat:span-end" as="element()?">
    <xsl:param name="span" as="element()"/>
    <xsl:variable name="id" select="substring-after(normalize-space($span/@spanTo), '#')"/>
    <xsl:sequence select="if ($id = '') then () else key('samizdat:id', $id, root($span))[1][. &gt;&gt; $span]"/>
  </xsl:function>
  <!-- The spans open at a node, outermost first: one walk of the document (when first asked for), rather than
       a search for the span elements before each word. A span opens at its element and closes after the
       content of its end. -->
  <xsl:accumulator name="samizdat:open-spans" as="element()*" initial-value="()">
    <xsl:accumulator-rule match="delSpan[@spanTo] | addSpan[@spanTo] | damageSpan[@spanTo] | undo[@spanTo]"
      select="($value, .[exists(samizdat:span-end(.))])"/>
    <xsl:accumulator-rule match="*[@xml:id]" phase="end"
      select="if (empty($value)) then $value else let $id := '#' || @xml:id return $value[normalize-space(@spanTo) != $id]"/>
  </xsl:accumulator>
  <!-- The spans open at $n (in no document without span elements is the walk made). -->
  <xsl:function name="samizdat:open-spans" as="element()*">
    <xsl:param name="n" as="node()"/>
    <xsl:variable name="root" select="root($n)"/>
    <xsl:sequence select="if (not($root instance of document-node()) or empty(key('samizdat:spans', 'all', $root))) then ()
      else $n/accumulator-before('samizdat:open-spans')"/>
  </xsl:function>
  <!-- A span may end at any element, not only an anchor (att.spanning: "the element pointed to by the spanTo
       attribute"). The spans each element ends, by its xml:id, so that only those elements are asked about. -->
  <xsl:key name="samizdat:span-targets" match="delSpan[@spanTo] | addSpan[@spanTo] | damageSpan[@spanTo]" use="substring-after(normalize-space(@spanTo), '#')"/>
  <!-- Whether a span names $e as its end (a key needs a document: in a tree without one, none). -->
  <xsl:function name="samizdat:span-target" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="root($e) instance of document-node() and exists(key('samizdat:span-targets', string($e/@xml:id), root($e)))"/>
  </xsl:function>
  <!-- The spans that end at $e, not an anchor and without words of its own (lb, pb, milestone …): their closing
       marks stand just before it, where the span's words end; innermost first. -->
  <xsl:function name="samizdat:spans-ending-at" as="element()*">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="if ($e/self::anchor or normalize-space($e) != '') then ()
      else reverse(key('samizdat:span-targets', string($e/@xml:id), root($e))[samizdat:span-end(.) is $e])"/>
  </xsl:function>
  <!-- The spans that end at an element with words of its own (a p, a seg …) whose last words $t holds: the span runs
       "to the end of the content of the element pointed to", so their closing marks stand after $t; innermost first. -->
  <xsl:function name="samizdat:spans-ending-after" as="element()*">
    <xsl:param name="t" as="text()"/>
    <xsl:variable name="next" select="($t/following::text()[normalize-space()])[1]"/>
    <xsl:sequence select="reverse(samizdat:open-spans($t)[not(self::undo)][let $end := samizdat:span-end(.) return
      not($end/self::anchor) and exists($t/ancestor::* intersect $end) and (empty($next) or empty($next/ancestor::* intersect $end))])"/>
  </xsl:function>
  <!-- The spans that end at $e, innermost first (the order of their closing marks). -->
  <xsl:function name="samizdat:spans-ending" as="element()*">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="id" select="'#' || $e/@xml:id"/>
    <xsl:sequence select="reverse(samizdat:open-spans($e)[normalize-space(@spanTo) = $id][not(self::undo)])"/>
  </xsl:function>

  <!-- undo "indicates one or more marked-up interventions in a document which have subsequently been marked for
       cancellation": a deletion (del, delSpan) or an addition (add, addSpan) that an undo points to (@target) or
       that stands in an undo's span. (An addition's @status says how it sits in the text, duplicate, partial …:
       the Guidelines cancel one with undo only.) -->
  <xsl:key name="samizdat:undo" match="undo[@target]" use="tokenize(normalize-space(@target)) ! substring-after(., '#')"/>
  <xsl:function name="samizdat:undoing" as="element()*">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="root" select="root($e)"/>
    <xsl:sequence select="if (not($root instance of document-node())) then () else (
      if ($e/@xml:id) then key('samizdat:undo', string($e/@xml:id), $root) else (),
      samizdat:open-spans($e)[self::undo])"/>
  </xsl:function>
  <xsl:function name="samizdat:undone" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists(samizdat:undoing($e))"/>
  </xsl:function>

  <!-- The mark of an uncertain reading or intervention (@cert low or unknown: unclear, supplied, corr; an
       apparatus's lem and rdg), after its words: "(?)", else ''. A medium or high certainty is only said in the
       page's tooltip ("certainty medium"), as for unclear. -->
  <xsl:function name="samizdat:cert-mark" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="if (normalize-space($e/@cert) = ('low', 'unknown')) then '(?)' else ''"/>
  </xsl:function>

  <!-- The pair a choice offers, as the names of its members ('sic corr', …), or () for other alternatives. -->
  <xsl:function name="samizdat:choice-pair" as="xs:string*">
    <xsl:param name="choice" as="element()"/>
    <xsl:sequence select="
      if ($choice/sic and $choice/corr) then ('sic', 'corr')
      else if ($choice/orig and $choice/reg) then ('orig', 'reg')
      else if ($choice/abbr and $choice/expan) then ('abbr', 'expan')
      else ()"/>
  </xsl:function>

  <!-- Where an addition stands, as marks: above the line \…/, below /…\, in a margin ⸌…⸍. -->
  <xsl:function name="samizdat:add-marks" as="xs:string+">
    <xsl:param name="add" as="element()"/>
    <xsl:variable name="place" select="lower-case(string($add/@place))"/>
    <xsl:sequence select="
      if (matches($place, 'below|bottom|infralinear|under')) then ('/', '\')
      else if (matches($place, 'margin|left|right|opposite|overleaf|end|start')) then ('⸌', '⸍')
      else ('\', '/')"/>
  </xsl:function>

  <!-- How much is missing or blank, in words: " 3 lines", " 2–4 characters", " about a line". -->
  <xsl:function name="samizdat:extent-words" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:param name="before" as="xs:string"/>
    <xsl:variable name="unit" select="normalize-space($e/@unit)"/>
    <xsl:variable name="amount" select="
      if ($e/@quantity) then string($e/@quantity)
      else if ($e/@atLeast and $e/@atMost) then $e/@atLeast || '–' || $e/@atMost
      else if ($e/@atLeast) then 'at least ' || $e/@atLeast
      else if ($e/@atMost) then 'at most ' || $e/@atMost
      else ''"/>
    <xsl:variable name="words" select="
      if ($amount != '') then normalize-space($amount || ' ' || samizdat:unit-name($unit, $amount))
      else if (normalize-space($e/@extent) != '' and not($e/@extent = 'unknown')) then normalize-space($e/@extent)
      else ''"/>
    <xsl:sequence select="if ($words = '') then '' else $before || $words"/>
  </xsl:function>

  <xsl:function name="samizdat:unit-name" as="xs:string">
    <xsl:param name="unit" as="xs:string"/>
    <xsl:param name="amount" as="xs:string"/>
    <xsl:variable name="plural" select="not($amount = '1')"/>
    <xsl:variable name="name" select="
      if ($unit = ('char', 'chars', 'character', 'characters', 'letter', 'letters')) then 'character'
      else if ($unit = ('word', 'words')) then 'word'
      else if ($unit = ('line', 'lines')) then 'line'
      else if ($unit = ('page', 'pages', 'leaf', 'leaves')) then 'page'
      else $unit"/>
    <xsl:sequence select="if ($name = '') then '' else if ($plural and $name = ('character', 'word', 'line', 'page')) then $name || 's' else $name"/>
  </xsl:function>

  <!-- The hyphen a line break within a word (lb break="no") was printed with, where @rend or @rendition says
       so ('hyphen', '-', '#hyphen') or the text before it ends with a soft hyphen (samizdat:break-signal), else ''.
       Only the diplomatic view shows it; the reading view joins the word. -->
  <xsl:function name="samizdat:break-hyphen" as="xs:string">
    <xsl:param name="lb" as="element()"/>
    <xsl:sequence select="if (samizdat:rend-hyphen($lb) or matches(string($lb/preceding-sibling::node()[1][self::text()]), '&#xAD;\s*$')) then '-' else ''"/>
  </xsl:function>
  <xsl:function name="samizdat:rend-hyphen" as="xs:boolean">
    <xsl:param name="lb" as="element()"/>
    <xsl:sequence select="tokenize(lower-case($lb/@rend)) = ('hyphen', 'hyphenated', '-')
      or (some $r in tokenize(lower-case($lb/@rendition)) satisfies contains($r, 'hyphen'))"/>
  </xsl:function>

  <!-- Text beside a line break within a word. @break="no": the lb is no token boundary, so the white space the file
       has next to it is layout ("exam⏎  <lb break="no"/>ple" is one word). And the Guidelines (Hyphenation): at the
       end of a line the hyphen "is not, in this case, part of the word, but just a signal that the word continues",
       recorded "explicitly, by including an appropriate punctuation character in the text data, or implicitly" on
       the lb. The signal, not a letter of the word: a soft hyphen (U+00AD, the character for it), or a hyphen the
       lb's @rend or @rendition records as well (samizdat:rend-hyphen: one hyphen, encoded twice). Either is left out
       of the words (the diplomatic view prints it at the break: samizdat:break-hyphen). Any other hyphen there is
       the word's own ("tea-pot" cannot be told from "teapot" otherwise): kept. -->
  <xsl:function name="samizdat:beside-word-break" as="xs:boolean">
    <xsl:param name="t" as="text()"/>
    <xsl:sequence select="exists($t/following-sibling::node()[1][self::lb[@break = 'no']] | $t/preceding-sibling::node()[1][self::lb[@break = 'no']])"/>
  </xsl:function>
  <xsl:function name="samizdat:word-break-text" as="xs:string">
    <xsl:param name="t" as="text()"/>
    <xsl:variable name="break" select="$t/following-sibling::node()[1][self::lb[@break = 'no']]"/>
    <xsl:variable name="words" select="if ($t/preceding-sibling::node()[1][self::lb[@break = 'no']]) then replace($t, '^\s+', '') else string($t)"/>
    <xsl:sequence select="if (empty($break)) then $words
      else if (samizdat:rend-hyphen($break)) then replace($words, '([&#xAD;\-&#x2010;&#x2E17;]\s*|\s+)$', '')
      else replace($words, '(&#xAD;\s*|\s+)$', '')"/>
  </xsl:function>

  <!-- The hand a handShift (@new) or an intervention (@hand: add, del, undo …) names: its handNote's persName,
       @scribe or @n (common/resp.xsl), else the pointer itself (a local one without its "#"). One function, so that the page's tooltips
       and the diplomatic "[hand: …]" name a hand alike. -->
  <xsl:function name="samizdat:hand" as="xs:string">
    <xsl:param name="shift" as="element()"/>
    <xsl:variable name="name" select="samizdat:agent-name(samizdat:agent(string(($shift/@new, $shift/@hand)[1]), $shift))"/>
    <xsl:sequence select="replace(normalize-space(string(($name, $shift/@new, $shift/@hand, $shift/@medium, '?')[normalize-space() != ''][1])), '^#', '')"/>
  </xsl:function>

  <!-- A note of a source-document transcription (sourceDoc) attached by @target to its lines or zones: the Guidelines'
       note "contains a note or annotation", @target "indicates the point of attachment"; an editor's notes often stand
       after the surfaces, each pointing at the line it is on. Its call-out belongs at the end of the line or zone it
       names (the last of them, where it names several), not where it is encoded; a note that names anything else, or
       nothing, stays where it is. The page, the plain text and the search ask these, so they put it in one place. -->
  <xsl:key name="samizdat:source-note-target" match="sourceDoc//note[@target][not(ancestor::note)]" use="tokenize(normalize-space(string-join((@target, @targetEnd), ' '))) ! substring-after(., '#')"/>
  <xsl:function name="samizdat:note-line-targets" as="element()*">
    <xsl:param name="note" as="element()"/>
    <!-- In document order ($found/.), the last the end of what the note is on (its @targetEnd, where it has one: "the
         end of the span to which the note is attached"). -->
    <xsl:variable name="ids" select="tokenize(normalize-space(string-join(($note/@target, $note/@targetEnd), ' '))) ! (if (starts-with(., '#')) then substring(., 2) else '')"/>
    <xsl:variable name="found" select="if (root($note) instance of document-node()) then $ids ! key('samizdat:id', ., root($note))[1] else ()"/>
    <xsl:sequence select="if (not(root($note) instance of document-node()) or empty($note/ancestor::sourceDoc) or empty($ids) or $ids = '' or count($found) != count($ids)
      or exists($found[not(self::line or self::zone) or empty(ancestor::sourceDoc)])) then () else $found/."/>
  </xsl:function>
  <xsl:function name="samizdat:note-at-line" as="xs:boolean">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="exists($note/@target) and empty($note/ancestor::note) and exists(samizdat:note-line-targets($note))"/>
  </xsl:function>
  <!-- The notes whose call-outs stand at the end of the line or zone $e, in the order they are encoded. -->
  <xsl:function name="samizdat:notes-at-line" as="element()*">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="if (empty($e/@xml:id) or not(root($e) instance of document-node())) then ()
      else key('samizdat:source-note-target', string($e/@xml:id), root($e))[samizdat:note-line-targets(.)[last()] is $e]"/>
  </xsl:function>
</xsl:stylesheet>
