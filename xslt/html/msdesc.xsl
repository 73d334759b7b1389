<?xml version="1.0" encoding="UTF-8"?>
<!--
  A manuscript description (msDesc), in the text and in the header: the identifier a line of its own
  ("Oxford, Bodleian Library, MS Bodley 34"), each item a line ("fols. 1r-10v: Anon. Seinte Marherete"), the
  other parts of the description (summary, origin, binding …) paragraphs, their parts keeping their own
  rendering between the wording common/msdesc.xsl gives them. Imported last (html.xsl), as register.xsl.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:samizdat="urn:samizdat"
  xmlns="http://www.w3.org/1999/xhtml"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <!-- A description's line: a paragraph (a div where it holds blocks, a span within a phrase). -->
  <xsl:template match="*[$samizdat:has-ms-desc][local-name() = $samizdat:ms-blocks][ancestor::msDesc]" mode="text header">
    <xsl:param name="phrase" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:variable name="blocks" select="samizdat:holds-blocks(.)"/>
    <xsl:element name="{if ($phrase) then 'span' else if ($blocks) then 'div' else 'p'}">
      <xsl:attribute name="class" select="samizdat:classes(.)"/>
      <xsl:sequence select="samizdat:id(.), samizdat:style(.)"/>
      <xsl:apply-templates mode="#current">
        <xsl:with-param name="phrase" select="not($blocks) or $phrase" tunnel="yes"/>
      </xsl:apply-templates>
    </xsl:element>
  </xsl:template>

  <!-- The support and the extent, lines that say what they are (common/msdesc.xsl: samizdat:support-label). -->
  <xsl:template match="support[parent::supportDesc] | extent[parent::supportDesc]" mode="text header">
    <xsl:param name="phrase" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:if test="$phrase"><xsl:text> </xsl:text></xsl:if>
    <xsl:element name="{if ($phrase) then 'span' else 'p'}">
      <xsl:attribute name="class" select="samizdat:classes(.)"/>
      <xsl:sequence select="samizdat:id(.), samizdat:style(.)"/>
      <span class="ms-label"><xsl:value-of select="samizdat:support-label(.)"/></span>
      <xsl:apply-templates mode="#current">
        <xsl:with-param name="phrase" select="true()" tunnel="yes"/>
      </xsl:apply-templates>
    </xsl:element>
  </xsl:template>
  <!-- A part a catalogue labels (common/msdesc.xsl: samizdat:ms-label): "Incipit: …" within its item's line, "Decoration: …"
       a line of its own, or, where it holds several blocks, its label a line before them. Its own class, id and words kept. -->
  <xsl:template match="rubric | incipit | explicit | finalRubric | colophon | filiation | textLang | supportDesc | foliation
      | collation | condition | layoutDesc | handDesc | scriptDesc | typeDesc | musicNotation | decoDesc | additions
      | bindingDesc | sealDesc | accMat" mode="text header" priority="2">
    <xsl:param name="phrase" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:variable name="label" select="samizdat:ms-label(.)"/>
    <xsl:choose>
      <xsl:when test="empty($label)"><xsl:next-match/></xsl:when>
      <xsl:when test="$phrase or samizdat:ms-one-line(.)">
        <!-- In a phrase, a part of the description's other blocks stands apart from the words beside it (an item's
             parts are given theirs by samizdat:ms-lead). -->
        <xsl:variable name="apart" select="$phrase and not(samizdat:ms-part(.))"/>
        <xsl:if test="$apart and (preceding-sibling::node()[1] instance of element() or matches(string(preceding-sibling::node()[1]), '\S$'))"><xsl:text> </xsl:text></xsl:if>
        <xsl:element name="{if ($phrase or samizdat:ms-part(.)) then 'span' else 'p'}">
          <xsl:attribute name="class" select="samizdat:classes(.)"/>
          <xsl:sequence select="samizdat:id(.), samizdat:style(.)"/>
          <span class="ms-label"><xsl:value-of select="$label || ': '"/></span>
          <xsl:apply-templates mode="#current">
            <xsl:with-param name="phrase" select="true()" tunnel="yes"/>
          </xsl:apply-templates>
        </xsl:element>
        <xsl:if test="$apart and matches(string(following-sibling::node()[1][self::text()]), '^\S')"><xsl:text> </xsl:text></xsl:if>
      </xsl:when>
      <xsl:otherwise>
        <div class="{samizdat:classes(.)}">
          <xsl:sequence select="samizdat:id(.), samizdat:style(.)"/>
          <p class="ms-heading"><span class="ms-label"><xsl:value-of select="$label"/></span></p>
          <xsl:apply-templates mode="#current"/>
        </div>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="dimensions[ancestor::msDesc][*][not(text()[normalize-space()])]" mode="text header">
    <span class="{samizdat:classes(.)}"><xsl:sequence select="samizdat:id(.)"/><xsl:value-of select="samizdat:ms-dimensions(.)"/></span>
  </xsl:template>

  <!-- A description's paragraph in the header within a labelled line ("Decoration: …", "Support: …"): a span, as in the
       text, not an HTML p inside a p (header.xsl's paragraph knows no phrase). -->
  <xsl:template match="p[ancestor::msDesc] | ab[ancestor::msDesc]" mode="header">
    <xsl:param name="phrase" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:choose>
      <xsl:when test="$phrase">
        <xsl:if test="samizdat:phrase-gap(.)"><xsl:text> </xsl:text></xsl:if>
        <span class="{samizdat:classes(.)}"><xsl:apply-templates mode="header"/></span>
        <xsl:if test="samizdat:phrase-gap-after(.)"><xsl:text> </xsl:text></xsl:if>
      </xsl:when>
      <xsl:otherwise><xsl:next-match/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- In the header, a description is shown as a description, not cut into a citation's title and imprint. -->
  <xsl:template match="msDesc" mode="header">
    <div class="source {samizdat:classes(.)}"><xsl:sequence select="samizdat:id(.)"/><xsl:apply-templates mode="header"/></div>
  </xsl:template>

  <!-- A part of the identifier or of an item, after its wording (samizdat:ms-lead). -->
  <xsl:template match="*[$samizdat:has-ms-desc][parent::msIdentifier or parent::msItem or parent::msItemStruct][samizdat:ms-part(.)]" mode="text header" priority="3">
    <xsl:value-of select="samizdat:ms-lead(.)"/>
    <xsl:next-match/>
  </xsl:template>
  <xsl:template match="text()[$samizdat:has-ms-desc][parent::msIdentifier or parent::msItem or parent::msItemStruct][not(normalize-space())]" mode="text header" priority="3"/>
</xsl:stylesheet>
