<?xml version="1.0" encoding="UTF-8"?>
<!--
  Dictionary entries on the page (common/dictionary.xsl): each entry a
  block, its parts set apart, a sense's number before it; the headword's
  weight and the grammar's italics are samizdat.css's.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:samizdat="urn:samizdat"
  xmlns="http://www.w3.org/1999/xhtml"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <xsl:template match="entry | entryFree | superEntry" mode="text">
    <xsl:param name="phrase" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:element name="{if ($phrase) then 'span' else if (samizdat:holds-blocks(.)) then 'div' else 'p'}">
      <xsl:attribute name="class" select="samizdat:classes(.)"/>
      <xsl:sequence select="samizdat:id(.)"/>
      <xsl:apply-templates mode="text">
        <xsl:with-param name="phrase" select="not(samizdat:holds-blocks(.)) or $phrase" tunnel="yes"/>
      </xsl:apply-templates>
    </xsl:element>
  </xsl:template>

  <xsl:template match="form | orth | pron | hyph | syll | stress | gramGrp | pos | subc | gen | number | case | per | tns | mood
      | iType | colloc | sense | def | usg | lbl | etym | xr | re | dictScrap | oRef | pRef | lang | cit[ancestor::entry or ancestor::entryFree or ancestor::superEntry]" mode="text" priority="1">
    <xsl:value-of select="samizdat:entry-gap(.)"/>
    <xsl:if test="self::sense and @n">
      <b class="sense-number"><xsl:value-of select="normalize-space(samizdat:sense-number(.))"/></b>
      <xsl:text> </xsl:text>
    </xsl:if>
    <xsl:next-match/>
  </xsl:template>
</xsl:stylesheet>
