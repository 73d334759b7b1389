<?xml version="1.0" encoding="UTF-8"?>
<!--
  Text structure: text, front, body, back, div, head, floatingText,
  docTitle/titlePart, lg/l, sp/speaker/stage, opener/closer and their parts.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:samizdat="urn:samizdat"
  xmlns="http://www.w3.org/1999/xhtml"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <!-- A container: a div unless inside a phrase, where it becomes a span. -->
  <xsl:template name="samizdat:container">
    <xsl:param name="phrase" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:param name="element" as="xs:string" select="'div'"/>
    <xsl:param name="before" as="node()*" select="()"/>
    <xsl:param name="after" as="node()*" select="()"/>
    <xsl:if test="$phrase and samizdat:phrase-gap(.)"><xsl:text> </xsl:text></xsl:if>
    <xsl:element name="{if ($phrase) then 'span' else $element}">
      <xsl:sequence select="samizdat:id(.)"/>
      <xsl:attribute name="class" select="samizdat:classes(.)"/>
      <xsl:sequence select="samizdat:style(.)"/>
      <xsl:sequence select="$before"/>
      <xsl:call-template name="samizdat:content"/>
      <xsl:sequence select="$after"/>
    </xsl:element>
    <xsl:if test="$phrase and samizdat:phrase-gap-after(.)"><xsl:text> </xsl:text></xsl:if>
  </xsl:template>

  <xsl:template match="text | front | body | back | group | titlePage | docTitle | lg | sp | spGrp | opener | closer | epigraph | argument | castList | castGroup | listBibl | postscript | cit" mode="text">
    <xsl:call-template name="samizdat:container"/>
  </xsl:template>

  <!-- A play's prologue, epilogue and setting (set) with no head of their own: headed by what they are
       (samizdat:drama-label), as print heads them, so that a reader sees where the play proper begins and ends. -->
  <xsl:template match="prologue | epilogue | set" mode="text">
    <xsl:param name="phrase" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:call-template name="samizdat:container">
      <xsl:with-param name="before" as="node()*">
        <xsl:for-each select="samizdat:drama-label(.)">
          <xsl:element name="{if ($phrase) then 'span' else 'p'}">
            <xsl:attribute name="class" select="'drama-label'"/>
            <xsl:value-of select="."/>
          </xsl:element>
          <xsl:if test="$phrase"><xsl:text> </xsl:text></xsl:if>
        </xsl:for-each>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- A division: a section, reached by its xml:id or, when headed, section-N (the table of contents
       links there); a top-level division ends with the bodies of its footnotes. -->
  <xsl:template match="div | div0 | div1 | div2 | div3 | div4 | div5 | div6 | div7" mode="text">
    <xsl:param name="phrase" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:variable name="top" select="not(ancestor::*[self::div or local-name() = $samizdat:numbered-divisions])"/>
    <xsl:if test="$phrase and samizdat:phrase-gap(.)"><xsl:text> </xsl:text></xsl:if>
    <xsl:element name="{if ($phrase) then 'span' else 'section'}">
      <xsl:variable name="id" select="samizdat:anchor-id(.)"/>
      <xsl:if test="exists($id)"><xsl:attribute name="id" select="$id"/></xsl:if>
      <xsl:attribute name="class" select="samizdat:classes(.)"/>
      <xsl:apply-templates mode="text"/>
      <xsl:if test="$top and not($phrase)">
        <xsl:call-template name="samizdat:note-bodies">
          <xsl:with-param name="notes" select=".//note[not(ancestor::note)][samizdat:called-out(.)][samizdat:note-place(.) = 'foot'][not(samizdat:note-at-anchor(.))]"/>
        </xsl:call-template>
      </xsl:if>
    </xsl:element>
    <xsl:if test="$phrase and samizdat:phrase-gap-after(.)"><xsl:text> </xsl:text></xsl:if>
  </xsl:template>

  <!-- The outermost text ends with the footnotes that no division took, then the endnotes. -->
  <xsl:template match="text[not(ancestor::text)]" mode="text" priority="2">
    <xsl:variable name="notes" select=".//note[not(ancestor::note)][samizdat:called-out(.)]"/>
    <xsl:variable name="foot" select="$notes[samizdat:note-place(.) = 'foot'][not(samizdat:note-at-anchor(.))][not(ancestor::*[self::div or local-name() = $samizdat:numbered-divisions])]"/>
    <xsl:call-template name="samizdat:container">
      <xsl:with-param name="after" as="node()*">
        <xsl:call-template name="samizdat:note-bodies">
          <xsl:with-param name="notes" select="$foot"/>
        </xsl:call-template>
        <xsl:variable name="end" select="($notes except $foot)[samizdat:note-place(.) = 'end' or samizdat:note-at-anchor(.)]"/>
        <xsl:if test="exists($end)">
          <section class="endnotes">
            <h2>Notes</h2>
            <xsl:call-template name="samizdat:note-bodies">
              <xsl:with-param name="notes" select="$end"/>
              <xsl:with-param name="class" select="'endnotes'"/>
            </xsl:call-template>
          </section>
        </xsl:if>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="floatingText" mode="text">
    <xsl:call-template name="samizdat:container">
      <xsl:with-param name="element" select="'blockquote'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Headings: h2 for a top-level division's head, one level deeper per division. A division's subtitle
       (samizdat:subhead) is not a second heading of the same rank: with the heading it follows, it makes an
       hgroup (the heading, then the subtitle as a p, set smaller), as print sets a title and its subtitle. -->
  <xsl:template match="head" mode="text">
    <xsl:param name="phrase" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:variable name="depth" select="count(ancestor::*[self::div or local-name() = $samizdat:numbered-divisions or self::floatingText])"/>
    <xsl:variable name="heading" select="not($phrase) and exists(parent::*[self::div or local-name() = $samizdat:numbered-divisions or self::floatingText or self::body or self::front or self::back])"/>
    <xsl:variable name="subs" select="if ($heading and not(samizdat:subhead(.))) then following-sibling::head[samizdat:subhead-of(.) is current()] else ()"/>
    <xsl:if test="$phrase and samizdat:phrase-gap(.)"><xsl:text> </xsl:text></xsl:if>
    <xsl:choose>
      <!-- A subtitle its heading's hgroup took. -->
      <xsl:when test="$heading and exists(samizdat:subhead-of(.))"/>
      <xsl:when test="exists($subs)">
        <hgroup>
          <xsl:element name="h{min((6, $depth + 1))}">
            <xsl:attribute name="class" select="samizdat:classes(.)"/>
            <xsl:apply-templates mode="text"><xsl:with-param name="phrase" select="true()" tunnel="yes"/></xsl:apply-templates>
          </xsl:element>
          <xsl:for-each select="$subs">
            <p class="{samizdat:classes(.)} subhead">
              <xsl:apply-templates mode="text"><xsl:with-param name="phrase" select="true()" tunnel="yes"/></xsl:apply-templates>
            </p>
          </xsl:for-each>
        </hgroup>
      </xsl:when>
      <xsl:otherwise>
        <xsl:element name="{if ($phrase) then 'span' else if ($heading and not(samizdat:subhead(.))) then 'h' || min((6, $depth + 1)) else 'p'}">
          <xsl:attribute name="class" select="samizdat:classes(.) || (if ($heading and samizdat:subhead(.)) then ' subhead' else '')"/>
          <xsl:apply-templates mode="text">
            <xsl:with-param name="phrase" select="true()" tunnel="yes"/>
          </xsl:apply-templates>
        </xsl:element>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:if test="$phrase and samizdat:phrase-gap-after(.)"><xsl:text> </xsl:text></xsl:if>
  </xsl:template>

  <!-- A subtitle: a head typed sub (subtitle, subhead), or a later head of the same element after a head
       not so typed (the second head of a division, TEI's usual encoding of a subtitle), unless typed main. -->
  <xsl:function name="samizdat:subhead" as="xs:boolean">
    <xsl:param name="h" as="element()"/>
    <xsl:variable name="type" select="lower-case(normalize-space($h/@type))"/>
    <xsl:sequence select="$type = ('sub', 'subtitle', 'subhead', 'sub-title')
      or ($type != 'main' and exists($h/preceding-sibling::head[not(lower-case(normalize-space(@type)) = ('sub', 'subtitle', 'subhead', 'sub-title'))]))"/>
  </xsl:function>
  <!-- The heading a subtitle belongs with: the nearest head before it that is not a subtitle, with nothing but
       heads between them (else it stands alone, lest the hgroup move it past what stands between). -->
  <xsl:function name="samizdat:subhead-of" as="element()?">
    <xsl:param name="h" as="element()"/>
    <xsl:variable name="main" select="if (samizdat:subhead($h)) then $h/preceding-sibling::head[not(samizdat:subhead(.))][1] else ()"/>
    <xsl:sequence select="$main[empty($h/preceding-sibling::*[not(self::head)][. >> $main])]"/>
  </xsl:function>

  <!-- A verse line: an anchor on every line (its xml:id, else line-N), its number shown every fifth
       line (from @n where it ends in a number, else counted within the division), a link to itself.
       A medial or final part of a line split among speakers (@part M, F) begins where the parts before it
       left off: their words stand before it, hidden (samizdat:verse-part), as print indents it. -->
  <xsl:template match="l" mode="text">
    <xsl:param name="phrase" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:param name="linked" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:variable name="id" select="samizdat:anchor-id(.)"/>
    <xsl:variable name="number" select="if (matches(@n, '[0-9]$')) then xs:integer(replace(@n, '^.*?([0-9]+)$', '$1')) else samizdat:counter(., 'line-in-division')"/>
    <xsl:variable name="blocks" select="samizdat:holds-blocks(.)"/>
    <xsl:if test="$phrase and samizdat:phrase-gap(.)"><xsl:text> </xsl:text></xsl:if>
    <xsl:element name="{if ($phrase) then 'span' else if ($blocks) then 'div' else 'p'}">
      <xsl:attribute name="id" select="$id"/>
      <xsl:attribute name="class" select="samizdat:classes(.) || (if (@part = ('I', 'M', 'F')) then ' part-' || @part else '')"/>
      <xsl:if test="$number mod 5 = 0 and not($linked)">
        <a class="line-number" href="#{$id}" aria-label="Line {$number}"><xsl:value-of select="$number"/></a>
      </xsl:if>
      <xsl:if test="@part = ('M', 'F') and not($phrase)">
        <xsl:variable name="before" select="accumulator-before('samizdat:verse-part')"/>
        <xsl:if test="$before != ''"><span class="part-before" aria-hidden="true"><xsl:value-of select="$before"/></span></xsl:if>
      </xsl:if>
      <xsl:apply-templates mode="text">
        <xsl:with-param name="phrase" select="not($blocks) or $phrase" tunnel="yes"/>
      </xsl:apply-templates>
    </xsl:element>
    <xsl:if test="$phrase and samizdat:phrase-gap-after(.)"><xsl:text> </xsl:text></xsl:if>
  </xsl:template>

  <!-- Phrase-holding blocks: one HTML paragraph each (a span inside a phrase); an imprimatur ("a formal
       statement authorizing the publication", TEI) a block of a title page as its imprint is.
       $samizdat:link (from entities.xsl, for a speaker or a cast item that names an entity): the content
       goes into a link made of it, map { 'class', 'href', 'inside': nodes after the content within the
       link, 'after': nodes after the link }. Rendering the link here, rather than entities.xsl capturing
       this template's result in a variable and copying it into a new element, saves the two temporary
       trees and copies per speech (~10% of a play's page). -->
  <xsl:template match="speaker | stage | titlePart | docAuthor | docDate | docImprint | docEdition | byline | dateline | salute | signed | trailer | castItem | addrLine | bibl | figDesc | imprimatur" mode="text">
    <xsl:param name="phrase" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:param name="samizdat:link" as="map(*)?" select="()"/>
    <xsl:variable name="blocks" select="samizdat:holds-blocks(.)"/>
    <!-- A stage direction amid the words of a line or a speech (samizdat:in-sentence, written out with $blocks, which
         it asks too): asked once here for its class and the space on either side. -->
    <xsl:variable name="in-sentence" select="exists(self::stage) and not($blocks) and samizdat:words-beside(.)"/>
    <xsl:if test="$phrase and samizdat:phrase-gap(.)"><xsl:text> </xsl:text></xsl:if>
    <!-- A stage direction set against a word in the encoding ("(rising)with"): one space between
         (samizdat:set-against). -->
    <xsl:if test="$in-sentence and samizdat:set-against(., false())"><xsl:text> </xsl:text></xsl:if>
    <xsl:element name="{if ($phrase) then 'span' else if ($blocks) then 'div' else 'p'}">
      <!-- A stage direction amid the words of a line or a speech is set in them (samizdat:in-sentence), not on a line of its own. -->
      <xsl:attribute name="class" select="samizdat:classes(.) || (if ($in-sentence) then ' in-sentence' else '')"/>
      <!-- Its xml:id, so that a pointer to a stage direction, a byline, a reference … lands on it. -->
      <xsl:sequence select="samizdat:id(.)"/>
      <xsl:choose>
        <xsl:when test="exists($samizdat:link)">
          <a class="{$samizdat:link?class}" href="{$samizdat:link?href}">
            <xsl:call-template name="samizdat:content">
              <xsl:with-param name="phrase" select="not($blocks) or $phrase" tunnel="yes"/>
              <xsl:with-param name="linked" select="true()" tunnel="yes"/>
            </xsl:call-template>
            <xsl:sequence select="$samizdat:link?inside"/>
          </a>
          <xsl:sequence select="$samizdat:link?after"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="samizdat:content">
            <xsl:with-param name="phrase" select="not($blocks) or $phrase" tunnel="yes"/>
          </xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:element>
    <xsl:if test="$phrase and samizdat:phrase-gap-after(.)"><xsl:text> </xsl:text></xsl:if>
    <xsl:if test="$in-sentence and samizdat:set-against(., true())"><xsl:text> </xsl:text></xsl:if>
  </xsl:template>

  <!-- An element's content. In a cast list (castGroup, castItem, role, roleDesc), its white space as the reader gets
       it: ", " between a role and its description where that sets them apart (samizdat:role-space), the white space
       a role or a description ends with left out before that ", " (samizdat:role-trail); see samizdat:cast-text.
       Done here, child by child, rather than by a rule for text nodes, which saxon-js would try on every text node
       of a play. On a witness page a text node goes through textcrit.xsl's rule first, which the rule below follows. -->
  <xsl:template name="samizdat:content">
    <xsl:choose>
      <xsl:when test="self::castItem or self::castGroup or self::role or self::roleDesc">
        <xsl:for-each select="node()">
          <xsl:choose>
            <xsl:when test="self::text() and not(normalize-space()) and not($samizdat:witness-limits)">
              <xsl:variable name="words" select="samizdat:cast-text(.)"/>
              <xsl:if test="$words != ''"><xsl:value-of select="$words"/></xsl:if>
            </xsl:when>
            <!-- Words a role or a description ends with, then white space, where ", " follows ("Theseus "). -->
            <xsl:when test="self::text() and not($samizdat:witness-limits) and not($samizdat:spanning) and samizdat:role-trail(.)">
              <xsl:value-of select="samizdat:cast-text(.)"/>
            </xsl:when>
            <xsl:otherwise>
              <xsl:apply-templates select="." mode="text"/>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates mode="text"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="text()[$samizdat:witness-limits][parent::castItem or parent::castGroup or parent::role or parent::roleDesc][not(normalize-space())]" mode="text" priority="0.4">
    <xsl:variable name="words" select="samizdat:cast-text(.)"/>
    <xsl:if test="$words != ''"><xsl:value-of select="$words"/></xsl:if>
  </xsl:template>
  <!-- A role, a role description: as fallback.xsl renders an element, its content as a cast list's (samizdat:content). -->
  <xsl:template match="role" mode="text">
    <xsl:call-template name="samizdat:cast-part"/>
  </xsl:template>
  <!-- A role description set apart from the role before it ("Theseus, duke of Athens"; samizdat:role-gap). -->
  <xsl:template match="roleDesc" mode="text">
    <xsl:value-of select="samizdat:role-gap(.)"/>
    <xsl:call-template name="samizdat:cast-part"/>
  </xsl:template>
  <xsl:template name="samizdat:cast-part">
    <xsl:param name="phrase" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:variable name="block" select="not($phrase) and samizdat:holds-blocks(.)"/>
    <xsl:element name="{if ($block) then 'div' else 'span'}">
      <xsl:attribute name="class" select="samizdat:classes(.)"/>
      <xsl:sequence select="samizdat:id(.), samizdat:style(.)"/>
      <xsl:call-template name="samizdat:content"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="teiHeader" mode="text"/>
</xsl:stylesheet>
