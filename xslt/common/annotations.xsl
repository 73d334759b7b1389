<?xml version="1.0" encoding="UTF-8"?>
<!--
  Where a span's annotation belongs in the text, shared by the page (html/annotations.xsl, which shows it there) and
  the search records (search/records.xsl, which put its words in the passage a reader finds it in), so that the two
  agree. span "associates an interpretative annotation directly with a span of text" (TEI Guidelines 17.3): it is
  about the words its @from (or @target) names, and where it is encoded (often a spanGrp in the back) is no place of
  the text.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:samizdat="urn:samizdat"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <!-- The spans by the id their annotation starts at. -->
  <xsl:key name="samizdat:span-at" match="span[normalize-space()][not(ancestor::teiHeader)]" use="samizdat:span-start(.)"/>
  <xsl:function name="samizdat:span-start" as="xs:string?">
    <xsl:param name="s" as="element()"/>
    <xsl:sequence select="tokenize(normalize-space(($s/@from, $s/@target)[1]))[1][starts-with(., '#')] ! substring(., 2)"/>
  </xsl:function>
  <!-- Where the span's annotation stands, when not where the span is: the anchor or element its @from (or @target)
       names, in the text, where the page shows it in its place (not in a figDesc, not another annotation, not a
       note, which is called out; not the text's own parts, body, front …; not in a reading of an apparatus the text
       does not show, which only the entry prints: its annotation would be nowhere). -->
  <xsl:function name="samizdat:annotation-target" as="element()?">
    <xsl:param name="s" as="element()"/>
    <xsl:variable name="t" select="(samizdat:span-start($s) ! key('samizdat:id', ., root($s)))[1]"/>
    <xsl:sequence select="$t[ancestor::text][self::anchor or (not(self::text or self::body or self::front or self::back or self::group or self::note)
      and empty(ancestor-or-self::*[self::span or self::spanGrp or self::interp or self::interpGrp or self::figDesc or self::desc or self::index or self::rdgGrp]))]
      [every $r in ancestor-or-self::*[self::lem or self::rdg] satisfies samizdat:reading-shown($r)]"/>
  </xsl:function>
  <!-- Whether the text shows the reading $r: the lem (else the first reading) of a parallel-segmentation apparatus;
       an apparatus of another method shows none of its own. -->
  <xsl:function name="samizdat:reading-shown" as="xs:boolean">
    <xsl:param name="r" as="element()"/>
    <xsl:variable name="app" select="$r/ancestor::app[1]"/>
    <xsl:sequence select="exists($app) and samizdat:app-method($app) = 'parallel-segmentation' and samizdat:shown-reading($app) is $r"/>
  </xsl:function>
  <!-- The spans whose annotation stands at $e. -->
  <xsl:function name="samizdat:annotations-at" as="element()*">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="if ($e/@xml:id) then key('samizdat:span-at', string($e/@xml:id), root($e))[samizdat:annotation-target(.) is $e] else ()"/>
  </xsl:function>
</xsl:stylesheet>
