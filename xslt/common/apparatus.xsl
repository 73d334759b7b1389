<?xml version="1.0" encoding="UTF-8"?>
<!--
  The critical apparatus as one model, shared by the HTML page, the plain
  text and the JSON the library reads (TEI Guidelines, chapter "Critical
  Apparatus"). Whatever the linking method, an apparatus entry is:

    map {
      'app':     the app element,
      'number':  its number in the apparatus (1, 2, …, in the order of the
                 places the entries attach to in the text),
      'id':      the HTML id of the entry (the app's xml:id, or app-N),
      'method':  'parallel-segmentation' | 'location-referenced' | 'double-end-point',
      'attach':  the node after which its call-out stands in the text (the
                 app itself when it is in the text; the element @to, @from or
                 @loc names when it stands apart), or () when it attaches nowhere,
      'callout': the HTML id of its call-out, '' when the call-out is not in
                 the reading text (an app inside a reading that is not shown),
      'back':    the id the entry links back to ('' for none)
    }

  and its lemma and readings are read from the app with the functions
  below: samizdat:lemma, samizdat:readings, samizdat:reading-witnesses
  (explicit, inherited from rdgGrp, or implied: "witnesses may be omitted
  only for a single reading"), samizdat:omission.

  Witness texts (parallel segmentation): samizdat:witness-readings gives
  the reading(s) of one witness in an app; samizdat:absent says whether a
  witness is in a lacuna (lacunaStart … lacunaEnd) or outside its fragment
  (before witStart, after witEnd) at a point of the text.

  Nothing here reads a file: an apparatus kept in another file is passed in
  as $apparatus-documents by the build.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:samizdat="urn:samizdat"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <!-- The witness whose text to give (its siglum or xml:id); '' for the edited text. -->
  <xsl:param name="witness" as="xs:string" select="''"/>
  <!-- Files holding an apparatus to this document (a listApp whose @from/@to point here):
       a JSON array of {"href": path relative to this document, "text": the file's XML}. -->
  <xsl:param name="apparatus-documents" as="xs:string" select="'[]'"/>

  <!-- Words the apparatus prints, by key; a customisation overrides any of them (see docs/apparatus.md). -->
  <xsl:param name="apparatus-labels" as="map(xs:string, xs:string)" select="map {}"/>

  <xsl:variable name="samizdat:default-apparatus-labels" as="map(xs:string, xs:string)" select="map {
    'apparatus': 'Apparatus criticus',
    'witnesses': 'Witnesses',
    'omission': 'om.',
    'lacunaStart': 'lacuna begins',
    'lacunaEnd': 'lacuna ends',
    'witStart': 'text begins',
    'witEnd': 'text ends',
    'lacuna': '[lacuna]',
    'missing': '[no reading]',
    'entry': 'Apparatus entry',
    'back': 'back to the text',
    'witness-text': 'text of this witness',
    'witness-page': 'The text of witness',
    'edited-text': 'The edited text and its apparatus',
    'witness-texts': 'Read the text of a witness:'
  }"/>

  <xsl:function name="samizdat:label" as="xs:string">
    <xsl:param name="key" as="xs:string"/>
    <xsl:sequence select="(map:get($apparatus-labels, $key), map:get($samizdat:default-apparatus-labels, $key), $key)[1]"/>
  </xsl:function>

  <xsl:key name="samizdat:xml-id" match="*[@xml:id]" use="string(@xml:id)"/>
  <!-- Looked up for every app: indexed once per document rather than searched each time. -->
  <xsl:key name="samizdat:witness" match="witness[@xml:id]" use="'all'"/>
  <!-- Whether a document has any of these is asked of every document: one pass finds them all. -->
  <xsl:key name="samizdat:textcrit" match="app | listApp | listWit | lacunaStart | lacunaEnd | witStart | witEnd" use="local-name()"/>
  <xsl:key name="samizdat:variantEncoding" match="encodingDesc/variantEncoding" use="'all'"/>
  <xsl:key name="samizdat:witDetail" match="witDetail[@target]" use="tokenize(normalize-space(@target))"/>
  <!-- Where a canonical reference (@loc) can point: "WBP 1" and "WBP.1" for <l n="1"> in <div n="WBP">, or the bare @n. -->
  <xsl:key name="samizdat:canonical" match="text//*[@n]" use="samizdat:canonical-references(.)"/>
  <!-- The lacunae and fragment limits of each witness, in document order. -->
  <xsl:key name="samizdat:witness-limits" match="lacunaStart | lacunaEnd | witStart | witEnd" use="samizdat:limit-witnesses(.)"/>

  <xsl:variable name="samizdat:methods" as="xs:string*" select="('parallel-segmentation', 'location-referenced', 'double-end-point')"/>

  <!-- The other files' apparatus documents, by their URI. -->
  <xsl:variable name="samizdat:external-apparatus" as="map(xs:string, document-node())" select="map:merge(
    for $d in parse-json($apparatus-documents)?* return map { resolve-uri(string($d?href), string(base-uri(/))): samizdat:tei(parse-xml(string($d?text))) })"/>

  <!-- ============================================================ pointers -->

  <xsl:function name="samizdat:document-uri" as="xs:string">
    <xsl:param name="node" as="node()"/>
    <xsl:variable name="root" select="root($node)"/>
    <xsl:sequence select="(map:keys($samizdat:external-apparatus)[map:get($samizdat:external-apparatus, .) is $root], string(base-uri($root)))[1]"/>
  </xsl:function>

  <!-- The element a pointer (#id, file.xml#id, or a prefixDef's private URI) leads to, in this
       document, in $main, or in one of the apparatus documents; () when it leads nowhere known. -->
  <xsl:function name="samizdat:target" as="element()?">
    <xsl:param name="pointer" as="xs:string"/>
    <xsl:param name="context" as="node()"/>
    <xsl:param name="main" as="document-node()"/>
    <xsl:variable name="resolved" select="samizdat:resolve-pointer($pointer, $context)"/>
    <xsl:variable name="file" select="if (contains($resolved, '#')) then substring-before($resolved, '#') else $resolved"/>
    <xsl:variable name="fragment" select="substring-after($resolved, '#')"/>
    <xsl:variable name="document" as="document-node()?">
      <xsl:choose>
        <xsl:when test="$file = ''"><xsl:sequence select="root($context)"/></xsl:when>
        <xsl:otherwise>
          <xsl:try>
            <xsl:variable name="uri" select="string(resolve-uri($file, samizdat:document-uri($context)))"/>
            <xsl:sequence select="if ($uri = samizdat:document-uri($main)) then $main else map:get($samizdat:external-apparatus, $uri)"/>
            <xsl:catch select="()"/>
          </xsl:try>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:sequence select="if ($fragment = '' or empty($document)) then () else key('samizdat:xml-id', $fragment, $document)[1]"/>
  </xsl:function>

  <!-- The text after '#' of a pointer that leads nowhere known: the best name it has. -->
  <xsl:function name="samizdat:pointer-name" as="xs:string">
    <xsl:param name="pointer" as="xs:string"/>
    <xsl:sequence select="if (contains($pointer, '#')) then substring-after($pointer, '#') else $pointer"/>
  </xsl:function>

  <!-- ============================================================ witnesses -->

  <!-- A witness's siglum: its @n, else its xml:id. -->
  <xsl:function name="samizdat:siglum" as="xs:string">
    <xsl:param name="witness" as="element()"/>
    <xsl:sequence select="normalize-space(($witness/@n, $witness/@xml:id, local-name($witness))[1])"/>
  </xsl:function>

  <!-- Every witness of the edition (not groups), in the order of the witness lists, once each. -->
  <xsl:function name="samizdat:witnesses" as="element()*">
    <xsl:param name="main" as="document-node()"/>
    <xsl:choose>
      <xsl:when test="map:size($samizdat:external-apparatus) = 0">
        <xsl:sequence select="key('samizdat:witness', 'all', $main)"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="all" select="($main, map:keys($samizdat:external-apparatus) ! map:get($samizdat:external-apparatus, .)) ! key('samizdat:witness', 'all', .)"/>
        <xsl:sequence select="for $id in distinct-values($all/@xml:id ! string()) return $all[@xml:id = $id][1]"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- The witnesses (xml:ids) a pointer names: a witness, every witness of a group (listWit),
       or, for a pointer that leads nowhere known, its name. -->
  <xsl:function name="samizdat:witness-ids" as="xs:string*">
    <xsl:param name="pointers" as="xs:string*"/>
    <xsl:param name="context" as="node()"/>
    <xsl:param name="main" as="document-node()"/>
    <xsl:sequence select="distinct-values(for $p in $pointers return
      let $target := samizdat:target($p, $context, $main) return
        if ($target/self::listWit) then $target//witness/@xml:id ! string()
        else if (exists($target/@xml:id)) then string($target/@xml:id)
        else samizdat:pointer-name($p))"/>
  </xsl:function>

  <!-- The xml:id of the witness an xml:id (or, failing that, a siglum) names; '' if none. -->
  <xsl:function name="samizdat:witness-key" as="xs:string">
    <xsl:param name="siglum" as="xs:string"/>
    <xsl:param name="main" as="document-node()"/>
    <xsl:variable name="witnesses" select="samizdat:witnesses($main)"/>
    <xsl:sequence select="string(($witnesses[@xml:id = $siglum], $witnesses[samizdat:siglum(.) = $siglum])[1]/@xml:id)"/>
  </xsl:function>

  <!-- ============================================================ apps and readings -->

  <!-- The method the document declares (variantEncoding/@method), or ''. -->
  <xsl:function name="samizdat:declared-method" as="xs:string">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="string(key('samizdat:variantEncoding', 'all', root($node))[1]/@method)"/>
  </xsl:function>

  <!-- How an app links to the text: by its own attributes (@from/@to, @loc), else as the document declares, else parallel segmentation. -->
  <xsl:function name="samizdat:app-method" as="xs:string">
    <xsl:param name="app" as="element()"/>
    <xsl:variable name="declared" select="samizdat:declared-method($app)"/>
    <xsl:sequence select="
      if ($app/@from or $app/@to) then 'double-end-point'
      else if ($app/@loc) then 'location-referenced'
      else if ($declared = $samizdat:methods) then $declared
      else 'parallel-segmentation'"/>
  </xsl:function>

  <!-- The readings (lem, rdg) of an app, those of its rdgGrps included, not those of apps nested in them. -->
  <xsl:function name="samizdat:readings" as="element()*">
    <xsl:param name="app" as="element()"/>
    <xsl:sequence select="$app/(lem | rdg | rdgGrp//(lem | rdg))[ancestor::app[1] is $app]"/>
  </xsl:function>

  <!-- The reading that stands in the edited text of a parallel-segmentation apparatus: the lem, else the first reading. -->
  <xsl:function name="samizdat:shown-reading" as="element()?">
    <xsl:param name="app" as="element()"/>
    <xsl:variable name="readings" select="samizdat:readings($app)"/>
    <xsl:sequence select="($readings[self::lem], $readings)[1]"/>
  </xsl:function>

  <!-- The lemma an entry prints before "]": the lem (or, in parallel segmentation, the reading in the text). -->
  <xsl:function name="samizdat:lemma" as="element()?">
    <xsl:param name="app" as="element()"/>
    <xsl:sequence select="if (samizdat:app-method($app) = 'parallel-segmentation') then samizdat:shown-reading($app) else samizdat:readings($app)[self::lem][1]"/>
  </xsl:function>

  <!-- The pointers to a reading's witnesses as written: its @wit, else the @wit of the nearest rdgGrp, else its @source. -->
  <xsl:function name="samizdat:witness-pointers" as="xs:string*">
    <xsl:param name="e" as="element()"/>
    <xsl:choose>
      <xsl:when test="$e/@wit">
        <xsl:sequence select="tokenize(normalize-space($e/@wit))"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="app" select="$e/ancestor::app[1]"/>
        <xsl:variable name="carrier" select="($e/ancestor::rdgGrp[@wit][ancestor::app[1] is $app])[last()]"/>
        <xsl:sequence select="tokenize(normalize-space(($carrier/@wit, $e/@source)[1]))"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- The app's single reading that names no witness, whose witnesses are all the others. -->
  <xsl:function name="samizdat:implied-reading" as="element()?">
    <xsl:param name="app" as="element()"/>
    <xsl:variable name="silent" select="samizdat:readings($app)[empty(samizdat:witness-pointers(.))]"/>
    <xsl:sequence select="if (count($silent) = 1) then $silent else ()"/>
  </xsl:function>

  <!-- Witnesses an app is about: those of the reading it is nested in, else all of them. -->
  <xsl:function name="samizdat:app-scope" as="xs:string*">
    <xsl:param name="app" as="element()"/>
    <xsl:param name="main" as="document-node()"/>
    <xsl:variable name="reading" select="$app/ancestor::*[self::lem or self::rdg][1]"/>
    <xsl:sequence select="if (exists($reading)) then samizdat:reading-witnesses($reading, $main) else samizdat:witnesses($main)/@xml:id ! string()"/>
  </xsl:function>

  <!-- Witnesses no reading of the app names and that are not in a lacuna there. -->
  <xsl:function name="samizdat:implied-witnesses" as="xs:string*">
    <xsl:param name="app" as="element()"/>
    <xsl:param name="main" as="document-node()"/>
    <xsl:variable name="named" select="samizdat:readings($app) ! samizdat:witness-ids(samizdat:witness-pointers(.), ., $main)"/>
    <xsl:sequence select="samizdat:app-scope($app, $main)[not(. = $named)][not(samizdat:absent(., $app))]"/>
  </xsl:function>

  <!-- The witnesses (xml:ids) of a reading: named, or implied for the app's one silent reading. -->
  <xsl:function name="samizdat:reading-witnesses" as="xs:string*">
    <xsl:param name="reading" as="element()"/>
    <xsl:param name="main" as="document-node()"/>
    <xsl:variable name="named" select="samizdat:witness-ids(samizdat:witness-pointers($reading), $reading, $main)"/>
    <xsl:variable name="app" select="$reading/ancestor::app[1]"/>
    <xsl:sequence select="
      if (exists($named)) then $named
      else if ($reading is samizdat:implied-reading($app) and (samizdat:app-method($app) = 'parallel-segmentation' or $reading/self::lem)) then samizdat:implied-witnesses($app, $main)
      else ()"/>
  </xsl:function>

  <!-- Whether an entry prints nothing after the reading's words: no sigla, hand, responsibility, type, cause, wit or
       witDetail. After such a lemma the first reading follows its "]" with a space ("wrote] wrot B"): "; " parts one
       reading and its witnesses from the next, and a bare lemma has none ("wrote]; wrot B" read as an empty reading). -->
  <xsl:function name="samizdat:reading-bare" as="xs:boolean">
    <xsl:param name="reading" as="element()"/>
    <xsl:param name="main" as="document-node()"/>
    <xsl:sequence select="empty(samizdat:reading-witnesses($reading, $main)) and empty(samizdat:witness-pointers($reading))
      and empty($reading/(@hand, @resp, @type)) and normalize-space($reading/@cause) = ''
      and empty($reading/following-sibling::*[1][self::wit])
      and empty($reading/@xml:id ! key('samizdat:witDetail', '#' || ., root($reading)))"/>
  </xsl:function>

  <!-- Whether an entry's head (its lemma, or the words a double-end-point entry spans) has nothing after its "]". -->
  <xsl:function name="samizdat:entry-head-bare" as="xs:boolean">
    <xsl:param name="app" as="element()"/>
    <xsl:param name="lemma" as="element()?"/>
    <xsl:param name="main" as="document-node()"/>
    <xsl:sequence select="if (exists($lemma)) then samizdat:reading-bare($lemma, $main) else empty(samizdat:implied-witnesses($app, $main))"/>
  </xsl:function>

  <!-- Whether a reading's witnesses are implied rather than named. -->
  <xsl:function name="samizdat:implied" as="xs:boolean">
    <xsl:param name="reading" as="element()"/>
    <xsl:sequence select="empty(samizdat:witness-pointers($reading))"/>
  </xsl:function>

  <!-- A reading with no words: an omission ("om."), or only the start or end of a lacuna. -->
  <xsl:function name="samizdat:omission" as="xs:boolean">
    <xsl:param name="reading" as="element()"/>
    <xsl:sequence select="normalize-space(string-join($reading//text()[not(ancestor::note or ancestor::witDetail or ancestor::wit)])) = ''
      and empty($reading//*[not(self::lacunaStart or self::lacunaEnd or self::witStart or self::witEnd or self::note or ancestor::note or self::anchor or self::witDetail or ancestor::witDetail or self::wit or ancestor::wit)])"/>
  </xsl:function>

  <!-- ============================================================ fragmentary witnesses -->

  <!-- The witnesses a lacunaStart, lacunaEnd, witStart or witEnd is about: its @wit, else those of its reading (as named). -->
  <xsl:function name="samizdat:limit-witnesses" as="xs:string*">
    <xsl:param name="limit" as="element()"/>
    <xsl:variable name="main" select="root($limit)"/>
    <xsl:variable name="reading" select="$limit/ancestor::*[self::lem or self::rdg][1]"/>
    <xsl:sequence select="if ($limit/@wit) then samizdat:witness-ids(tokenize(normalize-space($limit/@wit)), $limit, $main)
      else if (exists($reading)) then samizdat:witness-ids(samizdat:witness-pointers($reading), $reading, $main)
      else ()"/>
  </xsl:function>

  <!-- Whether the witness has no text at $node: after a lacunaStart or witEnd of its own,
       or, with none before, when its first is a lacunaEnd or witStart (its text begins later). -->
  <xsl:function name="samizdat:absent" as="xs:boolean">
    <xsl:param name="witness" as="xs:string"/>
    <xsl:param name="node" as="node()"/>
    <xsl:variable name="limits" select="if (empty(key('samizdat:textcrit', ('lacunaStart', 'lacunaEnd', 'witStart', 'witEnd'), root($node)))) then () else key('samizdat:witness-limits', $witness, root($node))"/>
    <xsl:variable name="last" select="$limits[. &lt;&lt; $node][last()]"/>
    <xsl:sequence select="if (empty($limits)) then false()
      else if (exists($last)) then exists($last[self::lacunaStart or self::witEnd])
      else exists($limits[1][self::lacunaEnd or self::witStart])"/>
  </xsl:function>

  <!-- ============================================================ witness texts -->

  <!-- The reading(s) of a witness in an app: those that name it (or imply it); of several that
       differ by @varSeq, the last state. Empty when it has none. -->
  <xsl:function name="samizdat:witness-readings" as="element()*">
    <xsl:param name="app" as="element()"/>
    <xsl:param name="witness" as="xs:string"/>
    <xsl:variable name="main" select="root($app)"/>
    <xsl:variable name="own" select="samizdat:readings($app)[$witness = samizdat:reading-witnesses(., $main)]"/>
    <xsl:variable name="sequenced" select="count($own) gt 1 and count(distinct-values($own/@varSeq)) = count($own) and (every $r in $own satisfies $r/@varSeq castable as xs:decimal)"/>
    <xsl:sequence select="if ($sequenced) then $own[xs:decimal(@varSeq) = max($own/@varSeq ! xs:decimal(.))][1] else $own"/>
  </xsl:function>

  <!-- Whether the witness's text can be read at an app: 'ok', 'absent' (lacuna), 'missing' or 'ambiguous'. -->
  <xsl:function name="samizdat:witness-state" as="xs:string">
    <xsl:param name="app" as="element()"/>
    <xsl:param name="witness" as="xs:string"/>
    <xsl:variable name="readings" select="samizdat:witness-readings($app, $witness)"/>
    <xsl:sequence select="if (count($readings) = 1) then 'ok' else if (count($readings) gt 1) then 'ambiguous' else if (samizdat:absent($witness, $app)) then 'absent' else 'missing'"/>
  </xsl:function>

  <!-- Whether witness texts can be made: the document has an apparatus in parallel segmentation. -->
  <xsl:function name="samizdat:has-witness-texts" as="xs:boolean">
    <xsl:param name="main" as="document-node()"/>
    <xsl:variable name="apps" select="key('samizdat:textcrit', 'app', $main)"/>
    <xsl:sequence select="exists($apps[ancestor::text]) and (every $app in $apps satisfies samizdat:app-method($app) = 'parallel-segmentation') and exists(samizdat:witnesses($main))"/>
  </xsl:function>

  <!-- ============================================================ where entries attach -->

  <!-- "WBP 1", "WBP.1" and "1" for an <l n="1"> in <div n="WBP">. -->
  <xsl:function name="samizdat:canonical-references" as="xs:string*">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="path" select="$e/ancestor-or-self::*[@n][ancestor::text]/normalize-space(@n)"/>
    <xsl:sequence select="distinct-values((string-join($path, ' '), string-join($path, '.'), normalize-space($e/@n)))"/>
  </xsl:function>

  <!-- Whether an app stands in the text it varies (rather than in a listApp or outside the text). -->
  <xsl:function name="samizdat:inline" as="xs:boolean">
    <xsl:param name="app" as="element()"/>
    <xsl:sequence select="empty($app/ancestor::listApp) and exists($app/ancestor::text)"/>
  </xsl:function>

  <!-- The element of $main an app standing apart attaches to: @to, else @from, else @loc. -->
  <xsl:function name="samizdat:attach-target" as="element()?">
    <xsl:param name="app" as="element()"/>
    <xsl:param name="main" as="document-node()"/>
    <xsl:variable name="loc" select="normalize-space($app/@loc)"/>
    <xsl:variable name="targets" select="
      (for $p in tokenize(normalize-space($app/@to)) return samizdat:target($p, $app, $main),
       for $p in tokenize(normalize-space($app/@from)) return samizdat:target($p, $app, $main),
       if ($loc = '') then () else (key('samizdat:xml-id', $loc, $main), key('samizdat:canonical', $loc, $main)))"/>
    <xsl:sequence select="$targets[root(.) is $main][ancestor-or-self::text][1]"/>
  </xsl:function>

  <!-- Whether a node of $main is in the edited text as the page shows it: not in a reading that is not shown, a listApp or the header. -->
  <xsl:function name="samizdat:in-edited-text" as="xs:boolean">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="exists($node/ancestor-or-self::text) and empty($node/ancestor::listApp)
      and (every $app in $node/ancestor::app satisfies
            (samizdat:app-method($app) = 'parallel-segmentation' and exists(samizdat:shown-reading($app)[$node/ancestor::* intersect .])))"/>
  </xsl:function>

  <!-- The text of a double-end-point lemma that has no lem: the base text from @from to @to
       (or to the app itself when it stands in the text, or through the @from element). -->
  <xsl:function name="samizdat:span-text" as="xs:string">
    <xsl:param name="app" as="element()"/>
    <xsl:param name="main" as="document-node()"/>
    <xsl:variable name="from" select="(for $p in tokenize(normalize-space($app/@from)) return samizdat:target($p, $app, $main))[1]"/>
    <xsl:variable name="to" select="if ($app/@to) then (for $p in tokenize(normalize-space($app/@to)) return samizdat:target($p, $app, $main))[1] else if (samizdat:inline($app) and root($app) is $main) then $app else $from"/>
    <xsl:choose>
      <xsl:when test="empty($from) or empty($to) or not(root($from) is root($to))">
        <xsl:sequence select="''"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="scope" select="($from/ancestor-or-self::* intersect $to/ancestor-or-self::*)[last()]"/>
        <xsl:variable name="to-is-end" select="$to is $app or $to/self::anchor"/>
        <xsl:sequence select="normalize-space(string-join($scope//text()
          [(. &gt;&gt; $from or ancestor::* intersect $from)]
          [if ($to-is-end) then . &lt;&lt; $to else (. &lt;&lt; $to or ancestor::* intersect $to)]
          [not(ancestor::app or ancestor::note or ancestor::witDetail)]))"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- ============================================================ the entries -->

  <!-- Whether the document has an apparatus: apps of its own, or another file's that attach to it. -->
  <xsl:function name="samizdat:has-apparatus" as="xs:boolean">
    <xsl:param name="main" as="document-node()"/>
    <xsl:sequence select="exists(key('samizdat:textcrit', 'app', $main)) or map:size($samizdat:external-apparatus) gt 0"/>
  </xsl:function>

  <!-- Every entry of the document's apparatus, with those of other files that attach to it, numbered in text order. -->
  <xsl:function name="samizdat:apparatus" as="map(*)*">
    <xsl:param name="main" as="document-node()"/>
    <xsl:variable name="external" select="map:keys($samizdat:external-apparatus) ! map:get($samizdat:external-apparatus, .)//app[exists(samizdat:attach-target(., $main))]"/>
    <xsl:variable name="apps" select="(key('samizdat:textcrit', 'app', $main)[not(ancestor::teiHeader)], $external)"/>
    <xsl:variable name="attached" as="map(*)*" select="for $app in $apps return
      let $attach := if (root($app) is $main and samizdat:inline($app)) then $app else samizdat:attach-target($app, $main)
      return map {
        'app': $app,
        'attach': $attach,
        'end': ($attach/descendant-or-self::node())[last()],
        'depth': count($attach/ancestor::node())
      }"/>
    <!-- An entry's call-out follows the element it attaches to, so entries are numbered by where those elements end. -->
    <xsl:variable name="ends" select="$attached?end/."/>
    <xsl:variable name="order" select="map:merge(for $i in 1 to count($ends) return map { generate-id($ends[$i]): $i })"/>
    <xsl:variable name="sorted" as="map(*)*">
      <xsl:perform-sort select="$attached">
        <xsl:sort select="if (exists(?end)) then map:get($order, generate-id(?end)) else count($ends) + 1" data-type="number"/>
        <xsl:sort select="?depth" data-type="number" order="descending"/>
      </xsl:perform-sort>
    </xsl:variable>
    <xsl:variable name="numbered" as="map(*)*" select="for $i in 1 to count($sorted) return
      let $e := $sorted[$i], $app := $e?app
      return map:merge(($e, map {
        'number': $i,
        'id': if ($app/@xml:id and root($app) is $main) then string($app/@xml:id) else 'app-' || $i,
        'method': samizdat:app-method($app),
        'shown': exists($e?attach) and samizdat:in-edited-text($e?attach)
      }))"/>
    <xsl:sequence select="for $e in $numbered return map:merge(($e, map {
      'callout': if ($e?shown) then $e?id || '-ref' else '',
      'back': if ($e?shown) then $e?id || '-ref'
              else string((for $a in reverse($e?app/ancestor::app) return $numbered[?shown][?app is $a])[1]?id ! (. || '-ref'))
    }))"/>
  </xsl:function>

  <!-- The entries by their app and by the element they attach to (for call-outs standing apart from their app). -->
  <xsl:function name="samizdat:apparatus-index" as="map(*)">
    <xsl:param name="main" as="document-node()"/>
    <xsl:variable name="entries" select="samizdat:apparatus($main)"/>
    <xsl:sequence select="map {
      'entries': array { $entries },
      'by-app': map:merge($entries ! map { generate-id(?app): . }),
      'by-attach': map:merge($entries[not(?attach is ?app)][exists(?attach)] ! map { generate-id(?attach): . }, map { 'duplicates': 'combine' })
    }"/>
  </xsl:function>
</xsl:stylesheet>
