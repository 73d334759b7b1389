<?xml version="1.0" encoding="UTF-8"?>
<!--
  samizdat HTML driver: imports the modules and declares the parameters.
  Customise by writing a stylesheet that imports this one and overrides a
  template or a parameter (see docs/xslt.md).
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:samizdat="urn:samizdat"
  exclude-result-prefixes="#all">

  <!-- Later imports take precedence: the fallback comes first, so any module overrides it. -->
  <xsl:import href="../common/tei.xsl"/>
  <xsl:import href="../common/apparatus.xsl"/>
  <xsl:import href="../common/present.xsl"/>
  <xsl:import href="../common/annotations.xsl"/>
  <xsl:import href="fallback.xsl"/>
  <xsl:import href="core.xsl"/>
  <xsl:import href="textstructure.xsl"/>
  <xsl:import href="namesdates.xsl"/>
  <xsl:import href="figures.xsl"/>
  <xsl:import href="nets.xsl"/>
  <xsl:import href="css.xsl"/>
  <xsl:import href="transcr.xsl"/>
  <xsl:import href="gaiji.xsl"/>
  <xsl:import href="spoken.xsl"/>
  <xsl:import href="dictionary.xsl"/>
  <xsl:import href="header.xsl"/>
  <xsl:import href="search-box.xsl"/>
  <xsl:import href="textcrit.xsl"/>
  <xsl:import href="../common/entities.xsl"/>
  <xsl:import href="entities.xsl"/>
  <xsl:import href="bibl.xsl"/>
  <xsl:import href="register.xsl"/>
  <xsl:import href="msdesc.xsl"/>
  <!-- Last: its rules put a span's annotation at the element it is on, whatever module renders the element. -->
  <xsl:import href="annotations.xsl"/>

  <!-- What to produce: 'page' (the HTML page), 'entities' (JSON: the document's entity mentions,
       entries, relations and references), 'entries' (the same without the mentions, much
       cheaper), or 'page+entities' (the page, and the entity data as the secondary result
       entities.json). -->
  <xsl:param name="output" as="xs:string" select="'page'"/>
  <!-- The register files (relative to the document, space-separated): their entries' anchors are their xml:ids. -->
  <xsl:param name="registers" as="xs:string" select="'register.xml'"/>
  <!-- Where entity links point: the entity index page; an entry is its #id. -->
  <xsl:param name="entity-index-href" as="xs:string" select="'../entities/index.html'"/>
  <!-- The edition's style sheet, the list of documents, the plain text. -->
  <xsl:param name="css-href" as="xs:string" select="'../samizdat.css'"/>
  <xsl:param name="home-href" as="xs:string" select="'../index.html'"/>
  <xsl:param name="text-href" as="xs:string" select="''"/>
  <!-- The images the build copied into the edition, as a JSON object: reference as written → address
       from the page (the build sets it; empty: references are kept as they are written). -->
  <xsl:param name="images" as="xs:string" select="''"/>
  <!-- A table of contents (from div/head) is shown when the document has at least this many headed divisions. -->
  <xsl:param name="toc-minimum" as="xs:integer" select="3"/>
  <!-- The search page, for the navigation's search box; '' (no box) when the edition has no search. -->
  <xsl:param name="search-href" as="xs:string" select="''"/>
  <!-- Name of the edition, shown in the page's navigation. -->
  <xsl:param name="edition-title" as="xs:string" select="'Documents'"/>

  <xsl:output method="xhtml" html-version="5" encoding="UTF-8" indent="no" omit-xml-declaration="yes" include-content-type="no"/>
</xsl:stylesheet>
