<?xml version="1.0" encoding="UTF-8"?>
<!--
  Core: the page, and the TEI "core" module's phrase-level elements
  (hi, emph, title, ref, ptr, lb, pb, note, list, table, quote, q, code).

  Modes: "text" renders <text> (and anything in it); "header" renders the
  teiHeader as "About this edition"; "mentions" lists entity mentions (entities.xsl).
  Tunnel parameters: $phrase (true inside an HTML phrasing context such as
  <p>: blocks there become spans), $linked (true inside an <a>).
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:samizdat="urn:samizdat"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns="http://www.w3.org/1999/xhtml"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <!-- XSLT 3.0 applies to the source document only the accumulators its initial mode names;
       SaxonJS does not insist, Saxon (Java) does: without this, paragraph numbers fail there. -->
  <xsl:mode use-accumulators="#all"/>
  <xsl:mode name="text" on-no-match="text-only-copy"/>
  <xsl:mode name="header" on-no-match="text-only-copy"/>
  <xsl:mode name="mentions" on-no-match="shallow-skip"/>

  <!-- The source document in the TEI namespace, made once. -->
  <xsl:variable name="samizdat:source" as="document-node()?" select="if (. instance of document-node()) then samizdat:tei(.) else ()"/>
  <!-- What samizdat numbers, each accumulator one walk over the document when first asked for:
       paragraphs (p and ab within text), which every page needs (common/pointers.xsl); and in one more walk, only for
       documents that need them, notes (all, and those called out without @n), headed divisions,
       page breaks, verse lines (in the document, and afresh in each division). -->
  <!-- The counters, in the order of $samizdat:counter-names, as a sequence of integers (saxon-js keeps
       a value per node: a short sequence is cheaper than a map). Each rule changes its counters by
       position: the accumulator runs on every note, division, page break and verse line, and naming the counters to
       change (a loop comparing names) cost saxon-js more than the counting. -->
  <xsl:accumulator name="samizdat:counters" as="xs:integer*" initial-value="(0, 0, 0, 0, 0, 0)">
    <xsl:accumulator-rule match="note[not(ancestor::note or ancestor::teiHeader)]" select="if (samizdat:called-out-at-line(.)) then $value else ($value[1] + 1, $value[2] + (if (not(@n) and samizdat:called-out(.)) then 1 else 0), subsequence($value, 3))"/>
    <!-- A sourceDoc note called out at the end of a line or zone is counted there, after what the line or zone holds,
         so that the numbers run in the order the call-outs are read, whatever order the notes are encoded in. -->
    <xsl:accumulator-rule match="line[@xml:id][ancestor::sourceDoc] | zone[@xml:id][ancestor::sourceDoc]" phase="end" select="samizdat:count-line-notes($value, samizdat:notes-at-line(.)[samizdat:called-out(.)])"/>
    <xsl:accumulator-rule match="div | div0 | div1 | div2 | div3 | div4 | div5 | div6 | div7" select="($value[1], $value[2], $value[3] + (if (head) then 1 else 0), $value[4], $value[5], 0)"/>
    <xsl:accumulator-rule match="text" select="(subsequence($value, 1, 5), 0)"/>
    <xsl:accumulator-rule match="pb" select="($value[1], $value[2], $value[3], $value[4] + 1, $value[5], $value[6])"/>
    <xsl:accumulator-rule match="l[not(ancestor::teiHeader)]" select="(subsequence($value, 1, 4), $value[5] + 1, $value[6] + 1)"/>
  </xsl:accumulator>
  <xsl:variable name="samizdat:counter-names" as="xs:string*" select="('note', 'note-number', 'division', 'page', 'line', 'line-in-division')"/>
  <xsl:function name="samizdat:count-line-notes" as="xs:integer*">
    <xsl:param name="value" as="xs:integer*"/>
    <xsl:param name="notes" as="element()*"/>
    <xsl:sequence select="if (empty($notes)) then $value else ($value[1] + count($notes), $value[2] + count($notes[not(@n)]), subsequence($value, 3))"/>
  </xsl:function>
  <!-- A note of a sourceDoc whose call-out stands at the end of a line or zone (html/transcr.xsl), not where it is encoded. -->
  <xsl:function name="samizdat:called-out-at-line" as="xs:boolean">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="exists($note/@target) and exists($note/ancestor::sourceDoc) and samizdat:called-out($note) and samizdat:note-at-line($note)"/>
  </xsl:function>
  <!-- A note's counter ('note' or 'note-number'): at the note, or, for one called out at a line or zone, where that
       line or zone ends, less the notes called out after it there. A lookup, not a scan of the document. -->
  <xsl:function name="samizdat:note-counter" as="xs:integer">
    <xsl:param name="note" as="element()"/>
    <xsl:param name="name" as="xs:string"/>
    <xsl:sequence select="if (not(samizdat:called-out-at-line($note))) then samizdat:counter($note, $name) else
      let $home := samizdat:note-line-targets($note)[last()]
      return $home/accumulator-after('samizdat:counters')[index-of($samizdat:counter-names, $name)]
        - count(samizdat:notes-at-line($home)[samizdat:called-out(.)][. &gt;&gt; $note][$name = 'note' or not(@n)])"/>
  </xsl:function>
  <!-- The words of a verse line split among speakers (l/@part, TEI: "I" initial, "M" medial, "F" final) before
       each medial or final part: after an initial part, its words; after a medial one, those and its own; after
       any other line, none. The page sets them, hidden, before the part, so that the part begins where the line
       it continues left off. Computed only for a page that has a medial or final part. -->
  <xsl:accumulator name="samizdat:verse-part" as="xs:string" initial-value="''">
    <xsl:accumulator-rule match="l[not(ancestor::teiHeader)]" phase="end"
      select="if (@part = 'I') then samizdat:part-words(.) else if (@part = 'M' and $value != '') then $value || samizdat:part-words(.) else ''"/>
  </xsl:accumulator>
  <!-- The words a reader sees of a part of a verse line (not its notes, nor the forms a choice sets aside), then a space. -->
  <xsl:function name="samizdat:part-words" as="xs:string">
    <xsl:param name="l" as="element()"/>
    <xsl:sequence select="normalize-space(string-join($l//text()[not(ancestor::note or ancestor::*[parent::choice][self::sic or self::orig or self::abbr])])) || ' '"/>
  </xsl:function>
  <!-- The value of a counter at (the start of) an element. -->
  <xsl:function name="samizdat:counter" as="xs:integer">
    <xsl:param name="e" as="element()"/>
    <xsl:param name="name" as="xs:string"/>
    <xsl:sequence select="$e/accumulator-before('samizdat:counters')[index-of($samizdat:counter-names, $name)]"/>
  </xsl:function>

  <!-- div0 … div7 by name: a comparison, where matches() on every ancestor costs saxon-js a regex each time. -->
  <xsl:variable name="samizdat:numbered-divisions" as="xs:string*" select="('div0', 'div1', 'div2', 'div3', 'div4', 'div5', 'div6', 'div7')"/>

  <!-- What the page asks of the whole document (the header, the texts, headed divisions for the
       contents, whether there is transcription to switch views for …), found in one walk when first
       asked for, rather than by a // search of the document for each question. In document order, as // gives them. -->
  <xsl:key name="samizdat:page-part" match="teiHeader | text | sourceDoc | tagsDecl | div | div0 | div1 | div2 | div3 | div4 | div5 | div6 | div7 | divGen | ellipsis | gap | add | del | subst | mod | restore | retrace | supplied | unclear | damage | space | surplus | secl | handShift | am | ex | sic | choice | metamark | fw | lb[@break = 'no'] | delSpan | addSpan | damageSpan | undo" use="samizdat:page-part(.)"/>
  <xsl:function name="samizdat:page-part" as="xs:string*">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="
      if ($e/self::teiHeader or $e/self::text or $e/self::sourceDoc or $e/self::tagsDecl) then local-name($e)
      else if ($e/self::ellipsis or $e/self::gap) then (if ($e/ancestor::text) then 'omission' else ())
      else if ($e/self::divGen) then (if (samizdat:toc($e) and $e/ancestor::text) then 'toc' else ())
      else if (starts-with(local-name($e), 'div')) then (if ($e/head and $e/ancestor::text) then 'headed-division' else ())
      else if (($e/ancestor::text or $e/ancestor::sourceDoc) and not($e/self::metamark and $e/parent::ellipsis)) then
        ('transcribed', if ($e[@spanTo][self::delSpan or self::addSpan or self::damageSpan or self::undo]) then 'span' else ())
      else ()"/>
  </xsl:function>

  <!-- Notes by the element they are attached to (@target), for call-outs at anchors. -->
  <xsl:key name="samizdat:note-target" match="note[@target]" use="tokenize(normalize-space(@target)) ! substring-after(., '#')"/>
  <xsl:key name="samizdat:page-n" match="pb[@n]" use="normalize-space(@n)"/>

  <!-- The id an element has in the page: its xml:id, unless another element took it first. -->
  <xsl:function name="samizdat:id" as="attribute()?">
    <xsl:param name="e" as="element()"/>
    <xsl:if test="$e/@xml:id and key('samizdat:id', string($e/@xml:id), root($e))[1] is $e">
      <xsl:attribute name="id" select="$e/@xml:id"/>
    </xsl:if>
  </xsl:function>

  <!-- An id samizdat makes (para-3, note-2 …): never one the document already uses. -->
  <xsl:function name="samizdat:made-id" as="xs:string">
    <xsl:param name="prefix" as="xs:string"/>
    <xsl:param name="n" as="xs:integer"/>
    <xsl:param name="context" as="node()"/>
    <xsl:sequence select="samizdat:free-id($prefix || '-' || $n, $context)"/>
  </xsl:function>
  <xsl:function name="samizdat:free-id" as="xs:string">
    <xsl:param name="id" as="xs:string"/>
    <xsl:param name="context" as="node()"/>
    <xsl:sequence select="if (exists(key('samizdat:id', $id, root($context)))) then $id || '-samizdat' else $id"/>
  </xsl:function>

  <!-- The id an element is reached by: its own, or the one samizdat makes for it. -->
  <xsl:function name="samizdat:anchor-id" as="xs:string?">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="own" select="samizdat:id($e)"/>
    <xsl:sequence select="
      if (exists($own)) then string($own)
      else if ($e/self::note) then samizdat:made-id('note', samizdat:note-counter($e, 'note'), $e)
      else if ($e/self::pb) then samizdat:page-id($e)
      else if ($e/self::l) then samizdat:made-id('line', samizdat:counter($e, 'line'), $e)
      else if ($e/self::p or $e/self::ab) then (if ($e/ancestor::text and not($e/ancestor::biblFull)) then samizdat:made-id('para', samizdat:paragraph-number($e), $e) else ())
      else if ($e[head][self::div or local-name() = $samizdat:numbered-divisions[. ne 'div0']]) then samizdat:made-id('section', samizdat:counter($e, 'division'), $e)
      else ()"/>
  </xsl:function>

  <xsl:template match="/">
    <xsl:variable name="tei" select="$samizdat:source"/>
    <xsl:choose>
      <xsl:when test="$output = 'entries'">
        <xsl:sequence select="serialize(samizdat:entry-data($tei), map { 'method': 'json' })"/>
      </xsl:when>
      <xsl:when test="$output = 'entities'">
        <xsl:sequence select="serialize(map:put(samizdat:entity-data($tei), 'references', array { samizdat:references($tei) }), map { 'method': 'json' })"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates select="$tei" mode="samizdat:page"/>
        <!-- The build takes the entity data from the same run, as a second result, rather than parsing and walking the document twice. -->
        <xsl:if test="$output = 'page+entities'">
          <xsl:result-document href="entities.json" method="json">
            <xsl:sequence select="samizdat:entity-data($tei)"/>
          </xsl:result-document>
        </xsl:if>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The document's title: the main title of its titleStmt. -->
  <xsl:function name="samizdat:title" as="xs:string">
    <xsl:param name="doc" as="node()"/>
    <xsl:variable name="document" select="$doc instance of document-node()"/>
    <xsl:variable name="titles" select="(if ($document) then key('samizdat:page-part', 'teiHeader', $doc) else $doc//teiHeader)/fileDesc/titleStmt/title"/>
    <xsl:sequence select="normalize-space(($titles[@type = 'main'], $titles[not(@type)], $titles, (if ($document) then key('samizdat:page-part', 'text', $doc) else $doc//text)//head, 'Untitled document')[1])"/>
  </xsl:function>

  <xsl:template match="document-node()" mode="samizdat:page">
    <xsl:variable name="tei" select="*"/>
    <html lang="{samizdat:language(($tei/@xml:lang, 'en')[1])}">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="samizdat:title(.)"/></title>
        <link rel="stylesheet" href="{$css-href}"/>
        <xsl:call-template name="samizdat:renditions"/>
        <xsl:call-template name="samizdat:head-extra"/>
      </head>
      <body>
        <nav class="site" aria-label="Edition">
          <a href="{$home-href}"><xsl:value-of select="$edition-title"/></a>
          <xsl:if test="$text-href != ''">
            <xsl:text> · </xsl:text>
            <a href="{$text-href}">Plain text</a>
          </xsl:if>
          <xsl:if test="exists(key('samizdat:page-part', 'teiHeader'))">
            <xsl:text> · </xsl:text>
            <a href="#about">About this edition</a>
          </xsl:if>
          <xsl:call-template name="samizdat:search-box">
            <xsl:with-param name="href" select="$search-href"/>
          </xsl:call-template>
        </nav>
        <main>
          <xsl:call-template name="samizdat:view-switch"/>
          <article>
            <header class="document">
              <h1><xsl:value-of select="samizdat:title(.)"/></h1>
              <xsl:apply-templates select="key('samizdat:page-part', 'teiHeader')/fileDesc/titleStmt" mode="samizdat:byline"/>
            </header>
            <xsl:call-template name="samizdat:contents"/>
            <xsl:apply-templates select="key('samizdat:page-part', 'text')[not(ancestor::text)]" mode="text"/>
            <xsl:call-template name="samizdat:apparatus"/>
            <xsl:apply-templates select="key('samizdat:page-part', 'sourceDoc')" mode="text"/>
          </article>
          <xsl:call-template name="samizdat:cite-this"/>
          <xsl:apply-templates select="key('samizdat:page-part', 'teiHeader')" mode="header"/>
        </main>
      </body>
    </html>
  </xsl:template>

  <!-- The table of contents: every headed division, nested as the divisions are, linked to its section;
       shown from $toc-minimum headed divisions on, at the top of the page, unless the encoding says where
       it goes (divGen type="toc", rendered there instead). -->
  <xsl:template name="samizdat:contents">
    <xsl:variable name="divisions" select="key('samizdat:page-part', 'headed-division')"/>
    <xsl:if test="count($divisions) ge $toc-minimum and empty(key('samizdat:page-part', 'toc'))">
      <nav class="contents" aria-labelledby="contents-heading">
        <h2 id="contents-heading">Contents</h2>
        <xsl:call-template name="samizdat:contents-list">
          <xsl:with-param name="divisions" select="$divisions"/>
        </xsl:call-template>
      </nav>
    </xsl:if>
  </xsl:template>

  <!-- divGen "indicates the location at which a textual division generated automatically by a text-processing
       application is to appear" (TEI Guidelines); type="toc", a table of contents: rendered where it stands,
       whatever the number of divisions, listing the headed divisions of its text (nested, linked to their
       sections), under its own head, else "Contents". Nothing where there is no headed division to list.
       Other types (index, figlist …) are left to the fallback. -->
  <xsl:template match="divGen[samizdat:toc(.)]" mode="text">
    <xsl:param name="phrase" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:variable name="text" select="ancestor::text[1]"/>
    <xsl:variable name="divisions" select="key('samizdat:page-part', 'headed-division')[ancestor::text[. is $text]]"/>
    <xsl:choose>
      <xsl:when test="$phrase or empty($text)"><xsl:next-match/></xsl:when>
      <xsl:when test="exists($divisions)">
        <xsl:variable name="n" select="index-of(key('samizdat:page-part', 'toc') ! generate-id(), generate-id())"/>
        <xsl:variable name="heading-id" select="samizdat:free-id('contents-heading' || (if ($n gt 1) then '-' || $n else ''), .)"/>
        <xsl:variable name="depth" select="count(ancestor::*[self::div or local-name() = $samizdat:numbered-divisions or self::floatingText])"/>
        <nav class="contents {samizdat:classes(.)}" aria-labelledby="{$heading-id}">
          <xsl:sequence select="samizdat:id(.)"/>
          <xsl:element name="h{min((6, $depth + 2))}">
            <xsl:attribute name="id" select="$heading-id"/>
            <xsl:choose>
              <xsl:when test="head">
                <xsl:for-each select="head">
                  <xsl:if test="position() gt 1"><xsl:text> </xsl:text></xsl:if>
                  <xsl:apply-templates mode="text"><xsl:with-param name="phrase" select="true()" tunnel="yes"/></xsl:apply-templates>
                </xsl:for-each>
              </xsl:when>
              <xsl:otherwise>Contents</xsl:otherwise>
            </xsl:choose>
          </xsl:element>
          <xsl:call-template name="samizdat:contents-list">
            <xsl:with-param name="divisions" select="$divisions"/>
          </xsl:call-template>
        </nav>
      </xsl:when>
    </xsl:choose>
  </xsl:template>
  <!-- divGen type="index": the index the encoding asks for here is the edition's entity index, generated by the build
       (entities/index.html): a pointer to it where the divGen stands, worded by the divGen's head, else "Index". -->
  <xsl:template match="divGen[lower-case(normalize-space(@type)) = 'index']" mode="text">
    <xsl:param name="phrase" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:element name="{if ($phrase) then 'span' else 'p'}">
      <xsl:attribute name="class" select="samizdat:classes(.) || ' index-pointer'"/>
      <xsl:sequence select="samizdat:id(.)"/>
      <a href="{$entity-index-href}">
        <xsl:choose>
          <xsl:when test="head">
            <xsl:for-each select="head">
              <xsl:if test="position() gt 1"><xsl:text> </xsl:text></xsl:if>
              <xsl:apply-templates mode="text"><xsl:with-param name="phrase" select="true()" tunnel="yes"/></xsl:apply-templates>
            </xsl:for-each>
          </xsl:when>
          <xsl:otherwise>Index</xsl:otherwise>
        </xsl:choose>
      </a>
    </xsl:element>
  </xsl:template>

  <!-- $divisions, headed divisions in document order, as nested lists of links to their sections. -->
  <xsl:template name="samizdat:contents-list">
    <xsl:param name="divisions" as="element()*"/>
    <ol>
      <xsl:apply-templates select="$divisions[not(ancestor::*[head][self::div or local-name() = $samizdat:numbered-divisions] intersect $divisions)]" mode="samizdat:contents">
        <!-- Each division's headed divisions by the nearest headed division they are in, found in one
             pass over the list rather than by searching each division's whole content. -->
        <xsl:with-param name="samizdat:within" tunnel="yes" select="map:merge(
          for $d in $divisions, $outer in $d/ancestor::*[head][self::div or local-name() = $samizdat:numbered-divisions][1]
          return map { generate-id($outer): $d }, map { 'duplicates': 'combine' })"/>
      </xsl:apply-templates>
    </ol>
  </xsl:template>
  <xsl:template match="*" mode="samizdat:contents">
    <xsl:param name="samizdat:within" as="map(xs:string, element()*)?" tunnel="yes" select="()"/>
    <xsl:variable name="inner" select="if (exists($samizdat:within)) then $samizdat:within(generate-id())
      else .//(div | div0 | div1 | div2 | div3 | div4 | div5 | div6 | div7)[head][ancestor::*[head][self::div or local-name() = $samizdat:numbered-divisions][1] is current()]"/>
    <li>
      <!-- The division's title, not its subtitle (samizdat:subhead). -->
      <a href="#{samizdat:anchor-id(.)}"><xsl:value-of select="samizdat:plain((head[not(samizdat:subhead(.))], head)[1])"/></a>
      <xsl:if test="exists($inner)">
        <ol><xsl:apply-templates select="$inner" mode="samizdat:contents"/></ol>
      </xsl:if>
    </li>
  </xsl:template>

  <!-- Hooks: empty here; the build fills the comments with citation markup. -->
  <xsl:template name="samizdat:head-extra">
    <xsl:comment>samizdat:citation-meta</xsl:comment>
  </xsl:template>
  <xsl:template name="samizdat:cite-this">
    <xsl:comment>samizdat:cite-this</xsl:comment>
  </xsl:template>

  <xsl:template match="titleStmt" mode="samizdat:byline">
    <xsl:for-each select="title[@type = 'sub' or @level = 'm']">
      <p class="subtitle"><xsl:apply-templates mode="text"/></p>
    </xsl:for-each>
    <xsl:if test="author">
      <p class="author">
        <xsl:for-each select="author">
          <xsl:if test="position() gt 1">, </xsl:if>
          <xsl:apply-templates mode="text"/>
        </xsl:for-each>
      </p>
    </xsl:if>
  </xsl:template>

  <!-- Safe values: a language tag, a class token, a link target. -->
  <xsl:function name="samizdat:language" as="xs:string">
    <xsl:param name="tag" as="xs:string"/>
    <xsl:sequence select="if (matches($tag, '^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$')) then $tag else 'und'"/>
  </xsl:function>

  <xsl:function name="samizdat:classes" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <!-- Most elements have none of the attributes: no tokenizing or regexes for them. -->
    <xsl:sequence select="if (not($e/@rend or $e/@type or $e/@rendition)) then 'tei-' || local-name($e) else string-join((
      'tei-' || local-name($e),
      for $t in tokenize(normalize-space(string-join((samizdat:rend-words($e/@rend), $e/@type), ' '))) return samizdat:rend-class($t),
      if ($e/@rend or $e/@rendition) then samizdat:typography-classes($e) else ()), ' ')"/>
  </xsl:function>

  <!-- @rend's words that can be classes: not a value with an argument (pre(«) post(»), what to print before and
       after: content, samizdat:rend-pre-post; color(red) …), whose brackets and marks made classes such as
       rend-pre___, which say nothing; the argument may hold spaces (pre(« )), so the value is taken out whole. -->
  <xsl:function name="samizdat:rend-words" as="xs:string?">
    <xsl:param name="rend" as="attribute()?"/>
    <xsl:sequence select="if (contains($rend, '(')) then replace($rend, '[^\s(]*\([^)]*\)?', ' ') else $rend"/>
  </xsl:function>
  <!-- One word's class: rend-WORD, its characters other than letters, digits, _ and - as _; none for a word of marks only.
       Letters and digits of any script ("größer", "курсив"): a CSS identifier may hold any character above U+007F, and
       the encoder's words are often their language's (as ASCII only, "größer" was rend-gr__er, and "курсив" no class). -->
  <xsl:function name="samizdat:rend-class" as="xs:string?">
    <xsl:param name="t" as="xs:string"/>
    <xsl:sequence select="if (matches($t, '[\p{L}\p{N}]')) then 'rend-' || samizdat:class-word($t) (: css.xsl :) else ()"/>
  </xsl:function>

  <!-- A link target is kept only if it is http(s), mailto, a fragment or a relative path. -->
  <xsl:function name="samizdat:safe-href" as="xs:string?">
    <xsl:param name="target" as="xs:string"/>
    <xsl:variable name="t" select="normalize-space($target)"/>
    <xsl:sequence select="
      if (matches($t, '^(https?|mailto):', 'i')) then $t
      else if (matches($t, '^[^:/?#]*:')) then ()
      else if ($t = '') then ()
      else $t"/>
  </xsl:function>

  <!-- Phrase level -->
  <!-- hi: "graphically distinct from the surrounding text". With no rendition given (no @rend, @rendition or
       @style, no rendition in the header for every hi: samizdat:no-rend), italics, as print mostly sets it
       and as the novels' hi (ELTeC) stand for: the class no-rend, as for a word mentioned below. -->
  <xsl:template match="hi" mode="text header">
    <xsl:variable name="marks" select="samizdat:rend-pre-post(.)"/>
    <span class="{samizdat:classes(.)}{samizdat:no-rend(.)}"><xsl:sequence select="samizdat:id(.), samizdat:style(.)"/><xsl:value-of select="$marks[1]"/><xsl:apply-templates mode="#current"/><xsl:value-of select="$marks[2]"/></span>
  </xsl:template>
  <xsl:template match="emph" mode="text header">
    <em><xsl:apply-templates mode="#current"/></em>
  </xsl:template>
  <xsl:template match="title" mode="text header">
    <cite class="{samizdat:classes(.)}"><xsl:apply-templates mode="#current"/></cite>
  </xsl:template>
  <!-- A word or phrase of another language: its lang for screen readers and hyphenation, and, given no
       rendition (samizdat:no-rend), italics, as print sets it. -->
  <xsl:template match="foreign" mode="text header">
    <span class="{samizdat:classes(.)}{samizdat:no-rend(.)}">
      <xsl:if test="@xml:lang"><xsl:attribute name="lang" select="samizdat:language(@xml:lang)"/></xsl:if>
      <xsl:apply-templates mode="#current"/>
    </span>
  </xsl:template>
  <!-- Words about words: a word mentioned, not used ("the word cat"), a technical term, a word set apart
       as archaic, dialectal, slang … (distinct) are marked as print marks them, in italics (samizdat.css,
       by the class no-rend), unless the encoding gives them another rendition (@rend, @rendition, @style,
       or a rendition in the header for every one of them: samizdat:no-rend), which is then followed instead. Their gloss is in quotation marks (the quotations' template below). -->
  <xsl:template match="mentioned | term | distinct" mode="text">
    <span class="{samizdat:classes(.)}{samizdat:no-rend(.)}">
      <xsl:sequence select="samizdat:id(.), samizdat:style(.)"/>
      <xsl:apply-templates mode="#current"/>
    </span>
  </xsl:template>
  <!-- A measurement of a group set apart from the one before it (samizdat:measure-gap: "2 lb, 3 oz"). -->
  <xsl:template match="*[$samizdat:has-measure-grp][parent::measureGrp][samizdat:measure-gap(.) != '']" mode="text" priority="2">
    <xsl:value-of select="samizdat:measure-gap(.)"/>
    <xsl:next-match/>
  </xsl:template>
  <xsl:template match="gi | att | val | code | tag | ident" mode="text header">
    <xsl:variable name="marks" select="samizdat:code-marks(.)"/>
    <code class="{samizdat:classes(.)}"><xsl:value-of select="$marks[1]"/><xsl:apply-templates mode="#current"/><xsl:value-of select="$marks[2]"/></code>
  </xsl:template>
  <!-- An example (common/tagdocs.xsl): its text as code, white space kept; a pre of its own, or in a phrase a code
       element (samizdat.css keeps its white space). -->
  <xsl:template match="eg | Q{http://www.tei-c.org/ns/Examples}egXML" mode="text header">
    <xsl:param name="phrase" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:choose>
      <xsl:when test="$phrase"><code class="{samizdat:classes(.)} example"><xsl:sequence select="samizdat:id(.)"/><xsl:value-of select="samizdat:example-text(.)"/></code></xsl:when>
      <xsl:otherwise><pre class="{samizdat:classes(.)} example"><xsl:sequence select="samizdat:id(.)"/><code><xsl:value-of select="samizdat:example-text(.)"/></code></pre></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="lb" mode="text header">
    <br/>
  </xsl:template>
  <!-- caesura "marks the point at which a metrical line may be divided": a visible gap between the half-lines, as
       editions of Old English verse set them apart (an inline block two ems wide, samizdat.css). An em space in
       it, so that the words on either side stay apart where the encoding puts no white space, and when copied. -->
  <xsl:template match="caesura" mode="text header">
    <span class="{samizdat:classes(.)}"><xsl:sequence select="samizdat:id(.)"/>&#x2003;</span>
  </xsl:template>
  <!-- A line break within a word (@break="no": no end of a token): the reading view joins the word, the
       diplomatic view shows the break, after the hyphen the source printed (samizdat:break-hyphen). -->
  <xsl:template match="lb[@break = 'no']" mode="text header">
    <span class="{samizdat:classes(.)} view-diplomatic">
      <xsl:variable name="hyphen" select="samizdat:break-hyphen(.)"/>
      <xsl:if test="$hyphen != ''"><span class="mark"><xsl:value-of select="$hyphen"/></span></xsl:if>
      <br/>
    </span>
  </xsl:template>
  <!-- The words beside such a break: joined to it (common/transcr.xsl: samizdat:word-break-text). Ranked low, so that
       the rules that wrap a text node's words (spans, annotations) ask this one for them (next-match). -->
  <xsl:template match="text()[$samizdat:has-word-breaks][samizdat:beside-word-break(.)]" mode="text" priority="0.1">
    <xsl:value-of select="samizdat:word-break-text(.)"/>
  </xsl:template>
  <!-- A page break is a visible marker, linkable as #page-N (its @n; page-N-2 … when @n repeats), with
       the page's facsimile beside it when @facs names one (xslt/html/facsimile.xsl). -->
  <xsl:template match="pb" mode="text">
    <xsl:param name="linked" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:variable name="id" select="samizdat:anchor-id(.)"/>
    <xsl:variable name="label" select="if (@n) then 'Page ' || normalize-space(@n) else 'Page break'"/>
    <span class="{samizdat:classes(.)} page-break" id="{$id}" role="doc-pagebreak" aria-label="{$label}">
      <xsl:choose>
        <xsl:when test="$linked"><span class="page-number"><xsl:value-of select="(@n, '—')[1]"/></span></xsl:when>
        <xsl:otherwise><a class="page-number" href="#{$id}"><xsl:value-of select="(normalize-space(@n)[. != ''], '—')[1]"/></a></xsl:otherwise>
      </xsl:choose>
      <xsl:call-template name="samizdat:facsimile"/>
    </span>
  </xsl:template>
  <xsl:template match="pb" mode="header">
    <span class="{samizdat:classes(.)}" data-n="{@n}"/>
  </xsl:template>

  <!-- gb "marks the beginning of a new gathering or quire in a transcribed codex": a marker as a page break's,
       its @n (a signature letter, say) after "gathering" (samizdat.css). -->
  <xsl:template match="gb" mode="text">
    <span class="{samizdat:classes(.)} gathering-break" title="{if (normalize-space(@n)) then 'Gathering ' || normalize-space(@n) else 'Gathering break'}">
      <xsl:sequence select="samizdat:id(.)"/>
      <span class="gathering-number"><xsl:value-of select="(normalize-space(@n)[. != ''], '—')[1]"/></span>
    </span>
  </xsl:template>

  <xsl:function name="samizdat:page-id" as="xs:string">
    <xsl:param name="pb" as="element()"/>
    <xsl:variable name="n" select="replace(normalize-space($pb/@n), '[^A-Za-z0-9_.-]', '_')"/>
    <xsl:variable name="same" select="if ($n = '') then () else key('samizdat:page-n', normalize-space($pb/@n), root($pb))"/>
    <xsl:sequence select="
      if ($n = '') then samizdat:made-id('page', samizdat:counter($pb, 'page'), $pb)
      else if ($same[1] is $pb) then samizdat:free-id('page-' || $n, $pb)
      else samizdat:made-id('page-' || $n, count($same[. &lt;&lt; $pb]) + 1, $pb)"/>
  </xsl:function>

  <!-- A column break, a milestone of a reference system (a page, a verse, a Stephanus number …) or within a
       sentence: a marker for links and scripts, its unit kept (data-unit). -->
  <xsl:template match="cb | milestone" mode="text header">
    <span class="{samizdat:classes(.)}" data-n="{@n}"><xsl:if test="self::milestone and @unit"><xsl:attribute name="data-unit" select="@unit"/></xsl:if></span>
  </xsl:template>
  <!-- A section break between blocks (samizdat:section-break: a scene break in a novel): a centred separator,
       its stars ("* * *") or asterism as print has them, in a role="separator" block; a rule (hr) where the
       encoding says rule or line, or gives only the kind of section. -->
  <xsl:template match="milestone[samizdat:section-break(.)]" mode="text">
    <xsl:param name="phrase" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:variable name="mark" select="samizdat:section-mark(., true())"/>
    <xsl:choose>
      <xsl:when test="$phrase"><xsl:next-match/></xsl:when>
      <xsl:when test="exists($mark)">
        <div class="{samizdat:classes(.)} section-break" role="separator" data-unit="{@unit}">
          <xsl:sequence select="samizdat:id(.)"/>
          <xsl:value-of select="$mark"/>
        </div>
      </xsl:when>
      <xsl:otherwise>
        <hr class="{samizdat:classes(.)} section-break" data-unit="{@unit}"><xsl:sequence select="samizdat:id(.)"/></hr>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A milestone of a reference system (a verse, a Stephanus page, a line, a folio …: its @unit not a section's,
       no printed separator in its @rend or @type) with an @n: the number in the margin, as a verse line's
       number is (samizdat.css), its unit and number in the title. Not in the plain text, as a page's number is not:
       the edition's means of citing, not words of the text. -->
  <xsl:template match="milestone[normalize-space(@n)][not(lower-case(normalize-space(@unit)) = $samizdat:section-units)][empty(samizdat:separator-tokens(.))]" mode="text">
    <xsl:variable name="unit" select="normalize-space(@unit)"/>
    <span class="{samizdat:classes(.)} reference-milestone" data-n="{@n}">
      <xsl:if test="@unit"><xsl:attribute name="data-unit" select="@unit"/></xsl:if>
      <xsl:attribute name="title" select="(if ($unit != '') then upper-case(substring($unit, 1, 1)) || substring($unit, 2) || ' ' else '') || normalize-space(@n)"/>
      <xsl:sequence select="samizdat:id(.)"/>
      <span class="reference-number"><xsl:value-of select="normalize-space(@n)"/></span>
    </span>
  </xsl:template>

  <xsl:template match="ref | ptr" mode="text header">
    <xsl:param name="linked" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:variable name="target" select="samizdat:pointer-address(.)"/>
    <!-- A pointer into one of the edition's registers leads to the entity index instead. -->
    <xsl:variable name="register-file" select="if (contains($target, '#')) then substring-before($target, '#') else $target"/>
    <xsl:variable name="href" select="
      if ($linked) then ()
      else if ($register-file != '' and $register-file = tokenize($registers)) then $entity-index-href || (if (contains($target, '#')) then '#' || encode-for-uri(substring-after($target, '#')) else '')
      else samizdat:safe-href($target)"/>
    <!-- A pointer to an element of this document links to the id it has in the page, and an empty one reads as that element's heading or number. -->
    <xsl:variable name="internal" select="samizdat:pointer-target(.)"/>
    <xsl:variable name="internal-id" select="$internal ! samizdat:anchor-id(.)"/>
    <!-- A pointer to an id the document does not have would be a broken link: it stays text (the edition rules report it). -->
    <xsl:variable name="href" select="if (exists($internal-id) and not($linked)) then '#' || $internal-id else if (starts-with($target, '#') and empty($internal)) then () else $href"/>
    <xsl:variable name="label" select="if (self::ptr or normalize-space(.) = '') then (if (exists($internal)) then samizdat:target-label($internal) else string((@target, @url)[1])) else ()"/>
    <xsl:choose>
      <xsl:when test="exists($href)">
        <a href="{$href}" class="{samizdat:classes(.)}">
          <xsl:value-of select="$label"/>
          <xsl:apply-templates mode="#current">
            <xsl:with-param name="linked" select="true()" tunnel="yes"/>
          </xsl:apply-templates>
        </a>
      </xsl:when>
      <xsl:otherwise>
        <span class="{samizdat:classes(.)}">
          <xsl:value-of select="$label"/>
          <xsl:apply-templates mode="#current"/>
        </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- What a pointer to $e reads as: a division's or figure's heading, "note 3", "paragraph 7", "line 25", "page 12";
       a note the page does not number, where it stands ("note in the margin of paragraph 3", common/pointers.xsl). -->
  <xsl:function name="samizdat:target-label" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="
      if ($e[head][self::div or self::figure or self::table or self::lg or self::list or local-name() = $samizdat:numbered-divisions]) then samizdat:plain($e/head[1])
      else if ($e/self::note) then (if ($e/@n or samizdat:numbered-note($e)) then 'note ' || samizdat:note-label($e)
        else samizdat:set-off-note-label($e, string(samizdat:set-off-note-host($e) ! samizdat:target-label(.))))
      else if ($e/self::p or $e/self::ab) then 'paragraph ' || ($e/@n, samizdat:paragraph-number($e))[1]
      else if ($e/self::l) then 'line ' || ($e/@n, samizdat:counter($e, 'line-in-division'))[1]
      else if ($e/self::pb) then 'page ' || ($e/@n, samizdat:counter($e, 'page'))[1]
      else if ($e/self::head) then samizdat:plain($e)
      else '#' || $e/@xml:id"/>
  </xsl:function>

  <!-- An element's words as the reading view has them, without notes: for the table of contents and labels. -->
  <xsl:function name="samizdat:plain" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="parts" as="xs:string*">
      <xsl:apply-templates select="$e/node()" mode="samizdat:plain"/>
    </xsl:variable>
    <xsl:sequence select="normalize-space(string-join($parts))"/>
  </xsl:function>
  <xsl:mode name="samizdat:plain" on-no-match="text-only-copy"/>
  <xsl:template match="note | figDesc | ellipsis/desc | gap/desc | fw | index | interp | interpGrp | span | spanGrp" mode="samizdat:plain"/>
  <xsl:template match="lb" mode="samizdat:plain"><xsl:text> </xsl:text></xsl:template>
  <xsl:template match="lb[@break = 'no']" mode="samizdat:plain"/>
  <xsl:template match="text()[samizdat:beside-word-break(.)]" mode="samizdat:plain"><xsl:value-of select="samizdat:word-break-text(.)"/></xsl:template>
  <xsl:template match="caesura" mode="samizdat:plain"><xsl:text> </xsl:text></xsl:template>
  <xsl:template match="add | del | subst | mod | restore | retrace | supplied | unclear | damage | gap | space | surplus | secl | handShift | metamark | am | ex | sic | corr | abbr | expan | orig | reg" mode="samizdat:plain">
    <xsl:variable name="marks" select="samizdat:transcription(., 'reading')"/>
    <xsl:sequence select="if (count($marks) = 2) then ($marks[1], samizdat:plain(.), $marks[2]) else $marks"/>
  </xsl:template>

  <!-- Notes. A margin note (@place margin, left, right …) and an inline note stay where they are,
       set off; any other note is a numbered call-out in the text, linked both ways to its body:
       footnotes at the end of their top-level division, endnotes (@place end) at the end of the
       text. A note attached by @target to an anchor is called out at the anchor. Where a note stands:
       samizdat:note-place (common/pointers.xsl), which the plain text reads too. -->

  <!-- A note in an apparatus entry is the entry's (textcrit.xsl), never one of the text's notes. -->
  <xsl:function name="samizdat:called-out" as="xs:boolean">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="samizdat:note-place($note) = ('foot', 'end') and empty($note/(ancestor::app | ancestor::listApp))"/>
  </xsl:function>

  <!-- A note attached by @target to an anchor of this document: called out there, not where it stands. -->
  <xsl:function name="samizdat:note-at-anchor" as="xs:boolean">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="exists($note/@target) and (every $t in tokenize(normalize-space($note/@target)) satisfies exists(key('samizdat:id', substring-after($t, '#'), root($note))[self::anchor]))"/>
  </xsl:function>

  <xsl:function name="samizdat:note-label" as="xs:string">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="if ($note/@n) then normalize-space($note/@n) else string(samizdat:note-counter($note, 'note-number'))"/>
  </xsl:function>

  <xsl:template match="note" mode="text">
    <xsl:choose>
      <xsl:when test="ancestor::note or not(samizdat:called-out(.))">
        <span class="note {samizdat:classes(.)} note-{samizdat:note-place(.)}" role="note">
          <xsl:sequence select="samizdat:id(.)"/>
          <xsl:if test="@n"><span class="note-label"><xsl:value-of select="@n"/></span><xsl:text> </xsl:text></xsl:if>
          <xsl:apply-templates mode="text">
            <xsl:with-param name="phrase" select="true()" tunnel="yes"/>
          </xsl:apply-templates>
          <xsl:call-template name="samizdat:note-signature"/>
        </span>
      </xsl:when>
      <xsl:when test="samizdat:note-at-anchor(.)"/>
      <xsl:otherwise>
        <xsl:call-template name="samizdat:note-call"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A note not the author's, signed at its end as print signs it ("— Ed.", samizdat:note-by), who in full
       in its title; the author's own note unsigned. -->
  <xsl:template name="samizdat:note-signature">
    <xsl:variable name="by" select="samizdat:note-by(.)"/>
    <xsl:if test="exists($by)">
      <xsl:text> </xsl:text>
      <span class="note-by" title="{$by[2]}">— <xsl:value-of select="$by[1]"/></span>
    </xsl:if>
  </xsl:template>

  <!-- The call-out: the note's label as a superscript link to its body (not a link inside a link). -->
  <xsl:template name="samizdat:note-call">
    <xsl:param name="linked" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:variable name="id" select="samizdat:anchor-id(.)"/>
    <xsl:variable name="label" select="samizdat:note-label(.)"/>
    <xsl:choose>
      <xsl:when test="$linked">
        <sup class="note-ref" id="noteref-{$id}"><xsl:value-of select="$label"/></sup>
      </xsl:when>
      <xsl:otherwise>
        <a class="note-ref" id="noteref-{$id}" href="#{$id}" role="doc-noteref" aria-label="Note {$label}"><sup><xsl:value-of select="$label"/></sup></a>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The bodies of notes called out within $notes' home, as a list at its end. -->
  <xsl:template name="samizdat:note-bodies">
    <xsl:param name="notes" as="element()*"/>
    <xsl:param name="class" as="xs:string" select="'footnotes'"/>
    <xsl:if test="exists($notes)">
      <ol class="{$class}">
        <xsl:for-each select="$notes">
          <xsl:variable name="id" select="samizdat:anchor-id(.)"/>
          <li id="{$id}" class="{samizdat:classes(.)}">
            <a class="note-back" href="#noteref-{$id}" aria-label="{samizdat:note-label(.)}: back to the text"><xsl:value-of select="samizdat:note-label(.)"/></a>
            <xsl:text> </xsl:text>
            <xsl:apply-templates mode="text">
              <xsl:with-param name="phrase" select="not(samizdat:holds-blocks(.))" tunnel="yes"/>
              <xsl:with-param name="linked" select="false()" tunnel="yes"/>
            </xsl:apply-templates>
            <xsl:call-template name="samizdat:note-signature"/>
          </li>
        </xsl:for-each>
      </ol>
    </xsl:if>
  </xsl:template>

  <!-- An index entry "marks a location to be indexed": its terms are for an index, not the text
       (printed, "Josiah ha-Kohen b. Azarya" would read twice). Only an anchor, where it has an id, so that
       pointers to it land. -->
  <xsl:template match="index" mode="text header">
    <xsl:if test="@xml:id"><span class="{samizdat:classes(.)}"><xsl:sequence select="samizdat:id(.)"/></span></xsl:if>
  </xsl:template>

  <!-- An interpretative annotation (interp, interpGrp) or one "associated directly with a span of text" (span,
       spanGrp, TEI Guidelines 17.3): about the text, not of it, so none of its words in the running text.
       Only anchors for the ids in it, so that pointers (@ana, @target) to them land. -->
  <xsl:template match="interp | interpGrp | span | spanGrp" mode="text header">
    <xsl:for-each select="descendant-or-self::*[@xml:id]">
      <span class="{samizdat:classes(.)}"><xsl:sequence select="samizdat:id(.)"/></span>
    </xsl:for-each>
  </xsl:template>

  <!-- A span's annotation is not lost: it stands where the span is only when it names no place in the text
       (common/annotations.xsl: samizdat:annotation-target); else at that place (annotations.xsl writes it there). -->
  <xsl:template match="span[normalize-space()]" mode="text" priority="1">
    <xsl:if test="@xml:id"><span class="{samizdat:classes(.)}"><xsl:sequence select="samizdat:id(.)"/></span></xsl:if>
    <xsl:if test="not(samizdat:annotation-placed(.))"><xsl:call-template name="samizdat:span-note"/></xsl:if>
  </xsl:template>
  <xsl:template match="spanGrp" mode="text" priority="1">
    <xsl:if test="@xml:id"><span class="{samizdat:classes(.)}"><xsl:sequence select="samizdat:id(.)"/></span></xsl:if>
    <xsl:apply-templates select="*" mode="text"/>
  </xsl:template>

  <!-- Notes called out at this anchor (their @target), then the anchor itself, so links to it land. -->
  <xsl:template match="anchor" mode="text">
    <span class="{samizdat:classes(.)}">
      <xsl:sequence select="samizdat:id(.)"/>
    </span>
    <xsl:call-template name="samizdat:annotation-notes"/>
    <xsl:for-each select="if (@xml:id) then key('samizdat:note-target', string(@xml:id))[samizdat:called-out(.)][not(ancestor::note)] else ()">
      <xsl:call-template name="samizdat:note-call"/>
    </xsl:for-each>
  </xsl:template>

  <!-- Inside a phrase (a note in the margin or in the line, a quotation in a paragraph …), where blocks
       are spans: whether a block (samizdat:separates) follows other words or another element with no
       white space between them, so that its template puts a space before it and their words do not
       run together. -->
  <xsl:function name="samizdat:phrase-gap" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="before" select="$e/preceding-sibling::node()[1]"/>
    <xsl:sequence select="($before instance of element() or ($before instance of text() and not(matches($before, '\s$'))))
      and samizdat:separates($e)"/>
  </xsl:function>
  <!-- Likewise after a block: whether words follow it with no white space between (a block that follows
       it puts its own space before it). -->
  <xsl:function name="samizdat:phrase-gap-after" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="after" select="$e/following-sibling::node()[1]"/>
    <xsl:sequence select="$after instance of text() and not(matches($after, '^\s')) and samizdat:separates($e)"/>
  </xsl:function>

  <!-- A paragraph that holds a block quotation (samizdat:block-quotation) is a div, the quotation a blockquote in the
       flow of its words (HTML has no blockquote in a p); the tunnel parameter samizdat:flow tells the quotation so. -->
  <xsl:template match="p | ab" mode="text">
    <xsl:param name="phrase" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:variable name="number" select="if (@n) then string(@n) else string(samizdat:paragraph-number(.))"/>
    <xsl:variable name="id" select="samizdat:anchor-id(.)"/>
    <xsl:variable name="flow" select="not($phrase) and (some $q in (q | quote | said | writing) satisfies samizdat:block-quotation($q))"/>
    <xsl:if test="$phrase and samizdat:phrase-gap(.)"><xsl:text> </xsl:text></xsl:if>
    <xsl:element name="{if ($phrase) then 'span' else if ($flow) then 'div' else 'p'}">
      <!-- None for a paragraph of a full reference (samizdat:anchor-id): it is no paragraph of the text. -->
      <xsl:if test="exists($id)"><xsl:attribute name="id" select="$id"/></xsl:if>
      <xsl:attribute name="class" select="samizdat:classes(.) || ' para'"/>
      <xsl:sequence select="samizdat:style(.)"/>
      <xsl:if test="not($phrase) and not(ancestor::note) and exists($id)">
        <a class="para-number" href="#{$id}" aria-label="Paragraph {$number}"><xsl:value-of select="$number"/></a>
        <xsl:text> </xsl:text>
      </xsl:if>
      <xsl:choose>
        <xsl:when test="$flow">
          <xsl:apply-templates mode="text">
            <xsl:with-param name="phrase" select="true()" tunnel="yes"/>
            <xsl:with-param name="samizdat:flow" select="true()" tunnel="yes"/>
          </xsl:apply-templates>
        </xsl:when>
        <xsl:otherwise>
          <xsl:apply-templates mode="text">
            <xsl:with-param name="phrase" select="true()" tunnel="yes"/>
          </xsl:apply-templates>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:element>
    <xsl:if test="$phrase and samizdat:phrase-gap-after(.)"><xsl:text> </xsl:text></xsl:if>
  </xsl:template>

  <!-- Lists. An inline list runs in its paragraph. Otherwise: a list whose every item has a label is a
       gloss list (dl: label → dt, item → dd); an ordered list (@type ordered, or @rend numbered …) is
       an ol; any other a ul, an item's label inside its li. The list's head comes before the list;
       whatever else stands between items (pb, lb, milestone, note …) goes into the next item. -->
  <xsl:template match="list[tokenize(@rend) = 'inline']" mode="text" priority="2">
    <span class="{samizdat:classes(.)}"><xsl:sequence select="samizdat:id(.)"/><xsl:apply-templates mode="text"/></span>
  </xsl:template>
  <xsl:template match="list[tokenize(@rend) = 'inline']/item | list[tokenize(@rend) = 'inline']/label" mode="text" priority="2">
    <xsl:if test="samizdat:list-gap(.)"><xsl:text> </xsl:text></xsl:if>
    <span class="{samizdat:classes(.)}"><xsl:sequence select="samizdat:id(.)"/><xsl:apply-templates mode="text"/></span>
  </xsl:template>

  <xsl:template match="list" mode="text">
    <xsl:param name="phrase" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:variable name="gloss" select="@type = 'gloss' or (item and (every $i in item satisfies $i/preceding-sibling::*[1][self::label]))"/>
    <xsl:variable name="ordered" select="@type = ('ordered', 'numbered') or tokenize(@rend) = ('numbered', 'ordered', 'arabic', 'decimal', 'roman', 'alpha')"/>
    <xsl:variable name="list" select="if ($phrase) then 'span' else if ($gloss) then 'dl' else if ($ordered) then 'ol' else 'ul'"/>
    <!-- A list in a paragraph's words (not one in a note, set in the line or the margin) is still a list
         ("a sequence of items forming a list", TEI): spans, as HTML allows no list in a p, that role and
         samizdat.css set out as one, an entry a line with its bullet or number (TEI Stylesheets: ul in p). -->
    <xsl:variable name="in-paragraph" select="$phrase and not(ancestor::note)"/>
    <xsl:if test="$phrase and samizdat:phrase-gap(.)"><xsl:text> </xsl:text></xsl:if>
    <xsl:variable name="entries" as="element()*">
      <xsl:element name="{$list}">
        <xsl:attribute name="class" select="samizdat:classes(.) || (if ($in-paragraph) then ' list-in-phrase' || (if ($ordered) then ' list-ordered' else '') else '')"/>
        <xsl:if test="$in-paragraph"><xsl:attribute name="role" select="'list'"/></xsl:if>
        <xsl:if test="not(head)"><xsl:sequence select="samizdat:id(.)"/></xsl:if>
        <!-- Column headings (headLabel, headItem): a header row before the first entry of a gloss list. -->
        <xsl:if test="$list = 'dl' and (headLabel | headItem)">
          <div class="entry list-headings">
            <dt class="{string-join((headLabel ! samizdat:classes(.), 'tei-headLabel')[1], ' ')}"><xsl:apply-templates select="headLabel" mode="samizdat:heading"/></dt>
            <dd class="{string-join((headItem ! samizdat:classes(.), 'tei-headItem')[1], ' ')}"><xsl:apply-templates select="headItem" mode="samizdat:heading"/></dd>
          </div>
        </xsl:if>
        <xsl:for-each-group select="* except (head | headLabel | headItem)" group-ending-with="item">
          <xsl:choose>
            <xsl:when test="$list = 'dl'">
              <div class="entry">
                <xsl:for-each select="current-group()[self::label]">
                  <dt class="{samizdat:classes(.)}"><xsl:sequence select="samizdat:id(.)"/><xsl:apply-templates mode="text"><xsl:with-param name="phrase" select="true()" tunnel="yes"/></xsl:apply-templates></dt>
                </xsl:for-each>
                <xsl:if test="not(current-group()[self::label])"><dt class="tei-label"/></xsl:if>
                <dd>
                  <xsl:sequence select="current-group()[self::item] ! samizdat:id(.)"/>
                  <xsl:apply-templates select="current-group()[not(self::label)]" mode="samizdat:item"/>
                </dd>
              </div>
            </xsl:when>
            <xsl:otherwise>
              <!-- In a phrase, entries are spans: apart, as items are in a list. -->
              <xsl:if test="$phrase and position() gt 1"><xsl:text> </xsl:text></xsl:if>
              <xsl:element name="{if ($phrase) then 'span' else 'li'}">
                <xsl:attribute name="class" select="string-join(current-group()[self::item] ! samizdat:classes(.), ' ')"/>
                <xsl:if test="$in-paragraph"><xsl:attribute name="role" select="'listitem'"/></xsl:if>
                <xsl:sequence select="current-group()[self::item] ! samizdat:id(.)"/>
                <xsl:for-each select="current-group()[self::label]">
                  <span class="{samizdat:classes(.)}"><xsl:apply-templates mode="text"><xsl:with-param name="phrase" select="true()" tunnel="yes"/></xsl:apply-templates></span>
                  <xsl:text> </xsl:text>
                </xsl:for-each>
                <xsl:apply-templates select="current-group()[not(self::label)]" mode="samizdat:item"/>
              </xsl:element>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:for-each-group>
      </xsl:element>
    </xsl:variable>
    <!-- Column headings of a list that is not a gloss list (or runs in a phrase): a line before its entries. -->
    <xsl:variable name="headings" as="element()?">
      <xsl:if test="$list != 'dl' and (headLabel | headItem)">
        <xsl:element name="{if ($phrase) then 'span' else 'p'}">
          <xsl:attribute name="class" select="'list-headings'"/>
          <xsl:for-each select="headLabel | headItem">
            <xsl:if test="position() gt 1"><xsl:text> </xsl:text></xsl:if>
            <span class="{samizdat:classes(.)}"><xsl:apply-templates select="." mode="samizdat:heading"/></span>
          </xsl:for-each>
        </xsl:element>
      </xsl:if>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="head and not($phrase)">
        <div class="list-with-head">
          <xsl:sequence select="samizdat:id(.)"/>
          <xsl:for-each select="head">
            <p class="{samizdat:classes(.)}"><xsl:apply-templates mode="text"><xsl:with-param name="phrase" select="true()" tunnel="yes"/></xsl:apply-templates></p>
          </xsl:for-each>
          <xsl:sequence select="$headings"/>
          <xsl:sequence select="$entries"/>
        </div>
      </xsl:when>
      <xsl:otherwise>
        <xsl:for-each select="head">
          <span class="{samizdat:classes(.)}"><xsl:apply-templates mode="text"/><xsl:text> </xsl:text></span>
        </xsl:for-each>
        <xsl:sequence select="$headings"/>
        <xsl:if test="$phrase and exists($headings)"><xsl:text> </xsl:text></xsl:if>
        <xsl:sequence select="$entries"/>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:if test="$phrase and samizdat:phrase-gap-after(.)"><xsl:text> </xsl:text></xsl:if>
  </xsl:template>

  <!-- A label outside a list ("any label or heading used to identify part of a text", TEI): standing between
       blocks (in a div, a line group, a speech …), a block of its own, set like a small heading
       (label-block); amid the words of a paragraph or a line, set off lightly from them (label-inline). A list's
       labels, and one that begins an item, are the list's (above). -->
  <xsl:template match="label[not(parent::list or parent::item)]" mode="text">
    <!-- A block only where its parent holds blocks (the fallback sets any other parent as a span). -->
    <xsl:param name="phrase" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:variable name="phrase" select="$phrase or not(samizdat:holds-blocks(..))"/>
    <xsl:if test="$phrase and samizdat:phrase-gap(.)"><xsl:text> </xsl:text></xsl:if>
    <xsl:element name="{if ($phrase) then 'span' else 'p'}">
      <xsl:attribute name="class" select="samizdat:classes(.) || (if ($phrase) then ' label-inline' else ' label-block')"/>
      <xsl:sequence select="samizdat:id(.), samizdat:style(.)"/>
      <xsl:apply-templates mode="text">
        <xsl:with-param name="phrase" select="true()" tunnel="yes"/>
      </xsl:apply-templates>
    </xsl:element>
    <xsl:if test="$phrase and samizdat:phrase-gap-after(.)"><xsl:text> </xsl:text></xsl:if>
  </xsl:template>

  <!-- A column heading's words (several headLabels or headItems, one after another). -->
  <xsl:template match="headLabel | headItem" mode="samizdat:heading">
    <xsl:if test="position() gt 1"><xsl:text> </xsl:text></xsl:if>
    <xsl:apply-templates mode="text"><xsl:with-param name="phrase" select="true()" tunnel="yes"/></xsl:apply-templates>
  </xsl:template>

  <!-- Inside an entry: an item gives its content, anything else renders as itself. -->
  <xsl:template match="item" mode="samizdat:item">
    <xsl:apply-templates mode="text"/>
  </xsl:template>
  <xsl:template match="node()" mode="samizdat:item">
    <xsl:apply-templates select="." mode="text"/>
  </xsl:template>

  <!-- Quotations: a quotation holding blocks is a blockquote; an inline one (and a soCalled's words, a
       gloss) gets quotation marks (samizdat:quote-marks: by @rend, the language and the nesting; none where
       the source's own marks are kept in the text). -->
  <!-- A block quotation in a paragraph (samizdat:block-quotation; the paragraph a div, samizdat:flow) is a blockquote
       too, its blocks blocks again. An inline one set against the words beside it: a space apart (samizdat:quote-gap). -->
  <xsl:template match="q | quote | said | soCalled | gloss" mode="text">
    <xsl:param name="phrase" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:param name="samizdat:flow" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:variable name="in-flow" select="$phrase and $samizdat:flow and samizdat:block-quotation(.)"/>
    <xsl:variable name="block" select="$in-flow or (not($phrase) and samizdat:holds-blocks(.))"/>
    <xsl:variable name="marks" select="if ($block) then () else samizdat:quote-marks(.)"/>
    <!-- A quotation the encoding says is displayed (@rend display, block, blockquote: "set off from the
         running text") but that holds no blocks: set apart as a block quotation is, in the words of its
         paragraph if it stands in one (a span: HTML allows no blockquote in a p). -->
    <xsl:variable name="displayed" select="not($block) and tokenize(lower-case(normalize-space(@rend))) = ('display', 'block', 'blockquote')"/>
    <xsl:if test="not($block) and samizdat:quote-gap(., false())"><xsl:text> </xsl:text></xsl:if>
    <xsl:element name="{if ($block) then 'blockquote' else 'span'}">
      <!-- Thought (said @aloud false: not "vocalized or signed", TEI) keeps its marks, as speech does: neither the
           Guidelines nor the TEI Stylesheets set it otherwise; a class lets a site's CSS tell it apart. -->
      <xsl:attribute name="class" select="samizdat:classes(.) || (if ($displayed) then ' quote-display' else '')
        || (if (self::said and normalize-space(@aloud) = ('false', '0')) then ' said-thought' else '')"/>
      <xsl:sequence select="samizdat:id(.), samizdat:style(.)"/>
      <xsl:if test="exists($marks)"><span class="mark quote-mark"><xsl:value-of select="$marks[1]"/></span></xsl:if>
      <xsl:choose>
        <xsl:when test="$in-flow">
          <xsl:apply-templates mode="text">
            <xsl:with-param name="phrase" select="false()" tunnel="yes"/>
            <xsl:with-param name="samizdat:flow" select="false()" tunnel="yes"/>
          </xsl:apply-templates>
        </xsl:when>
        <xsl:otherwise>
          <xsl:apply-templates mode="text"/>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:if test="exists($marks)"><span class="mark quote-mark"><xsl:value-of select="$marks[2]"/></span></xsl:if>
    </xsl:element>
    <xsl:if test="not($block) and samizdat:quote-gap(., true())"><xsl:text> </xsl:text></xsl:if>
  </xsl:template>
</xsl:stylesheet>
