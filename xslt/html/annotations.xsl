<?xml version="1.0" encoding="UTF-8"?>
<!--
  A span's annotation (core.xsl: samizdat:span-note) where a reader finds it, whatever module renders the words it
  is on; imported last, so that its rules come first and hand the element or the words on (next-match) to theirs.

  - At the element its @from (or @target) names (a seg, a p, a persName with an xml:id), as at an anchor: span
    "associates an interpretative annotation directly with a span of text" (TEI), and where it is encoded (a
    spanGrp after the paragraphs) is no place of the text. Inside the element when the page makes it a block
    (a paragraph, an item, a cell: beside its first words, and valid there), before it otherwise.
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
    <xsl:variable name="spans" select="key('samizdat:span-at', string(@xml:id))[samizdat:span-target(.) is $e]"/>
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
</xsl:stylesheet>
