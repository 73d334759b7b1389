<?xml version="1.0" encoding="UTF-8"?>
<!--
  A span's annotation (core.xsl: samizdat:span-note) where a reader finds it, whatever module renders the words it
  is on; imported last, so that its rules come first and hand the element or the words on (next-match) to theirs.

  - At the element its @from (or @target) names (a seg, a p, a persName with an xml:id), as at an anchor: span
    "associates an interpretative annotation directly with a span of text" (TEI), and where it is encoded (a
    spanGrp after the paragraphs) is no place of the text. Inside the element when the page makes it a block
    (a paragraph, an item, a cell: beside its first words, and valid there), before it otherwise.
  - The words annotated marked: each run of them a span of class "annotated" whose aria-describedby names the
    annotation(s) on them, so that a reader sees which words an annotation is on, and a screen reader reads it
    with them. No script.
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

  <!-- Also in the modes that render an element's content where another template made its HTML element (a list's
       item, its li; a column heading's, its dt or dd): the annotation at the start of that content. -->
  <xsl:template match="*[$samizdat:has-span][@xml:id][not(self::anchor)][ancestor::text][exists(key('samizdat:span-at', string(@xml:id)))]" mode="text samizdat:item samizdat:heading">
    <xsl:variable name="e" select="."/>
    <xsl:variable name="spans" select="key('samizdat:span-at', string(@xml:id))[samizdat:annotation-target(.) is $e]"/>
    <xsl:choose>
      <xsl:when test="empty($spans)"><xsl:next-match/></xsl:when>
      <xsl:otherwise>
        <xsl:variable name="notes" as="element()*">
          <xsl:for-each select="$spans"><xsl:call-template name="samizdat:span-note"/></xsl:for-each>
        </xsl:variable>
        <xsl:variable name="out" as="node()*"><xsl:next-match/></xsl:variable>
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

  <!-- The words each span is on, as the key's values (generate-id: a node is no key value); built when first asked,
       only for a document with spans. -->
  <xsl:key name="samizdat:annotated" match="span[normalize-space()][not(ancestor::teiHeader)]" use="samizdat:span-text(.) ! generate-id()"/>

  <!-- The words of the page a span's annotation is on: those of the element it stands at, or from there to its @to
       (the element's words too, not an anchor's), looked for within the nearest element holding both. Not the words
       of a note or another annotation among them, which are not the text's (unless the span is on words inside
       one). Only for a span whose annotation stands at its target: there, beside them. -->
  <xsl:function name="samizdat:span-text" as="text()*">
    <xsl:param name="s" as="element()"/>
    <xsl:variable name="from" select="samizdat:annotation-target($s)"/>
    <xsl:variable name="to" select="if ($s/@to and exists($from)) then key('samizdat:id', substring-after(normalize-space($s/@to), '#'), root($s))[1][ancestor::text] else ()"/>
    <xsl:variable name="words" select="
      if (exists($to)) then (
        let $common := ($from/ancestor::* intersect $to/ancestor::*)[last()]
        return ($common//text()[. &gt;&gt; $from][. &lt;&lt; $to], $to//text()))
      else $from[not(self::anchor)]//text()"/>
    <xsl:sequence select="$words[normalize-space()][empty(ancestor::*[self::note or self::span or self::spanGrp or self::interp or self::interpGrp or self::figDesc] except $from/ancestor-or-self::*)]"/>
  </xsl:function>

  <xsl:template match="text()[$samizdat:has-span][normalize-space()][exists(key('samizdat:annotated', generate-id(.)))]" mode="text">
    <span class="annotated" aria-describedby="{key('samizdat:annotated', generate-id(.)) ! samizdat:span-note-id(.)}"><xsl:next-match/></span>
  </xsl:template>
</xsl:stylesheet>
