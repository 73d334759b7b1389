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

  <!-- Where a virtual copy's content comes from. @copyOf "points to an element of which the current element is a copy":
       a node with no children of its own that names another tree node takes that node's children, drawn under it. The
       chain of nodes it takes them from: the node named, and, when that one is a virtual copy too, the one it names,
       and so on. A node met before on the way down ($seen: the ids above it, and the nodes already copied) is not
       copied again, so a copy of its own ancestor, or two copies of each other, are drawn once, not forever. -->
  <xsl:function name="samizdat:tree-copy-sources" as="element()*">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="seen" as="xs:string*"/>
    <xsl:variable name="own-id" select="string($node/@xml:id)"/>
    <xsl:variable name="source" select="if (exists(samizdat:tree-children($node, $seen))) then () else samizdat:tree-copy-source($node)"/>
    <xsl:for-each select="$source[not(string(@xml:id) = ($seen, $own-id))]">
      <xsl:sequence select=". , samizdat:tree-copy-sources(., ($seen, $own-id, string(@xml:id)))"/>
    </xsl:for-each>
  </xsl:function>

  <!-- The tree node a node's @copyOf names, if it names one (a label standing for its node). -->
  <xsl:function name="samizdat:tree-copy-source" as="element()?">
    <xsl:param name="node" as="element()"/>
    <xsl:variable name="target" select="samizdat:net-target(string(tokenize(normalize-space($node/@copyOf))[1]), $node)"/>
    <xsl:sequence select="$target ! samizdat:tree-link-node(.)[self::eTree or self::triangle or self::eLeaf or self::root or self::iNode or self::leaf]"/>
  </xsl:function>

  <!-- The ids to pass below a node drawn with $sources' content: those above it, its own, the nodes copied. -->
  <xsl:function name="samizdat:tree-seen-below" as="xs:string*">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="seen" as="xs:string*"/>
    <xsl:param name="sources" as="element()*"/>
    <xsl:sequence select="$seen, ($node, $sources) ! string(@xml:id)[. != '']"/>
  </xsl:function>

  <!-- The words that name a node: its label's content; a pointer's own content (it is its own node); for a virtual copy
       with no label of its own (@copyOf: its content is the copied node's), the label of the node it copies. -->
  <xsl:function name="samizdat:tree-label" as="node()*">
    <xsl:param name="node" as="element()"/>
    <xsl:variable name="copied" select="if ($node/label) then () else samizdat:net-target(string(tokenize(normalize-space($node/@copyOf))[1]), $node)"/>
    <xsl:sequence select="if ($node[self::ptr or self::ref]) then $node else if (exists($copied)) then samizdat:tree-link-node($copied)/label[1]/node() else $node/label[1]/node()"/>
  </xsl:function>

  <!-- What stands after an underspecified node's label: the triangle a linguist draws for it. -->
  <xsl:variable name="samizdat:triangle-mark" as="xs:string" select="'△'"/>
  <!-- A tree node's links to other nodes (att.global.linking), or its label's, each "RELATION POINTER", its pointers as
       written so that one naming nothing stays visible. In a forest (a derivation's stages) the Guidelines link a stage's
       node to the earlier stage's: @copyOf "points to an element of which the current element is a copy" (a virtual
       copy: its content is that element's), @corresp "points to elements that correspond to the current element in
       some way" (the node that became it), @synch to those "synchronous with the current element" (the same node).
       In that order, whatever the attributes' order: a relation's place does not move from node to node. -->
  <xsl:variable name="samizdat:tree-relations" as="xs:string+" select="('copyOf', 'corresp', 'synch')"/>
  <xsl:function name="samizdat:tree-links" as="xs:string*">
    <xsl:param name="node" as="element()"/>
    <xsl:for-each select="$samizdat:tree-relations">
      <xsl:variable name="relation" select="."/>
      <xsl:sequence select="($node/@*[local-name() = $relation][namespace-uri() = ''], $node/label[1]/@*[local-name() = $relation][namespace-uri() = ''])
        ! tokenize(normalize-space(.)) ! ($relation || ' ' || .)"/>
    </xsl:for-each>
  </xsl:function>

  <!-- What a relation says, before the node it names ("copy of NP", "same node as NP"): on the page the link's words,
       which its accessible name begins with (WCAG 2.5.3, label in name: synch's link read "= NP" and was named "same node
       as NP in Stage 1", so a reader speaking the words seen could not reach it). -->
  <xsl:function name="samizdat:tree-relation-words" as="xs:string">
    <xsl:param name="relation" as="xs:string"/>
    <xsl:sequence select="if ($relation = 'copyOf') then 'copy of' else if ($relation = 'corresp') then 'corresponds to' else 'same node as'"/>
  </xsl:function>

  <!-- The element a same-document pointer ("#id") names, if any. -->
  <xsl:function name="samizdat:net-target" as="element()?">
    <xsl:param name="pointer" as="xs:string"/>
    <xsl:param name="context" as="node()"/>
    <xsl:sequence select="if (starts-with($pointer, '#') and string-length($pointer) gt 1)
      then key('samizdat:id', substring($pointer, 2), root($context))[1] else ()"/>
  </xsl:function>

  <!-- What a link says of the node it names: "copy of NP in Stage 1" (the relation's words, the node's label; its
       tree's @n, else its tree's label), read aloud on the page and written out in the plain text. -->
  <xsl:function name="samizdat:tree-link-name" as="xs:string">
    <xsl:param name="relation" as="xs:string"/>
    <xsl:param name="target" as="element()"/>
    <xsl:variable name="node" select="samizdat:tree-link-node($target)"/>
    <xsl:variable name="top" select="($node/ancestor-or-self::*[samizdat:tree-top(.)])[1]"/>
    <xsl:variable name="tree-name" select="normalize-space(($top/@n, $top/self::tree/label[1])[1])"/>
    <xsl:sequence select="samizdat:tree-relation-words($relation) || ' ' || normalize-space(string-join(samizdat:tree-label($node)))
      || (if ($tree-name != '') then ' in ' || $tree-name else '')"/>
  </xsl:function>

  <!-- The node a link names: a label stands for its node. -->
  <xsl:function name="samizdat:tree-link-node" as="element()">
    <xsl:param name="target" as="element()"/>
    <xsl:sequence select="if ($target/self::label) then $target/.. else $target"/>
  </xsl:function>

  <!--
    Graphs (the same chapter): a graph holds its label, its nodes (each with its label) and arcs. An edge is an arc
    ("from" and "to" name its nodes), or, where the graph has no arc, what the nodes' adjacency attributes say: adjTo
    names the nodes "adjacent to the current node" (an edge from it), adjFrom those it is adjacent from, adj (for an
    undirected graph) both. The Guidelines note that an edge may be described in any of its places, or in several, so
    an edge told twice is listed once. A graph is undirected when its @type says so; directed otherwise (a transition
    network, a transducer, a family tree), where adj still names undirected edges.
  -->
  <xsl:function name="samizdat:graph-undirected" as="xs:boolean">
    <xsl:param name="graph" as="element()"/>
    <xsl:sequence select="normalize-space($graph/@type) = 'undirected'"/>
  </xsl:function>

  <!-- A graph's edges, each a string "FROM TO KIND ARC": its pointers as written ('#' for one missing), KIND
       'directed' or 'undirected', ARC the arc's position among the graph's arcs (0 for an adjacency attribute's). -->
  <xsl:function name="samizdat:graph-edges" as="xs:string*">
    <xsl:param name="graph" as="element()"/>
    <xsl:variable name="kind" select="if (samizdat:graph-undirected($graph)) then 'undirected' else 'directed'"/>
    <xsl:choose>
      <xsl:when test="$graph/arc">
        <xsl:for-each select="$graph/arc">
          <xsl:sequence select="string-join((samizdat:graph-pointer(@from), samizdat:graph-pointer(@to), $kind, string(position())), ' ')"/>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="told" as="xs:string*">
          <xsl:for-each select="$graph/node">
            <xsl:variable name="self" select="'#' || @xml:id"/>
            <xsl:sequence select="tokenize(normalize-space(@adj)) ! string-join(($self, ., 'undirected', '0'), ' '),
              tokenize(normalize-space(@adjTo)) ! string-join(($self, ., $kind, '0'), ' '),
              tokenize(normalize-space(@adjFrom)) ! string-join((., $self, $kind, '0'), ' ')"/>
          </xsl:for-each>
        </xsl:variable>
        <xsl:for-each-group select="$told" group-by="samizdat:graph-edge-key(.)">
          <xsl:sequence select="current-group()[1]"/>
        </xsl:for-each-group>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- A pointer attribute's first pointer, '#' when it has none (shown as a missing node). -->
  <xsl:function name="samizdat:graph-pointer" as="xs:string">
    <xsl:param name="pointer" as="attribute()?"/>
    <xsl:sequence select="(tokenize(normalize-space($pointer))[1], '#')[1]"/>
  </xsl:function>

  <!-- What makes two edges one: their ends, in either order for an undirected edge. -->
  <xsl:function name="samizdat:graph-edge-key" as="xs:string">
    <xsl:param name="edge" as="xs:string"/>
    <xsl:variable name="part" select="tokenize($edge, ' ')"/>
    <xsl:sequence select="if ($part[3] = 'undirected' and compare($part[1], $part[2]) gt 0)
      then $part[2] || ' ' || $part[1] || ' u' else $part[1] || ' ' || $part[2] || ' ' || substring($part[3], 1, 1)"/>
  </xsl:function>

  <!-- The node of $graph a pointer names, if any. -->
  <xsl:function name="samizdat:graph-node" as="element()?">
    <xsl:param name="graph" as="element()"/>
    <xsl:param name="pointer" as="xs:string"/>
    <xsl:sequence select="if (starts-with($pointer, '#')) then $graph/node[@xml:id = substring($pointer, 2)][1] else ()"/>
  </xsl:function>

  <!-- A node's name when it has no label: its @n, else its id (a transition network's states are often only that). -->
  <xsl:function name="samizdat:graph-node-fallback" as="xs:string">
    <xsl:param name="node" as="element()"/>
    <xsl:sequence select="string(($node/@n, $node/@xml:id, '?')[normalize-space()][1])"/>
  </xsl:function>

  <!-- How an edge's ends are joined: an arrow from one to the other, a dash between two undirected ends; and what
       a screen reader says for it (it may not say a dash at all). -->
  <xsl:function name="samizdat:graph-joiner" as="xs:string">
    <xsl:param name="kind" as="xs:string"/>
    <xsl:sequence select="if ($kind = 'undirected') then '—' else '→'"/>
  </xsl:function>
  <xsl:function name="samizdat:graph-joiner-name" as="xs:string">
    <xsl:param name="kind" as="xs:string"/>
    <xsl:sequence select="if ($kind = 'undirected') then 'and' else 'to'"/>
  </xsl:function>

  <!-- What a node's @type says when it is one the Guidelines give: "initial node in a transition network", "final
       node in a transition network" (a transition network accepts the strings read from its initial node to its final
       one, so the reader must know which they are). Other types (the encoder's own) stay a class only. -->
  <xsl:function name="samizdat:graph-node-type-words" as="xs:string?">
    <xsl:param name="node" as="element()"/>
    <xsl:variable name="type" select="normalize-space($node/@type)"/>
    <xsl:sequence select="if ($type = ('initial', 'final')) then '(' || $type || ')' else ()"/>
  </xsl:function>

  <!-- An arc's labels (it may have two): a transducer's are a pair, "a transition network with up to two labels on
       each arc", mapping the one sequence of labels to the other ("THE ↦ L'"); another graph's two labels, side by side. -->
  <xsl:function name="samizdat:graph-arc-labels" as="element()*">
    <xsl:param name="arc" as="element()?"/>
    <xsl:sequence select="$arc/label[normalize-space()]"/>
  </xsl:function>
  <xsl:function name="samizdat:graph-transducer" as="xs:boolean">
    <xsl:param name="graph" as="element()"/>
    <xsl:sequence select="normalize-space($graph/@type) = 'transducer'"/>
  </xsl:function>
  <xsl:function name="samizdat:graph-label-joiner" as="xs:string">
    <xsl:param name="graph" as="element()"/>
    <xsl:sequence select="if (samizdat:graph-transducer($graph)) then '↦' else '/'"/>
  </xsl:function>

  <!-- A pointer that names no node of the graph, kept visible: "?" and the pointer as written. -->
  <xsl:function name="samizdat:graph-missing" as="xs:string">
    <xsl:param name="pointer" as="xs:string"/>
    <xsl:sequence select="if ($pointer = '#') then '?' else '? (' || $pointer || ')'"/>
  </xsl:function>
</xsl:stylesheet>
