<?xml version="1.0" encoding="UTF-8"?>
<!--
  A span's annotation where a reader finds it, whatever module renders the words it is on; imported last, so that
  its rules come first and hand the element or the words on (next-match) to theirs.

  - In the margin, as a margin note (.note-margin), beside the words it is on: at the element its @from (or
    @target) names (a seg, a p, a persName with an xml:id), as at an anchor (common/annotations.xsl), since span
    "associates an interpretative annotation directly with a span of text" (TEI) and where it is encoded (a spanGrp
    after the paragraphs) is no place of the text. Inside the element when the page makes it a block (a paragraph,
    an item, a cell: beside its first words, and valid there), before it otherwise. Where the span is only when it
    names no such place. Its title names the words annotated. Not in the running text: the plain text leaves it out,
    and the page's paragraph reads on without it.
  - The words annotated marked: each run of them a span of class "annotated" whose aria-describedby names the
    annotation(s) on them, so that a reader sees which words an annotation is on, and a screen reader reads it
    with them.
  - Reached without a pointer: after the words annotated, the annotation's letter (a, b … in the order of the
    page, apart from the footnotes' numbers) is a link to it, which Tab reaches, and the annotation's letter links
    back, as a footnote's call-out and body do (core.xsl: samizdat:note-call). No script.
  - Once: a copy of the words (an apparatus entry's lemma) shows them plainly, without the annotation, its marks or
    its link; an element a list holds between its items (a pb) is rendered by way of the list's item mode and then
    the text mode, and takes its annotation in the text mode only; so no id is written twice.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:samizdat="urn:samizdat"
  xmlns="http://www.w3.org/1999/xhtml"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <!-- The page's elements an annotation may stand inside, at their start: those that hold phrasing content and are
       not a heading (whose words are its name). -->
  <xsl:variable name="samizdat:annotation-holders" as="xs:string*"
    select="('p', 'li', 'td', 'th', 'dd', 'dt', 'div', 'section', 'article', 'aside', 'blockquote', 'figure', 'figcaption')"/>

  <!-- The annotation's id, which the words it is on name (aria-describedby) and their link leads to: annotation-1, -2 …;
       its link's, annotation-ref-1 …; its letter, a, b … (footnotes have the numbers). -->
  <!-- A span with an xml:id of its own (the first element to have it) is reached by it, as a note is (core.xsl:
       samizdat:anchor-id): a link made to it still leads to it after an edit renumbers the others; its link's id
       annotation-ref- and that id, as a note's call-out is noteref- and the note's. -->
  <xsl:function name="samizdat:span-note-id" as="xs:string">
    <xsl:param name="s" as="element()"/>
    <xsl:variable name="own" select="samizdat:id($s)"/>
    <xsl:sequence select="if (exists($own)) then string($own) else samizdat:made-id('annotation', samizdat:annotation-number($s), $s)"/>
  </xsl:function>
  <xsl:function name="samizdat:annotation-ref-id" as="xs:string">
    <xsl:param name="s" as="element()"/>
    <xsl:variable name="own" select="samizdat:id($s)"/>
    <xsl:sequence select="if (exists($own)) then samizdat:free-id('annotation-ref-' || $own, $s) else samizdat:made-id('annotation-ref', samizdat:annotation-number($s), $s)"/>
  </xsl:function>

  <!-- The words annotated, for the title: the element @target or @from names, or those from @from to @to. -->
  <xsl:function name="samizdat:span-words" as="xs:string">
    <xsl:param name="s" as="element()"/>
    <xsl:variable name="ids" select="for $p in tokenize(normalize-space(string-join(($s/@target, $s/@from, $s/@to), ' '))) return substring-after($p, '#')"/>
    <xsl:variable name="found" select="$ids[. != ''] ! key('samizdat:id', ., root($s))"/>
    <xsl:variable name="from" select="if ($s/@from) then $found[@xml:id = substring-after(normalize-space($s/@from), '#')][1] else ()"/>
    <xsl:variable name="to" select="if ($s/@to) then $found[@xml:id = substring-after(normalize-space($s/@to), '#')][1] else ()"/>
    <xsl:sequence select="normalize-space(if (exists($from) and exists($to))
      then string-join(($from//text(), $from/following::text()[. &lt;&lt; $to][not(ancestor::*[self::span or self::spanGrp or self::note or self::interpGrp])], $to[not(self::anchor)]//text()))
      else string-join($found[not(self::anchor)] ! string(.), ' '))"/>
  </xsl:function>

  <!-- The annotation (the span the context), in the margin; its letter a link back to the words it is on, where the
       page marks them (samizdat:span-text) and is not already inside a link. None in a copy of the text (an
       apparatus entry's lemma), which would show it twice. A span in the header (a manuscript description's) is
       no annotation of the text: neither numbered nor linked. -->
  <xsl:template name="samizdat:span-note">
    <xsl:param name="linked" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:param name="samizdat:in-entry" as="xs:boolean" tunnel="yes" select="false()"/>
    <!-- The page its words are on, when not this one (a witness page's annotation on a reading the witness lacks: the
         edition's, in the entry); the link's label says where it leads. -->
    <xsl:param name="words-page" as="xs:string" select="''"/>
    <xsl:variable name="words" select="samizdat:span-words(.)"/>
    <xsl:variable name="numbered" select="empty(ancestor::teiHeader)"/>
    <xsl:variable name="label" select="if ($numbered) then samizdat:annotation-label(.) else ''"/>
    <xsl:if test="not($samizdat:in-entry)">
      <span class="note-margin span-annotation" role="note">
        <xsl:if test="$numbered"><xsl:attribute name="id" select="samizdat:span-note-id(.)"/></xsl:if>
        <xsl:if test="$words != ''"><xsl:attribute name="title" select="'Annotation on “' || $words || '”'"/></xsl:if>
        <xsl:choose>
          <xsl:when test="not($numbered)"/>
          <xsl:when test="not($linked) and exists(samizdat:span-text(.))">
            <a class="annotation-back" href="{$words-page}#{samizdat:annotation-ref-id(.)}"
              aria-label="Annotation {$label}: {if ($words-page = '') then 'back to the text' else 'its words in the apparatus'}"><xsl:value-of select="$label"/></a>
            <xsl:text> </xsl:text>
          </xsl:when>
          <xsl:otherwise>
            <span class="annotation-letter"><xsl:value-of select="$label"/></span>
            <xsl:text> </xsl:text>
          </xsl:otherwise>
        </xsl:choose>
        <span class="span-annotation-label"><xsl:value-of select="if (@type) then normalize-space(@type) else 'annotation'"/>: </span>
        <xsl:apply-templates mode="text"><xsl:with-param name="phrase" select="true()" tunnel="yes"/></xsl:apply-templates>
      </span>
    </xsl:if>
  </xsl:template>

  <!-- Where the span is encoded: its annotation only when it names no place in the text (core.xsl's rule, less the
       empty element that held its id there: the annotation has that id now, wherever it stands, and an id is
       written once). -->
  <xsl:template match="span[normalize-space()][not(ancestor::teiHeader)]" mode="text" priority="1">
    <xsl:if test="not(samizdat:annotation-placed(.))"><xsl:call-template name="samizdat:span-note"/></xsl:if>
  </xsl:template>

  <!-- At an apparatus entry's call-out (textcrit.xsl: samizdat:callout), before it: the annotations on words only the
       entry shows (common/annotations.xsl: samizdat:annotation-entry), which link to their words there, and back.
       A witness page has no entries: there the words are in its text when its reading holds them (their letter links
       to the annotation, as in the edition's text), and the annotation links back to them; else it links to them in
       the entry on the edition's page, as the call-out beside it does to the entry. -->
  <xsl:template name="samizdat:entry-annotation-notes">
    <xsl:param name="app" as="element()"/>
    <xsl:param name="samizdat:witness" as="xs:string" tunnel="yes" select="''"/>
    <xsl:if test="$samizdat:has-span">
      <xsl:for-each select="samizdat:callout-site($app) ! samizdat:entry-annotations-at(.)[samizdat:annotation-entry(.) is $app]">
        <xsl:call-template name="samizdat:span-note">
          <xsl:with-param name="words-page" select="if ($samizdat:witness = '' or samizdat:witness-shows(samizdat:span-text(.)[1], $samizdat:witness)) then '' else 'index.html'"/>
        </xsl:call-template>
      </xsl:for-each>
    </xsl:if>
  </xsl:template>
  <!-- Whether the witness's text shows the node $n: every reading it is in is the witness's (none: the text's own). -->
  <xsl:function name="samizdat:witness-shows" as="xs:boolean">
    <xsl:param name="n" as="node()?"/>
    <xsl:param name="witness" as="xs:string"/>
    <xsl:sequence select="exists($n) and (every $r in $n/ancestor::*[self::lem or self::rdg] satisfies exists(samizdat:witness-readings($r/ancestor::app[1], $witness) intersect $r))"/>
  </xsl:function>

  <!-- The annotations standing at the context element (an anchor, or an element with an id). -->
  <xsl:template name="samizdat:annotation-notes">
    <xsl:if test="$samizdat:has-span and @xml:id">
      <xsl:for-each select="samizdat:annotations-at(.)">
        <xsl:call-template name="samizdat:span-note"/>
      </xsl:for-each>
    </xsl:if>
  </xsl:template>

  <!-- At an element with an id: its annotations, inside it at its start when the page makes it a block, else before
       it. Also in the modes that render an element's content where another template made its HTML element (a list's
       item, its li; a column heading's, its dt or dd): the annotation at the start of that content; only for those
       elements there, since any other element those modes meet goes on to the text mode (core.xsl), which would write
       its annotations again. -->
  <xsl:template match="*[$samizdat:has-span][@xml:id][not(self::anchor)][ancestor::text][exists(key('samizdat:span-at', string(@xml:id)))]" mode="text">
    <xsl:call-template name="samizdat:annotated-element">
      <xsl:with-param name="out" as="node()*"><xsl:next-match/></xsl:with-param>
    </xsl:call-template>
  </xsl:template>
  <xsl:template match="item[$samizdat:has-span][@xml:id][exists(key('samizdat:span-at', string(@xml:id)))]" mode="samizdat:item">
    <xsl:call-template name="samizdat:annotated-element">
      <xsl:with-param name="out" as="node()*"><xsl:next-match/></xsl:with-param>
    </xsl:call-template>
  </xsl:template>
  <xsl:template match="(headLabel | headItem)[$samizdat:has-span][@xml:id][exists(key('samizdat:span-at', string(@xml:id)))]" mode="samizdat:heading">
    <xsl:call-template name="samizdat:annotated-element">
      <xsl:with-param name="out" as="node()*"><xsl:next-match/></xsl:with-param>
    </xsl:call-template>
  </xsl:template>
  <!-- $out: what the element's own rules make of it. -->
  <xsl:template name="samizdat:annotated-element">
    <xsl:param name="out" as="node()*"/>
    <xsl:variable name="notes" as="element()*"><xsl:call-template name="samizdat:annotation-notes"/></xsl:variable>
    <xsl:choose>
      <xsl:when test="empty($notes)"><xsl:sequence select="$out"/></xsl:when>
      <xsl:otherwise>
        <xsl:variable name="holder" select="$out[self::*][local-name() = $samizdat:annotation-holders]"/>
        <xsl:choose>
          <xsl:when test="count($holder) = 1 and empty($out[self::* or normalize-space()] except $holder)">
            <xsl:for-each select="$out">
              <xsl:choose>
                <xsl:when test=". is $holder">
                  <xsl:copy>
                    <xsl:sequence select="@*, $notes, node()"/>
                  </xsl:copy>
                </xsl:when>
                <xsl:otherwise><xsl:sequence select="."/></xsl:otherwise>
              </xsl:choose>
            </xsl:for-each>
          </xsl:when>
          <xsl:otherwise><xsl:sequence select="$notes, $out"/></xsl:otherwise>
        </xsl:choose>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The words annotated, marked; after the last of an annotation's, its letter, a link to it (not a link inside
       a link: there the letter alone, which the annotation's own letter still leads back to). In a copy of the words
       (an apparatus entry's lemma), plain, as the annotation is not there; in the entry that alone shows them
       ($samizdat:entry-app, common/annotations.xsl: samizdat:annotation-entry), marked, with their letter. -->
  <xsl:template match="text()[$samizdat:has-span][normalize-space()][exists(key('samizdat:annotated', generate-id(.)))]" mode="text">
    <xsl:param name="linked" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:param name="samizdat:in-entry" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:param name="samizdat:entry-app" as="element()?" tunnel="yes" select="()"/>
    <xsl:variable name="spans" select="if (not($samizdat:in-entry)) then key('samizdat:annotated', generate-id(.))
      else if (empty($samizdat:entry-app)) then () else key('samizdat:annotated', generate-id(.))[samizdat:annotation-entry(.) is $samizdat:entry-app]"/>
    <xsl:choose>
      <xsl:when test="empty($spans)"><xsl:next-match/></xsl:when>
      <xsl:otherwise>
        <span class="annotated" aria-describedby="{$spans ! samizdat:span-note-id(.)}"><xsl:next-match/></span>
        <xsl:for-each select="key('samizdat:annotated-end', generate-id(.)) intersect $spans">
          <xsl:variable name="label" select="samizdat:annotation-label(.)"/>
          <xsl:choose>
            <xsl:when test="$linked">
              <sup class="annotation-ref" id="{samizdat:annotation-ref-id(.)}"><xsl:value-of select="$label"/></sup>
            </xsl:when>
            <xsl:otherwise>
              <a class="annotation-ref" id="{samizdat:annotation-ref-id(.)}" href="#{samizdat:span-note-id(.)}" aria-label="Annotation {$label}"><sup><xsl:value-of select="$label"/></sup></a>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:for-each>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
