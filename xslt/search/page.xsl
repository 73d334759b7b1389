<?xml version="1.0" encoding="UTF-8"?>
<!--
  The search page, dist/search/index.html (initial template
  samizdat:search-page), in the shell of the edition's other pages.

  Without JavaScript (or opened as a file, where browsers refuse to load its
  index) the page says so and leads to the list of documents and the entity
  index; the form stays hidden, since it could not search. search.js shows
  the form, fills the filters from the index and lists the results.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:samizdat="urn:samizdat"
  xmlns="http://www.w3.org/1999/xhtml"
  exclude-result-prefixes="#all">

  <xsl:import href="../html/site.xsl"/>

  <!-- Whether the edition has an entity index to send readers to. -->
  <xsl:param name="entity-index" as="xs:boolean" select="false()"/>
  <!-- The folders of the index's shards (src/search/shards.ts), the first first: the script loads it and merges the others into it. -->
  <xsl:param name="bundles" as="xs:string*" select="'pagefind/'"/>

  <xsl:template name="samizdat:search-page">
    <xsl:call-template name="samizdat:shell">
      <xsl:with-param name="title" select="'Search the edition'"/>
      <xsl:with-param name="css-href" select="'../samizdat.css'"/>
      <xsl:with-param name="home-href" select="'../index.html'"/>
      <xsl:with-param name="content" as="node()*">
        <p class="search-unavailable" id="search-unavailable">
          <xsl:text>Searching this edition needs JavaScript, and the edition served from a web server (</xsl:text>
          <code>samizdat serve</code>
          <xsl:text>, or wherever it is published): this page has neither. Browse the </xsl:text>
          <a href="../index.html">list of documents</a>
          <xsl:if test="$entity-index">
            <xsl:text> or the </xsl:text>
            <a href="../entities/index.html">index of persons, places, organisations and events</a>
          </xsl:if>
          <xsl:text> instead.</xsl:text>
        </p>
        <form class="search" id="search" role="search" aria-label="Search the edition" action="index.html" method="get" hidden="hidden">
          <!-- An edition in one shard says nothing: the script loads pagefind/ by default. -->
          <xsl:if test="count($bundles) gt 1">
            <xsl:attribute name="data-bundles" select="$bundles" separator=" "/>
          </xsl:if>
          <p class="search-query">
            <label for="search-q">Words to find</label>
            <xsl:text> </xsl:text>
            <input type="search" id="search-q" name="q" autocomplete="off" aria-describedby="search-hint"/>
            <xsl:text> </xsl:text>
            <button type="submit">Search</button>
          </p>
          <p class="search-hint" id="search-hint">Spellings the text corrects or regularises, readings of the apparatus and every recorded form of a name find the passage too.</p>
          <fieldset class="search-filters" id="search-filters">
            <legend>Only passages …</legend>
          </fieldset>
          <p class="search-order">
            <label for="search-sort">Order</label>
            <xsl:text> </xsl:text>
            <select id="search-sort" name="sort">
              <option value="">best match first</option>
              <option value="order">as in the edition</option>
              <option value="date">by the document’s date</option>
              <option value="title">by the document’s title</option>
            </select>
          </p>
        </form>
        <p class="search-status" id="search-status" role="status" aria-live="polite"></p>
        <ol class="search-results" id="search-results"></ol>
        <p><button type="button" class="search-more" id="search-more" hidden="hidden">More results</button></p>
        <script type="module" src="search.js"></script>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
