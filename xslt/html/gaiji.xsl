<?xml version="1.0" encoding="UTF-8"?>
<!--
  A non-standard character or glyph (g) on the page: what it reads as in
  each view comes from common/gaiji.xsl; its declared name is its title,
  so a reader can learn which character the edition means.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:samizdat="urn:samizdat"
  xmlns="http://www.w3.org/1999/xhtml"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <xsl:template match="g" mode="text">
    <xsl:variable name="declaration" select="samizdat:glyph-declaration(.)"/>
    <xsl:variable name="name" select="samizdat:glyph-name($declaration)"/>
    <xsl:variable name="reading" select="samizdat:glyph-text(., 'reading')"/>
    <xsl:variable name="diplomatic" select="samizdat:glyph-text(., 'diplomatic')"/>
    <!-- A character declared by its picture alone is shown by it. -->
    <xsl:variable name="picture" select="if (exists($reading)) then () else ($declaration/(graphic, figure/graphic) ! samizdat:image(string(@url))?local)[1]"/>
    <span class="{string-join((samizdat:classes(.), if (exists($reading) or exists($picture)) then () else 'glyph-unknown'), ' ')}">
      <xsl:sequence select="samizdat:id(.)"/>
      <xsl:if test="exists($name)"><xsl:attribute name="title" select="$name"/></xsl:if>
      <xsl:choose>
        <xsl:when test="exists($picture)">
          <img src="{$picture}" alt="{samizdat:glyph-placeholder(.)}" class="glyph-picture"/>
        </xsl:when>
        <xsl:when test="empty($reading)"><xsl:value-of select="samizdat:glyph-placeholder(.)"/></xsl:when>
        <xsl:when test="$reading = $diplomatic"><xsl:value-of select="$reading"/></xsl:when>
        <xsl:otherwise>
          <span class="view-reading"><xsl:value-of select="$reading"/></span>
          <span class="view-diplomatic"><xsl:value-of select="$diplomatic"/></span>
        </xsl:otherwise>
      </xsl:choose>
    </span>
  </xsl:template>
</xsl:stylesheet>
