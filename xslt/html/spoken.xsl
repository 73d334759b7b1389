<?xml version="1.0" encoding="UTF-8"?>
<!--
  Transcribed speech on the page (common/spoken.xsl): an utterance is a
  paragraph headed by who speaks, linked to the entity index where the
  speaker is an entry; the transcriber's descriptions of pauses, sounds,
  movements and incidents are set in italics, in parentheses.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:samizdat="urn:samizdat"
  xmlns="http://www.w3.org/1999/xhtml"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <xsl:template match="u" mode="text">
    <xsl:param name="phrase" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:variable name="who" select="samizdat:who-label(.)"/>
    <xsl:variable name="entry" select="samizdat:entity-targets(.)[?kind = 'entry'][1]"/>
    <xsl:element name="{if ($phrase) then 'span' else 'p'}">
      <xsl:attribute name="class" select="samizdat:classes(.)"/>
      <xsl:sequence select="samizdat:id(.)"/>
      <xsl:if test="exists($who)">
        <span class="utterance-who">
          <xsl:choose>
            <xsl:when test="exists($entry)"><a class="entity" href="{samizdat:target-href($entry)}"><xsl:value-of select="$who"/></a></xsl:when>
            <xsl:otherwise><xsl:value-of select="$who"/></xsl:otherwise>
          </xsl:choose>
          <xsl:text>:</xsl:text>
        </span>
        <xsl:text> </xsl:text>
      </xsl:if>
      <xsl:apply-templates mode="text">
        <xsl:with-param name="phrase" select="true()" tunnel="yes"/>
      </xsl:apply-templates>
    </xsl:element>
  </xsl:template>

  <!-- writing, as any element is (fallback.xsl), a space apart from the words of its line or paragraph where the
       encoding sets it against them (samizdat:writing-gap). Set apart between blocks, samizdat.css makes it a block. -->
  <xsl:template match="writing" mode="text">
    <xsl:if test="samizdat:writing-gap(., false())"><xsl:text> </xsl:text></xsl:if>
    <xsl:next-match/>
    <xsl:if test="samizdat:writing-gap(., true())"><xsl:text> </xsl:text></xsl:if>
  </xsl:template>
  <!-- writing holding verse lines or paragraphs in a paragraph (a letter read out) is set apart as a block quotation
       is (common/tei.xsl: samizdat:block-quotation; the paragraph a div, samizdat:flow), its blocks blocks again, as
       the plain text gives them lines of their own and the search records read them in the paragraph's passage. -->
  <xsl:template match="writing" mode="text" priority="1">
    <xsl:param name="phrase" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:param name="samizdat:flow" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:choose>
      <xsl:when test="$phrase and $samizdat:flow and samizdat:block-quotation(.)">
        <blockquote class="{samizdat:classes(.)}">
          <xsl:sequence select="samizdat:id(.), samizdat:style(.)"/>
          <xsl:apply-templates mode="text">
            <xsl:with-param name="phrase" select="false()" tunnel="yes"/>
            <xsl:with-param name="samizdat:flow" select="false()" tunnel="yes"/>
          </xsl:apply-templates>
        </blockquote>
      </xsl:when>
      <xsl:otherwise><xsl:next-match/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="pause | vocal | kinesic | incident | shift" mode="text">
    <xsl:value-of select="samizdat:event-space-before(.)"/>
    <span class="{samizdat:classes(.)} spoken-event">
      <xsl:sequence select="samizdat:id(.)"/>
      <xsl:value-of select="samizdat:spoken-event(.)"/>
    </span>
    <xsl:value-of select="samizdat:event-space-after(.)"/>
  </xsl:template>
</xsl:stylesheet>
