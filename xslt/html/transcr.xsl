<?xml version="1.0" encoding="UTF-8"?>
<!--
  Transcription: the primary-source phenomena (add, del, subst, supplied,
  unclear, gap, …) and the alternatives of choice, in the two views the page
  offers (app, the critical apparatus, is in textcrit.xsl). What each view
  shows is the table in common/transcr.xsl; here it becomes HTML: an
  element (or a mark, or a standing text) that belongs to one view only
  carries the class view-reading or view-diplomatic, and the page's
  one switch (the show-printed checkbox, CSS only) shows one or the other.
  Everything is in the page once: no content is duplicated between views.

  Omissions (ellipsis, gap) read "[…]"; the glyphs the source printed are
  shown in the diplomatic view. Who omitted and why (@resp → respStmt, desc)
  is the omission's accessible description, shown on hover and keyboard focus.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:samizdat="urn:samizdat"
  xmlns="http://www.w3.org/1999/xhtml"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <!-- Who is responsible: the respStmt (or editor, person, org) that @resp points at, in words: its name and,
       where known, what it does (common/resp.xsl), "the editors (selection)". -->
  <xsl:function name="samizdat:responsible" as="xs:string?">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="targets" select="samizdat:agents($e/@resp)"/>
    <xsl:sequence select="if (empty($targets)) then () else string-join(
      for $t in $targets return string-join((samizdat:agent-name($t)[. != ''], samizdat:agent-role($t)[. != ''] ! ('(' || . || ')')), ' '), '; ')"/>
  </xsl:function>

  <xsl:template match="ellipsis | gap" mode="text">
    <!-- generate-id() begins with a number saxon-js gives each document in the order a thread first needs one:
         in the page's own document it is left out, so that the id does not depend on what the thread rendered before. -->
    <xsl:variable name="id" select="if (@xml:id) then string(@xml:id) else 'omission-' || (if (root(.) is $samizdat:source) then replace(generate-id(), '^d[0-9]+', '') else generate-id())"/>
    <xsl:variable name="who" select="samizdat:responsible(.)"/>
    <xsl:variable name="why" select="normalize-space(string-join((desc, @reason), ' '))"/>
    <xsl:variable name="marker" select="if (self::gap) then samizdat:transcription(., 'reading') else '[…]'"/>
    <span class="omission" id="{$id}" tabindex="0" aria-describedby="{$id}-why">
      <span class="omission-reading"><xsl:value-of select="$marker"/></span>
      <span class="omission-printed"><xsl:value-of select="if (metamark) then string(metamark) else $marker"/></span>
      <span class="omission-why" role="tooltip" id="{$id}-why">
        <xsl:value-of select="(if (self::gap) then 'Gap' else 'Omission') || (if ($who) then ' by ' || $who else '') || '.' || (if ($why != '') then ' ' || $why else '')"/>
      </span>
    </span>
  </xsl:template>

  <xsl:template match="add | del | subst | mod | restore | retrace | supplied | unclear | damage | space | surplus | secl | handShift | metamark | am | ex | sic | corr | abbr | expan | orig | reg" mode="text">
    <xsl:variable name="reading" select="samizdat:transcription(., 'reading')"/>
    <xsl:variable name="diplomatic" select="samizdat:transcription(., 'diplomatic')"/>
    <xsl:variable name="description" select="samizdat:transcription-description(.)"/>
    <xsl:element name="{if (self::add) then 'ins' else if (self::del) then 'del' else 'span'}">
      <xsl:attribute name="class" select="string-join((samizdat:classes(.), samizdat:place-classes(.),
        if (empty($reading)) then 'view-diplomatic' else if (empty($diplomatic)) then 'view-reading' else ()), ' ')"/>
      <xsl:if test="$description != ''"><xsl:attribute name="title" select="$description"/></xsl:if>
      <xsl:call-template name="samizdat:mark">
        <xsl:with-param name="reading" select="if (count($reading) = 2) then $reading[1] else $reading"/>
        <xsl:with-param name="diplomatic" select="if (count($diplomatic) = 2) then $diplomatic[1] else $diplomatic"/>
      </xsl:call-template>
      <xsl:variable name="content" as="node()*">
        <xsl:apply-templates mode="text"/>
      </xsl:variable>
      <xsl:choose>
        <xsl:when test="count($reading) = 2 and count($diplomatic) = 2"><xsl:sequence select="$content"/></xsl:when>
        <xsl:when test="count($reading) = 2 and exists($diplomatic)"><span class="view-reading"><xsl:sequence select="$content"/></span></xsl:when>
        <xsl:when test="count($diplomatic) = 2 and exists($reading)"><span class="view-diplomatic"><xsl:sequence select="$content"/></span></xsl:when>
        <xsl:when test="count($reading) = 2 or count($diplomatic) = 2"><xsl:sequence select="$content"/></xsl:when>
      </xsl:choose>
      <xsl:if test="count($reading) = 2 or count($diplomatic) = 2">
        <xsl:call-template name="samizdat:mark">
          <xsl:with-param name="reading" select="$reading[2]"/>
          <xsl:with-param name="diplomatic" select="$diplomatic[2]"/>
        </xsl:call-template>
      </xsl:if>
    </xsl:element>
  </xsl:template>

  <!-- Spans (common/transcr.xsl: samizdat:open-spans): a delSpan, addSpan or damageSpan whose @spanTo points to an
       element after it stands for its opening mark, the element it points to is followed by the closing one,
       and each run of words between is wrapped as del, add or damage would wrap it (del, ins or span, with the
       view class and the tooltip), block by block, so that a span across paragraphs keeps the paragraphs. A
       span that points nowhere is rendered as before (the fallback: an empty span, the words untouched). The
       closing mark where the span ends: after an anchor (the usual end), before another empty element, after
       the last words of an element with words. -->
  <xsl:variable name="samizdat:spanning" as="xs:boolean" select="exists($samizdat:source) and exists(key('samizdat:page-part', 'span', $samizdat:source))"/>
  <xsl:template match="delSpan[@spanTo] | addSpan[@spanTo] | damageSpan[@spanTo]" mode="text">
    <xsl:choose>
      <xsl:when test="exists(samizdat:span-end(.))">
        <xsl:variable name="reading" select="samizdat:transcription(., 'reading')"/>
        <xsl:variable name="diplomatic" select="samizdat:transcription(., 'diplomatic')"/>
        <xsl:variable name="description" select="samizdat:transcription-description(.)"/>
        <span class="{string-join((samizdat:classes(.), samizdat:place-classes(.), 'span-start'), ' ')}">
          <xsl:sequence select="samizdat:id(.)"/>
          <xsl:if test="$description != ''"><xsl:attribute name="title" select="$description"/></xsl:if>
          <xsl:call-template name="samizdat:mark">
            <xsl:with-param name="reading" select="$reading[1]"/>
            <xsl:with-param name="diplomatic" select="$diplomatic[1]"/>
          </xsl:call-template>
        </span>
      </xsl:when>
      <xsl:otherwise><xsl:next-match/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="anchor[@xml:id][$samizdat:spanning][exists(samizdat:spans-ending(.))]" mode="text" priority="10">
    <xsl:next-match/>
    <xsl:call-template name="samizdat:span-close"><xsl:with-param name="spans" select="samizdat:spans-ending(.)"/></xsl:call-template>
  </xsl:template>
  <!-- A span that ends at another element: before it when it has no words (an lb, a pb), after its last words
       when it has (common/transcr.xsl: samizdat:spans-ending-at, samizdat:spans-ending-after). Looked up by id
       (a key), so that a play's thousands of elements with an id cost one look-up each. -->
  <xsl:template match="*[$samizdat:spanning][@xml:id][not(self::anchor)][samizdat:span-target(.)]" mode="text" priority="10">
    <xsl:call-template name="samizdat:span-close"><xsl:with-param name="spans" select="samizdat:spans-ending-at(.)"/></xsl:call-template>
    <xsl:next-match/>
  </xsl:template>
  <xsl:template name="samizdat:span-close">
    <xsl:param name="spans" as="element()*"/>
    <xsl:for-each select="$spans[samizdat:transcription(., 'reading')[2] != '' or samizdat:transcription(., 'diplomatic')[2] != '']">
      <span class="{string-join((samizdat:classes(.), 'span-end'), ' ')}">
        <xsl:call-template name="samizdat:mark">
          <xsl:with-param name="reading" select="samizdat:transcription(., 'reading')[2]"/>
          <xsl:with-param name="diplomatic" select="samizdat:transcription(., 'diplomatic')[2]"/>
        </xsl:call-template>
      </span>
    </xsl:for-each>
  </xsl:template>
  <!-- Words, not the white space between blocks (a span across paragraphs wraps none of it). -->
  <xsl:template match="text()[$samizdat:spanning][normalize-space()][exists(samizdat:open-spans(.)[not(self::undo)])]" mode="text" priority="3">
    <xsl:variable name="words" as="node()*"><xsl:next-match/></xsl:variable>
    <xsl:sequence select="samizdat:span-words(samizdat:open-spans(.)[not(self::undo)], $words)"/>
    <xsl:call-template name="samizdat:span-close"><xsl:with-param name="spans" select="samizdat:spans-ending-after(.)"/></xsl:call-template>
  </xsl:template>
  <!-- $words within the spans, outermost first: each span an element as its short form (del, add, damage) has. -->
  <xsl:function name="samizdat:span-words" as="node()*">
    <xsl:param name="spans" as="element()*"/>
    <xsl:param name="words" as="node()*"/>
    <xsl:choose>
      <xsl:when test="empty($spans)"><xsl:sequence select="$words"/></xsl:when>
      <xsl:otherwise>
        <xsl:variable name="span" select="head($spans)"/>
        <xsl:variable name="reading" select="samizdat:transcription($span, 'reading')"/>
        <xsl:variable name="diplomatic" select="samizdat:transcription($span, 'diplomatic')"/>
        <xsl:variable name="description" select="samizdat:transcription-description($span)"/>
        <xsl:element name="{if ($span/self::addSpan) then 'ins' else if ($span/self::delSpan) then 'del' else 'span'}">
          <xsl:attribute name="class" select="string-join((samizdat:classes($span), samizdat:place-classes($span),
            if (empty($reading)) then 'view-diplomatic' else if (empty($diplomatic)) then 'view-reading' else ()), ' ')"/>
          <xsl:if test="$description != ''"><xsl:attribute name="title" select="$description"/></xsl:if>
          <xsl:sequence select="samizdat:span-words(tail($spans), $words)"/>
        </xsl:element>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- A mark or a standing text: once when both views have it, else one span per view. -->
  <xsl:template name="samizdat:mark">
    <xsl:param name="reading" as="xs:string?"/>
    <xsl:param name="diplomatic" as="xs:string?"/>
    <xsl:choose>
      <xsl:when test="exists($reading) and exists($diplomatic) and $reading = $diplomatic">
        <xsl:if test="$reading != ''"><span class="mark"><xsl:value-of select="$reading"/></span></xsl:if>
      </xsl:when>
      <xsl:otherwise>
        <xsl:if test="$reading != ''"><span class="mark view-reading"><xsl:value-of select="$reading"/></span></xsl:if>
        <xsl:if test="$diplomatic != ''"><span class="mark view-diplomatic"><xsl:value-of select="$diplomatic"/></span></xsl:if>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- place-above, place-margin …: where an addition, a note or a mark stands, for the style sheet; undone: a
       deletion or an addition an undo cancels, struck through (dashed) in the diplomatic view only. -->
  <xsl:function name="samizdat:place-classes" as="xs:string*">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="for $t in tokenize(normalize-space($e/@place)) return 'place-' || replace($t, '[^A-Za-z0-9_-]', '_'),
      if (($e/self::del or $e/self::delSpan or $e/self::add or $e/self::addSpan) and samizdat:undone($e)) then 'undone' else (),
      for $r in tokenize(normalize-space($e/@reason)) return 'reason-' || replace($r, '[^A-Za-z0-9_-]', '_'),
      if ($e/@cert) then 'cert-' || replace(normalize-space($e/@cert), '[^A-Za-z0-9_-]', '_') else ()"/>
  </xsl:function>

  <!-- What the encoder recorded about an intervention, in words, for the element's tooltip. -->
  <xsl:function name="samizdat:transcription-description" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="who" select="samizdat:who($e)"/>
    <xsl:variable name="what" select="
      if ($e/self::add or $e/self::addSpan) then 'Added' || ($e/@place ! (' ' || .))
      else if ($e/self::del or $e/self::delSpan) then 'Deleted' || ($e/@rend ! (' (' || . || ')'))
      else if ($e/self::supplied) then 'Supplied by the editor' || (string-join(($e/@reason, samizdat:certainty($e)), '; ')[. != ''] ! (' (' || . || ')'))
      else if ($e/self::unclear) then 'Unclear' || (string-join(($e/@reason, samizdat:certainty($e)), '; ')[. != ''] ! (' (' || . || ')'))
      else if ($e/self::damage or $e/self::damageSpan) then 'Damaged' || (string-join(($e/@agent, $e/@degree), ', ')[. != ''] ! (' (' || . || ')'))
      else if ($e/self::surplus) then 'Superfluous' || ($e/@reason ! (' (' || . || ')'))
      else if ($e/self::secl) then 'Secluded by the editor' || ($e/@reason ! (' (' || . || ')'))
      else if ($e/self::restore) then 'Restored'
      else if ($e/self::retrace) then 'Retraced'
      else if ($e/self::mod) then 'Modified' || ($e/@type ! (' (' || . || ')'))
      else if ($e/self::handShift) then 'Change of hand'
      else if ($e/self::space) then 'Space left blank'
      else if ($e/self::sic and not($e/parent::choice)) then 'Thus in the source'
      else if ($e/self::corr and not($e/parent::choice)) then 'Corrected by the editor' || (samizdat:certainty($e) ! (' (' || . || ')'))
      else if ($e/self::corr) then 'Corrected by the editor' || (samizdat:certainty($e) ! (' (' || . || ')')) || '; the source has: ' || normalize-space(string-join($e/../sic, ' '))
      else if ($e/self::reg) then 'Regularised; the source has: ' || normalize-space(string-join($e/../orig, ' '))
      else if ($e/self::expan) then 'Expanded; the source has: ' || normalize-space(string-join($e/../abbr, ' '))
      else ''"/>
    <!-- A deletion an undo cancels (common/transcr.xsl: samizdat:undoing) says so, and by whom. -->
    <xsl:variable name="undo" select="if ($e/self::del or $e/self::delSpan or $e/self::add or $e/self::addSpan) then samizdat:undoing($e)[1] else ()"/>
    <xsl:sequence select="if ($what = '') then '' else $what || (if ($who != '') then ', by ' || $who else '')
      || ($undo ! ('; ' || (if ($e/self::add or $e/self::addSpan) then 'addition' else 'deletion') || ' cancelled' || (samizdat:who(.)[. != ''] ! (', by ' || .))))"/>
  </xsl:function>
  <!-- The certainty an intervention or a reading records (@cert), in words: "certainty low". -->
  <xsl:function name="samizdat:certainty" as="xs:string?">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="$e/@cert[normalize-space() != ''] ! ('certainty ' || normalize-space(.))"/>
  </xsl:function>
  <!-- Who made an intervention: the respStmt @resp points at, the hand @hand names (samizdat:hand, as handShift's). -->
  <xsl:function name="samizdat:who" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="string-join((samizdat:responsible($e), $e[@hand] ! ('hand ' || samizdat:hand(.))), ', ')"/>
  </xsl:function>

  <!-- A choice: each member in the view the table gives it; alternatives that are no pair (two readings of an unclear word) are offered as "a (or b)". -->
  <xsl:template match="choice" mode="text">
    <span class="{samizdat:classes(.)}">
      <xsl:choose>
        <xsl:when test="exists(samizdat:choice-pair(.))">
          <xsl:apply-templates mode="text"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:for-each select="*">
            <xsl:if test="position() = 2"><span class="mark"> (or </span></xsl:if>
            <xsl:if test="position() gt 2"><span class="mark">, </span></xsl:if>
            <xsl:apply-templates select="." mode="text"/>
            <xsl:if test="position() = last() and last() gt 1"><span class="mark">)</span></xsl:if>
          </xsl:for-each>
        </xsl:otherwise>
      </xsl:choose>
    </span>
  </xsl:template>

  <!-- Forme work (fw: a running head, catchword, page or signature number) is the printed page's, not the text's:
       left out of the reading view (its words would run into the sentence, "catchword12"), shown in the
       diplomatic view set off (on a line of its own when @place puts it at the top or bottom of the page)
       and named by its @type for a screen reader. -->
  <xsl:template match="fw" mode="text">
    <span class="{string-join((samizdat:classes(.), samizdat:place-classes(.), 'view-diplomatic'), ' ')}">
      <xsl:sequence select="samizdat:id(.)"/>
      <span class="visually-hidden"><xsl:value-of select="samizdat:fw-label(.) || ': '"/></span>
      <xsl:apply-templates mode="text"/>
    </span>
  </xsl:template>
  <xsl:function name="samizdat:fw-label" as="xs:string">
    <xsl:param name="fw" as="element()"/>
    <xsl:variable name="type" select="lower-case(normalize-space($fw/@type))"/>
    <xsl:sequence select="
      if ($type = ('header', 'head', 'runninghead', 'running-head', 'running_head', 'footer')) then 'Running ' || (if ($type = 'footer') then 'foot' else 'head')
      else if ($type = ('catch', 'catchword')) then 'Catchword'
      else if ($type = ('pagenum', 'pageno', 'page-number', 'folio', 'pagination')) then 'Page number'
      else if ($type = ('sig', 'signature', 'sign')) then 'Signature'
      else if ($type != '') then 'Forme work (' || normalize-space($fw/@type) || ')'
      else 'Forme work'"/>
  </xsl:function>

  <!-- A transposition (listTranspose, transpose: "the order of the elements … as signaled in the source") is a list of
       pointers, not text: nothing in the reading view, whose order is the encoding's (the new order is not applied);
       in the diplomatic view a small mark "⟲ transposed", its tooltip the transposed words in their new order. -->
  <xsl:template match="listTranspose | transpose[not(parent::listTranspose)]" mode="text">
    <xsl:variable name="orders" select="descendant-or-self::transpose ! string-join(ptr/@target ! tokenize(normalize-space(.))
      ! normalize-space(string(key('samizdat:id', substring-after(., '#'), root(current()))[1]))[. != ''], ' ')"/>
    <span class="{string-join((samizdat:classes(.), 'mark', 'view-diplomatic'), ' ')}">
      <xsl:if test="exists($orders[. != ''])"><xsl:attribute name="title" select="'Transposed; read: ' || string-join($orders[. != ''], '; ')"/></xsl:if>
      <xsl:text>[transposed]</xsl:text>
    </span>
  </xsl:template>

  <!-- The one view switch: a checkbox before the article (CSS shows one view or the other, no script).
       A document whose only differences are omissions keeps the narrower label. -->
  <xsl:template name="samizdat:view-switch">
    <xsl:variable name="transcribed" select="exists(key('samizdat:page-part', 'transcribed'))"/>
    <xsl:if test="$transcribed or exists(key('samizdat:page-part', 'omission'))">
      <input type="checkbox" id="show-printed" class="show-printed"/>
      <label for="show-printed" class="show-printed-label">
        <xsl:value-of select="if ($transcribed) then 'Show the text as written in the source (diplomatic view)' else 'Show omissions as printed in the source'"/>
      </label>
    </xsl:if>
  </xsl:template>

  <!-- Facsimiles: the images @facs names — a graphic, a surface or zone of the facsimile (its graphic),
       or an image path or URL — beside the page break (or surface) that names them. An image in the
       edition is shown, linked to itself; one on the web (IIIF or not) is linked, never loaded. A zone
       of an IIIF image links to that region. -->
  <xsl:template name="samizdat:facsimile">
    <xsl:param name="linked" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:variable name="label" select="if (@n) then 'Facsimile of page ' || normalize-space(@n) else 'Facsimile'"/>
    <xsl:for-each select="tokenize(normalize-space(@facs))">
      <xsl:variable name="pointer" select="."/>
      <xsl:variable name="target" select="if (starts-with($pointer, '#')) then key('samizdat:id', substring($pointer, 2), $samizdat:source)[1] else ()"/>
      <xsl:variable name="graphic" select="($target/self::graphic, $target/self::surface/graphic, $target/self::zone/graphic, $target/self::zone/ancestor::surface[1]/graphic)[1]"/>
      <xsl:variable name="url" select="if (starts-with($pointer, '#')) then string($graphic/@url) else $pointer"/>
      <xsl:variable name="image" select="if ($url = '') then () else samizdat:image($url)"/>
      <xsl:variable name="zone" select="$target/self::zone[@ulx and @uly and @lrx and @lry]"/>
      <xsl:choose>
        <xsl:when test="exists($image?local) and not($linked)">
          <a class="facsimile" href="{$image?local}"><img src="{$image?local}" alt="{$label}" loading="lazy"/></a>
        </xsl:when>
        <xsl:when test="exists($image?external) and not($linked)">
          <xsl:variable name="region" select="if ($zone and matches($image?external, '/full/[^/]+/[^/]+/[^/]+$')) then
            replace($image?external, '/full/([^/]+/[^/]+/[^/]+)$', '/' || string-join(($zone/@ulx, $zone/@uly, xs:decimal($zone/@lrx) - xs:decimal($zone/@ulx), xs:decimal($zone/@lry) - xs:decimal($zone/@uly)) ! string(.), ',') || '/$1') else $image?external"/>
          <a class="facsimile-link" href="{$region}" rel="external"><xsl:value-of select="$label || (if (samizdat:iiif($image?external)) then ' (IIIF)' else ' (on the web)')"/></a>
        </xsl:when>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

  <!-- A source-document transcription (sourceDoc): surfaces with their facsimile, zones, and the lines as written.
       It ends with the bodies of the notes called out in it, footnotes then endnotes, as the text does
       (textstructure.xsl): a sourceDoc may hold notes (an editor's, often after its surfaces with @target on a
       line), and without their bodies their call-outs led nowhere. -->
  <xsl:template match="sourceDoc" mode="text">
    <!-- Listed in the order their call-outs are read (a note on a line at that line's end: core.xsl's counters). -->
    <xsl:variable name="notes" as="element()*">
      <xsl:perform-sort select=".//note[not(ancestor::note)][samizdat:called-out(.)]">
        <xsl:sort select="samizdat:note-counter(., 'note')"/>
      </xsl:perform-sort>
    </xsl:variable>
    <xsl:variable name="foot" select="$notes[samizdat:note-place(.) = 'foot'][not(samizdat:note-at-anchor(.))]"/>
    <!-- A filter, not "except", which would put them back in document order. -->
    <xsl:variable name="end" select="$notes[samizdat:note-place(.) = 'end' or samizdat:note-at-anchor(.)]"/>
    <section class="{samizdat:classes(.)}" aria-label="Transcription of the source document">
      <xsl:sequence select="samizdat:id(.)"/>
      <xsl:apply-templates mode="text"/>
      <xsl:call-template name="samizdat:note-bodies">
        <xsl:with-param name="notes" select="$foot"/>
      </xsl:call-template>
      <xsl:if test="exists($end)">
        <section class="endnotes">
          <h2>Notes</h2>
          <xsl:call-template name="samizdat:note-bodies">
            <xsl:with-param name="notes" select="$end"/>
            <xsl:with-param name="class" select="'endnotes'"/>
          </xsl:call-template>
        </section>
      </xsl:if>
    </section>
  </xsl:template>
  <xsl:template match="surfaceGrp | surface | zone" mode="text">
    <div class="{samizdat:classes(.)}">
      <xsl:sequence select="samizdat:id(.)"/>
      <xsl:if test="self::surface or self::surfaceGrp">
        <p class="surface-label"><xsl:value-of select="normalize-space(string-join((if (self::surface) then 'Surface' else 'Surfaces', (@n, label, @xml:id)[1]), ' '))"/></p>
      </xsl:if>
      <xsl:for-each select="graphic[@url]">
        <xsl:variable name="image" select="samizdat:image(string(@url))"/>
        <xsl:if test="exists($image?local)"><a class="facsimile" href="{$image?local}"><img src="{$image?local}" alt="Facsimile" loading="lazy"/></a></xsl:if>
        <xsl:if test="exists($image?external)"><a class="facsimile-link" href="{$image?external}" rel="external">Facsimile (<xsl:value-of select="if (samizdat:iiif($image?external)) then 'IIIF' else 'on the web'"/>)</a></xsl:if>
      </xsl:for-each>
      <xsl:apply-templates select="node() except (graphic, label)" mode="text"/>
      <xsl:call-template name="samizdat:line-note-calls"/>
    </div>
  </xsl:template>
  <xsl:template match="line" mode="text">
    <div class="{samizdat:classes(.)}">
      <xsl:sequence select="samizdat:id(.)"/>
      <xsl:apply-templates mode="text">
        <xsl:with-param name="phrase" select="true()" tunnel="yes"/>
      </xsl:apply-templates>
      <xsl:call-template name="samizdat:line-note-calls"/>
    </div>
  </xsl:template>
  <!-- A note attached to a line or a zone (common/transcr.xsl: samizdat:note-at-line): its call-out at the end of
       that line or zone, the link core.xsl makes for every note (samizdat:note-call: to its body, which links back),
       and nothing where it is encoded. Its body stays with the transcription's footnotes. -->
  <xsl:template name="samizdat:line-note-calls">
    <xsl:for-each select="samizdat:notes-at-line(.)[samizdat:called-out(.)]">
      <xsl:call-template name="samizdat:note-call"/>
    </xsl:for-each>
  </xsl:template>
  <xsl:template match="note[@target][ancestor::sourceDoc]" mode="text" priority="1">
    <xsl:if test="not(samizdat:called-out(.) and samizdat:note-at-line(.))"><xsl:next-match/></xsl:if>
  </xsl:template>
  <xsl:template match="facsimile" mode="text"/>

</xsl:stylesheet>
