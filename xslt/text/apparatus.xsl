<?xml version="1.0" encoding="UTF-8"?>
<!--
  The critical apparatus of a document as JSON: what src/transform/apparatus.ts
  reads (readApparatus, and samizdat text, for a witness, before it writes its
  text). The declared method, the witnesses, and every entry with
  its lemma, readings and witnesses (named or implied), notes, the places
  where a witness's text cannot be read, and the document-order number of
  each element (which the library turns into line:column). Kept apart from
  text.xsl, which it imports for the words of readings, so that the plain
  text does not pay for compiling it.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:samizdat="urn:samizdat"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <xsl:import href="text.xsl"/>
  <!-- The readings' words as data: no annotation letters (text.xsl's, for the plain text's reader). -->
  <xsl:variable name="samizdat:text-annotations" as="xs:boolean" select="false()"/>

  <xsl:template match="/">
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
