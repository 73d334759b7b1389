<?xml version="1.0" encoding="UTF-8"?>
<!--
  Where a span's annotation belongs in the text, shared by the page (html/annotations.xsl, which shows it there), the
  plain text (text/text.xsl, which gives its letter after the same words and the annotation in a list after the
  notes) and the search records (search/records.xsl, which put its words in the passage a reader finds it in), so that
  the three agree; and its letter, the same on the page and in the plain text. span "associates an interpretative
  annotation directly with a span of text" (TEI Guidelines 17.3): it is about the words its @from (or @target) names,
  and where it is encoded (often a spanGrp in the back) is no place of the text.
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
       does not show, which only the entry prints: its annotation would be nowhere). A lem in an rdgGrp (which groups
       readings "perceived to have a genetic or other relationship", TEI) is the text's as any lem: not an rdgGrp
       itself, which is no words of the text. -->
  <xsl:function name="samizdat:annotation-target" as="element()?">
    <xsl:param name="s" as="element()"/>
    <xsl:variable name="t" select="(samizdat:span-start($s) ! key('samizdat:id', ., root($s)))[1]"/>
    <xsl:sequence select="$t[ancestor::text][self::anchor or (not(self::text or self::body or self::front or self::back or self::group or self::note or self::rdgGrp)
      and empty(ancestor-or-self::*[self::span or self::spanGrp or self::interp or self::interpGrp or self::figDesc or self::desc or self::index]))]
      [every $r in ancestor-or-self::*[self::lem or self::rdg] satisfies samizdat:reading-shown($r)]"/>
  </xsl:function>
  <!-- Whether the text shows the reading $r: the lem (else the first reading) of a parallel-segmentation apparatus;
       an apparatus of another method shows none of its own. -->
  <xsl:function name="samizdat:reading-shown" as="xs:boolean">
    <xsl:param name="r" as="element()"/>
    <xsl:variable name="app" select="$r/ancestor::app[1]"/>
    <xsl:sequence select="exists($app) and samizdat:app-method($app) = 'parallel-segmentation' and samizdat:shown-reading($app) is $r"/>
  </xsl:function>
  <!-- An annotation on words the text does not show (a reading of an apparatus other than the one in the text: a seg in
       an rdg, in the lem of an app placed by @loc or @from/@to) is shown in the apparatus entry that prints them, its
       letter after them there, rather than where the span happens to be encoded. The entry: that of the app whose
       reading, the innermost not shown, holds the target (an app inside it prints only its shown reading there). Only
       an entry whose call-out the text shows: the annotation stands at the call-out, among the others. -->
  <xsl:function name="samizdat:annotation-entry" as="element()?">
    <xsl:param name="s" as="element()"/>
    <xsl:variable name="t" select="(samizdat:span-start($s) ! key('samizdat:id', ., root($s)))[1]"/>
    <xsl:variable name="reading" select="$t[ancestor::text][not(self::lem or self::rdg or self::app or self::rdgGrp)]
      [empty(ancestor-or-self::*[self::span or self::spanGrp or self::interp or self::interpGrp or self::figDesc or self::desc or self::index or self::note or self::witDetail or self::wit])]
      /ancestor::*[self::lem or self::rdg][not(samizdat:reading-shown(.))][1]"/>
    <xsl:variable name="app" select="$reading/ancestor::app[1]"/>
    <xsl:sequence select="$app[exists(samizdat:callout-site(.))]"/>
  </xsl:function>
  <!-- Where the text shows an app's call-out: after the app standing in the text (common/apparatus.xsl: its entry's
       'attach'), or after the element it attaches to when placed apart; () when the text shows none. -->
  <xsl:function name="samizdat:callout-site" as="element()?">
    <xsl:param name="app" as="element()"/>
    <xsl:variable name="site" select="if (samizdat:inline($app)) then $app else samizdat:attach-target($app, root($app))"/>
    <xsl:sequence select="$site[samizdat:in-edited-text(.)]"/>
  </xsl:function>
  <xsl:key name="samizdat:entry-annotation-at" match="span[normalize-space()][not(ancestor::teiHeader)]"
    use="samizdat:annotation-entry(.) ! samizdat:callout-site(.) ! generate-id()"/>
  <!-- The annotations standing at the call-out(s) after $e, in the order of the call-outs (that of their apps), then
       as encoded. -->
  <xsl:function name="samizdat:entry-annotations-at" as="element()*">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="spans" select="key('samizdat:entry-annotation-at', generate-id($e), root($e))"/>
    <xsl:sequence select="if (empty($spans)) then () else
      for $app in ($spans ! samizdat:annotation-entry(.))/. return $spans[samizdat:annotation-entry(.) is $app]"/>
  </xsl:function>
  <!-- Whether the span's annotation stands elsewhere than where the span is encoded: at its words, or at the call-out
       of the entry that shows them. -->
  <xsl:function name="samizdat:annotation-placed" as="xs:boolean">
    <xsl:param name="s" as="element()"/>
    <xsl:sequence select="exists(samizdat:annotation-target($s)) or exists(samizdat:annotation-entry($s))"/>
  </xsl:function>
  <!-- The spans whose annotation stands at $e. -->
  <xsl:function name="samizdat:annotations-at" as="element()*">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="if ($e/@xml:id) then key('samizdat:span-at', string($e/@xml:id), root($e))[samizdat:annotation-target(.) is $e] else ()"/>
  </xsl:function>

  <!-- The annotations numbered in the order a reader of the page meets them (the plain text gives them the same
       letters): at their place (its annotations in the order they are encoded), or where the span is when it names
       none. -->
  <xsl:accumulator name="samizdat:annotation-number" as="xs:integer" initial-value="0">
    <xsl:accumulator-rule match="span[$samizdat:has-span][normalize-space()][not(ancestor::teiHeader)]" select="if (samizdat:annotation-placed(.)) then $value else $value + 1"/>
    <xsl:accumulator-rule match="*[$samizdat:has-span][@xml:id][not(self::span)][ancestor::text]" select="$value + count(samizdat:annotations-at(.))"/>
    <!-- Those at an apparatus entry's call-out, which follows the element (samizdat:entry-annotations-at). -->
    <xsl:accumulator-rule match="*[$samizdat:has-span][self::app or @xml:id or @n][ancestor::text]" phase="end" select="$value + count(samizdat:entry-annotations-at(.))"/>
  </xsl:accumulator>
  <xsl:function name="samizdat:annotation-number" as="xs:integer">
    <xsl:param name="s" as="element()"/>
    <xsl:variable name="at" select="samizdat:annotation-target($s)"/>
    <xsl:variable name="site" select="if (exists($at)) then () else samizdat:annotation-entry($s) ! samizdat:callout-site(.)"/>
    <!-- accumulator-before: the value once the element's own rule has counted it (or the annotations at it); -after,
         once those at the call-out after it are counted too. -->
    <xsl:variable name="here" select="if (exists($at)) then samizdat:annotations-at($at) ! generate-id() else $site ! samizdat:entry-annotations-at(.) ! generate-id()"/>
    <xsl:sequence select="if (exists($at)) then $at/accumulator-before('samizdat:annotation-number') - count($here) + index-of($here, generate-id($s))
      else if (exists($site)) then $site/accumulator-after('samizdat:annotation-number') - count($here) + index-of($here, generate-id($s))
      else $s/accumulator-before('samizdat:annotation-number')"/>
  </xsl:function>
  <xsl:function name="samizdat:annotation-label" as="xs:string">
    <xsl:param name="s" as="element()"/>
    <xsl:sequence select="format-integer(samizdat:annotation-number($s), 'a')"/>
  </xsl:function>

  <!-- The words each span is on, as the key's values (generate-id: a node is no key value); built when first asked,
       only for a document with spans. The last of them, where its link follows. -->
  <xsl:key name="samizdat:annotated" match="span[normalize-space()][not(ancestor::teiHeader)]" use="samizdat:span-text(.) ! generate-id()"/>
  <xsl:key name="samizdat:annotated-end" match="span[normalize-space()][not(ancestor::teiHeader)]" use="samizdat:span-text(.)[last()] ! generate-id()"/>

  <!-- The words of the page a span's annotation is on: those of the element it stands at, or from there to its @to
       (the element's words too, not an anchor's), looked for within the nearest element holding both. Not the words
       of a note or another annotation among them, which are not the text's (unless the span is on words inside
       one). Only for a span whose annotation stands at its target: there, beside them. -->
  <xsl:function name="samizdat:span-text" as="text()*">
    <xsl:param name="s" as="element()"/>
    <!-- Or, for an annotation shown in an apparatus entry, the words the entry prints. -->
    <xsl:variable name="from" select="(samizdat:annotation-target($s), samizdat:annotation-entry($s) ! key('samizdat:id', samizdat:span-start($s), root($s))[1])[1]"/>
    <xsl:variable name="to" select="if ($s/@to and exists($from)) then key('samizdat:id', substring-after(normalize-space($s/@to), '#'), root($s))[1][ancestor::text] else ()"/>
    <xsl:variable name="words" select="
      if (exists($to)) then (
        let $common := ($from/ancestor::* intersect $to/ancestor::*)[last()]
        return ($common//text()[. &gt;&gt; $from][. &lt;&lt; $to], $to//text()))
      else $from[not(self::anchor)]//text()"/>
    <xsl:sequence select="$words[normalize-space()][empty(ancestor::*[self::note or self::span or self::spanGrp or self::interp or self::interpGrp or self::figDesc] except $from/ancestor-or-self::*)]"/>
  </xsl:function>

</xsl:stylesheet>
