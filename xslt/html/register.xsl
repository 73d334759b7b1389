<?xml version="1.0" encoding="UTF-8"?>
<!--
  A register within the text (listPerson, listPlace, listOrg): each entry a paragraph of its own (a div where
  it holds an entry within it, a span within a phrase), its xml:id its id; its parts keep their own rendering
  (span, class tei-<name>) between the wording common/register.xsl gives them
  ("Mary Shelley (b. 30 August 1797, d. 1851), novelist"). Imported last (html.xsl), as bibl.xsl.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:samizdat="urn:samizdat"
  xmlns="http://www.w3.org/1999/xhtml"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <xsl:template match="(person | personGrp | place | org | event | object)[samizdat:register-entry(.)]" mode="text">
    <xsl:param name="phrase" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:variable name="blocks" select="samizdat:holds-blocks(.)"/>
    <xsl:element name="{if ($phrase) then 'span' else if ($blocks) then 'div' else 'p'}">
      <xsl:attribute name="class" select="samizdat:classes(.)"/>
      <xsl:sequence select="samizdat:id(.), samizdat:style(.)"/>
      <xsl:apply-templates mode="text">
        <xsl:with-param name="phrase" select="not($blocks) or $phrase" tunnel="yes"/>
      </xsl:apply-templates>
    </xsl:element>
  </xsl:template>

  <!-- A part between its wording (samizdat:entry-around); its own rendering from the next template. The patterns
       name the parents first: saxon-js tries them on every element and text node of the text, and a function
       call for each cost more than the parent tests. -->
  <xsl:template match="*[$samizdat:has-register-entries][parent::person or parent::personGrp or parent::place or parent::org or parent::location or parent::event or parent::object or parent::objectIdentifier][samizdat:entry-part(.)]" mode="text" priority="3">
    <xsl:variable name="around" select="samizdat:entry-around(.)"/>
    <xsl:value-of select="$around[1]"/>
    <xsl:next-match/>
    <xsl:value-of select="$around[2]"/>
  </xsl:template>

  <!-- The white space between an entry's parts is layout: the wording stands in its place. -->
  <xsl:template match="text()[$samizdat:has-register-entries][parent::person or parent::personGrp or parent::place or parent::org or parent::location or parent::event or parent::object or parent::objectIdentifier][not(normalize-space())][parent::*[samizdat:register-entry(.) or self::location[samizdat:register-entry(..)] or self::objectIdentifier[samizdat:register-entry(..)]]]" mode="text" priority="3"/>
  <xsl:template match="text()[$samizdat:has-geo][parent::geo][not($samizdat:witness-limits)]" mode="text" priority="3">
    <xsl:value-of select="samizdat:geo-words(.)"/>
  </xsl:template>
</xsl:stylesheet>
