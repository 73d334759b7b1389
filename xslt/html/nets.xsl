<?xml version="1.0" encoding="UTF-8"?>
<!--
  Trees on the page (common/nets.xsl): a tree is a nested list, each node an item holding its label and the list
  of its children, so that the reader sees (and a screen reader announces) every node's place: level, parent,
  siblings. A forest is its trees side by side, a listForest its forests. Inside a phrase (a figure in a
  paragraph: HTML has no list in a p), spans with the list roles, set out as lists by samizdat.css.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:samizdat="urn:samizdat"
  xmlns="http://www.w3.org/1999/xhtml"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <xsl:template match="forest | listForest" mode="text">
    <xsl:param name="phrase" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:if test="$phrase and samizdat:phrase-gap(.)"><xsl:text> </xsl:text></xsl:if>
    <xsl:element name="{if ($phrase) then 'span' else 'div'}">
      <xsl:attribute name="class" select="samizdat:classes(.)"/>
      <xsl:sequence select="samizdat:id(.)"/>
      <xsl:apply-templates mode="text"/>
    </xsl:element>
    <xsl:if test="$phrase and samizdat:phrase-gap-after(.)"><xsl:text> </xsl:text></xsl:if>
  </xsl:template>

  <xsl:template match="tree | eTree[samizdat:tree-top(.)] | triangle[samizdat:tree-top(.)]" mode="text">
    <xsl:param name="phrase" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:variable name="start" select="samizdat:tree-start(.)"/>
    <xsl:if test="$phrase and samizdat:phrase-gap(.)"><xsl:text> </xsl:text></xsl:if>
    <xsl:element name="{if ($phrase) then 'span' else 'div'}">
      <xsl:attribute name="class" select="samizdat:classes(.) || ' tree'"/>
      <!-- An embedding tree's id is its top node's, on the node's item below. -->
      <xsl:if test="self::tree"><xsl:sequence select="samizdat:id(.)"/></xsl:if>
      <!-- A tree of pointers may have a label of its own: its caption, above it. -->
      <xsl:for-each select="self::tree/label[1][normalize-space()]">
        <xsl:element name="{if ($phrase) then 'span' else 'p'}">
          <xsl:attribute name="class" select="'tree-caption'"/>
          <xsl:apply-templates mode="text"><xsl:with-param name="phrase" select="true()" tunnel="yes"/></xsl:apply-templates>
        </xsl:element>
      </xsl:for-each>
      <xsl:if test="exists($start)">
        <xsl:call-template name="samizdat:tree-list">
          <xsl:with-param name="nodes" select="$start"/>
          <xsl:with-param name="seen" select="()"/>
        </xsl:call-template>
      </xsl:if>
    </xsl:element>
    <xsl:if test="$phrase and samizdat:phrase-gap-after(.)"><xsl:text> </xsl:text></xsl:if>
  </xsl:template>

  <!-- A list of sibling nodes, each an item: its label, then the list of its own children. -->
  <xsl:template name="samizdat:tree-list">
    <xsl:param name="nodes" as="element()+"/>
    <xsl:param name="seen" as="xs:string*"/>
    <xsl:param name="phrase" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:element name="{if ($phrase) then 'span' else 'ul'}">
      <xsl:attribute name="class" select="'tree-nodes'"/>
      <xsl:if test="$phrase"><xsl:attribute name="role" select="'list'"/></xsl:if>
      <xsl:for-each select="$nodes">
        <xsl:variable name="children" select="samizdat:tree-children(., $seen)"/>
        <xsl:element name="{if ($phrase) then 'span' else 'li'}">
          <xsl:attribute name="class" select="samizdat:classes(.)"/>
          <xsl:if test="$phrase"><xsl:attribute name="role" select="'listitem'"/></xsl:if>
          <xsl:sequence select="samizdat:id(.)"/>
          <xsl:choose>
            <xsl:when test="self::ptr or self::ref"><xsl:apply-templates select="." mode="text"/></xsl:when>
            <xsl:otherwise>
              <span class="tree-label">
                <xsl:sequence select="label[1] ! samizdat:id(.)"/>
                <xsl:apply-templates select="samizdat:tree-label(.)" mode="text"><xsl:with-param name="phrase" select="true()" tunnel="yes"/></xsl:apply-templates>
              </span>
            </xsl:otherwise>
          </xsl:choose>
          <xsl:if test="self::triangle">
            <xsl:text> </xsl:text>
            <span class="tree-triangle" role="img" aria-label="underspecified subtree"><xsl:value-of select="$samizdat:triangle-mark"/></span>
          </xsl:if>
          <xsl:if test="exists($children)">
            <xsl:call-template name="samizdat:tree-list">
              <xsl:with-param name="nodes" select="$children"/>
              <xsl:with-param name="seen" select="$seen, string(@xml:id)[. != '']"/>
            </xsl:call-template>
          </xsl:if>
        </xsl:element>
      </xsl:for-each>
    </xsl:element>
  </xsl:template>
</xsl:stylesheet>
