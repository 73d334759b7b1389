<?xml version="1.0" encoding="UTF-8"?>
<!--
  The teiHeader as "About this edition": titles and responsibilities, edition,
  publication and licence, sources, project and editorial principles,
  revisions. Mode "header"; elements not listed keep their text through the
  fallback.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:samizdat="urn:samizdat"
  xmlns="http://www.w3.org/1999/xhtml"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <xsl:template match="teiHeader" mode="header">
    <!-- A teiCorpus has a header for the corpus and one per member: each its own ids. -->
    <xsl:variable name="n" select="count(preceding::teiHeader) + count(ancestor::teiHeader)"/>
    <xsl:variable name="id" select="if ($n = 0) then 'about' else 'about-' || $n + 1"/>
    <section id="{$id}" class="about" aria-labelledby="{$id}-heading">
      <h2 id="{$id}-heading"><xsl:value-of select="if ($n = 0) then 'About this edition' else 'About ' || normalize-space((fileDesc/titleStmt/title)[1])"/></h2>
      <dl class="about-facts">
        <xsl:apply-templates select="fileDesc/titleStmt/(author, editor, respStmt)" mode="header"/>
        <xsl:apply-templates select="fileDesc/editionStmt/edition" mode="header"/>
        <xsl:apply-templates select="fileDesc/publicationStmt" mode="header"/>
      </dl>
      <xsl:if test="fileDesc/sourceDesc">
        <h3>Source</h3>
        <xsl:apply-templates select="fileDesc/sourceDesc" mode="header"/>
      </xsl:if>
      <xsl:if test="encodingDesc/(projectDesc | editorialDecl)">
        <h3>Editorial principles</h3>
        <xsl:apply-templates select="encodingDesc/(projectDesc | editorialDecl)" mode="header"/>
      </xsl:if>
      <xsl:if test="revisionDesc/change">
        <h3>Revisions</h3>
        <ul class="revisions">
          <xsl:for-each select="revisionDesc/change">
            <li><xsl:value-of select="(@when, '')[1]"/><xsl:if test="@when"> — </xsl:if><xsl:apply-templates mode="header"/></li>
          </xsl:for-each>
        </ul>
      </xsl:if>
    </section>
  </xsl:template>

  <xsl:template match="fileDesc/titleStmt/author | fileDesc/titleStmt/editor" mode="header">
    <dt><xsl:value-of select="if (self::author) then 'Author' else 'Editor'"/></dt>
    <dd><xsl:apply-templates mode="header"/></dd>
  </xsl:template>
  <xsl:template match="fileDesc/titleStmt/respStmt" mode="header">
    <dt><xsl:value-of select="normalize-space(string-join(resp, '; '))"/></dt>
    <dd><xsl:apply-templates select="* except resp" mode="header"/></dd>
  </xsl:template>
  <xsl:template match="fileDesc/editionStmt/edition" mode="header">
    <dt>Edition</dt>
    <dd><xsl:apply-templates mode="header"/></dd>
  </xsl:template>
  <xsl:template match="fileDesc/publicationStmt" mode="header">
    <xsl:for-each select="publisher | distributor | authority">
      <dt>Published by</dt>
      <dd><xsl:apply-templates mode="header"/></dd>
    </xsl:for-each>
    <xsl:for-each select="date">
      <dt>Date</dt>
      <dd><xsl:apply-templates select="." mode="header"/></dd>
    </xsl:for-each>
    <xsl:for-each select="availability">
      <dt>Licence</dt>
      <dd><xsl:apply-templates mode="header"/></dd>
    </xsl:for-each>
    <xsl:for-each select="p">
      <dt>Publication</dt>
      <dd><xsl:apply-templates mode="header"/></dd>
    </xsl:for-each>
  </xsl:template>
  <xsl:template match="licence" mode="header">
    <xsl:variable name="href" select="samizdat:safe-href(string(@target))"/>
    <p>
      <xsl:apply-templates mode="header"/>
      <xsl:if test="exists($href)">
        <xsl:text> </xsl:text>
        <a href="{$href}" rel="license"><xsl:value-of select="@target"/></a>
      </xsl:if>
    </p>
  </xsl:template>

  <!-- A paragraph that holds a list or a table cannot be an HTML p. -->
  <xsl:template match="p" mode="header">
    <xsl:element name="{if (samizdat:holds-blocks(.)) then 'div' else 'p'}">
      <xsl:if test="samizdat:holds-blocks(.)"><xsl:attribute name="class" select="'tei-p'"/></xsl:if>
      <xsl:apply-templates mode="header"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="sourceDesc | listBibl | projectDesc | editorialDecl | availability | correction | normalization | quotation | hyphenation | segmentation | interpretation | stdVals | punctuation" mode="header">
    <div class="{samizdat:classes(.)}"><xsl:apply-templates mode="header"/></div>
  </xsl:template>

  <!-- A structured reference among the sources reads as it does in the text (html/bibl.xsl: its parts in order,
       punctuated, "ch. 1" and all), with its id, so that a relatedItem can point to it; its notes and related
       items are paragraphs after it. -->
  <xsl:template match="biblStruct" mode="header">
    <div class="source {samizdat:classes(.)}">
      <xsl:sequence select="samizdat:id(.)"/>
      <p class="source-citation"><xsl:apply-templates select="node() except (note, relatedItem)" mode="header"/></p>
      <xsl:apply-templates select="relatedItem" mode="header"/>
      <xsl:apply-templates select="descendant::note" mode="samizdat:source-note"/>
    </div>
  </xsl:template>
  <xsl:template match="biblStruct//note" mode="header"/>

  <!-- A biblFull among the sources reads as it does in the text (common/bibl.xsl: its statements are the groups of
       a reference), not as titles and statements run together: "Title of Work, John Smith; edited by Jane Roe.
       Second edition. 320 pages. Macmillan, London, 1900. Library of Classics, vol. 4." Its notes (notesStmt) are
       paragraphs after it, as a biblStruct's are; a paragraph of a statement (publicationStmt/availability/p,
       sourceDesc/p) runs in the reference's line, unnumbered. -->
  <xsl:template match="biblFull" mode="header">
    <div class="source {samizdat:classes(.)}">
      <xsl:sequence select="samizdat:id(.)"/>
      <p class="source-citation"><xsl:apply-templates select="node() except notesStmt" mode="header"/></p>
      <xsl:apply-templates select="descendant::note" mode="samizdat:source-note"/>
    </div>
  </xsl:template>
  <!-- A note of a source: a paragraph after the reference, one per paragraph of its own. -->
  <xsl:template match="note" mode="samizdat:source-note">
    <xsl:for-each select="if (p) then p else .">
      <p class="source-note"><xsl:apply-templates mode="header"/></p>
    </xsl:for-each>
  </xsl:template>
  <xsl:template match="biblFull//note" mode="header"/>
  <!-- What would be a block in the header (a paragraph, a licence, a statement's div) is a phrase of the line. -->
  <xsl:template match="(titleStmt | editionStmt | extent | publicationStmt | seriesStmt | sourceDesc | p | availability | licence | address | bibl | biblStruct | biblFull | msDesc)[ancestor::biblFull]" mode="header" priority="1">
    <xsl:variable name="href" select="self::licence ! samizdat:safe-href(string(@target))"/>
    <span class="{samizdat:classes(.)}">
      <xsl:apply-templates mode="header"/>
      <xsl:if test="exists($href)"><xsl:text> </xsl:text><a href="{$href}" rel="license"><xsl:value-of select="@target"/></a></xsl:if>
    </span>
  </xsl:template>

  <!-- "Original: …": what a related item is (its @type), and the reference it points to, linked where it is in the
       page, or the reference it holds. -->
  <xsl:template match="biblStruct/relatedItem" mode="header">
    <xsl:variable name="local" select="if (starts-with(normalize-space(@target), '#')) then key('samizdat:id', substring-after(normalize-space(@target), '#'), root(.))[1] else ()"/>
    <xsl:variable name="href" select="if (@target and empty($local)) then samizdat:safe-href(normalize-space(@target)) else ()"/>
    <p class="source-related {samizdat:classes(.)}">
      <xsl:value-of select="if (normalize-space(@type)) then upper-case(substring(normalize-space(@type), 1, 1)) || substring(normalize-space(@type), 2) else 'Related'"/>
      <xsl:text>: </xsl:text>
      <xsl:choose>
        <xsl:when test="$local[self::biblStruct or self::bibl or self::biblFull or self::msDesc]/@xml:id">
          <a href="#{$local/@xml:id}"><xsl:value-of select="string-join($local/descendant::title[not(ancestor::note)] ! normalize-space(), '. ')"/></a>
        </xsl:when>
        <xsl:when test="exists($href)"><a href="{$href}"><xsl:value-of select="@target"/></a></xsl:when>
        <xsl:otherwise><xsl:apply-templates mode="header"/></xsl:otherwise>
      </xsl:choose>
    </p>
  </xsl:template>

  <xsl:template match="bibl | msDesc" mode="header">
    <div class="source {samizdat:classes(.)}">
      <!-- Its titles as a reader reads them (common/bibl.xsl): a main title before the subtitle encoded first, ": "
           before a subtitle read after its main title. -->
      <xsl:for-each select="descendant::title[not(ancestor::note)]">
        <xsl:variable name="title" select="samizdat:bibl-in-slot(.)"/>
        <xsl:if test="position() gt 1">
          <xsl:value-of select="if ($title/@type = 'sub' and exists(preceding-sibling::*[1][self::title])) then ': ' else '. '"/>
        </xsl:if>
        <cite><xsl:value-of select="normalize-space($title)"/></cite>
      </xsl:for-each>
      <xsl:for-each select="descendant::respStmt[not(ancestor::note)]">
        <xsl:text>. </xsl:text>
        <xsl:value-of select="normalize-space(string-join(resp, '; ')) || ': ' || normalize-space(string-join(* except resp, ', '))"/>
      </xsl:for-each>
      <xsl:for-each select="descendant::imprint">
        <xsl:text>. </xsl:text>
        <xsl:value-of select="normalize-space(string-join((pubPlace, publisher, date), ', '))"/>
      </xsl:for-each>
      <xsl:for-each select="descendant::ptr[@target][not(ancestor::note)]">
        <xsl:variable name="href" select="samizdat:safe-href(string(@target))"/>
        <xsl:text>. </xsl:text>
        <xsl:choose>
          <xsl:when test="exists($href)"><a href="{$href}"><xsl:value-of select="@target"/></a></xsl:when>
          <xsl:otherwise><xsl:value-of select="@target"/></xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
      <!-- The parts the lines above do not read, each set apart from one it touches (samizdat:loose-bibl-gap); the
           first from the titles as from a title it touches, where nothing else was read after them. -->
      <xsl:variable name="rest" select="node() except (title, respStmt, imprint, ptr, note)"/>
      <xsl:value-of select="if (empty(descendant::respStmt[not(ancestor::note)] | descendant::imprint | descendant::ptr[@target][not(ancestor::note)])
        and exists($rest[1][self::*][preceding-sibling::node()[1][self::title]][samizdat:loose-bibl-part(.)])
        and not(matches(string($rest[1]/preceding-sibling::node()[1]), '[.,:;!?]\s*$'))) then ', ' else ' '"/>
      <xsl:for-each select="$rest">
        <xsl:if test="not(preceding-sibling::node()[1][self::title or self::respStmt or self::imprint or self::ptr or self::note])">
          <xsl:value-of select="self::* ! samizdat:loose-bibl-gap(.)"/>
        </xsl:if>
        <xsl:apply-templates select="." mode="header"/>
      </xsl:for-each>
      <xsl:apply-templates select="descendant::note" mode="samizdat:source-note"/>
    </div>
  </xsl:template>

</xsl:stylesheet>
