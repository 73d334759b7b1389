<?xml version="1.0" encoding="UTF-8"?>
<!--
  Text criticism (TEI chapter "Critical Apparatus"): app, lem, rdg, rdgGrp,
  listApp, note and witDetail in an app, wit, lacunaStart/lacunaEnd,
  witStart/witEnd, listWit/witness, variantEncoding.

  - In the text: a parallel-segmentation app shows its lem (or first
    reading); an app linked by @loc or @from/@to shows nothing of its own
    (its lemma is the base text around it). Each entry has a numbered
    call-out in the text, linking to the entry, which links back.
  - Under the text (samizdat:apparatus, called once by the page): the
    numbered apparatus, "lemma] sigla; reading sigla", then the witness
    list, "siglum — description". With $apparatus-placement = 'division',
    each top-level division is followed by its own entries.
  - Witness pages: with output 'page+entities' (the build), the text of each
    witness of a parallel-segmentation apparatus as a page of its own,
    witness-SIGLUM.html beside index.html (docs/apparatus.md says why pages
    rather than a switch).

  The model (which entries, numbers, witnesses, lacunae) is in
  ../common/apparatus.xsl; this module only renders it.
  Tunnel parameters (only on pages with an apparatus: they travel with every
  template call): samizdat:apparatus (the entries, worked out once for the document),
  samizdat:witness (the xml:id of the witness whose page this is, or ''),
  samizdat:in-entry (true while a reading is rendered inside an entry).
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:samizdat="urn:samizdat"
  xmlns:h="http://www.w3.org/1999/xhtml"
  xmlns="http://www.w3.org/1999/xhtml"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <!-- Where the apparatus goes: 'text' (one apparatus under the text) or 'division' (after each top-level division). -->
  <xsl:param name="apparatus-placement" as="xs:string" select="'text'"/>
  <!-- Apparatus entries that stand apart from their place in the text exist: only then are elements checked for call-outs. -->
  <xsl:variable name="samizdat:apparatus-apart" as="xs:boolean" select="exists($samizdat:source) and (map:size($samizdat:external-apparatus) gt 0
    or exists(key('samizdat:textcrit', 'listApp', $samizdat:source)) or exists(key('samizdat:textcrit', 'app', $samizdat:source)[not(ancestor::text)]))"/>
  <!-- Lacunae or fragment limits exist: only then are text nodes checked on witness pages. -->
  <xsl:variable name="samizdat:witness-limits" as="xs:boolean" select="exists($samizdat:source) and exists(key('samizdat:textcrit', ('lacunaStart', 'lacunaEnd', 'witStart', 'witEnd'), $samizdat:source))"/>

  <!-- ============================================================ the witness pages -->

  <!-- The entries are worked out once, here, and handed down to the text and the apparatus under it. -->
  <xsl:template match="/">
    <xsl:variable name="main" select="$samizdat:source"/>
    <xsl:variable name="apparatus" as="map(*)?" select="if (exists($main) and samizdat:has-apparatus($main)) then samizdat:apparatus-index($main) else ()"/>
    <!-- Tunnel parameters travel with every template call: none is added to a page without an apparatus. -->
    <xsl:choose>
      <xsl:when test="exists($apparatus)">
        <xsl:next-match>
          <xsl:with-param name="samizdat:apparatus" select="$apparatus" tunnel="yes"/>
        </xsl:next-match>
      </xsl:when>
      <xsl:otherwise>
        <xsl:next-match/>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:if test="$output = 'page+entities' and exists($main) and samizdat:has-witness-texts($main)">
      <xsl:for-each select="samizdat:witnesses($main)">
        <xsl:result-document href="{samizdat:witness-page(string(@xml:id), $main)}">
          <xsl:call-template name="samizdat:witness-page-document">
            <xsl:with-param name="main" select="$main"/>
            <xsl:with-param name="witness" select="string(@xml:id)"/>
            <xsl:with-param name="samizdat:apparatus" select="$apparatus" tunnel="yes"/>
          </xsl:call-template>
        </xsl:result-document>
      </xsl:for-each>
    </xsl:if>
  </xsl:template>

  <!-- The page of one witness: the document's page, its text read in that witness, its title saying so. -->
  <xsl:template name="samizdat:witness-page-document">
    <xsl:param name="main" as="document-node()"/>
    <xsl:param name="witness" as="xs:string"/>
    <xsl:variable name="page" as="document-node()">
      <xsl:document>
        <xsl:apply-templates select="$main" mode="samizdat:page">
          <xsl:with-param name="samizdat:witness" select="$witness" tunnel="yes"/>
        </xsl:apply-templates>
      </xsl:document>
    </xsl:variable>
    <xsl:apply-templates select="$page" mode="samizdat:witness-title">
      <xsl:with-param name="siglum" select="samizdat:siglum(key('samizdat:xml-id', $witness, $main)[1])" tunnel="yes"/>
    </xsl:apply-templates>
  </xsl:template>

  <xsl:mode name="samizdat:witness-title" on-no-match="shallow-copy"/>
  <xsl:template match="h:title | h:h1[1]" mode="samizdat:witness-title">
    <xsl:param name="siglum" as="xs:string" tunnel="yes"/>
    <xsl:copy>
      <xsl:apply-templates select="@*, node()" mode="#current"/>
      <xsl:value-of select="' — ' || samizdat:label('witness-page') || ' ' || $siglum"/>
    </xsl:copy>
  </xsl:template>

  <!-- witness-El.html: the witness's xml:id made safe for a file name (made unique if two become alike). -->
  <xsl:function name="samizdat:witness-page" as="xs:string">
    <xsl:param name="witness" as="xs:string"/>
    <xsl:param name="main" as="document-node()"/>
    <xsl:variable name="ids" select="samizdat:witnesses($main)/@xml:id ! string()"/>
    <xsl:variable name="safe" select="$ids ! replace(., '[^A-Za-z0-9._-]', '_')"/>
    <xsl:variable name="at" select="index-of($ids, $witness)[1]"/>
    <xsl:sequence select="'witness-' || $safe[$at] || (if (count(index-of($safe, $safe[$at])) gt 1) then '-' || $at else '') || '.html'"/>
  </xsl:function>

  <!-- ============================================================ in the text -->

  <!-- The outermost text of a witness's page: the banner saying whose text it is, and the witness handed down. -->
  <xsl:template match="text[not(ancestor::text)]" mode="text" priority="3">
    <xsl:param name="samizdat:witness" as="xs:string" tunnel="yes" select="if ($witness = '') then '' else samizdat:witness-key($witness, root(.))"/>
    <xsl:choose>
      <xsl:when test="$samizdat:witness = ''">
        <xsl:next-match/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="samizdat:witness-banner">
          <xsl:with-param name="witness" select="key('samizdat:xml-id', $samizdat:witness, root(.))[1]"/>
        </xsl:call-template>
        <xsl:next-match>
          <xsl:with-param name="samizdat:witness" select="$samizdat:witness" tunnel="yes"/>
        </xsl:next-match>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="samizdat:witness-banner">
    <xsl:param name="witness" as="element()?"/>
    <p class="witness-banner">
      <xsl:value-of select="samizdat:label('witness-page') || ' '"/>
      <a class="siglum" href="#{$witness/@xml:id}"><xsl:value-of select="$witness ! samizdat:siglum(.)"/></a>
      <xsl:text>. </xsl:text>
      <a href="index.html"><xsl:value-of select="samizdat:label('edited-text')"/></a>
      <xsl:text>.</xsl:text>
    </p>
  </xsl:template>

  <xsl:template match="app" mode="text">
    <xsl:param name="phrase" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:param name="samizdat:witness" as="xs:string" tunnel="yes" select="''"/>
    <xsl:param name="samizdat:in-entry" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:param name="samizdat:apparatus" as="map(*)?" tunnel="yes" select="()"/>
    <xsl:variable name="entry" select="$samizdat:apparatus ! map:get(?by-app, generate-id(current()))"/>
    <xsl:variable name="parallel" select="samizdat:app-method(.) = 'parallel-segmentation'"/>
    <xsl:variable name="readings" select="
      if (not($parallel)) then ()
      else if ($samizdat:witness != '' and not($samizdat:in-entry)) then samizdat:witness-readings(., $samizdat:witness)
      else samizdat:shown-reading(.)"/>
    <xsl:variable name="block" select="not($phrase) and (some $r in $readings satisfies samizdat:holds-blocks($r))"/>
    <xsl:if test="$parallel">
      <xsl:element name="{if ($block) then 'div' else 'span'}">
        <xsl:attribute name="class" select="samizdat:classes(.) || ' app-reading'"/>
        <xsl:for-each select="$readings">
          <xsl:apply-templates mode="text"/>
        </xsl:for-each>
        <xsl:if test="$samizdat:witness != '' and not($samizdat:in-entry) and empty($readings) and samizdat:witness-state(., $samizdat:witness) != 'absent'">
          <span class="reading-missing"><xsl:value-of select="samizdat:label('missing')"/></span>
        </xsl:if>
      </xsl:element>
    </xsl:if>
    <xsl:if test="not($samizdat:in-entry) and exists($entry)">
      <xsl:call-template name="samizdat:callout">
        <xsl:with-param name="entry" select="$entry"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- An element an apparatus entry standing apart attaches to: its call-out follows it (inside it, if it is a block). -->
  <xsl:template match="*[$samizdat:apparatus-apart]" mode="text" priority="20">
    <xsl:param name="samizdat:apparatus" as="map(*)?" tunnel="yes" select="()"/>
    <xsl:param name="samizdat:in-entry" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:variable name="entries" select="if ($samizdat:in-entry) then () else $samizdat:apparatus ! map:get(?by-attach, generate-id(current()))"/>
    <xsl:choose>
      <xsl:when test="empty($entries)">
        <xsl:next-match/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="rendered" as="node()*"><xsl:next-match/></xsl:variable>
        <xsl:variable name="callouts" as="element()*">
          <xsl:for-each select="$entries">
            <xsl:call-template name="samizdat:callout">
              <xsl:with-param name="entry" select="."/>
            </xsl:call-template>
          </xsl:for-each>
        </xsl:variable>
        <xsl:choose>
          <xsl:when test="count($rendered) = 1 and $rendered instance of element() and $rendered/node()">
            <xsl:for-each select="$rendered">
              <xsl:copy>
                <xsl:sequence select="@*, node(), $callouts"/>
              </xsl:copy>
            </xsl:for-each>
          </xsl:when>
          <xsl:otherwise>
            <xsl:sequence select="$rendered, $callouts"/>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The call-out: the entry's number, a link to it (to the edition's page from a witness page). -->
  <xsl:template name="samizdat:callout">
    <xsl:param name="entry" as="map(*)"/>
    <xsl:param name="linked" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:param name="samizdat:witness" as="xs:string" tunnel="yes" select="''"/>
    <xsl:variable name="page" select="if ($samizdat:witness != '') then 'index.html' else ''"/>
    <xsl:call-template name="samizdat:entry-annotation-notes"><xsl:with-param name="app" select="$entry?app"/></xsl:call-template>
    <xsl:choose>
      <xsl:when test="$linked">
        <sup class="app-callout"><xsl:value-of select="$entry?number"/></sup>
      </xsl:when>
      <xsl:otherwise>
        <a class="app-callout" href="{$page}#{$entry?id}" aria-label="{samizdat:label('entry')} {$entry?number}">
          <xsl:if test="$entry?callout != '' or $samizdat:witness != ''"><xsl:attribute name="id" select="$entry?id || '-ref'"/></xsl:if>
          <sup><xsl:value-of select="$entry?number"/></sup>
        </a>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Standing apart: their entries are in the apparatus. -->
  <xsl:template match="listApp | witDetail | wit | listWit | variantEncoding" mode="text"/>
  <!-- A note in an app belongs to its entry, not to the text's notes. -->
  <xsl:template match="app//note" mode="text"/>

  <!-- Lacunae and fragment limits: named in an entry; on a witness page, a lacuna is marked where it begins. -->
  <xsl:template match="lacunaStart | lacunaEnd | witStart | witEnd" mode="text">
    <xsl:param name="samizdat:in-entry" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:param name="samizdat:witness" as="xs:string" tunnel="yes" select="''"/>
    <xsl:choose>
      <xsl:when test="$samizdat:in-entry">
        <span class="app-limit"><xsl:value-of select="samizdat:label(local-name())"/></span>
        <xsl:text> </xsl:text>
      </xsl:when>
      <xsl:when test="$samizdat:witness != '' and self::lacunaStart">
        <span class="lacuna"><xsl:value-of select="samizdat:label('lacuna')"/></span>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- On a witness page, the words the witness lacks (in a lacuna, outside its fragment) are left out;
       a heading keeps them, greyed, so that the page keeps its outline. -->
  <xsl:template match="text()[$samizdat:witness-limits]" mode="text" priority="5">
    <xsl:param name="samizdat:witness" as="xs:string" tunnel="yes" select="''"/>
    <xsl:param name="samizdat:in-entry" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:choose>
      <xsl:when test="$samizdat:witness = '' or $samizdat:in-entry or not(samizdat:absent($samizdat:witness, .))">
        <xsl:next-match/>
      </xsl:when>
      <xsl:when test="ancestor::head">
        <span class="witness-absent"><xsl:next-match/></span>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- Elsewhere an app shows its reading in the text, without call-out. -->
  <xsl:template match="app" mode="header">
    <xsl:apply-templates select="samizdat:shown-reading(.)/node()" mode="header"/>
  </xsl:template>
  <xsl:template match="listWit" mode="header">
    <p class="{samizdat:classes(.)}"><a href="#witnesses"><xsl:value-of select="samizdat:label('witnesses')"/></a></p>
  </xsl:template>
  <xsl:template match="listApp | witDetail | wit | variantEncoding" mode="header"/>

  <!-- Per division: each top-level division followed by the entries that attach in it. -->
  <xsl:template match="div[$apparatus-placement = 'division'][not(ancestor::div)]" mode="text" priority="4">
    <xsl:param name="samizdat:apparatus" as="map(*)?" tunnel="yes" select="()"/>
    <xsl:param name="samizdat:witness" as="xs:string" tunnel="yes" select="''"/>
    <xsl:next-match/>
    <xsl:variable name="division" select="."/>
    <xsl:variable name="entries" select="$samizdat:apparatus?entries?*[exists(?attach intersect $division/descendant-or-self::node())]"/>
    <xsl:if test="exists($entries) and $samizdat:witness = ''">
      <xsl:call-template name="samizdat:apparatus-entries">
        <xsl:with-param name="entries" select="$entries"/>
        <xsl:with-param name="main" select="root(.)"/>
        <xsl:with-param name="id" select="'apparatus-' || (if (@xml:id) then @xml:id else count(preceding::div[not(ancestor::div)]) + 1)"/>
        <xsl:with-param name="heading" select="samizdat:label('apparatus') || (if (head) then ': ' || normalize-space(head[1]) else '')"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- ============================================================ under the text -->

  <!-- Called once by the page: the apparatus (what no division took) and the witness list. -->
  <xsl:template name="samizdat:apparatus">
    <xsl:param name="samizdat:witness" as="xs:string" tunnel="yes" select="if ($witness = '') then '' else samizdat:witness-key($witness, root(.))"/>
    <xsl:param name="samizdat:apparatus" as="map(*)?" tunnel="yes" select="()"/>
    <xsl:variable name="main" select="root(.)"/>
    <xsl:if test="exists($samizdat:apparatus) or exists(key('samizdat:textcrit', 'listWit', $main))">
      <xsl:variable name="all" select="$samizdat:apparatus?entries?*"/>
      <xsl:variable name="entries" select="if ($apparatus-placement = 'division') then $all[not(exists(?attach/ancestor-or-self::div))] else $all"/>
      <xsl:if test="exists($entries) and $samizdat:witness = ''">
        <xsl:call-template name="samizdat:apparatus-entries">
          <xsl:with-param name="entries" select="$entries"/>
          <xsl:with-param name="main" select="$main"/>
          <xsl:with-param name="id" select="'apparatus'"/>
          <xsl:with-param name="heading" select="samizdat:label('apparatus')"/>
        </xsl:call-template>
      </xsl:if>
      <xsl:call-template name="samizdat:witness-list">
        <xsl:with-param name="main" select="$main"/>
        <xsl:with-param name="samizdat:witness" select="$samizdat:witness" tunnel="yes"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template name="samizdat:apparatus-entries">
    <xsl:param name="entries" as="map(*)*"/>
    <xsl:param name="main" as="document-node()"/>
    <xsl:param name="id" as="xs:string"/>
    <xsl:param name="heading" as="xs:string"/>
    <section class="apparatus" id="{$id}" aria-labelledby="{$id}-heading">
      <h2 id="{$id}-heading"><xsl:value-of select="$heading"/></h2>
      <ol class="apparatus-entries">
        <xsl:for-each select="$entries">
          <xsl:apply-templates select="?app" mode="samizdat:entry">
            <xsl:with-param name="entry" select="."/>
            <xsl:with-param name="main" select="$main"/>
          </xsl:apply-templates>
        </xsl:for-each>
      </ol>
    </section>
  </xsl:template>

  <!-- One entry: "N lemma] sigla; reading sigla; …", then its notes. -->
  <xsl:template match="app" mode="samizdat:entry">
    <xsl:param name="entry" as="map(*)"/>
    <xsl:param name="main" as="document-node()"/>
    <xsl:variable name="app" select="."/>
    <xsl:variable name="lemma" select="samizdat:lemma(.)"/>
    <xsl:variable name="method" select="$entry?method"/>
    <li id="{$entry?id}" class="app-entry {samizdat:classes(.)}">
      <xsl:choose>
        <xsl:when test="$entry?back != ''">
          <a class="app-number" href="#{$entry?back}" aria-label="{samizdat:label('entry')} {$entry?number}, {samizdat:label('back')}"><xsl:value-of select="$entry?number"/></a>
        </xsl:when>
        <xsl:otherwise>
          <span class="app-number"><xsl:value-of select="$entry?number"/></span>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:text> </xsl:text>
      <xsl:if test="normalize-space(@loc) != ''">
        <span class="app-loc"><xsl:value-of select="normalize-space(@loc)"/></span>
        <xsl:text>: </xsl:text>
      </xsl:if>
      <xsl:variable name="span" select="if (empty($lemma) and $method = 'double-end-point') then samizdat:span-text(., $main) else ''"/>
      <xsl:choose>
        <xsl:when test="exists($lemma)">
          <xsl:call-template name="samizdat:entry-reading">
            <xsl:with-param name="reading" select="$lemma"/>
            <xsl:with-param name="main" select="$main"/>
            <xsl:with-param name="lemma" select="true()"/>
            <xsl:with-param name="suffix" select="$entry?id"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:when test="$span != ''">
          <span class="app-lemma"><xsl:value-of select="$span"/></span>
          <xsl:text>]</xsl:text>
          <xsl:if test="exists(samizdat:implied-witnesses(., $main))">
            <xsl:text> </xsl:text>
            <xsl:call-template name="samizdat:sigla">
              <xsl:with-param name="ids" select="samizdat:implied-witnesses(., $main)"/>
              <xsl:with-param name="main" select="$main"/>
            </xsl:call-template>
          </xsl:if>
        </xsl:when>
      </xsl:choose>
      <xsl:variable name="items" select="(* except $lemma)[self::rdg or self::lem or self::rdgGrp[.//(lem | rdg) except $lemma]]"/>
      <xsl:variable name="head-bare" select="samizdat:entry-head-bare(., $lemma, $main)"/>
      <xsl:for-each select="$items">
        <xsl:choose>
          <xsl:when test="position() gt 1">; </xsl:when>
          <xsl:when test="exists($lemma) or $span != ''"><xsl:value-of select="if ($head-bare) then ' ' else '; '"/></xsl:when>
        </xsl:choose>
        <xsl:apply-templates select="." mode="samizdat:entry-item">
          <xsl:with-param name="main" select="$main"/>
          <xsl:with-param name="lemma" select="$lemma"/>
          <xsl:with-param name="suffix" select="$entry?id || '-' || position()"/>
        </xsl:apply-templates>
      </xsl:for-each>
      <xsl:if test="@type">
        <xsl:text> — </xsl:text>
        <span class="app-type"><xsl:value-of select="normalize-space(@type)"/></span>
      </xsl:if>
      <xsl:text>.</xsl:text>
      <xsl:for-each select="witDetail[not(@target)] | (if (@xml:id) then key('samizdat:witDetail', '#' || @xml:id, root(.)) else ())">
        <xsl:text> </xsl:text>
        <xsl:call-template name="samizdat:wit-detail">
          <xsl:with-param name="main" select="$main"/>
          <xsl:with-param name="suffix" select="$entry?id || '-d' || position()"/>
        </xsl:call-template>
      </xsl:for-each>
      <xsl:for-each select=".//note[not(ancestor::note)][ancestor::app[1] is $app]">
        <xsl:text> </xsl:text>
        <span class="app-note">
          <xsl:call-template name="samizdat:rendered">
            <xsl:with-param name="nodes" select="."/>
            <xsl:with-param name="suffix" select="$entry?id || '-n' || position()"/>
          </xsl:call-template>
        </span>
      </xsl:for-each>
    </li>
  </xsl:template>

  <xsl:template match="lem | rdg" mode="samizdat:entry-item">
    <xsl:param name="main" as="document-node()"/>
    <xsl:param name="suffix" as="xs:string"/>
    <xsl:call-template name="samizdat:entry-reading">
      <xsl:with-param name="reading" select="."/>
      <xsl:with-param name="main" select="$main"/>
      <xsl:with-param name="lemma" select="false()"/>
      <xsl:with-param name="suffix" select="$suffix"/>
    </xsl:call-template>
  </xsl:template>

  <!-- A group of readings: its type, then its readings separated by commas (a group within a group in parentheses). -->
  <xsl:template match="rdgGrp" mode="samizdat:entry-item">
    <xsl:param name="main" as="document-node()"/>
    <xsl:param name="lemma" as="element()?"/>
    <xsl:param name="suffix" as="xs:string"/>
    <span class="app-group {samizdat:classes(.)}">
      <xsl:if test="parent::rdgGrp">(</xsl:if>
      <xsl:if test="@type">
        <span class="app-type"><xsl:value-of select="normalize-space(@type)"/></span>
        <xsl:text>: </xsl:text>
      </xsl:if>
      <xsl:for-each select="(* except $lemma)[self::rdg or self::lem or self::rdgGrp[.//(lem | rdg) except $lemma]]">
        <xsl:if test="position() gt 1">, </xsl:if>
        <xsl:apply-templates select="." mode="samizdat:entry-item">
          <xsl:with-param name="main" select="$main"/>
          <xsl:with-param name="lemma" select="$lemma"/>
          <xsl:with-param name="suffix" select="$suffix || '-' || position()"/>
        </xsl:apply-templates>
      </xsl:for-each>
      <xsl:if test="parent::rdgGrp">)</xsl:if>
    </span>
  </xsl:template>

  <!-- A reading in an entry: its words (or "om."), its certainty, its sigla, hand, responsibility, type and cause, and the witness details that point at it. -->
  <xsl:template name="samizdat:entry-reading">
    <xsl:param name="reading" as="element()"/>
    <xsl:param name="main" as="document-node()"/>
    <xsl:param name="lemma" as="xs:boolean"/>
    <xsl:param name="suffix" as="xs:string"/>
    <span class="{if ($lemma) then 'app-lemma' else 'app-rdg'} {samizdat:classes($reading)}">
      <xsl:for-each select="$reading/(@cause, @varSeq)">
        <xsl:attribute name="data-{lower-case(local-name())}" select="."/>
      </xsl:for-each>
      <!-- How certain the editor is of it (@cert): "certainty low" as its tooltip, "(?)" after its words, as for unclear. -->
      <xsl:for-each select="samizdat:certainty($reading)"><xsl:attribute name="title" select="."/></xsl:for-each>
      <xsl:if test="samizdat:omission($reading)">
        <xsl:for-each select="$reading//(lacunaStart | lacunaEnd | witStart | witEnd)">
          <xsl:if test="position() gt 1"><xsl:text> </xsl:text></xsl:if>
          <span class="app-limit"><xsl:value-of select="samizdat:label(local-name())"/></span>
        </xsl:for-each>
        <xsl:if test="empty($reading//(lacunaStart | lacunaEnd | witStart | witEnd))">
          <i class="app-om"><xsl:value-of select="samizdat:label('omission')"/></i>
        </xsl:if>
      </xsl:if>
      <xsl:if test="not(samizdat:omission($reading))">
        <xsl:call-template name="samizdat:rendered">
          <xsl:with-param name="nodes" select="$reading"/>
          <xsl:with-param name="suffix" select="$suffix"/>
        </xsl:call-template>
      </xsl:if>
      <xsl:if test="samizdat:cert-mark($reading) != ''"><span class="mark app-cert"><xsl:value-of select="samizdat:cert-mark($reading)"/></span></xsl:if>
    </span>
    <xsl:if test="$lemma">]</xsl:if>
    <xsl:variable name="ids" select="samizdat:reading-witnesses($reading, $main)"/>
    <xsl:if test="exists($ids) or exists(samizdat:witness-pointers($reading))">
      <xsl:text> </xsl:text>
      <xsl:call-template name="samizdat:sigla">
        <xsl:with-param name="pointers" select="samizdat:witness-pointers($reading)"/>
        <xsl:with-param name="ids" select="$ids"/>
        <xsl:with-param name="context" select="$reading"/>
        <xsl:with-param name="main" select="$main"/>
      </xsl:call-template>
    </xsl:if>
    <xsl:for-each select="$reading/@hand">
      <sup class="app-hand"><xsl:value-of select="string-join(tokenize(normalize-space(.)) ! samizdat:pointer-label(., $reading, $main), ' ')"/></sup>
    </xsl:for-each>
    <xsl:if test="$reading/@resp">
      <xsl:text> </xsl:text>
      <span class="app-resp">(<xsl:value-of select="string-join(tokenize(normalize-space($reading/@resp)) ! samizdat:pointer-label(., $reading, $main), ', ')"/>)</span>
    </xsl:if>
    <xsl:if test="$reading/@type">
      <xsl:text> </xsl:text>
      <span class="app-type">(<xsl:value-of select="normalize-space($reading/@type)"/>)</span>
    </xsl:if>
    <!-- Why the variant arose (@cause: homeoteleuton, dittography …), in the entry rather than only in the markup. -->
    <xsl:if test="normalize-space($reading/@cause) != ''">
      <xsl:text> </xsl:text>
      <span class="app-cause">(<xsl:value-of select="normalize-space($reading/@cause)"/>)</span>
    </xsl:if>
    <xsl:for-each select="$reading/following-sibling::*[1][self::wit]">
      <xsl:text> </xsl:text>
      <span class="app-wit">(<xsl:call-template name="samizdat:rendered"><xsl:with-param name="nodes" select="."/><xsl:with-param name="suffix" select="$suffix || '-w'"/></xsl:call-template>)</span>
    </xsl:for-each>
    <xsl:for-each select="$reading/@xml:id ! key('samizdat:witDetail', '#' || ., root($reading))">
      <xsl:text> </xsl:text>
      <xsl:call-template name="samizdat:wit-detail">
        <xsl:with-param name="main" select="$main"/>
        <xsl:with-param name="suffix" select="$suffix || '-d' || position()"/>
      </xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <!-- A witness detail: "(siglum: text)". -->
  <xsl:template name="samizdat:wit-detail">
    <xsl:param name="main" as="document-node()"/>
    <xsl:param name="suffix" as="xs:string"/>
    <span class="app-witdetail">
      <xsl:text>(</xsl:text>
      <xsl:if test="@wit">
        <xsl:call-template name="samizdat:sigla">
          <xsl:with-param name="pointers" select="tokenize(normalize-space(@wit))"/>
          <xsl:with-param name="context" select="."/>
          <xsl:with-param name="main" select="$main"/>
        </xsl:call-template>
        <xsl:text>: </xsl:text>
      </xsl:if>
      <xsl:call-template name="samizdat:rendered">
        <xsl:with-param name="nodes" select="."/>
        <xsl:with-param name="suffix" select="$suffix"/>
      </xsl:call-template>
      <xsl:text>)</xsl:text>
    </span>
  </xsl:template>

  <!-- The label of a @hand or @resp pointer: its target named as a hand or an agent is named elsewhere on the page
       (common/resp.xsl: a handNote's @n or @scribe, a person's or a respStmt's name), else the pointer. -->
  <xsl:function name="samizdat:pointer-label" as="xs:string">
    <xsl:param name="pointer" as="xs:string"/>
    <xsl:param name="context" as="node()"/>
    <xsl:param name="main" as="document-node()"/>
    <xsl:variable name="target" select="samizdat:target($pointer, $context, $main)"/>
    <xsl:sequence select="normalize-space((samizdat:agent-name($target)[. != ''], samizdat:pointer-name($pointer))[1])"/>
  </xsl:function>

  <!-- Sigla, each a link to its witness in the list: as the reading names them (a group by its own siglum), or, when implied, every witness. -->
  <xsl:template name="samizdat:sigla">
    <xsl:param name="pointers" as="xs:string*" select="()"/>
    <xsl:param name="ids" as="xs:string*" select="()"/>
    <xsl:param name="context" as="node()?" select="()"/>
    <xsl:param name="main" as="document-node()"/>
    <xsl:variable name="witnesses" as="item()*" select="
      if (exists($pointers)) then (for $p in $pointers return (samizdat:target($p, $context, $main), samizdat:pointer-name($p))[1])
      else (for $id in $ids return (key('samizdat:xml-id', $id, $main)[1], $id)[1])"/>
    <span class="{if (empty($pointers)) then 'sigla implied' else 'sigla'}">
      <xsl:for-each select="$witnesses">
        <xsl:if test="position() gt 1"><xsl:text> </xsl:text></xsl:if>
        <xsl:choose>
          <xsl:when test=". instance of element() and root(.) is $main and @xml:id">
            <a class="siglum" href="#{@xml:id}"><xsl:value-of select="samizdat:siglum(.)"/></a>
          </xsl:when>
          <xsl:otherwise>
            <span class="siglum"><xsl:value-of select="if (. instance of element()) then samizdat:siglum(.) else ."/></span>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
    </span>
  </xsl:template>

  <!-- The rendering of TEI content inside an entry or the witness list: as in the text, in a phrase,
       without call-outs, and with ids made unique (the same words are also in the text). -->
  <xsl:template name="samizdat:rendered">
    <xsl:param name="nodes" as="element()*"/>
    <xsl:param name="suffix" as="xs:string"/>
    <xsl:variable name="rendered" as="node()*">
      <xsl:apply-templates select="$nodes/node()" mode="text">
        <xsl:with-param name="phrase" select="true()" tunnel="yes"/>
        <xsl:with-param name="samizdat:in-entry" select="true()" tunnel="yes"/>
        <!-- The entry whose words these are: annotations on words only it shows are marked in it (annotations.xsl). -->
        <xsl:with-param name="samizdat:entry-app" select="if ($samizdat:has-span) then $nodes[1]/ancestor::app[1] else ()" tunnel="yes"/>
      </xsl:apply-templates>
    </xsl:variable>
    <!-- Not an annotation's letter's: written once, here, the annotation links back to it as it is. -->
    <xsl:variable name="ids" select="$rendered/descendant-or-self::*[not(@class = 'annotation-ref')]/@id ! string()"/>
    <xsl:choose>
      <xsl:when test="empty($ids)">
        <xsl:sequence select="$rendered"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates select="$rendered" mode="samizdat:unique-ids">
          <xsl:with-param name="ids" select="$ids" tunnel="yes"/>
          <xsl:with-param name="suffix" select="$suffix" tunnel="yes"/>
        </xsl:apply-templates>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:mode name="samizdat:unique-ids" on-no-match="shallow-copy"/>
  <xsl:template match="@id | @for | @aria-describedby | @aria-labelledby | @aria-controls" mode="samizdat:unique-ids">
    <xsl:param name="ids" as="xs:string*" tunnel="yes"/>
    <xsl:param name="suffix" as="xs:string" tunnel="yes"/>
    <xsl:attribute name="{local-name()}" select="string-join(tokenize(.) ! (if (. = $ids) then . || '--' || $suffix else .), ' ')"/>
  </xsl:template>
  <xsl:template match="@href[starts-with(., '#')]" mode="samizdat:unique-ids">
    <xsl:param name="ids" as="xs:string*" tunnel="yes"/>
    <xsl:param name="suffix" as="xs:string" tunnel="yes"/>
    <xsl:attribute name="href" select="if (substring(., 2) = $ids) then . || '--' || $suffix else ."/>
  </xsl:template>

  <!-- ============================================================ the witness list -->

  <xsl:template name="samizdat:witness-list">
    <xsl:param name="main" as="document-node()"/>
    <xsl:param name="samizdat:witness" as="xs:string" tunnel="yes" select="''"/>
    <xsl:variable name="lists" select="$main//listWit[not(ancestor::listWit)]"/>
    <xsl:variable name="pages" as="xs:boolean" select="samizdat:has-witness-texts($main)"/>
    <xsl:if test="exists($lists)">
      <section class="witnesses" id="witnesses" aria-labelledby="witnesses-heading">
        <h2 id="witnesses-heading"><xsl:value-of select="samizdat:label('witnesses')"/></h2>
        <xsl:if test="$samizdat:witness != ''">
          <p><a href="index.html"><xsl:value-of select="samizdat:label('edited-text')"/></a>.</p>
        </xsl:if>
        <xsl:for-each select="$lists">
          <xsl:if test="head">
            <h3><xsl:value-of select="normalize-space(head[1])"/></h3>
          </xsl:if>
          <xsl:call-template name="samizdat:witness-items">
            <xsl:with-param name="list" select="."/>
            <xsl:with-param name="main" select="$main"/>
            <xsl:with-param name="samizdat:witness-pages" select="$pages" tunnel="yes"/>
          </xsl:call-template>
        </xsl:for-each>
      </section>
    </xsl:if>
  </xsl:template>

  <xsl:template name="samizdat:witness-items">
    <xsl:param name="list" as="element()"/>
    <xsl:param name="main" as="document-node()"/>
    <ul class="witness-list">
      <xsl:apply-templates select="$list/(witness | listWit | msDesc | bibl | biblStruct)" mode="samizdat:witness-list">
        <xsl:with-param name="main" select="$main"/>
      </xsl:apply-templates>
    </ul>
  </xsl:template>

  <!-- "siglum — description", and a link to the witness's text. -->
  <xsl:template match="witness | listWit | msDesc | bibl | biblStruct" mode="samizdat:witness-list">
    <xsl:param name="main" as="document-node()"/>
    <xsl:param name="samizdat:witness" as="xs:string" tunnel="yes" select="''"/>
    <xsl:param name="samizdat:witness-pages" as="xs:boolean" tunnel="yes" select="false()"/>
    <li class="witness {samizdat:classes(.)}">
      <xsl:if test="@xml:id"><xsl:attribute name="id" select="@xml:id"/></xsl:if>
      <xsl:if test="@xml:id = $samizdat:witness"><xsl:attribute name="aria-current" select="'page'"/></xsl:if>
      <span class="siglum"><xsl:value-of select="samizdat:siglum(.)"/></span>
      <xsl:variable name="description" select="if (self::listWit) then head else ."/>
      <xsl:if test="normalize-space(string-join($description//text())) != ''">
        <xsl:text> — </xsl:text>
        <span class="witness-description">
          <xsl:call-template name="samizdat:rendered">
            <xsl:with-param name="nodes" select="$description"/>
            <xsl:with-param name="suffix" select="'witness-' || @xml:id"/>
          </xsl:call-template>
        </span>
      </xsl:if>
      <xsl:if test="self::witness[@xml:id] and $samizdat:witness-pages">
        <xsl:text> · </xsl:text>
        <xsl:choose>
          <xsl:when test="@xml:id = $samizdat:witness">
            <span class="witness-text-link"><xsl:value-of select="samizdat:label('witness-text')"/></span>
          </xsl:when>
          <xsl:otherwise>
            <a class="witness-text-link" href="{samizdat:witness-page(string(@xml:id), $main)}"><xsl:value-of select="samizdat:label('witness-text')"/></a>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:if>
      <xsl:if test="self::listWit">
        <xsl:call-template name="samizdat:witness-items">
          <xsl:with-param name="list" select="."/>
          <xsl:with-param name="main" select="$main"/>
        </xsl:call-template>
      </xsl:if>
    </li>
  </xsl:template>
</xsl:stylesheet>
