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
  <!-- $copied: the nodes are a virtual copy's content (common/nets.xsl), drawn a second time: their list is marked
       as copied, and they carry no ids (the originals do: an id is the page's once). -->
  <xsl:template name="samizdat:tree-list">
    <xsl:param name="nodes" as="element()+"/>
    <xsl:param name="seen" as="xs:string*"/>
    <xsl:param name="copied" as="xs:boolean" select="false()"/>
    <xsl:param name="phrase" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:element name="{if ($phrase) then 'span' else 'ul'}">
      <xsl:attribute name="class" select="if ($copied) then 'tree-nodes tree-copied' else 'tree-nodes'"/>
      <xsl:if test="$phrase"><xsl:attribute name="role" select="'list'"/></xsl:if>
      <xsl:for-each select="$nodes">
        <xsl:variable name="sources" select="samizdat:tree-copy-sources(., $seen)"/>
        <xsl:variable name="below" select="samizdat:tree-seen-below(., $seen, $sources)"/>
        <!-- One call on one node: Saxon-JS put a choice between two calls into document order, not @children's. -->
        <xsl:variable name="children" select="samizdat:tree-children(if (exists($sources)) then $sources[last()] else ., $below)"/>
        <xsl:variable name="node" select="."/>
        <xsl:element name="{if ($phrase) then 'span' else 'li'}">
          <xsl:attribute name="class" select="samizdat:classes(.)"/>
          <xsl:if test="$phrase"><xsl:attribute name="role" select="'listitem'"/></xsl:if>
          <xsl:if test="not($copied)"><xsl:sequence select="samizdat:id(.)"/></xsl:if>
          <xsl:choose>
            <xsl:when test="self::ptr or self::ref"><xsl:apply-templates select="." mode="text"/></xsl:when>
            <xsl:otherwise>
              <span class="tree-label">
                <xsl:if test="not($copied)"><xsl:sequence select="label[1] ! samizdat:id(.)"/></xsl:if>
                <xsl:apply-templates select="samizdat:tree-label(.)" mode="text"><xsl:with-param name="phrase" select="true()" tunnel="yes"/></xsl:apply-templates>
              </span>
              <xsl:for-each select="samizdat:tree-links(.)">
                <xsl:text> </xsl:text>
                <xsl:call-template name="samizdat:tree-link"><xsl:with-param name="node" select="$node"/></xsl:call-template>
              </xsl:for-each>
            </xsl:otherwise>
          </xsl:choose>
          <xsl:if test="self::triangle">
            <xsl:text> </xsl:text>
            <span class="tree-triangle" role="img" aria-label="underspecified subtree"><xsl:value-of select="$samizdat:triangle-mark"/></span>
          </xsl:if>
          <xsl:if test="exists($children)">
            <xsl:call-template name="samizdat:tree-list">
              <xsl:with-param name="nodes" select="$children"/>
              <xsl:with-param name="seen" select="$below"/>
              <xsl:with-param name="copied" select="$copied or exists($sources)"/>
            </xsl:call-template>
          </xsl:if>
        </xsl:element>
      </xsl:for-each>
    </xsl:element>
  </xsl:template>
  <!-- A link ("RELATION POINTER", common/nets.xsl) to the node a tree node's @synch, @copyOf or @corresp names (in a
       forest, the node in another tree it is the same as, a copy of, or became): "same node as NP", "copy of NP",
       "corresponds to e", read as "copy of NP in Stage 1". A pointer naming nothing in the document stays visible, unlinked. -->
  <xsl:template name="samizdat:tree-link">
    <xsl:param name="node" as="element()"/>
    <xsl:variable name="relation" select="substring-before(., ' ')"/>
    <xsl:variable name="pointer" select="substring-after(., ' ')"/>
    <xsl:variable name="target" select="samizdat:net-target($pointer, $node)"/>
    <xsl:variable name="class" select="if ($relation = 'synch') then 'tree-synch' else 'tree-link tree-' || $relation"/>
    <xsl:choose>
      <xsl:when test="exists($target)">
        <a class="{$class}" href="{$pointer}" aria-label="{samizdat:tree-link-name($relation, $target)}">
          <xsl:value-of select="samizdat:tree-relation-words($relation) || ' ' || normalize-space(string-join(samizdat:tree-label(samizdat:tree-link-node($target))))"/>
        </a>
      </xsl:when>
      <xsl:otherwise>
        <span class="{$class} {if ($relation = 'synch') then 'tree-synch-missing' else 'tree-link-missing'}">
          <xsl:value-of select="samizdat:tree-relation-words($relation) || ' ' || samizdat:graph-missing($pointer)"/>
        </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A graph (common/nets.xsl): a figure, its label the caption, then its nodes and its edges, each a list under
       a heading, so that a reader (and a screen reader) is told which node joins which: "LAX → LVG", with the arc's
       own label after it. Inside a phrase, spans with the figure's and the lists' roles. -->
  <xsl:template match="graph" mode="text">
    <xsl:param name="phrase" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:variable name="graph" select="."/>
    <xsl:variable name="edges" select="samizdat:graph-edges(.)"/>
    <xsl:if test="$phrase and samizdat:phrase-gap(.)"><xsl:text> </xsl:text></xsl:if>
    <xsl:element name="{if ($phrase) then 'span' else 'figure'}">
      <xsl:attribute name="class" select="samizdat:classes(.) || ' graph'"/>
      <xsl:if test="$phrase"><xsl:attribute name="role" select="'figure'"/></xsl:if>
      <xsl:sequence select="samizdat:id(.)"/>
      <xsl:for-each select="label[1][normalize-space()]">
        <xsl:element name="{if ($phrase) then 'span' else 'figcaption'}">
          <xsl:attribute name="class" select="'graph-caption'"/>
          <xsl:apply-templates mode="text"><xsl:with-param name="phrase" select="true()" tunnel="yes"/></xsl:apply-templates>
        </xsl:element>
      </xsl:for-each>
      <xsl:if test="node">
        <xsl:call-template name="samizdat:graph-list">
          <xsl:with-param name="head" select="'Nodes'"/>
          <xsl:with-param name="class" select="'graph-nodes'"/>
          <xsl:with-param name="items" as="element()*">
            <xsl:for-each select="node">
              <item class="{samizdat:classes(.)}">
                <xsl:sequence select="samizdat:id(.)"/>
                <xsl:call-template name="samizdat:graph-node-name"/>
                <xsl:for-each select="samizdat:graph-node-type-words(.)">
                  <xsl:text> </xsl:text>
                  <span class="graph-node-type"><xsl:value-of select="."/></span>
                </xsl:for-each>
                <xsl:for-each select="@value[normalize-space()]">
                  <xsl:variable name="target" select="samizdat:net-target(normalize-space(.), $graph)"/>
                  <xsl:text> </xsl:text>
                  <span class="graph-node-value">(value: <xsl:choose>
                    <xsl:when test="exists($target)"><a href="{normalize-space(.)}"><xsl:value-of select="normalize-space(.)"/></a></xsl:when>
                    <xsl:otherwise><xsl:value-of select="normalize-space(.)"/></xsl:otherwise>
                  </xsl:choose>)</span>
                </xsl:for-each>
              </item>
            </xsl:for-each>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:if>
      <xsl:if test="exists($edges)">
        <xsl:call-template name="samizdat:graph-list">
          <xsl:with-param name="head" select="'Edges'"/>
          <xsl:with-param name="class" select="'graph-edges'"/>
          <xsl:with-param name="items" as="element()*">
            <xsl:for-each select="$edges">
              <xsl:variable name="part" select="tokenize(., ' ')"/>
              <xsl:variable name="arc" select="$graph/arc[xs:integer($part[4])]"/>
              <item class="{if (exists($arc)) then samizdat:classes($arc) else 'graph-edge'}">
                <xsl:sequence select="$arc ! samizdat:id(.)"/>
                <xsl:call-template name="samizdat:graph-end"><xsl:with-param name="graph" select="$graph"/><xsl:with-param name="pointer" select="$part[1]"/></xsl:call-template>
                <xsl:text> </xsl:text>
                <span class="graph-joiner" role="img" aria-label="{samizdat:graph-joiner-name($part[3])}"><xsl:value-of select="samizdat:graph-joiner($part[3])"/></span>
                <xsl:text> </xsl:text>
                <xsl:call-template name="samizdat:graph-end"><xsl:with-param name="graph" select="$graph"/><xsl:with-param name="pointer" select="$part[2]"/></xsl:call-template>
                <xsl:for-each select="samizdat:graph-arc-labels($arc)">
                  <xsl:choose>
                    <xsl:when test="position() = 1"><xsl:text>: </xsl:text></xsl:when>
                    <xsl:when test="samizdat:graph-transducer($graph)">
                      <xsl:text> </xsl:text><span class="graph-label-joiner" role="img" aria-label="maps to">↦</span><xsl:text> </xsl:text>
                    </xsl:when>
                    <xsl:otherwise><xsl:text> / </xsl:text></xsl:otherwise>
                  </xsl:choose>
                  <span class="graph-arc-label">
                    <xsl:apply-templates mode="text"><xsl:with-param name="phrase" select="true()" tunnel="yes"/></xsl:apply-templates>
                  </span>
                </xsl:for-each>
              </item>
            </xsl:for-each>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:if>
    </xsl:element>
    <xsl:if test="$phrase and samizdat:phrase-gap-after(.)"><xsl:text> </xsl:text></xsl:if>
  </xsl:template>

  <!-- A graph's list under its heading: $items are <item class> elements (built above), each made a list item. -->
  <xsl:template name="samizdat:graph-list">
    <xsl:param name="head" as="xs:string"/>
    <xsl:param name="class" as="xs:string"/>
    <xsl:param name="items" as="element()*"/>
    <xsl:param name="phrase" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:element name="{if ($phrase) then 'span' else 'p'}">
      <xsl:attribute name="class" select="'graph-list-head'"/>
      <xsl:value-of select="$head"/>
    </xsl:element>
    <xsl:element name="{if ($phrase) then 'span' else 'ul'}">
      <xsl:attribute name="class" select="$class"/>
      <xsl:if test="$phrase"><xsl:attribute name="role" select="'list'"/></xsl:if>
      <xsl:for-each select="$items">
        <xsl:element name="{if ($phrase) then 'span' else 'li'}">
          <xsl:sequence select="@class"/>
          <xsl:if test="$phrase"><xsl:attribute name="role" select="'listitem'"/></xsl:if>
          <xsl:sequence select="@id, node()"/>
        </xsl:element>
      </xsl:for-each>
    </xsl:element>
  </xsl:template>

  <!-- A node's name on the page: its label's words, else its @n or id. -->
  <xsl:template name="samizdat:graph-node-name">
    <span class="graph-node-label">
      <xsl:choose>
        <xsl:when test="label[1][normalize-space()]">
          <xsl:apply-templates select="label[1]/node()" mode="text"><xsl:with-param name="phrase" select="true()" tunnel="yes"/></xsl:apply-templates>
        </xsl:when>
        <xsl:otherwise><xsl:value-of select="samizdat:graph-node-fallback(.)"/></xsl:otherwise>
      </xsl:choose>
    </span>
  </xsl:template>

  <!-- An edge's end: the node's name, or, when the pointer names no node of the graph, "?" and the pointer. -->
  <xsl:template name="samizdat:graph-end">
    <xsl:param name="graph" as="element()"/>
    <xsl:param name="pointer" as="xs:string"/>
    <xsl:variable name="node" select="samizdat:graph-node($graph, $pointer)"/>
    <xsl:choose>
      <xsl:when test="exists($node)"><xsl:for-each select="$node"><xsl:call-template name="samizdat:graph-node-name"/></xsl:for-each></xsl:when>
      <xsl:otherwise><span class="graph-node-missing"><xsl:value-of select="samizdat:graph-missing($pointer)"/></span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
