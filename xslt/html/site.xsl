<?xml version="1.0" encoding="UTF-8"?>
<!--
  Pages of the whole edition, made once per build from what the build
  gathered (given as JSON parameters, never read from files here):
  - template samizdat:entity-index: dist/entities/index.html, one entry per
    register entry with its description, names, dates, authority links and
    every occurrence (document + paragraph) with a link back;
  - template samizdat:document-list: dist/index.html.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:samizdat="urn:samizdat"
  xmlns="http://www.w3.org/1999/xhtml"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <xsl:import href="../common/tei.xsl"/>
  <xsl:import href="search-box.xsl"/>

  <!-- {"documents":[{"name","title","href"}], "mentions":[{"document","entry","paragraph","paragraphNumber","text"}]} -->
  <xsl:param name="site-json" as="xs:string" select="'{&quot;documents&quot;:[],&quot;mentions&quot;:[]}'"/>
  <!-- The registers' XML texts, as a JSON array of strings (already checked for unsafe DOCTYPEs). -->
  <xsl:param name="registers-json" as="xs:string" select="'[]'"/>
  <xsl:param name="edition-title" as="xs:string" select="'Documents'"/>
  <!-- The search page from the edition's root ('' when the edition has no search). -->
  <xsl:param name="search-href" as="xs:string" select="''"/>

  <xsl:output method="xhtml" html-version="5" encoding="UTF-8" indent="no" omit-xml-declaration="yes" include-content-type="no"/>

  <xsl:variable name="site" as="map(*)" select="parse-json($site-json)"/>
  <xsl:variable name="documents" as="map(*)*" select="$site?documents?*"/>
  <xsl:variable name="mentions" as="map(*)*" select="$site?mentions?*"/>
  <xsl:variable name="registers" as="document-node()*" select="for $r in parse-json($registers-json)?* return samizdat:tei(parse-xml($r))"/>

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
        <xsl:if test="exists($registers)">
          <p><a href="entities/index.html">Index of persons, places, organisations and events</a></p>
        </xsl:if>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="samizdat:entity-index">
    <xsl:call-template name="samizdat:shell">
      <xsl:with-param name="title" select="'Index of entities'"/>
      <xsl:with-param name="css-href" select="'../samizdat.css'"/>
      <xsl:with-param name="home-href" select="'../index.html'"/>
      <xsl:with-param name="content" as="node()*">
        <xsl:for-each select="$registers//standOff/*[starts-with(local-name(), 'list')]">
          <section class="entity-list">
            <h2><xsl:value-of select="samizdat:list-heading(.)"/></h2>
            <xsl:apply-templates select="*[@xml:id]" mode="entry"/>
          </section>
        </xsl:for-each>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:function name="samizdat:list-heading" as="xs:string">
    <xsl:param name="list" as="element()"/>
    <xsl:sequence select="if ($list/head) then normalize-space($list/head[1]) else (map {
      'listPerson': 'Persons and groups', 'listPlace': 'Places', 'listOrg': 'Organisations',
      'listEvent': 'Events and periods', 'listObject': 'Objects', 'listBibl': 'Works'
    }(local-name($list)), 'Entries')[1]"/>
  </xsl:function>

  <xsl:template match="*" mode="entry">
    <xsl:variable name="id" select="string(@xml:id)"/>
    <xsl:variable name="names" select="*[ends-with(local-name(), 'Name') or self::name or self::label or self::title]"/>
    <xsl:variable name="preferred" select="($names[@type = 'preferred'], $names)[1]"/>
    <section class="entry" id="{$id}" aria-labelledby="{$id}-name">
      <h3 id="{$id}-name"><xsl:value-of select="if ($preferred) then normalize-space($preferred) else $id"/></h3>
      <xsl:for-each select="note[@type = 'description']">
        <p class="description"><xsl:value-of select="normalize-space()"/></p>
      </xsl:for-each>
      <dl>
        <xsl:if test="exists($names except $preferred)">
          <dt>Other names</dt>
          <dd><xsl:value-of select="string-join(($names except $preferred) ! normalize-space(), '; ')"/></dd>
        </xsl:if>
        <xsl:apply-templates select="birth | death | floruit | @from | @to | @when | date" mode="entry-date"/>
        <xsl:if test="idno">
          <dt>Authority records</dt>
          <dd>
            <xsl:for-each select="idno">
              <xsl:if test="position() gt 1">; </xsl:if>
              <xsl:variable name="value" select="normalize-space()"/>
              <xsl:choose>
                <xsl:when test="@type = 'wikidata' and matches($value, '^Q[0-9]+$')">
                  <a href="https://www.wikidata.org/wiki/{$value}">Wikidata <xsl:value-of select="$value"/></a>
                </xsl:when>
                <xsl:when test="matches($value, '^https?://[^\s&quot;&lt;&gt;]+$')">
                  <a href="{$value}"><xsl:value-of select="$value"/></a>
                </xsl:when>
                <xsl:otherwise><xsl:value-of select="string-join((@type, $value), ' ')"/></xsl:otherwise>
              </xsl:choose>
            </xsl:for-each>
          </dd>
        </xsl:if>
      </dl>
      <xsl:variable name="here" select="$mentions[?entry = $id]"/>
      <h4>Occurrences</h4>
      <xsl:choose>
        <xsl:when test="empty($here)"><p class="no-occurrences">Not mentioned in the documents of this edition.</p></xsl:when>
        <xsl:otherwise>
          <ul class="occurrences">
            <xsl:for-each select="$here">
              <xsl:variable name="document" select="?document"/>
              <xsl:variable name="doc" select="$documents[?name = $document][1]"/>
              <li>
                <a href="../{encode-for-uri($document)}/index.html{if (?paragraph != '') then '#' || encode-for-uri(?paragraph) else ''}">
                  <xsl:value-of select="($doc?title, $document)[1]"/>
                  <xsl:if test="?paragraphNumber != ''">, paragraph <xsl:value-of select="?paragraphNumber"/></xsl:if>
                </a>
                <xsl:text>: “</xsl:text><xsl:value-of select="?text"/><xsl:text>”</xsl:text>
              </li>
            </xsl:for-each>
          </ul>
        </xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

  <xsl:template match="birth | death | floruit | date" mode="entry-date">
    <xsl:variable name="when" select="string((@when, @notBefore, @from)[1])"/>
    <dt><xsl:value-of select="(map { 'birth': 'Born', 'death': 'Died', 'floruit': 'Active' }(local-name()), 'Date')[1]"/></dt>
    <dd>
      <xsl:choose>
        <xsl:when test="matches($when, '^-?\d{4}(-\d{2}(-\d{2})?)?$')"><time datetime="{$when}"><xsl:value-of select="$when"/></time></xsl:when>
        <xsl:otherwise><xsl:value-of select="$when"/></xsl:otherwise>
      </xsl:choose>
      <xsl:if test="@to or @notAfter"> to <xsl:value-of select="(@to, @notAfter)[1]"/></xsl:if>
      <xsl:if test="normalize-space()"><xsl:text> </xsl:text><xsl:value-of select="normalize-space()"/></xsl:if>
    </dd>
  </xsl:template>
  <xsl:template match="@from | @to | @when" mode="entry-date">
    <dt><xsl:value-of select="map { 'from': 'From', 'to': 'To', 'when': 'Date' }(local-name())"/></dt>
    <dd>
      <xsl:choose>
        <xsl:when test="matches(., '^-?\d{4}(-\d{2}(-\d{2})?)?$')"><time datetime="{.}"><xsl:value-of select="."/></time></xsl:when>
        <xsl:otherwise><xsl:value-of select="."/></xsl:otherwise>
      </xsl:choose>
    </dd>
  </xsl:template>
</xsl:stylesheet>
