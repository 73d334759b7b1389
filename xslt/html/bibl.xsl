<?xml version="1.0" encoding="UTF-8"?>
<!--
  A structured bibliographic reference (biblStruct) on the page: a paragraph of its own where it stands
  between blocks (an entry of a listBibl), a span within a sentence; each part keeps its own rendering
  (its span or cite, class tei-<name>, a link to the entity index) between the punctuation and labels
  that common/bibl.xsl gives it ("Doe, J. “Article.” Journal, vol. 3, pp. 1–10, 1999.").
  Imported last (html.xsl): its wrapper is asked first and passes each part on (next-match). The header's
  sources (html/header.xsl) follow the same rules in mode header, below. A biblFull in the text is read as a
  biblStruct is (common/bibl.xsl: its statements are its groups).
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:samizdat="urn:samizdat"
  xmlns="http://www.w3.org/1999/xhtml"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <xsl:template match="biblStruct | biblFull" mode="text">
    <xsl:param name="phrase" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:if test="$phrase and samizdat:phrase-gap(.)"><xsl:text> </xsl:text></xsl:if>
    <xsl:element name="{if ($phrase or not(samizdat:block-name(.))) then 'span' else 'p'}">
      <xsl:attribute name="class" select="samizdat:classes(.)"/>
      <xsl:sequence select="samizdat:id(.), samizdat:style(.)"/>
      <xsl:apply-templates mode="text">
        <xsl:with-param name="phrase" select="true()" tunnel="yes"/>
      </xsl:apply-templates>
    </xsl:element>
    <xsl:if test="$phrase and samizdat:phrase-gap-after(.)"><xsl:text> </xsl:text></xsl:if>
  </xsl:template>

  <!-- A part between its punctuation (samizdat:bibl-around); its own rendering from the next template. In its place
       the part read there (samizdat:bibl-in-slot: a main title where its subtitle was encoded first), which is
       rendered as itself ($samizdat:in-its-slot). -->
  <xsl:template match="*[$samizdat:has-bibl-struct][parent::biblStruct or parent::analytic or parent::monogr or parent::series or parent::imprint or parent::biblFull or parent::titleStmt or parent::editionStmt or parent::publicationStmt or parent::seriesStmt or parent::notesStmt or parent::sourceDesc][samizdat:bibl-field(.)]" mode="text" priority="3">
    <xsl:param name="samizdat:in-its-slot" as="xs:boolean" select="false()"/>
    <xsl:variable name="read-here" select="if ($samizdat:in-its-slot) then . else samizdat:bibl-in-slot(.)"/>
    <xsl:choose>
      <xsl:when test="not($read-here is .)">
        <xsl:apply-templates select="$read-here" mode="text"><xsl:with-param name="samizdat:in-its-slot" select="true()"/></xsl:apply-templates>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="around" select="samizdat:bibl-around(.)"/>
        <xsl:value-of select="$around[1]"/>
        <xsl:next-match/>
        <xsl:value-of select="$around[2]"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A short title is not read in a structured reference (common/bibl.xsl, samizdat:bibl-unread). -->
  <xsl:template match="title[@type = 'short'][samizdat:bibl-unread(.)]" mode="text header" priority="4"/>

  <!-- Two parts of a plain bibl that touch: set apart (common/bibl.xsl, samizdat:loose-bibl-gap). -->
  <xsl:template match="(author | editor | title | publisher | pubPlace | date | biblScope | citedRange | edition | extent | idno | respStmt | ref | ptr | orgName | persName | name | distributor)[parent::bibl][preceding-sibling::node()[1][self::*]]" mode="text" priority="30">
    <!-- A title read in another's place (samizdat:bibl-in-slot) is told so by the rule after this one. -->
    <xsl:param name="samizdat:in-its-slot" as="xs:boolean" select="false()"/>
    <xsl:value-of select="samizdat:loose-bibl-gap(.)"/>
    <xsl:next-match><xsl:with-param name="samizdat:in-its-slot" select="$samizdat:in-its-slot"/></xsl:next-match>
  </xsl:template>

  <!-- A plain bibl's titles: a main title read before the subtitle encoded first, in its place (samizdat:bibl-in-slot),
       with ":" after a title that its subtitle follows where the encoder put nothing between them. -->
  <xsl:template match="title[parent::bibl][@type = 'sub' or following-sibling::*[1][self::title/@type = 'sub'] or preceding-sibling::*[1][self::title/@type = 'sub']]" mode="text header" priority="3">
    <xsl:param name="samizdat:in-its-slot" as="xs:boolean" select="false()"/>
    <xsl:variable name="read-here" select="if ($samizdat:in-its-slot) then . else samizdat:bibl-in-slot(.)"/>
    <xsl:choose>
      <xsl:when test="not($read-here is .)">
        <xsl:apply-templates select="$read-here" mode="#current"><xsl:with-param name="samizdat:in-its-slot" select="true()"/></xsl:apply-templates>
      </xsl:when>
      <xsl:otherwise><xsl:next-match/></xsl:otherwise>
    </xsl:choose>
    <xsl:if test="not($samizdat:in-its-slot)"><xsl:value-of select="samizdat:bibl-subtitle-mark(.)"/></xsl:if>
  </xsl:template>

  <!-- A part of a respStmt in a reference: "ed. B. Editor", "C. Tr and D. Tr" (samizdat:bibl-resp-gap); a resp
       with no words, its relator code's label. The white space between the parts is layout. -->
  <xsl:template match="*[$samizdat:has-bibl-struct][parent::respStmt][ancestor::biblStruct or ancestor::biblFull]" mode="text" priority="3">
    <xsl:value-of select="samizdat:bibl-resp-gap(.)"/>
    <xsl:variable name="label" select="self::resp ! samizdat:bibl-resp-label(.)"/>
    <xsl:choose>
      <xsl:when test="exists($label)">
        <span class="{samizdat:classes(.)}">
          <xsl:sequence select="samizdat:id(.), samizdat:style(.)"/>
          <xsl:value-of select="$label"/>
        </span>
      </xsl:when>
      <xsl:otherwise><xsl:next-match/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="text()[$samizdat:has-bibl-struct][parent::respStmt][not(normalize-space())][ancestor::biblStruct or ancestor::biblFull]" mode="text" priority="3"/>

  <!-- The white space between a reference's parts is layout: the punctuation stands in its place. -->
  <xsl:template match="text()[$samizdat:has-bibl-struct][parent::biblStruct or parent::analytic or parent::monogr or parent::series or parent::imprint or parent::biblFull or parent::titleStmt or parent::editionStmt or parent::publicationStmt or parent::seriesStmt or parent::notesStmt or parent::sourceDesc][not(normalize-space())][parent::*[self::biblStruct or self::biblFull or samizdat:bibl-group(.)]]" mode="text" priority="3"/>

  <!-- An address in a reference is part of its imprint, not a block of lines: its lines run on, set apart by ", "
       (samizdat:address-gap), as the plain text sets them ("12 High Street, Oxford: Clarendon"); the white space
       around an address's lines or an availability's statements is layout, which left a space before the mark
       after them ("Washington, DC 20003 ."). -->
  <xsl:template match="addrLine[$samizdat:has-bibl-struct][ancestor::biblStruct or ancestor::biblFull]" mode="text" priority="3">
    <xsl:value-of select="samizdat:address-gap(.)"/>
    <xsl:next-match/>
  </xsl:template>
  <xsl:template match="text()[$samizdat:has-bibl-struct][parent::address or parent::availability][not(normalize-space())][ancestor::biblStruct or ancestor::biblFull]" mode="text" priority="3"/>

  <!-- A licence in a reference (TEI: licence "contains information about a licence or other legal agreement
       applicable to the text", @target "points to the licence"): its words link to the licence, as a ref's do,
       where they were a span that left the pointer out; with no words, its address is the link's. -->
  <xsl:template match="licence[$samizdat:has-bibl-struct][ancestor::biblStruct or ancestor::biblFull]" mode="text" priority="3">
    <xsl:variable name="href" select="samizdat:safe-href(normalize-space(@target))"/>
    <span class="{samizdat:classes(.)}">
      <xsl:sequence select="samizdat:id(.), samizdat:style(.)"/>
      <xsl:choose>
        <xsl:when test="exists($href)">
          <a href="{$href}" rel="license">
            <xsl:if test="not(normalize-space())"><xsl:value-of select="normalize-space(@target)"/></xsl:if>
            <xsl:apply-templates mode="text"/>
          </a>
        </xsl:when>
        <xsl:otherwise><xsl:apply-templates mode="text"/></xsl:otherwise>
      </xsl:choose>
    </span>
  </xsl:template>

  <!-- A page range's hyphen as an en dash (not in a witness's text, whose text template comes first). -->
  <xsl:template match="text()[$samizdat:has-bibl-struct][parent::biblScope[ancestor::biblStruct or ancestor::biblFull]][not($samizdat:witness-limits)]" mode="text" priority="3">
    <xsl:value-of select="samizdat:bibl-scope-words(.)"/>
  </xsl:template>

  <!-- The same rules for the header's sources, without the switch: the header is small, while the switch on would
       have every node of a text with no references try the rules above (20 ms of the flagship's 50 ms page). -->
  <xsl:template match="*[parent::biblStruct or parent::analytic or parent::monogr or parent::series or parent::imprint or parent::biblFull or parent::*[parent::biblFull]][samizdat:bibl-field(.)]" mode="header" priority="3">
    <xsl:param name="samizdat:in-its-slot" as="xs:boolean" select="false()"/>
    <xsl:variable name="read-here" select="if ($samizdat:in-its-slot) then . else samizdat:bibl-in-slot(.)"/>
    <xsl:choose>
      <xsl:when test="not($read-here is .)">
        <xsl:apply-templates select="$read-here" mode="header"><xsl:with-param name="samizdat:in-its-slot" select="true()"/></xsl:apply-templates>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="around" select="samizdat:bibl-around(.)"/>
        <xsl:value-of select="$around[1]"/>
        <xsl:next-match/>
        <xsl:value-of select="$around[2]"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="text()[parent::biblStruct or parent::analytic or parent::monogr or parent::series or parent::imprint or parent::biblFull or parent::*[parent::biblFull]][not(normalize-space())][parent::*[self::biblStruct or self::biblFull or samizdat:bibl-group(.)]]" mode="header" priority="3"/>
  <xsl:template match="text()[parent::biblScope[ancestor::biblStruct or ancestor::biblFull]]" mode="header" priority="3">
    <xsl:value-of select="samizdat:bibl-scope-words(.)"/>
  </xsl:template>
  <xsl:template match="*[parent::respStmt][ancestor::biblStruct or ancestor::biblFull]" mode="header" priority="3">
    <xsl:value-of select="samizdat:bibl-resp-gap(.)"/>
    <xsl:variable name="label" select="self::resp ! samizdat:bibl-resp-label(.)"/>
    <xsl:choose>
      <xsl:when test="exists($label)"><span class="{samizdat:classes(.)}"><xsl:value-of select="$label"/></span></xsl:when>
      <xsl:otherwise><xsl:next-match/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="text()[parent::respStmt][not(normalize-space())][ancestor::biblStruct or ancestor::biblFull]" mode="header" priority="3"/>
  <xsl:template match="addrLine[ancestor::biblStruct or ancestor::biblFull]" mode="header" priority="3">
    <xsl:value-of select="samizdat:address-gap(.)"/>
    <xsl:next-match/>
  </xsl:template>
  <xsl:template match="text()[parent::address or parent::availability][not(normalize-space())][ancestor::biblStruct or ancestor::biblFull]" mode="header" priority="3"/>
</xsl:stylesheet>
