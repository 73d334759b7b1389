<?xml version="1.0" encoding="UTF-8"?>
<!--
  The search box of the site navigation, on every page of an edition that
  has search (see docs/search.md). A plain form: without JavaScript it still
  leads to the search page, which says what search needs.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:samizdat="urn:samizdat"
  xmlns="http://www.w3.org/1999/xhtml"
  exclude-result-prefixes="#all">

  <!-- $href: the search page, relative to the page; '' when the edition has no search. -->
  <xsl:template name="samizdat:search-box">
    <xsl:param name="href" as="xs:string"/>
    <xsl:if test="$href != ''">
      <form class="site-search" role="search" action="{$href}" method="get">
        <label for="samizdat-site-search" class="visually-hidden">Search the edition</label>
        <input type="search" id="samizdat-site-search" name="q" placeholder="Search the edition"/>
        <button type="submit">Search</button>
      </form>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
