<?xml version="1.0" encoding="UTF-8"?>
<!--
  Names and dates: a name that points (@ref) into one of the edition's
  registers links to its entry in the entity index; dates become <time>.
  Mode "mentions" lists each such pointer with its paragraph, as maps that
  the driver serialises to JSON for the build's entity index.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:samizdat="urn:samizdat"
  xmlns="http://www.w3.org/1999/xhtml"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <xsl:variable name="samizdat:name-elements" as="xs:string*" select="('persName', 'placeName', 'orgName', 'eventName', 'name', 'rs', 'geogName', 'objectName')"/>

  <!-- The register entries a name points at: fragment identifiers within a known register. -->
  <xsl:function name="samizdat:entries" as="xs:string*">
    <xsl:param name="name" as="element()"/>
    <xsl:for-each select="samizdat:pointers($name/@ref)">
      <xsl:variable name="file" select="substring-before(., '#')"/>
      <xsl:variable name="fragment" select="substring-after(., '#')"/>
      <xsl:if test="$fragment != '' and $file = tokenize($registers)">
        <xsl:sequence select="$fragment"/>
      </xsl:if>
    </xsl:for-each>
  </xsl:function>

  <xsl:template match="*[local-name() = $samizdat:name-elements][@ref]" mode="text">
    <xsl:param name="linked" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:variable name="entries" select="samizdat:entries(.)"/>
    <xsl:choose>
      <xsl:when test="exists($entries) and not($linked)">
        <a class="entity {samizdat:classes(.)}" href="{$entity-index-href}#{encode-for-uri($entries[1])}">
          <xsl:apply-templates mode="text">
            <xsl:with-param name="linked" select="true()" tunnel="yes"/>
          </xsl:apply-templates>
        </a>
      </xsl:when>
      <xsl:otherwise>
        <span class="entity {samizdat:classes(.)}">
          <xsl:if test="exists($entries)"><xsl:attribute name="data-entity" select="$entries[1]"/></xsl:if>
          <xsl:apply-templates mode="text"/>
        </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

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

  <!-- Mentions: {entry, element, paragraph, text} for each pointer into a register. -->
  <xsl:template match="*[local-name() = $samizdat:name-elements][@ref]" mode="mentions">
    <xsl:variable name="name" select="."/>
    <xsl:variable name="p" select="ancestor::*[self::p or self::ab][1]"/>
    <xsl:for-each select="samizdat:entries(.)">
      <xsl:sequence select="map {
        'entry': string(.),
        'element': local-name($name),
        'text': normalize-space($name),
        'paragraph': if ($p) then (if ($p/@xml:id) then string($p/@xml:id) else 'para-' || samizdat:paragraph-number($p)) else string($name/ancestor::*[@xml:id][1]/@xml:id),
        'paragraphNumber': if ($p) then (if ($p/@n) then string($p/@n) else string(samizdat:paragraph-number($p))) else ''
      }"/>
    </xsl:for-each>
    <xsl:apply-templates mode="mentions"/>
  </xsl:template>
</xsl:stylesheet>
