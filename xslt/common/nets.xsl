<?xml version="1.0" encoding="UTF-8"?>
<!--
  Trees (the TEI chapter "Graphs, Networks, and Trees"), what the page and the plain text share: which
  element is a tree's top, a node's children and its label. Two encodings: an embedding tree (eTree, "an
  alternative to the tree element for representing ordered rooted tree structures"), whose children are
  its child elements (eTree, triangle, an "underspecified eTree, that is, an eTree with information left
  out", eLeaf, or a pointer), several of them making a forest; and a tree of pointers (tree: a root,
  internal nodes iNode and leaves, each node naming its children by @children, or its parent by @parent).
  A node's words are its label. Without this, a genealogy's or a parse's nodes ran on as one line of names
  and the reader could not tell who descends from whom.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:samizdat="urn:samizdat"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <!-- Whether $e is the top of a tree: a tree, or an eTree or triangle not inside another. -->
  <xsl:function name="samizdat:tree-top" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists($e/self::tree) or exists($e[self::eTree or self::triangle][not(parent::eTree or parent::triangle)])"/>
  </xsl:function>

  <!-- The node a tree is drawn from: a tree's root (its first node when it has none), an embedding tree itself. -->
  <xsl:function name="samizdat:tree-start" as="element()?">
    <xsl:param name="top" as="element()"/>
    <xsl:sequence select="if ($top/self::tree) then ($top/root, $top/(iNode | leaf)[not(normalize-space(@parent))])[1] else $top"/>
  </xsl:function>

  <!-- A node's children in their order: an embedding tree's child nodes and pointers; for a root or an internal
       node, the nodes its @children names (in that order), else those whose @parent names it (in document order).
       $seen: the ids of the nodes above it, so that a tree whose pointers loop back is drawn once, not forever. -->
  <xsl:function name="samizdat:tree-children" as="element()*">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="seen" as="xs:string*"/>
    <xsl:choose>
      <xsl:when test="$node[self::eTree or self::triangle]">
        <xsl:sequence select="$node/*[self::eTree or self::triangle or self::eLeaf or self::ptr or self::ref]"/>
      </xsl:when>
      <xsl:when test="$node[self::root or self::iNode]">
        <xsl:variable name="nodes" select="$node/../(iNode | leaf)"/>
        <xsl:variable name="named" select="tokenize(normalize-space($node/@children)) ! replace(., '^#', '')"/>
        <xsl:variable name="id" select="string($node/@xml:id)"/>
        <xsl:variable name="children" select="if (exists($named)) then (for $n in $named return $nodes[@xml:id = $n][1])
          else if ($id = '') then () else $nodes[replace(normalize-space(@parent), '^#', '') = $id]"/>
        <xsl:sequence select="$children[not(string(@xml:id) = ($seen, $id))]"/>
      </xsl:when>
    </xsl:choose>
  </xsl:function>

  <!-- The words that name a node: its label's content; a pointer's own content (it is its own node). -->
  <xsl:function name="samizdat:tree-label" as="node()*">
    <xsl:param name="node" as="element()"/>
    <xsl:sequence select="if ($node[self::ptr or self::ref]) then $node else $node/label[1]/node()"/>
  </xsl:function>

  <!-- What stands after an underspecified node's label: the triangle a linguist draws for it. -->
  <xsl:variable name="samizdat:triangle-mark" as="xs:string" select="'△'"/>
</xsl:stylesheet>
