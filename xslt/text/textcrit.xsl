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
  - $output = 'apparatus': the model as JSON (what src/transform/apparatus.ts
    reads): the declared method, the witnesses, and every entry with its
    lemma, readings and witnesses, the places where a witness's text cannot
    be read, and the document-order number of each element (for line:column).
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:samizdat="urn:samizdat"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <!-- 'text' (the plain text) or 'apparatus' (the apparatus model as JSON). -->
  <xsl:param name="output" as="xs:string" select="'text'"/>

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

  <!-- In a witness's text, what it lacks is left out. -->
  <xsl:template match="text()[$samizdat:witness-id != '']" mode="inline">
    <xsl:if test="not(samizdat:absent($samizdat:witness-id, .))">
      <xsl:sequence select="string(.)"/>
    </xsl:if>
  </xsl:template>

  <!-- Whether a note is one of the text's notes (numbered after the text) rather than part of an apparatus entry. -->
  <xsl:function name="samizdat:text-note" as="xs:boolean">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="empty($note/ancestor::app | $note/ancestor::listApp)"/>
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
      <xsl:if test="exists($tei//listWit)">
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
      else if ($span != '') then $span || '] ' || samizdat:sigla-text((), samizdat:implied-witnesses($app, $main), $app, $main)
      else ()"/>
    <xsl:variable name="items" select="for $item in samizdat:entry-items($app, $lemma) return samizdat:item-text($item, $lemma, $main)"/>
    <xsl:variable name="notes" select="$app//note[not(ancestor::note)][ancestor::app[1] is $app] ! samizdat:line(node())"/>
    <xsl:sequence select="normalize-space(
      string-join((normalize-space($app/@loc)[. != ''] ! (. || ':'), string-join(($head, $items), '; ')), ' ')
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

  <!-- A reading: its words (or "om.", or the lacuna it marks), "]" after a lemma, its sigla, hand, responsibility, type. -->
  <xsl:function name="samizdat:reading-text" as="xs:string">
    <xsl:param name="reading" as="element()"/>
    <xsl:param name="main" as="document-node()"/>
    <xsl:param name="lemma" as="xs:boolean"/>
    <xsl:variable name="limits" select="$reading//(lacunaStart | lacunaEnd | witStart | witEnd) ! samizdat:label(local-name())"/>
    <xsl:variable name="words" select="if (samizdat:omission($reading)) then (if (exists($limits)) then string-join($limits, ' ') else samizdat:label('omission'))
      else string-join(($limits, samizdat:line($reading/node())), ' ')"/>
    <xsl:variable name="ids" select="samizdat:reading-witnesses($reading, $main)"/>
    <xsl:variable name="pointers" select="samizdat:witness-pointers($reading)"/>
    <xsl:sequence select="string-join((
      $words || (if ($lemma) then ']' else ''),
      (if (exists($ids) or exists($pointers)) then samizdat:sigla-text($pointers, $ids, $reading, $main) else ())
        || string-join($reading/@hand ! tokenize(normalize-space(.)) ! ('^' || samizdat:hand-label(., $reading, $main))),
      $reading/@resp ! ('(' || string-join(tokenize(normalize-space(.)) ! samizdat:hand-label(., $reading, $main), ', ') || ')'),
      $reading/@type ! ('(' || normalize-space(.) || ')'),
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
    <xsl:sequence select="normalize-space(($target/@n, $target/@xml:id, samizdat:pointer-name($pointer))[1])"/>
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

  <!-- ============================================================ the model as JSON -->

  <xsl:template match="document-node()[$output = 'apparatus']" priority="2">
    <xsl:variable name="main" select="samizdat:tei(.)"/>
    <!-- Element n (1-based, document order) of the source text: the library turns it into line:column. -->
    <xsl:variable name="elements" select="$main//*"/>
    <xsl:variable name="order" select="map:merge(for $i in 1 to count($elements) return map { generate-id($elements[$i]): $i })"/>
    <xsl:variable name="parallel" select="samizdat:has-witness-texts($main)"/>
    <xsl:variable name="entries" select="if (samizdat:has-apparatus($main)) then samizdat:apparatus($main) else ()"/>
    <xsl:variable name="json" select="map {
      'declaredMethod': samizdat:declared-method($main),
      'witnessTexts': $parallel,
      'witnesses': array { $main//listWit//(witness | listWit)[@xml:id] ! map {
        'id': string(@xml:id),
        'siglum': samizdat:siglum(.),
        'description': samizdat:line((if (self::listWit) then head else .)/node()),
        'group': string(ancestor::listWit[@xml:id][1]/@xml:id),
        'members': array { if (self::listWit) then .//witness/@xml:id ! string() else () },
        'position': samizdat:json-position($order, $main, .)
      } },
      'entries': array { for $e in $entries return
        let $app := $e?app, $lemma := samizdat:lemma($app)
        return map {
          'number': $e?number,
          'id': $e?id,
          'method': $e?method,
          'location': normalize-space($app/@loc),
          'shown': $e?shown,
          'external': not(root($app) is $main),
          'type': string($app/@type),
          'lemma': if (exists($lemma)) then samizdat:json-reading($lemma, $main, $order)
                   else if ($e?method = 'double-end-point') then map { 'kind': 'reading', 'element': 'base', 'text': samizdat:span-text($app, $main),
                     'omission': false(), 'limits': array {}, 'sigla': array { samizdat:implied-witnesses($app, $main) ! (key('samizdat:xml-id', ., $main)[1] ! samizdat:siglum(.), .)[1] },
                     'witnesses': array { samizdat:implied-witnesses($app, $main) }, 'implied': true(), 'type': '', 'position': () }
                   else (),
          'readings': array { samizdat:entry-items($app, $lemma) ! samizdat:json-item(., $lemma, $main, $order) },
          'notes': array { $app//note[not(ancestor::note)][ancestor::app[1] is $app] ! samizdat:line(node()) },
          'position': samizdat:json-position($order, $main, $app),
          'attachedTo': samizdat:json-position($order, $main, $e?attach[not(. is $app)]),
          'witnessProblems': array { if (not($parallel)) then () else
            for $w in samizdat:app-scope($app, $main), $state in samizdat:witness-state($app, $w)[. = ('missing', 'ambiguous')]
            return map {
              'witness': $w,
              'kind': $state,
              'positions': array { if ($state = 'ambiguous') then (for $r in samizdat:witness-readings($app, $w) return samizdat:json-position($order, $main, $r)) else samizdat:json-position($order, $main, key('samizdat:xml-id', $w, $main)[1]) }
            } }
        } }
    }"/>
    <xsl:value-of select="serialize($json, map { 'method': 'json' })"/>
  </xsl:template>
  <!-- The element's number in document order (for line:column), when it is in this document. -->
  <xsl:function name="samizdat:json-position" as="xs:integer?">
    <xsl:param name="order" as="map(*)"/>
    <xsl:param name="main" as="document-node()"/>
    <xsl:param name="e" as="element()?"/>
    <xsl:sequence select="if (exists($e) and root($e) is $main) then map:get($order, generate-id($e)) else ()"/>
  </xsl:function>

  <xsl:function name="samizdat:json-reading" as="map(*)">
    <xsl:param name="r" as="element()"/>
    <xsl:param name="main" as="document-node()"/>
    <xsl:param name="order" as="map(*)"/>
    <xsl:sequence select="map {
      'kind': 'reading',
      'element': local-name($r),
      'text': if (samizdat:omission($r)) then '' else samizdat:line($r/node()),
      'omission': samizdat:omission($r),
      'limits': array { $r//(lacunaStart | lacunaEnd | witStart | witEnd) ! local-name() },
      'sigla': array { if (exists(samizdat:witness-pointers($r))) then (for $p in samizdat:witness-pointers($r) return (samizdat:target($p, $r, $main) ! samizdat:siglum(.), samizdat:pointer-name($p))[1])
                       else samizdat:reading-witnesses($r, $main) ! (key('samizdat:xml-id', ., $main)[1] ! samizdat:siglum(.), .)[1] },
      'witnesses': array { samizdat:reading-witnesses($r, $main) },
      'implied': samizdat:implied($r),
      'type': string($r/@type),
      'position': samizdat:json-position($order, $main, $r)
    }"/>
  </xsl:function>

  <xsl:function name="samizdat:json-item" as="map(*)">
    <xsl:param name="i" as="element()"/>
    <xsl:param name="lemma" as="element()?"/>
    <xsl:param name="main" as="document-node()"/>
    <xsl:param name="order" as="map(*)"/>
    <xsl:sequence select="if ($i/self::rdgGrp) then map {
        'kind': 'group',
        'type': string($i/@type),
        'readings': array { for $r in samizdat:entry-items($i, $lemma) return samizdat:json-item($r, $lemma, $main, $order) }
      } else samizdat:json-reading($i, $main, $order)"/>
  </xsl:function>
</xsl:stylesheet>
