<?xml version="1.0" encoding="UTF-8"?>
<!--
  Dates become <time>. Names, which link to the entity index, are in
  entities.xsl.
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
        <time datetime="{$when}" class="{samizdat:classes(.)}"><xsl:apply-templates mode="#current"/></time>
      </xsl:when>
      <xsl:when test="@notBefore or @notAfter or @from or @to">
        <xsl:variable name="from" select="string((@notBefore, @from)[1])"/>
        <xsl:variable name="to" select="string((@notAfter, @to)[1])"/>
        <span class="date-range {samizdat:classes(.)}" title="{string-join(($from[. != ''], $to[. != '']), ' to ')}">
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

</xsl:stylesheet>
