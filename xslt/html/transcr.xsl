<?xml version="1.0" encoding="UTF-8"?>
<!--
  Transcription: editorial omissions (ellipsis, gap), alternatives (choice,
  app). An omission reads "[…]"; the glyphs the source printed are in the
  page too, shown instead when the reader ticks "Show omissions as printed"
  (CSS only). Who omitted and why (@resp → respStmt, desc) is the omission's
  accessible description, shown on hover and keyboard focus.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:samizdat="urn:samizdat"
  xmlns="http://www.w3.org/1999/xhtml"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <!-- Who is responsible: the respStmt (or person, org) that @resp points at, in words. -->
  <xsl:function name="samizdat:responsible" as="xs:string?">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="targets" select="for $t in tokenize(normalize-space($e/@resp)) return key('samizdat:id', substring-after($t, '#'), root($e))"/>
    <xsl:sequence select="if (empty($targets)) then () else string-join(
      for $t in $targets return
        if ($t/self::respStmt) then normalize-space(string-join($t/(name, persName, orgName), ', ')) || (if ($t/resp) then ' (' || normalize-space(string-join($t/resp, '; ')) || ')' else '')
        else normalize-space($t), '; ')"/>
  </xsl:function>

  <xsl:template match="ellipsis | gap" mode="text">
    <xsl:variable name="id" select="if (@xml:id) then string(@xml:id) else 'omission-' || generate-id()"/>
    <xsl:variable name="who" select="samizdat:responsible(.)"/>
    <xsl:variable name="why" select="normalize-space(string-join((desc, @reason), ' '))"/>
    <span class="omission" id="{$id}" tabindex="0" aria-describedby="{$id}-why">
      <span class="omission-reading">[…]</span>
      <span class="omission-printed"><xsl:value-of select="if (metamark) then string(metamark) else '[…]'"/></span>
      <span class="omission-why" role="tooltip" id="{$id}-why">
        <xsl:value-of select="'Omission' || (if ($who) then ' by ' || $who else '') || '.' || (if ($why != '') then ' ' || $why else '')"/>
      </span>
    </span>
  </xsl:template>

  <xsl:template match="choice" mode="text">
    <xsl:variable name="shown" select="(corr, reg, expan, *)[1]"/>
    <span class="{samizdat:classes(.)}" title="{normalize-space(string-join(* except $shown, ' / '))}">
      <xsl:apply-templates select="$shown" mode="text"/>
    </span>
  </xsl:template>

  <xsl:template match="app" mode="text">
    <xsl:variable name="shown" select="(lem, rdg, *)[1]"/>
    <span class="{samizdat:classes(.)}" title="{normalize-space(string-join(* except $shown, ' / '))}">
      <xsl:apply-templates select="$shown" mode="text"/>
    </span>
  </xsl:template>
</xsl:stylesheet>
