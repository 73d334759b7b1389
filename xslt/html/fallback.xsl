<?xml version="1.0" encoding="UTF-8"?>
<!--
  The one fallback: an element no module renders keeps its text, as a div
  when it holds blocks (outside a phrase), as a span otherwise, with the class
  tei-<name> so that a style sheet can still reach it.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:samizdat="urn:samizdat"
  xmlns="http://www.w3.org/1999/xhtml"
  exclude-result-prefixes="#all">

  <xsl:template match="*" mode="text header">
    <xsl:param name="phrase" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:variable name="block" select="not($phrase) and samizdat:holds-blocks(.)"/>
    <xsl:element name="{if ($block) then 'div' else 'span'}">
      <xsl:attribute name="class" select="samizdat:classes(.)"/>
      <xsl:sequence select="samizdat:id(.), samizdat:style(.)"/>
      <xsl:apply-templates mode="#current"/>
    </xsl:element>
  </xsl:template>
</xsl:stylesheet>
