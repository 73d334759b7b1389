<?xml version="1.0" encoding="UTF-8"?>
<!--
  Pages of the whole edition, made once per build from what the build
  gathered (given as JSON parameters, never read from files here):
  - template samizdat:entity-index: dist/entities/index.html (and a page per
    letter of a large part of the index): every entry of the edition, by type
    and by name, with its names, dates, places, relations, authority links
    and every occurrence in its words' context, with a link back. The build
    (src/entities/entity-index.ts) sorts, groups and pages; this renders;
  - template samizdat:document-list: dist/index.html.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:samizdat="urn:samizdat"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:array="http://www.w3.org/2005/xpath-functions/array"
  xmlns="http://www.w3.org/1999/xhtml"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <xsl:import href="../common/tei.xsl"/>
  <xsl:import href="search-box.xsl"/>

  <!-- {"documents":[{"name","title","href"}], "entries": how many entries the edition has} -->
  <xsl:param name="site-json" as="xs:string" select="'{&quot;documents&quot;:[],&quot;entries&quot;:0}'"/>
  <!-- The pages of the entity index: [{"file", "type"?, "letter"?, "parts": [...]}], as src/entities/entity-index.ts makes them. -->
  <xsl:param name="index-json" as="xs:string" select="'[{&quot;file&quot;:&quot;index.html&quot;,&quot;parts&quot;:[]}]'"/>
  <xsl:param name="edition-title" as="xs:string" select="'Documents'"/>
  <!-- The search page from the edition's root ('' when the edition has no search). -->
  <xsl:param name="search-href" as="xs:string" select="''"/>

  <xsl:output method="xhtml" html-version="5" encoding="UTF-8" indent="no" omit-xml-declaration="yes" include-content-type="no"/>

  <xsl:variable name="site" as="map(*)" select="parse-json($site-json)"/>
  <xsl:variable name="documents" as="map(*)*" select="$site?documents?*"/>
  <xsl:variable name="index-pages" as="map(*)*" select="parse-json($index-json)?*"/>

  <xsl:template name="samizdat:shell">
    <xsl:param name="title" as="xs:string"/>
    <xsl:param name="css-href" as="xs:string"/>
    <xsl:param name="home-href" as="xs:string"/>
    <xsl:param name="content" as="node()*"/>
    <html lang="en">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="$title"/></title>
        <link rel="stylesheet" href="{$css-href}"/>
      </head>
      <body>
        <nav class="site" aria-label="Edition">
          <a href="{$home-href}"><xsl:value-of select="$edition-title"/></a>
          <xsl:call-template name="samizdat:search-box">
            <!-- Pages sit at the root or one folder down: the home link's folder leads back to the root. -->
            <xsl:with-param name="href" select="if ($search-href = '') then '' else string-join(tokenize($home-href, '/')[position() lt last()] ! (. || '/')) || $search-href"/>
          </xsl:call-template>
        </nav>
        <main>
          <h1><xsl:value-of select="$title"/></h1>
          <xsl:sequence select="$content"/>
        </main>
      </body>
    </html>
  </xsl:template>

  <xsl:template name="samizdat:document-list">
    <xsl:call-template name="samizdat:shell">
      <xsl:with-param name="title" select="$edition-title"/>
      <xsl:with-param name="css-href" select="'samizdat.css'"/>
      <xsl:with-param name="home-href" select="'index.html'"/>
      <xsl:with-param name="content" as="node()*">
        <ul class="documents">
          <xsl:for-each select="$documents">
            <li>
              <a href="{?href}"><xsl:value-of select="?title"/></a>
              <xsl:text> </xsl:text>
              <span class="document-name">(<xsl:value-of select="?name"/>)</span>
            </li>
          </xsl:for-each>
        </ul>
        <xsl:if test="$site?entries gt 0">
          <p><a href="entities/index.html">Index of persons, places, organisations and events</a></p>
        </xsl:if>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- The parts of the index, as headings; a register's list heads are not used, since parts gather every list of a type. -->
  <xsl:variable name="samizdat:part-headings" as="map(xs:string, xs:string)" select="map {
    'persons': 'Persons and groups', 'places': 'Places', 'organisations': 'Organisations',
    'events': 'Events and periods', 'objects': 'Objects', 'works': 'Works'
  }"/>

  <!-- dist/entities/index.html, and (as secondary results) a page per letter of a large part. -->
  <xsl:template name="samizdat:entity-index">
    <xsl:for-each select="$index-pages">
      <xsl:choose>
        <xsl:when test="?file = 'index.html'">
          <xsl:call-template name="samizdat:entity-page"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:result-document href="{?file}">
            <xsl:call-template name="samizdat:entity-page"/>
          </xsl:result-document>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

  <!-- One page of the index; the context item is its map from the build (see src/entities/entity-index.ts). -->
  <xsl:template name="samizdat:entity-page">
    <xsl:variable name="page" select="."/>
    <xsl:call-template name="samizdat:shell">
      <xsl:with-param name="title" select="if ($page?letter) then $samizdat:part-headings($page?type) || ': ' || $page?letter else 'Index of entities'"/>
      <xsl:with-param name="css-href" select="'../samizdat.css'"/>
      <xsl:with-param name="home-href" select="'../index.html'"/>
      <xsl:with-param name="content" as="node()*">
        <xsl:choose>
          <xsl:when test="$page?letter">
            <p class="index-up"><a href="index.html">Index of entities</a></p>
          </xsl:when>
          <xsl:when test="array:size($page?parts) gt 1">
            <nav class="index-parts" aria-label="Parts of the index">
              <ul>
                <xsl:for-each select="$page?parts?*">
                  <li><a href="#{encode-for-uri(?id)}"><xsl:value-of select="$samizdat:part-headings(?type)"/></a> (<xsl:value-of select="?count"/>)</li>
                </xsl:for-each>
              </ul>
            </nav>
          </xsl:when>
        </xsl:choose>
        <xsl:for-each select="$page?parts?*">
          <xsl:variable name="heading" select="$samizdat:part-headings(?type)"/>
          <section class="entity-list" aria-labelledby="{?id}">
            <h2 id="{?id}"><xsl:value-of select="$heading"/></h2>
            <nav class="letters" aria-label="{$heading} by letter">
              <ul>
                <xsl:for-each select="?letters?*">
                  <li><a href="{?href}" aria-label="{?label}: {?count} {if (?count = 1) then 'entry' else 'entries'}"><xsl:value-of select="?label"/></a></li>
                </xsl:for-each>
              </ul>
            </nav>
            <xsl:if test="?paged and not($page?letter)">
              <p class="index-paged"><xsl:value-of select="?count"/> entries, a page for each letter.</p>
            </xsl:if>
            <xsl:for-each select="?groups?*">
              <div class="letter-group" id="{?id}">
                <p class="letter-label" aria-hidden="true"><xsl:value-of select="?label"/></p>
                <xsl:apply-templates select="?entries?*" mode="samizdat:entry"/>
              </div>
            </xsl:for-each>
          </section>
        </xsl:for-each>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:variable name="samizdat:date-labels" as="map(xs:string, xs:string)" select="map { 'birth': 'Born', 'death': 'Died', 'floruit': 'Active', 'date': 'Date' }"/>

  <xsl:function name="samizdat:time" as="node()*">
    <xsl:param name="value" as="xs:string"/>
    <xsl:choose>
      <xsl:when test="matches($value, '^-?\d{4}(-\d{2}(-\d{2})?)?$')"><time datetime="{$value}"><xsl:value-of select="samizdat:date-words($value)"/></time></xsl:when>
      <xsl:otherwise><xsl:value-of select="$value"/></xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- A date in words: its own words (as the encoder wrote them) around the machine-readable value, or the value. -->
  <xsl:function name="samizdat:date-value" as="node()*">
    <xsl:param name="date" as="map(*)"/>
    <xsl:variable name="text" select="if (exists($date?placeLink)) then '' else $date?text"/>
    <xsl:choose>
      <!-- Words with a number in them give the date ("c. 1200"); other words say more ("in Ravenna"). -->
      <xsl:when test="$date?when and matches($text, '\d') and matches($date?when, '^-?\d{4}(-\d{2}(-\d{2})?)?$')"><time datetime="{$date?when}"><xsl:value-of select="$text"/></time></xsl:when>
      <xsl:when test="$date?when"><xsl:sequence select="samizdat:time($date?when)"/><xsl:if test="$text != ''"> (<xsl:value-of select="$text"/>)</xsl:if></xsl:when>
      <xsl:otherwise>
        <xsl:variable name="parts" select="samizdat:range-parts($date?from, $date?to, $date?notBefore, $date?notAfter)"/>
        <xsl:for-each select="1 to count($parts)">
          <xsl:variable name="i" select="."/>
          <xsl:choose>
            <xsl:when test="$i mod 2 = 0"><xsl:sequence select="samizdat:time($parts[$i])"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="$parts[$i]"/></xsl:otherwise>
          </xsl:choose>
        </xsl:for-each>
        <xsl:if test="$text != ''">
          <xsl:if test="$date?from or $date?to or $date?notBefore or $date?notAfter"><xsl:text> </xsl:text></xsl:if>
          <xsl:value-of select="$text"/>
        </xsl:if>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <xsl:function name="samizdat:link" as="node()*">
    <xsl:param name="link" as="map(*)"/>
    <xsl:choose>
      <xsl:when test="$link?href != ''"><a href="{$link?href}"><xsl:value-of select="$link?label"/></a></xsl:when>
      <xsl:otherwise><strong><xsl:value-of select="$link?label"/></strong></xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <xsl:function name="samizdat:links" as="node()*">
    <xsl:param name="links" as="map(*)*"/>
    <xsl:param name="separator" as="xs:string"/>
    <xsl:for-each select="$links">
      <xsl:if test="position() gt 1"><xsl:value-of select="$separator"/></xsl:if>
      <xsl:sequence select="samizdat:link(.)"/>
    </xsl:for-each>
  </xsl:function>

  <!-- One entry: a map made by the build (IndexEntry in src/entities/entity-index.ts). -->
  <xsl:template match=".[. instance of map(*)]" mode="samizdat:entry">
    <xsl:variable name="id" select="?anchor"/>
    <!-- An article, not a section: a named section is a landmark, and two entries may share a name (every "Lady" of a cast list). -->
    <article class="entry" id="{$id}" aria-labelledby="{$id}-name">
      <h3 id="{$id}-name"><xsl:value-of select="?heading"/></h3>
      <xsl:for-each select="?descriptions?*">
        <p class="description"><xsl:value-of select="."/></p>
      </xsl:for-each>
      <dl>
        <xsl:if test="array:size(?otherNames) gt 0">
          <dt>Other names</dt>
          <dd>
            <xsl:for-each select="?otherNames?*">
              <xsl:if test="position() gt 1">; </xsl:if>
              <xsl:value-of select="?text"/>
              <xsl:if test="array:size(?qualifiers) gt 0"> (<xsl:value-of select="string-join(?qualifiers?*, ', ')"/>)</xsl:if>
            </xsl:for-each>
          </dd>
        </xsl:if>
        <xsl:if test="array:size(?authors) gt 0">
          <dt>Author</dt>
          <dd><xsl:value-of select="string-join(?authors?*, '; ')"/></dd>
        </xsl:if>
        <xsl:for-each select="?dates?*">
          <xsl:choose>
            <!-- An event's or a period's own span: its beginning and its end. -->
            <xsl:when test="?kind = 'date' and not(?when) and (?from or ?to) and ?text = ''">
              <xsl:if test="?from"><dt>From</dt><dd><xsl:sequence select="samizdat:time(?from)"/></dd></xsl:if>
              <xsl:if test="?to"><dt>To</dt><dd><xsl:sequence select="samizdat:time(?to)"/></dd></xsl:if>
            </xsl:when>
            <xsl:otherwise>
              <dt><xsl:value-of select="$samizdat:date-labels(?kind)"/></dt>
              <dd>
                <xsl:sequence select="samizdat:date-value(.)"/>
                <xsl:if test="exists(?placeLink)">, <xsl:sequence select="samizdat:link(?placeLink)"/></xsl:if>
              </dd>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:for-each>
        <xsl:if test="?sex">
          <dt>Sex</dt>
          <dd><xsl:value-of select="?sex"/></dd>
        </xsl:if>
        <xsl:if test="array:size(?occupations) gt 0">
          <dt>Occupation</dt>
          <dd><xsl:value-of select="string-join(?occupations?*, '; ')"/></dd>
        </xsl:if>
        <xsl:if test="array:size(?affiliations) gt 0">
          <dt>Affiliation</dt>
          <dd><xsl:value-of select="string-join(?affiliations?*, '; ')"/></dd>
        </xsl:if>
        <xsl:if test="array:size(?within) gt 0">
          <dt>Within</dt>
          <dd><xsl:sequence select="samizdat:links(reverse(?within?*), ' › ')"/></dd>
        </xsl:if>
        <xsl:if test="array:size(?parts) gt 0">
          <dt>Comprises</dt>
          <dd><xsl:sequence select="samizdat:links(?parts?*, '; ')"/></dd>
        </xsl:if>
        <xsl:if test="exists(?location) and array:size(?location?names) gt 0">
          <dt>Location</dt>
          <dd>
            <xsl:for-each select="?location?names?*">
              <xsl:if test="position() gt 1">, </xsl:if>
              <xsl:sequence select="samizdat:link(map { 'label': ?text, 'href': (?href, '')[1] })"/>
              <xsl:text> (</xsl:text><xsl:value-of select="?kind"/><xsl:text>)</xsl:text>
            </xsl:for-each>
          </dd>
        </xsl:if>
        <xsl:if test="exists(?location?geo)">
          <dt>Coordinates</dt>
          <dd>
            <xsl:value-of select="?location?geo?lat || ', ' || ?location?geo?long"/>
            <xsl:text> (</xsl:text><a href="{?location?geo?href}">on OpenStreetMap</a><xsl:text>)</xsl:text>
          </dd>
        </xsl:if>
        <xsl:if test="array:size(?relations) gt 0">
          <dt>Relations</dt>
          <xsl:for-each select="?relations?*">
            <dd>
              <xsl:choose>
                <xsl:when test="array:size(?mutual) gt 0">
                  <xsl:sequence select="samizdat:links(?mutual?*, ', ')"/>: <xsl:value-of select="?relation"/>
                </xsl:when>
                <xsl:otherwise>
                  <xsl:sequence select="samizdat:links(?active?*, ', ')"/>
                  <xsl:text> — </xsl:text><xsl:value-of select="?relation"/><xsl:text> → </xsl:text>
                  <xsl:sequence select="samizdat:links(?passive?*, ', ')"/>
                </xsl:otherwise>
              </xsl:choose>
              <xsl:if test="?description != ''"> (<xsl:value-of select="?description"/>)</xsl:if>
            </dd>
          </xsl:for-each>
        </xsl:if>
        <xsl:if test="array:size(?authorities) gt 0 or array:size(?identifiers) gt 0">
          <dt>Authority records</dt>
          <dd>
            <xsl:for-each select="?authorities?*, ?identifiers?*">
              <xsl:if test="position() gt 1">; </xsl:if>
              <xsl:choose>
                <xsl:when test="map:contains(., 'href')"><a href="{?href}"><xsl:value-of select="?label"/></a></xsl:when>
                <xsl:when test="matches(?value, '^https?://[^\s&quot;&lt;&gt;]+$')"><a href="{?value}"><xsl:value-of select="?value"/></a></xsl:when>
                <xsl:otherwise><xsl:value-of select="string-join((?type[. != ''], ?value), ' ')"/></xsl:otherwise>
              </xsl:choose>
            </xsl:for-each>
          </dd>
        </xsl:if>
        <xsl:if test="exists(?keptIn)">
          <dt>Listed in</dt>
          <dd><xsl:sequence select="samizdat:link(?keptIn)"/></dd>
        </xsl:if>
        <xsl:if test="array:size(?notes) gt 0">
          <dt>Notes</dt>
          <xsl:for-each select="?notes?*"><dd><xsl:value-of select="."/></dd></xsl:for-each>
        </xsl:if>
      </dl>
      <h4>Occurrences</h4>
      <xsl:choose>
        <xsl:when test="array:size(?mentions) = 0 and array:size(?speeches) = 0"><p class="no-occurrences">Not mentioned in the documents of this edition.</p></xsl:when>
        <xsl:otherwise>
          <xsl:if test="array:size(?mentions) gt 0">
            <ul class="occurrences">
              <xsl:for-each select="?mentions?*">
                <li>
                  <a href="{?href}"><xsl:value-of select="?label"/><xsl:if test="?kind = 'cast'">, cast list</xsl:if></a>
                  <xsl:text>: </xsl:text>
                  <xsl:call-template name="samizdat:in-context"/>
                </li>
              </xsl:for-each>
            </ul>
          </xsl:if>
          <xsl:for-each select="?speeches?*">
            <details class="speeches">
              <summary><xsl:value-of select="?count"/> speech<xsl:if test="?count != 1">es</xsl:if> in <xsl:value-of select="?document?label"/></summary>
              <ol>
                <xsl:for-each select="?speeches?*">
                  <li><a href="{?href}"><xsl:value-of select="?text"/></a><xsl:text>: </xsl:text><span class="kwic"><xsl:value-of select="?after"/></span></li>
                </xsl:for-each>
              </ol>
            </details>
          </xsl:for-each>
        </xsl:otherwise>
      </xsl:choose>
    </article>
  </xsl:template>

  <!-- A mention in its words' context: "…before <mark>name</mark> after…". -->
  <xsl:template name="samizdat:in-context">
    <span class="kwic">
      <!-- The context keeps the space (or its absence) between it and the mention, as the text has it. -->
      <xsl:value-of select="?before"/>
      <mark><xsl:value-of select="?text"/></mark>
      <xsl:if test="?after != ''">
        <xsl:if test="?kind = 'cast'">, </xsl:if>
        <xsl:value-of select="?after"/>
      </xsl:if>
    </span>
  </xsl:template>
</xsl:stylesheet>
