<?xml version="1.0" encoding="UTF-8"?>
<!--
  Text structure: text, front, body, back, div, head, floatingText,
  docTitle/titlePart, lg/l, sp/speaker/stage, opener/closer and their parts.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:samizdat="urn:samizdat"
  xmlns="http://www.w3.org/1999/xhtml"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <!-- A container: a div unless inside a phrase, where it becomes a span. -->
  <xsl:template name="samizdat:container">
    <xsl:param name="phrase" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:param name="element" as="xs:string" select="'div'"/>
    <xsl:element name="{if ($phrase) then 'span' else $element}">
      <xsl:if test="@xml:id"><xsl:attribute name="id" select="@xml:id"/></xsl:if>
      <xsl:attribute name="class" select="samizdat:classes(.)"/>
      <xsl:apply-templates mode="text"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="text | front | body | back | group | titlePage | docTitle | lg | sp | spGrp | opener | closer | epigraph | argument | castList | castGroup | listBibl | postscript | cit" mode="text">
    <xsl:call-template name="samizdat:container"/>
  </xsl:template>

  <xsl:template match="div | div0 | div1 | div2 | div3 | div4 | div5 | div6 | div7" mode="text">
    <xsl:call-template name="samizdat:container">
      <xsl:with-param name="element" select="'section'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="floatingText" mode="text">
    <xsl:call-template name="samizdat:container">
      <xsl:with-param name="element" select="'blockquote'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="figure" mode="text">
    <xsl:call-template name="samizdat:container">
      <xsl:with-param name="element" select="'figure'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Headings: h2 for a top-level division's head, one level deeper per division. -->
  <xsl:template match="head" mode="text">
    <xsl:param name="phrase" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:variable name="depth" select="count(ancestor::*[self::div or matches(local-name(), '^div[0-7]$') or self::floatingText])"/>
    <xsl:element name="{if ($phrase) then 'span' else if (parent::*[self::div or matches(local-name(), '^div[0-7]$') or self::floatingText or self::body or self::front or self::back]) then 'h' || min((6, $depth + 1)) else 'p'}">
      <xsl:attribute name="class" select="samizdat:classes(.)"/>
      <xsl:apply-templates mode="text">
        <xsl:with-param name="phrase" select="true()" tunnel="yes"/>
      </xsl:apply-templates>
    </xsl:element>
  </xsl:template>

  <!-- Phrase-holding blocks: one HTML paragraph each (a span inside a phrase). -->
  <xsl:template match="l | speaker | stage | titlePart | docAuthor | docDate | docImprint | docEdition | byline | dateline | salute | signed | trailer | castItem | addrLine | bibl | figDesc" mode="text">
    <xsl:param name="phrase" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:element name="{if ($phrase or samizdat:holds-blocks(.)) then (if ($phrase) then 'span' else 'div') else 'p'}">
      <xsl:attribute name="class" select="samizdat:classes(.)"/>
      <xsl:apply-templates mode="text">
        <xsl:with-param name="phrase" select="not(samizdat:holds-blocks(.)) or $phrase" tunnel="yes"/>
      </xsl:apply-templates>
    </xsl:element>
  </xsl:template>

  <xsl:template match="teiHeader" mode="text"/>
</xsl:stylesheet>
