<?xml version="1.0" encoding="UTF-8"?>
<!--
  Dates become <time>. Names, which link to the entity index, are in
  entities.xsl. The date the encoder normalised (@when, or the bounds of a
  range) is the element's title, in words, where the source's own words do
  not already say it: "October 8" is 8 October 1923 only in the encoding.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:samizdat="urn:samizdat"
  xmlns="http://www.w3.org/1999/xhtml"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <xsl:template match="date | time" mode="text header">
    <xsl:variable name="when" select="string((@when, @when-iso)[1])"/>
    <xsl:choose>
      <xsl:when test="matches($when, '^-?\d{4}(-\d{2}(-\d{2}(T[0-9:.]+(Z|[+-]\d{2}:\d{2})?)?)?)?$')">
        <time datetime="{$when}" class="{samizdat:classes(.)}">
          <xsl:sequence select="samizdat:date-title(., samizdat:date-words($when))"/>
          <xsl:apply-templates mode="#current"/>
        </time>
      </xsl:when>
      <!-- A time of day alone (TEI time/@when "14:30:00"): HTML's time string, given as it is. -->
      <xsl:when test="matches($when, '^\d{2}:\d{2}(:\d{2}(\.\d+)?)?$')">
        <time datetime="{$when}" class="{samizdat:classes(.)}">
          <xsl:sequence select="samizdat:date-title(., $when)"/>
          <xsl:apply-templates mode="#current"/>
        </time>
      </xsl:when>
      <xsl:when test="@notBefore or @notAfter or @from or @to">
        <xsl:variable name="from" select="string((@notBefore, @from)[1])"/>
        <xsl:variable name="to" select="string((@notAfter, @to)[1])"/>
        <span class="date-range {samizdat:classes(.)}">
          <xsl:sequence select="samizdat:date-title(., samizdat:range-words(.))"/>
          <xsl:if test="matches($from, '^\d{4}(-\d{2}(-\d{2})?)?$')">
            <time datetime="{$from}" class="range-start"/>
          </xsl:if>
          <xsl:apply-templates mode="#current"/>
          <xsl:if test="matches($to, '^\d{4}(-\d{2}(-\d{2})?)?$')">
            <time datetime="{$to}" class="range-end"/>
          </xsl:if>
        </span>
      </xsl:when>
      <xsl:otherwise>
        <span class="{samizdat:classes(.)}"><xsl:apply-templates mode="#current"/></span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A range in words ("between 1 June 1923 and 31 August 1923"), as the entity index says it (common/dates.xsl). -->
  <xsl:function name="samizdat:range-words" as="xs:string">
    <xsl:param name="date" as="element()"/>
    <xsl:variable name="parts" select="samizdat:range-parts($date/@from, $date/@to, $date/@notBefore, $date/@notAfter)"/>
    <xsl:sequence select="string-join(for $i in 1 to count($parts) return if ($i mod 2 = 0) then samizdat:date-words($parts[$i]) else $parts[$i])"/>
  </xsl:function>

  <!-- The title of a date: what the encoding says it is, unless its own words already say the same. -->
  <xsl:function name="samizdat:date-title" as="attribute()?">
    <xsl:param name="date" as="element()"/>
    <xsl:param name="words" as="xs:string"/>
    <xsl:if test="normalize-space($date) ne $words">
      <xsl:attribute name="title" select="$words"/>
    </xsl:if>
  </xsl:function>

</xsl:stylesheet>
