<?xml version="1.0" encoding="UTF-8"?>
<!--
  Core: the page, and the TEI "core" module's phrase-level elements
  (hi, emph, title, ref, ptr, lb, pb, note, list, table, quote, q, code).

  Modes: "text" renders <text> (and anything in it); "header" renders the
  teiHeader as "About this edition"; "mentions" lists entity mentions.
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

  <xsl:key name="samizdat:id" match="*[@xml:id]" use="string(@xml:id)"/>

  <!-- The source document in the TEI namespace, made once. -->
  <xsl:variable name="samizdat:source" as="document-node()?" select="if (. instance of document-node()) then samizdat:tei(.) else ()"/>
  <!-- Paragraph numbers: document order of p and ab within text, counted in one pass. -->
  <xsl:accumulator name="samizdat:paragraph" as="xs:integer" initial-value="0">
    <xsl:accumulator-rule match="p[ancestor::text] | ab[ancestor::text]" select="$value + 1"/>
  </xsl:accumulator>

  <xsl:template match="/">
    <xsl:variable name="tei" select="$samizdat:source"/>
    <xsl:choose>
      <xsl:when test="$output = 'mentions'">
        <xsl:variable name="mentions" as="map(*)*">
          <xsl:apply-templates select="$tei//text" mode="mentions"/>
        </xsl:variable>
        <xsl:sequence select="serialize(array { $mentions }, map { 'method': 'json' })"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates select="$tei" mode="samizdat:page"/>
        <!-- The build takes the mentions from the same run, as a second result, rather than parsing and walking the document twice. -->
        <xsl:if test="$output = 'page+mentions'">
          <xsl:variable name="mentions" as="map(*)*">
            <xsl:apply-templates select="$tei//text" mode="mentions"/>
          </xsl:variable>
          <xsl:result-document href="mentions.json" method="json">
            <xsl:sequence select="array { $mentions }"/>
          </xsl:result-document>
        </xsl:if>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The document's title: the main title of its titleStmt. -->
  <xsl:function name="samizdat:title" as="xs:string">
    <xsl:param name="doc" as="node()"/>
    <xsl:variable name="titles" select="$doc//teiHeader/fileDesc/titleStmt/title"/>
    <xsl:sequence select="normalize-space(($titles[@type = 'main'], $titles[not(@type)], $titles, $doc//text//head, 'Untitled document')[1])"/>
  </xsl:function>

  <xsl:template match="document-node()" mode="samizdat:page">
    <xsl:variable name="tei" select="*"/>
    <html lang="{samizdat:language(($tei/@xml:lang, 'en')[1])}">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="samizdat:title(.)"/></title>
        <link rel="stylesheet" href="{$css-href}"/>
        <xsl:call-template name="samizdat:head-extra"/>
      </head>
      <body>
        <nav class="site" aria-label="Edition">
          <a href="{$home-href}"><xsl:value-of select="$edition-title"/></a>
          <xsl:if test="$text-href != ''">
            <xsl:text> · </xsl:text>
            <a href="{$text-href}">Plain text</a>
          </xsl:if>
          <xsl:if test="exists(//teiHeader)">
            <xsl:text> · </xsl:text>
            <a href="#about">About this edition</a>
          </xsl:if>
          <xsl:call-template name="samizdat:search-box">
            <xsl:with-param name="href" select="$search-href"/>
          </xsl:call-template>
        </nav>
        <main>
          <xsl:if test="exists(//text//ellipsis | //text//gap)">
            <input type="checkbox" id="show-printed" class="show-printed"/>
            <label for="show-printed" class="show-printed-label">Show omissions as printed in the source</label>
          </xsl:if>
          <article>
            <header class="document">
              <h1><xsl:value-of select="samizdat:title(.)"/></h1>
              <xsl:apply-templates select="//teiHeader/fileDesc/titleStmt" mode="samizdat:byline"/>
            </header>
            <xsl:apply-templates select="//text[not(ancestor::text)]" mode="text"/>
          </article>
          <xsl:call-template name="samizdat:cite-this"/>
          <xsl:apply-templates select="//teiHeader" mode="header"/>
        </main>
      </body>
    </html>
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
    <xsl:sequence select="string-join((
      'tei-' || local-name($e),
      for $t in tokenize(normalize-space(string-join(($e/@rend, $e/@type), ' '))) return 'rend-' || replace($t, '[^A-Za-z0-9_-]', '_')), ' ')"/>
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
  <xsl:template match="hi" mode="text header">
    <span class="{samizdat:classes(.)}"><xsl:apply-templates mode="#current"/></span>
  </xsl:template>
  <xsl:template match="emph" mode="text header">
    <em><xsl:apply-templates mode="#current"/></em>
  </xsl:template>
  <xsl:template match="title" mode="text header">
    <cite class="{samizdat:classes(.)}"><xsl:apply-templates mode="#current"/></cite>
  </xsl:template>
  <xsl:template match="foreign" mode="text header">
    <span class="{samizdat:classes(.)}">
      <xsl:if test="@xml:lang"><xsl:attribute name="lang" select="samizdat:language(@xml:lang)"/></xsl:if>
      <xsl:apply-templates mode="#current"/>
    </span>
  </xsl:template>
  <xsl:template match="gi | att | val | code | tag | ident" mode="text header">
    <code class="{samizdat:classes(.)}"><xsl:apply-templates mode="#current"/></code>
  </xsl:template>
  <xsl:template match="lb" mode="text header">
    <br/>
  </xsl:template>
  <xsl:template match="pb | cb | milestone" mode="text header">
    <span class="{samizdat:classes(.)}" data-n="{@n}"/>
  </xsl:template>

  <xsl:template match="ref | ptr" mode="text header">
    <xsl:param name="linked" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:variable name="target" select="samizdat:resolve-pointer(normalize-space((@target, @url)[1]), (@target, @url, .)[1])"/>
    <!-- A pointer into one of the edition's registers leads to the entity index instead. -->
    <xsl:variable name="register-file" select="if (contains($target, '#')) then substring-before($target, '#') else $target"/>
    <xsl:variable name="href" select="
      if ($linked) then ()
      else if ($register-file != '' and $register-file = tokenize($registers)) then $entity-index-href || (if (contains($target, '#')) then '#' || encode-for-uri(substring-after($target, '#')) else '')
      else samizdat:safe-href($target)"/>
    <xsl:variable name="label" select="if (self::ptr or normalize-space(.) = '') then string((@target, @url)[1]) else ()"/>
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

  <!-- Notes stay where they are, set off as asides within the text. -->
  <xsl:template match="note" mode="text">
    <span class="note" role="note">
      <span class="note-label">Note: </span>
      <xsl:apply-templates mode="text">
        <xsl:with-param name="phrase" select="true()" tunnel="yes"/>
      </xsl:apply-templates>
    </span>
  </xsl:template>

  <xsl:template match="p | ab" mode="text">
    <xsl:param name="phrase" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:variable name="number" select="if (@n) then string(@n) else string(samizdat:paragraph-number(.))"/>
    <xsl:variable name="id" select="if (@xml:id) then string(@xml:id) else 'para-' || samizdat:paragraph-number(.)"/>
    <xsl:element name="{if ($phrase) then 'span' else 'p'}">
      <xsl:attribute name="id" select="$id"/>
      <xsl:attribute name="class" select="samizdat:classes(.) || ' para'"/>
      <xsl:if test="not($phrase) and not(ancestor::note)">
        <a class="para-number" href="#{$id}" aria-label="Paragraph {$number}"><xsl:value-of select="$number"/></a>
        <xsl:text> </xsl:text>
      </xsl:if>
      <xsl:apply-templates mode="text">
        <xsl:with-param name="phrase" select="true()" tunnel="yes"/>
      </xsl:apply-templates>
    </xsl:element>
  </xsl:template>

  <xsl:function name="samizdat:paragraph-number" as="xs:integer">
    <xsl:param name="p" as="element()"/>
    <xsl:sequence select="$p/accumulator-before('samizdat:paragraph')"/>
  </xsl:function>

  <!-- Lists: inline lists run in the paragraph; others are ul with labels kept. -->
  <xsl:template match="list[tokenize(@rend) = 'inline']" mode="text" priority="2">
    <span class="{samizdat:classes(.)}"><xsl:apply-templates mode="text"/></span>
  </xsl:template>
  <xsl:template match="list" mode="text">
    <xsl:param name="phrase" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:element name="{if ($phrase) then 'span' else 'ul'}">
      <xsl:attribute name="class" select="samizdat:classes(.)"/>
      <xsl:apply-templates mode="text"/>
    </xsl:element>
  </xsl:template>
  <xsl:template match="list/item | list/label" mode="text">
    <xsl:param name="phrase" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:element name="{if ($phrase) then 'span' else 'li'}">
      <xsl:attribute name="class" select="samizdat:classes(.)"/>
      <xsl:apply-templates mode="text"/>
    </xsl:element>
  </xsl:template>
  <xsl:template match="list[tokenize(@rend) = 'inline']/item | list[tokenize(@rend) = 'inline']/label" mode="text" priority="2">
    <span class="{samizdat:classes(.)}"><xsl:apply-templates mode="text"/></span>
  </xsl:template>

  <xsl:template match="table" mode="text">
    <xsl:param name="phrase" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:element name="{if ($phrase) then 'span' else 'table'}">
      <xsl:attribute name="class" select="samizdat:classes(.)"/>
      <xsl:apply-templates mode="text"/>
    </xsl:element>
  </xsl:template>
  <xsl:template match="row" mode="text">
    <xsl:param name="phrase" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:element name="{if ($phrase) then 'span' else 'tr'}">
      <xsl:apply-templates mode="text"/>
    </xsl:element>
  </xsl:template>
  <xsl:template match="cell" mode="text">
    <xsl:param name="phrase" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:element name="{if ($phrase) then 'span' else 'td'}">
      <xsl:apply-templates mode="text"/>
      <xsl:if test="$phrase"><xsl:text> </xsl:text></xsl:if>
    </xsl:element>
  </xsl:template>

  <xsl:template match="q | quote | said" mode="text">
    <xsl:param name="phrase" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:element name="{if (not($phrase) and samizdat:holds-blocks(.)) then 'blockquote' else 'span'}">
      <xsl:attribute name="class" select="samizdat:classes(.)"/>
      <xsl:apply-templates mode="text"/>
    </xsl:element>
  </xsl:template>
</xsl:stylesheet>
