<?xml version="1.0" encoding="UTF-8"?>
<!--
  Tables, formulae, graphics (the TEI chapter "figures"): table/row/cell,
  figure (→ figure, its head the figcaption, its figDesc the image's alt
  text), graphic (→ img when the image is part of the edition, a link when it
  is on the web: nothing is fetched from elsewhere when a page is read),
  formula, and MathML and SVG passed through, sanitised: only the elements
  and attributes that draw, no script, no event attributes, no reference
  outside the page.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:samizdat="urn:samizdat"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:mml="http://www.w3.org/1998/Math/MathML"
  xmlns:svg="http://www.w3.org/2000/svg"
  xmlns="http://www.w3.org/1999/xhtml"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <!-- Tables: the first head is the caption; a row or cell with @role label is header cells (th);
       @cols and @rows span columns and rows. A table inside a phrase (a paragraph: HTML has no table in a p)
       is spans with the table's roles (table, row, cell, columnheader, rowheader) and class table-in-phrase,
       which samizdat.css sets out as a table (inline beside the words with @rend inline): without them its
       rows and cells ran on as the paragraph's words, where the TEI Stylesheets show a table. -->
  <xsl:template match="table" mode="text">
    <xsl:param name="phrase" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:choose>
      <xsl:when test="$phrase">
        <xsl:if test="samizdat:phrase-gap(.)"><xsl:text> </xsl:text></xsl:if>
        <span class="{samizdat:classes(.)} table-in-phrase" role="table">
          <xsl:sequence select="samizdat:id(.)"/>
          <!-- The caption first, a space after it, so that its words do not run into the first cell's. -->
          <xsl:for-each select="head"><xsl:apply-templates select="." mode="text"/><xsl:text> </xsl:text></xsl:for-each>
          <xsl:apply-templates select="node() except head" mode="text"/>
        </span>
        <xsl:if test="samizdat:phrase-gap-after(.)"><xsl:text> </xsl:text></xsl:if>
      </xsl:when>
      <xsl:otherwise>
        <table class="{samizdat:classes(.)}">
          <xsl:sequence select="samizdat:id(.)"/>
          <xsl:if test="head">
            <caption>
              <xsl:for-each select="head">
                <xsl:if test="position() gt 1"><br/></xsl:if>
                <xsl:apply-templates mode="text"><xsl:with-param name="phrase" select="true()" tunnel="yes"/></xsl:apply-templates>
              </xsl:for-each>
            </caption>
          </xsl:if>
          <tbody>
            <xsl:apply-templates select="row" mode="text"/>
          </tbody>
        </table>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="row" mode="text">
    <xsl:param name="phrase" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:element name="{if ($phrase) then 'span' else 'tr'}">
      <xsl:sequence select="samizdat:id(.)"/>
      <xsl:if test="@role and not($phrase)"><xsl:attribute name="class" select="'role-' || replace(normalize-space(@role), '[^A-Za-z0-9_-]', '_')"/></xsl:if>
      <xsl:if test="$phrase"><xsl:attribute name="role" select="'row'"/></xsl:if>
      <xsl:apply-templates mode="text"/>
    </xsl:element>
  </xsl:template>
  <xsl:template match="cell" mode="text">
    <xsl:param name="phrase" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:variable name="header" select="(@role, ../@role)[1] = 'label'"/>
    <xsl:element name="{if ($phrase) then 'span' else if ($header) then 'th' else 'td'}">
      <xsl:sequence select="samizdat:id(.)"/>
      <xsl:if test="$phrase"><xsl:attribute name="role" select="if (not($header)) then 'cell' else if (../@role = 'label') then 'columnheader' else 'rowheader'"/></xsl:if>
      <xsl:if test="not($phrase)">
        <xsl:if test="matches(@cols, '^[1-9][0-9]{0,2}$') and xs:integer(@cols) gt 1"><xsl:attribute name="colspan" select="@cols"/></xsl:if>
        <xsl:if test="matches(@rows, '^[1-9][0-9]{0,3}$') and xs:integer(@rows) gt 1"><xsl:attribute name="rowspan" select="@rows"/></xsl:if>
        <xsl:if test="$header"><xsl:attribute name="scope" select="if (../@role = 'label') then 'col' else 'row'"/></xsl:if>
      </xsl:if>
      <xsl:apply-templates mode="text">
        <xsl:with-param name="phrase" select="$phrase or not(samizdat:holds-blocks(.))" tunnel="yes"/>
      </xsl:apply-templates>
      <xsl:if test="$phrase"><xsl:text> </xsl:text></xsl:if>
    </xsl:element>
  </xsl:template>

  <!-- The images the build copied into the edition: the reference as written (@url, @facs) → the
       page-relative address of the copy. Without the build (toHtml), references are kept as written. -->
  <xsl:variable name="samizdat:images" as="map(*)?" select="if (normalize-space($images) = '') then () else parse-json($images)"/>

  <!-- Where an image reference leads: a copy in the edition ('local'), the web ('external'), or nowhere. -->
  <xsl:function name="samizdat:image" as="map(xs:string, xs:string)?">
    <xsl:param name="ref" as="xs:string"/>
    <xsl:variable name="ref" select="normalize-space($ref)"/>
    <xsl:sequence select="
      if (matches($ref, '^https?://', 'i')) then map { 'external': $ref }
      else if (exists($samizdat:images)) then (if (map:contains($samizdat:images, $ref)) then map { 'local': string(map:get($samizdat:images, $ref)) } else ())
      else if (exists(samizdat:safe-href($ref)) and not(starts-with($ref, '#'))) then map { 'local': $ref }
      else ()"/>
  </xsl:function>

  <!-- An IIIF Image API address (…/region/size/rotation/quality.format, or its info.json). -->
  <xsl:function name="samizdat:iiif" as="xs:boolean">
    <xsl:param name="url" as="xs:string"/>
    <xsl:sequence select="matches($url, '/(full|square|\d+,\d+,\d+,\d+|pct:[\d.,]+)/[^/]+/!?\d+(\.\d+)?/(default|color|gray|bitonal|native)\.[a-z0-9]+$|/info\.json$', 'i')"/>
  </xsl:function>

  <xsl:template match="figure" mode="text">
    <xsl:param name="phrase" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:element name="{if ($phrase) then 'span' else 'figure'}">
      <xsl:sequence select="samizdat:id(.)"/>
      <xsl:attribute name="class" select="samizdat:classes(.)"/>
      <xsl:apply-templates select="node() except (head, figDesc)" mode="text"/>
      <!-- Without an image, the description is the figure's text. With one (a graphic, or a binaryObject, whose
           template gives it as the img's alt or in the words that stand for it), not: "an alternative to the
           content of its parent figure" (TEI), which a screen reader would otherwise read twice. -->
      <xsl:if test="figDesc and not(.//graphic or .//binaryObject)">
        <xsl:apply-templates select="figDesc" mode="text"/>
      </xsl:if>
      <xsl:if test="head">
        <xsl:element name="{if ($phrase) then 'span' else 'figcaption'}">
          <xsl:attribute name="class" select="'tei-head'"/>
          <xsl:for-each select="head">
            <xsl:if test="position() gt 1"><xsl:text> </xsl:text></xsl:if>
            <xsl:apply-templates mode="text"><xsl:with-param name="phrase" select="true()" tunnel="yes"/></xsl:apply-templates>
          </xsl:for-each>
        </xsl:element>
      </xsl:if>
    </xsl:element>
  </xsl:template>

  <xsl:template match="graphic" mode="text">
    <xsl:param name="linked" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:variable name="image" select="samizdat:image(string(@url))"/>
    <xsl:variable name="alt" select="normalize-space(string-join((desc, ancestor::figure[1]/figDesc)[1], ' '))"/>
    <xsl:choose>
      <xsl:when test="exists($image?local)">
        <img src="{$image?local}" alt="{$alt}" class="{samizdat:classes(.)}" loading="lazy">
          <xsl:sequence select="samizdat:id(.)"/>
        </img>
      </xsl:when>
      <xsl:when test="exists($image?external) and not($linked)">
        <a href="{$image?external}" class="{samizdat:classes(.)} external-image" rel="external">
          <xsl:sequence select="samizdat:id(.)"/>
          <xsl:value-of select="(if (samizdat:iiif($image?external)) then 'IIIF image' else 'Image') || (if ($alt != '') then ': ' || $alt else ' (on the web)')"/>
        </a>
      </xsl:when>
      <xsl:otherwise>
        <span class="{samizdat:classes(.)} missing-image">
          <xsl:sequence select="samizdat:id(.)"/>
          <xsl:value-of select="'[image: ' || (if ($alt != '') then $alt else string(@url)) || ']'"/>
        </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- binaryObject "provides encoded binary data representing an inline graphic, audio, video or other object"
       (TEI); @encoding, when not given, is Base64. A picture in Base64 (@mimeType image/png, jpeg, gif, webp, avif:
       never SVG) is shown as an img with a data: address, its alt the figure's figDesc (TEI Stylesheets: the same);
       anything else is named, as a missing image is. Its characters are never words of the page (they were: a wall
       of Base64 in the paragraph). -->
  <xsl:template match="binaryObject" mode="text">
    <xsl:variable name="mime" select="replace(lower-case(normalize-space(@mimeType)), '^image/jpg$', 'image/jpeg')"/>
    <xsl:variable name="data" select="replace(string(.), '\s+', '')"/>
    <xsl:variable name="alt" select="normalize-space(string-join(ancestor::figure[1]/figDesc, ' '))"/>
    <xsl:choose>
      <xsl:when test="$mime = ('image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/avif')
        and (not(@encoding) or lower-case(normalize-space(@encoding)) = ('base64', 'base-64'))
        and matches($data, '^[A-Za-z0-9+/]+={0,2}$')">
        <img src="data:{$mime};base64,{$data}" alt="{$alt}" class="{samizdat:classes(.)}">
          <xsl:sequence select="samizdat:id(.)"/>
        </img>
      </xsl:when>
      <xsl:otherwise>
        <span class="{samizdat:classes(.)} missing-image">
          <xsl:sequence select="samizdat:id(.)"/>
          <xsl:value-of select="'[embedded ' || (if ($mime != '') then $mime else 'object') || (if ($alt != '') then ': ' || $alt else '') || ']'"/>
        </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- media "indicates the location of any form of external media such as an audio or video clip": offered as
       a player (controls, never autoplay, loaded only when played) for an audio/* or video/* @mimeType, a link
       otherwise; its desc the label. The address only as samizdat:safe-href lets a link have it (a web address
       or a relative one, kept as it is), never a javascript: or other scheme's; without one, the words alone.
       Built, a relative address leads to the copy the build made (images.ts, as for a graphic), or, when there
       is none (the file is missing: the build warned), nowhere. -->
  <xsl:template match="media" mode="text">
    <xsl:param name="linked" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:variable name="href" select="samizdat:safe-href(string(@url))[not(matches(., '^mailto:', 'i') or starts-with(., '#'))]"/>
    <xsl:variable name="url" select="if (exists($href) and exists($samizdat:images) and not(matches($href, '^https?:', 'i')))
      then (if (map:contains($samizdat:images, $href)) then string(map:get($samizdat:images, $href)) else ())
      else $href"/>
    <xsl:variable name="type" select="lower-case(tokenize(normalize-space(@mimeType))[1])"/>
    <xsl:variable name="player" select="if (starts-with($type, 'audio/')) then 'audio' else if (starts-with($type, 'video/')) then 'video' else ()"/>
    <xsl:variable name="desc" select="normalize-space(string-join(desc, ' '))"/>
    <xsl:variable name="label" select="if ($desc != '') then $desc else if (exists($player)) then upper-case(substring($player, 1, 1)) || substring($player, 2) else 'Media'"/>
    <xsl:choose>
      <xsl:when test="exists($url) and exists($player)">
        <span class="{samizdat:classes(.)} media-{$player}">
          <xsl:sequence select="samizdat:id(.)"/>
          <xsl:element name="{$player}">
            <xsl:attribute name="controls" select="'controls'"/>
            <xsl:attribute name="preload" select="'none'"/>
            <xsl:attribute name="src" select="$url"/>
            <xsl:attribute name="aria-label" select="$label"/>
            <xsl:if test="not($linked)"><a href="{$url}"><xsl:value-of select="$label"/></a></xsl:if>
          </xsl:element>
          <xsl:if test="$desc != ''"><span class="media-desc"><xsl:value-of select="$desc"/></span></xsl:if>
        </span>
      </xsl:when>
      <xsl:when test="exists($url) and not($linked)">
        <a href="{$url}" class="{samizdat:classes(.)} media-link">
          <xsl:sequence select="samizdat:id(.)"/>
          <xsl:value-of select="$label || (if ($desc = '') then ' (' || $url || ')' else '')"/>
        </a>
      </xsl:when>
      <xsl:otherwise>
        <span class="{samizdat:classes(.)} missing-media">
          <xsl:sequence select="samizdat:id(.)"/>
          <xsl:value-of select="'[' || lower-case($label) || ']'"/>
        </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A formula: MathML passes through; TeX and other notations stay as code. -->
  <xsl:template match="formula" mode="text">
    <xsl:element name="{if (mml:math or svg:svg) then 'span' else 'code'}">
      <xsl:sequence select="samizdat:id(.)"/>
      <xsl:attribute name="class" select="samizdat:classes(.) || (@notation ! (' notation-' || replace(., '[^A-Za-z0-9_-]', '_')))"/>
      <xsl:apply-templates mode="text"/>
    </xsl:element>
  </xsl:template>

  <!-- MathML and SVG: copied element by element when listed here, with their safe attributes. -->
  <xsl:variable name="samizdat:mathml-elements" as="xs:string*" select="(
    'math', 'mi', 'mn', 'mo', 'ms', 'mtext', 'mspace', 'mrow', 'mfrac', 'msqrt', 'mroot', 'mstyle', 'merror',
    'mpadded', 'mphantom', 'mfenced', 'menclose', 'msub', 'msup', 'msubsup', 'munder', 'mover', 'munderover',
    'mmultiscripts', 'mprescripts', 'none', 'mtable', 'mtr', 'mtd', 'mlabeledtr', 'semantics', 'annotation')"/>
  <xsl:variable name="samizdat:svg-elements" as="xs:string*" select="(
    'svg', 'g', 'defs', 'title', 'desc', 'path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon',
    'text', 'tspan', 'symbol', 'use', 'linearGradient', 'radialGradient', 'stop', 'clipPath', 'mask', 'pattern', 'marker')"/>

  <xsl:template match="mml:* | svg:*" mode="text header">
    <xsl:if test="(self::mml:* and local-name() = $samizdat:mathml-elements) or (self::svg:* and local-name() = $samizdat:svg-elements)">
      <xsl:element name="{local-name()}" namespace="{namespace-uri()}">
        <xsl:apply-templates select="@*" mode="samizdat:foreign"/>
        <xsl:apply-templates select="node()[not(self::*)] | mml:* | svg:*" mode="#current"/>
      </xsl:element>
    </xsl:if>
  </xsl:template>

  <!-- Attributes that draw are kept; events, styles that could load, and every reference outside the page are not. -->
  <xsl:template match="@*" mode="samizdat:foreign"/>
  <xsl:template match="@*[namespace-uri() = ''][matches(local-name(), '^[A-Za-z][A-Za-z0-9_.-]*$')]" mode="samizdat:foreign">
    <xsl:variable name="name" select="lower-case(local-name())"/>
    <xsl:variable name="value" select="string(.)"/>
    <xsl:choose>
      <xsl:when test="starts-with($name, 'on') or $name = ('src', 'action', 'formaction', 'xmlns', 'attributename', 'values', 'from', 'to', 'by', 'begin', 'end')"/>
      <xsl:when test="$name = 'href'">
        <xsl:if test="matches($value, '^#[A-Za-z_][\w.-]*$')"><xsl:copy/></xsl:if>
      </xsl:when>
      <xsl:when test="$name = 'style'">
        <xsl:variable name="css" select="samizdat:css-declarations($value)"/>
        <xsl:if test="$css != ''"><xsl:attribute name="style" select="$css"/></xsl:if>
      </xsl:when>
      <xsl:when test="matches($value, 'url\s*\(', 'i') and not(matches($value, '^\s*url\(\s*#[A-Za-z_][\w.-]*\s*\)\s*$'))"/>
      <xsl:when test="matches($value, '(javascript|vbscript|data)\s*:', 'i')"/>
      <xsl:otherwise><xsl:copy/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
