<?xml version="1.0" encoding="UTF-8"?>
<!--
  Which elements a document uses, read once per transformation.

  saxon-js files a template rule under the name its pattern ends with; a rule whose pattern ends in `*` or
  `text()` (a field of a biblStruct, the white space between the parts of a register entry or of a cast list)
  it tries on every element or text node the mode meets, wherever that rule ranks above the node's own. On a
  play of 500 KB each such rule cost 10–15 ms a run, for elements the play does not have; a rule whose first
  predicate is a boolean variable cost a fifth of that (saxon-js 2, stylesheets of those rules alone). So every
  rule of that kind in a busy mode (text, inline) tests first whether the document uses the elements it is
  for: `text()[$samizdat:has-bibl-struct][parent::biblStruct …]`.

  Read over the texts of the document the transformation starts from, whatever its namespace (a TEI P4
  document, which samizdat:tei moves into the TEI namespace, counts the same). When other trees may be rendered too (the
  apparatus documents of other files), or there is no document (a stylesheet started at a named template),
  every rule stays on.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:samizdat="urn:samizdat"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  exclude-result-prefixes="#all">

  <!-- The local names of the elements these modes render: those in the document's texts (text, sourceDoc; the
       header has modes of its own), or in the whole document where it has none. Empty where any element may be
       met (see above). -->
  <xsl:variable name="samizdat:used-names" as="map(xs:string, xs:boolean)?">
    <xsl:try select="if (. instance of node() and empty(parse-json($apparatus-documents)?*))
        then map:merge(distinct-values(samizdat:rendered(root(.))/descendant-or-self::* ! local-name()) ! map { .: true() })
        else ()">
      <!-- No global context item. -->
      <xsl:catch select="()"/>
    </xsl:try>
  </xsl:variable>

  <!-- A document's texts, in a TEI document or in the TEI documents of a corpus; the document's element if it has none. -->
  <xsl:function name="samizdat:rendered" as="element()*">
    <xsl:param name="doc" as="node()"/>
    <xsl:variable name="texts" select="$doc/*/(*:text | *:sourceDoc | *:TEI/(*:text | *:sourceDoc))"/>
    <xsl:sequence select="if (exists($texts)) then $texts else $doc/*"/>
  </xsl:function>

  <!-- Whether the elements the transformation may meet include one of $names. -->
  <xsl:function name="samizdat:uses" as="xs:boolean">
    <xsl:param name="names" as="xs:string*"/>
    <xsl:sequence select="empty($samizdat:used-names) or (some $name in $names satisfies map:contains($samizdat:used-names, $name))"/>
  </xsl:function>

  <!-- A structured reference of either kind (common/bibl.xsl reads a biblFull as a biblStruct). -->
  <xsl:variable name="samizdat:has-bibl-struct" as="xs:boolean" select="samizdat:uses(('biblStruct', 'biblFull'))"/>
  <!-- A line break within a word (lb break="no"): the text beside one is joined to it (common/transcr.xsl). Not
       every document with line breaks: looked for once, where the document has any. -->
  <xsl:variable name="samizdat:has-word-breaks" as="xs:boolean">
    <xsl:try select="samizdat:uses('lb') and (empty($samizdat:used-names) or exists(samizdat:rendered(root(.))/descendant::*:lb[@break = 'no']))">
      <xsl:catch select="true()"/>
    </xsl:try>
  </xsl:variable>
  <xsl:variable name="samizdat:has-register-entries" as="xs:boolean" select="samizdat:uses(('person', 'personGrp', 'place', 'org', 'event', 'object'))"/>
  <xsl:variable name="samizdat:has-geo" as="xs:boolean" select="samizdat:uses('geo')"/>
  <xsl:variable name="samizdat:has-measure-grp" as="xs:boolean" select="samizdat:uses('measureGrp')"/>
  <xsl:variable name="samizdat:has-address" as="xs:boolean" select="samizdat:uses('address')"/>
  <xsl:variable name="samizdat:has-cast-list" as="xs:boolean" select="samizdat:uses(('castItem', 'castGroup', 'role', 'roleDesc'))"/>
  <!-- A manuscript description is rendered in the header's view too (its rules are in the modes text and header). -->
  <xsl:variable name="samizdat:has-ms-desc" as="xs:boolean">
    <xsl:try select="samizdat:uses(('msDesc', 'msIdentifier', 'msItem', 'msItemStruct')) or exists(root(.)/*/(*:teiHeader | *:TEI/*:teiHeader)//*:msDesc)">
      <xsl:catch select="true()"/>
    </xsl:try>
  </xsl:variable>
  <xsl:variable name="samizdat:has-examples" as="xs:boolean" select="samizdat:uses('egXML')"/>
  <xsl:variable name="samizdat:has-span" as="xs:boolean" select="samizdat:uses('span')"/>
  <xsl:variable name="samizdat:has-writing" as="xs:boolean" select="samizdat:uses('writing')"/>
</xsl:stylesheet>
