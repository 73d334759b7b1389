<?xml version="1.0" encoding="UTF-8"?>
<!--
  Text criticism in the plain text (included by text.xsl, so that its
  templates rank with text.xsl's own).

  - The edited text: a parallel-segmentation app gives its lem (or first
    reading); an app linked by @loc or @from/@to gives nothing (its lemma is
    the base text around it); a listApp gives nothing.
  - After the text: the apparatus, one entry a paragraph,
    "N lemma] sigla; reading sigla; …", then the witnesses, "siglum — description".
  - $witness (a siglum or xml:id): the text of that witness instead, from a
    parallel-segmentation apparatus: its reading in every app, nothing where
    it has a lacuna or before its fragment begins, "[lacuna]" where a lacuna
    begins; no apparatus.
  The apparatus as JSON, for the library, is apparatus.xsl.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:samizdat="urn:samizdat"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <!-- The xml:id of the witness $witness names ('' for the edited text, or when it names none). -->
  <xsl:variable name="samizdat:witness-id" as="xs:string" select="if ($witness = '') then '' else samizdat:witness-key($witness, samizdat:tei(/))"/>

  <!-- ============================================================ in the text -->

  <xsl:template match="app" mode="inline">
    <xsl:if test="samizdat:app-method(.) = 'parallel-segmentation'">
      <xsl:choose>
        <xsl:when test="$samizdat:witness-id = ''">
          <xsl:apply-templates select="samizdat:shown-reading(.)/node()" mode="inline"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:variable name="readings" select="samizdat:witness-readings(., $samizdat:witness-id)"/>
          <xsl:apply-templates select="$readings/node()" mode="inline"/>
          <xsl:if test="empty($readings) and samizdat:witness-state(., $samizdat:witness-id) = 'missing'">
            <xsl:sequence select="' ' || samizdat:label('missing') || ' '"/>
          </xsl:if>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:if>
  </xsl:template>

  <!-- An app whose readings are paragraphs (or verse lines …): the blocks of the reading that stands in the text. -->
  <xsl:template match="app" mode="blocks" priority="1">
    <xsl:variable name="readings" select="
      if (samizdat:app-method(.) != 'parallel-segmentation') then ()
      else if ($samizdat:witness-id = '') then samizdat:shown-reading(.)
      else samizdat:witness-readings(., $samizdat:witness-id)"/>
    <xsl:apply-templates select="$readings" mode="blocks"/>
  </xsl:template>

  <xsl:template match="listApp | witDetail | wit | listWit | variantEncoding" mode="inline blocks" priority="1"/>
  <xsl:template match="app//note" mode="inline" priority="1"/>
  <xsl:template match="lacunaEnd | witStart | witEnd" mode="inline"/>
  <xsl:template match="lacunaStart" mode="inline">
    <xsl:if test="$samizdat:witness-id != '' and $samizdat:witness-id = samizdat:limit-witnesses(.)">
      <xsl:sequence select="' ' || samizdat:label('lacuna') || ' '"/>
    </xsl:if>
  </xsl:template>

  <!-- In a witness's text, what it lacks is left out; the words beside a line break within a word are joined as
       in the edited text (common/transcr.xsl: samizdat:word-break-text), since this rule ranks above that one. -->
  <xsl:template match="text()[$samizdat:witness-id != '']" mode="inline">
    <xsl:if test="not(samizdat:absent($samizdat:witness-id, .))">
      <xsl:sequence select="if ($samizdat:has-word-breaks and samizdat:beside-word-break(.)) then samizdat:word-break-text(.) else string(.)"/>
    </xsl:if>
  </xsl:template>

  <!-- Whether a note is one of the text's notes (numbered after the text) rather than part of an apparatus entry,
       or a margin or inline note, which is read where it stands, as on the page (html/core.xsl: samizdat:called-out). -->
  <xsl:function name="samizdat:text-note" as="xs:boolean">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="empty($note/ancestor::app | $note/ancestor::listApp) and not(samizdat:set-off-note($note))"/>
  </xsl:function>
  <!-- A margin note (@place margin, left, right, opposite …) or an inline one (inline, interlinear, above, below):
       common/pointers.xsl's samizdat:note-place, as on the page. -->
  <xsl:function name="samizdat:set-off-note" as="xs:boolean">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="samizdat:note-place($note) = ('margin', 'inline') and empty($note/ancestor::app | $note/ancestor::listApp)"/>
  </xsl:function>

  <!-- ============================================================ after the text -->

  <!-- The apparatus and the witness list as paragraphs of the plain text (none in a witness's text). -->
  <xsl:template name="samizdat:apparatus-text" as="xs:string*">
    <xsl:param name="tei" as="document-node()"/>
    <xsl:if test="$samizdat:witness-id = '' and samizdat:has-apparatus($tei)">
      <xsl:variable name="entries" select="samizdat:apparatus($tei)"/>
      <xsl:sequence select="samizdat:label('apparatus')"/>
      <xsl:for-each select="$entries">
        <xsl:sequence select="?number || ' ' || samizdat:entry-text(., $tei)"/>
      </xsl:for-each>
      <xsl:if test="exists(key('samizdat:textcrit', 'listWit', $tei))">
        <xsl:sequence select="samizdat:label('witnesses')"/>
        <xsl:for-each select="$tei//listWit//(witness | listWit[not(. is ($tei//listWit)[not(ancestor::listWit)])])[@xml:id or @n]">
          <xsl:variable name="description" select="if (self::listWit) then head else ."/>
          <xsl:sequence select="string-join((samizdat:siglum(.), samizdat:line($description/node())[. != '']), ' — ')"/>
        </xsl:for-each>
      </xsl:if>
    </xsl:if>
  </xsl:template>

  <!-- "lemma] sigla; reading sigla; …" -->
  <xsl:function name="samizdat:entry-text" as="xs:string">
    <xsl:param name="entry" as="map(*)"/>
    <xsl:param name="main" as="document-node()"/>
    <xsl:variable name="app" select="$entry?app"/>
    <xsl:variable name="lemma" select="samizdat:lemma($app)"/>
    <xsl:variable name="span" select="if (empty($lemma) and $entry?method = 'double-end-point') then samizdat:span-text($app, $main) else ''"/>
    <xsl:variable name="head" as="xs:string?" select="
      if (exists($lemma)) then samizdat:reading-text($lemma, $main, true())
      else if ($span != '') then string-join(($span || ']', samizdat:sigla-text((), samizdat:implied-witnesses($app, $main), $app, $main)[. != '']), ' ')
      else ()"/>
    <xsl:variable name="items" select="for $item in samizdat:entry-items($app, $lemma) return samizdat:item-text($item, $lemma, $main)"/>
    <xsl:variable name="first-gap" select="if (samizdat:entry-head-bare($app, $lemma, $main)) then ' ' else '; '"/>
    <xsl:variable name="notes" select="$app//note[not(ancestor::note)][ancestor::app[1] is $app] ! samizdat:line(node())"/>
    <xsl:sequence select="normalize-space(
      string-join((normalize-space($app/@loc)[. != ''] ! (. || ':'), string-join((string-join(($head, $items[1]), $first-gap), $items[position() gt 1]), '; ')), ' ')
      || (if ($app/@type) then ' — ' || normalize-space($app/@type) else '')
      || '.' || string-join($notes ! (' ' || .)))"/>
  </xsl:function>

  <!-- The readings and groups an entry lists after its lemma. -->
  <xsl:function name="samizdat:entry-items" as="element()*">
    <xsl:param name="parent" as="element()"/>
    <xsl:param name="lemma" as="element()?"/>
    <xsl:sequence select="($parent/* except $lemma)[self::rdg or self::lem or self::rdgGrp[exists(.//(lem | rdg) except $lemma)]]"/>
  </xsl:function>

  <xsl:function name="samizdat:item-text" as="xs:string">
    <xsl:param name="item" as="element()"/>
    <xsl:param name="lemma" as="element()?"/>
    <xsl:param name="main" as="document-node()"/>
    <xsl:sequence select="
      if ($item/self::rdgGrp) then
        (if ($item/parent::rdgGrp) then '(' else '')
        || (if ($item/@type) then normalize-space($item/@type) || ': ' else '')
        || string-join(samizdat:entry-items($item, $lemma) ! samizdat:item-text(., $lemma, $main), ', ')
        || (if ($item/parent::rdgGrp) then ')' else '')
      else samizdat:reading-text($item, $main, false())"/>
  </xsl:function>

  <!-- A reading: its words (or "om.", or the lacuna it marks) and "(?)" for a low certainty, "]" after a lemma, its sigla, hand,
       responsibility, type and cause (@cause: why the variant arose). -->
  <xsl:function name="samizdat:reading-text" as="xs:string">
    <xsl:param name="reading" as="element()"/>
    <xsl:param name="main" as="document-node()"/>
    <xsl:param name="lemma" as="xs:boolean"/>
    <xsl:variable name="limits" select="$reading//(lacunaStart | lacunaEnd | witStart | witEnd) ! samizdat:label(local-name())"/>
    <xsl:variable name="words" select="if (samizdat:omission($reading)) then (if (exists($limits)) then string-join($limits, ' ') else samizdat:label('omission'))
      else string-join(($limits, samizdat:line($reading/node(), $reading/ancestor::app[1])), ' ')"/>
    <xsl:variable name="ids" select="samizdat:reading-witnesses($reading, $main)"/>
    <xsl:variable name="pointers" select="samizdat:witness-pointers($reading)"/>
    <xsl:sequence select="string-join((
      $words || samizdat:cert-mark($reading) || (if ($lemma) then ']' else ''),
      (if (exists($ids) or exists($pointers)) then samizdat:sigla-text($pointers, $ids, $reading, $main) else ())
        || string-join($reading/@hand ! tokenize(normalize-space(.)) ! ('^' || samizdat:hand-label(., $reading, $main))),
      $reading/@resp ! ('(' || string-join(tokenize(normalize-space(.)) ! samizdat:hand-label(., $reading, $main), ', ') || ')'),
      $reading/@type ! ('(' || normalize-space(.) || ')'),
      $reading/@cause[normalize-space() != ''] ! ('(' || normalize-space(.) || ')'),
      $reading/following-sibling::*[1][self::wit] ! ('(' || samizdat:line(node()) || ')'),
      $reading/@xml:id ! key('samizdat:witDetail', '#' || ., root($reading)) ! ('('
        || string-join((if (@wit) then samizdat:sigla-text(tokenize(normalize-space(@wit)), (), ., $main) else (), samizdat:line(node())), ': ') || ')')
    )[. != ''], ' ')"/>
  </xsl:function>

  <xsl:function name="samizdat:hand-label" as="xs:string">
    <xsl:param name="pointer" as="xs:string"/>
    <xsl:param name="context" as="node()"/>
    <xsl:param name="main" as="document-node()"/>
    <xsl:variable name="target" select="samizdat:target($pointer, $context, $main)"/>
    <!-- Named as the page names a hand or an agent (common/resp.xsl): a handNote's @n or @scribe, a person's or a
         respStmt's name; else the pointer. -->
    <xsl:sequence select="normalize-space((samizdat:agent-name($target)[. != ''], samizdat:pointer-name($pointer))[1])"/>
  </xsl:function>

  <xsl:function name="samizdat:sigla-text" as="xs:string">
    <xsl:param name="pointers" as="xs:string*"/>
    <xsl:param name="ids" as="xs:string*"/>
    <xsl:param name="context" as="node()"/>
    <xsl:param name="main" as="document-node()"/>
    <xsl:sequence select="string-join(
      if (exists($pointers)) then (for $p in $pointers return (samizdat:target($p, $context, $main) ! samizdat:siglum(.), samizdat:pointer-name($p))[1])
      else (for $id in $ids return (key('samizdat:xml-id', $id, $main)[1] ! samizdat:siglum(.), $id)[1]), ' ')"/>
  </xsl:function>

</xsl:stylesheet>
