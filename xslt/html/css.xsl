<?xml version="1.0" encoding="UTF-8"?>
<!--
  Typography and CSS from the TEI: hi/@rend (and @rend anywhere) by a table
  of the common values and their spelled-out variants, @rendition pointing to
  tagsDecl/rendition (scheme css), and @style.

  The encoder's CSS is untrusted: samizdat:css-declarations parses it into
  declarations and keeps only whitelisted properties whose values are made of
  plain tokens (keywords, numbers and lengths, colours, quoted font names).
  No url(), no @import, no expression(), no escapes, comments, braces or
  angle brackets, no positioning: nothing can load a resource, run a script
  or escape the element it styles.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:samizdat="urn:samizdat"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns="http://www.w3.org/1999/xhtml"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <!-- @rend values → the typography samizdat.css gives them (class typo-NAME). -->
  <xsl:variable name="samizdat:typography" as="map(xs:string, xs:string)" select="map {
    'italic': 'italic', 'italics': 'italic', 'i': 'italic', 'it': 'italic', 'ital': 'italic', 'slanted': 'italic', 'oblique': 'italic', 'emph': 'italic', 'em': 'italic',
    'bold': 'bold', 'b': 'bold', 'bf': 'bold', 'strong': 'bold', 'heavy': 'bold',
    'sup': 'sup', 'superscript': 'sup', 'super': 'sup', 'raised': 'sup', 'sub': 'sub', 'subscript': 'sub', 'lowered': 'sub',
    'smallcaps': 'smallcaps', 'small-caps': 'smallcaps', 'sc': 'smallcaps', 'smcap': 'smallcaps', 'smallcap': 'smallcaps', 'small_caps': 'smallcaps', 'allsmallcaps': 'smallcaps',
    'strikethrough': 'strikethrough', 'strike': 'strikethrough', 'line-through': 'strikethrough', 'linethrough': 'strikethrough', 'struck': 'strikethrough', 'strikeout': 'strikethrough', 'overstrike': 'strikethrough', 'overstruck': 'strikethrough',
    'underline': 'underline', 'u': 'underline', 'ul': 'underline', 'underlined': 'underline', 'under': 'underline',
    'doubleunderline': 'doubleunderline', 'double-underline': 'doubleunderline', 'underdouble': 'doubleunderline', 'uu': 'doubleunderline',
    'overline': 'overline', 'wavy': 'wavy', 'wavyunderline': 'wavy',
    'caps': 'uppercase', 'allcaps': 'uppercase', 'uppercase': 'uppercase', 'upper': 'uppercase', 'majuscule': 'uppercase',
    'lowercase': 'lowercase', 'lower': 'lowercase', 'minuscule': 'lowercase',
    'spaced': 'spaced', 'letterspaced': 'spaced', 'letter-spaced': 'spaced', 'spaced-out': 'spaced', 'gesperrt': 'spaced', 'expanded': 'spaced',
    'large': 'large', 'larger': 'large', 'big': 'large', 'x-large': 'large', 'small': 'small', 'smaller': 'small', 'x-small': 'small',
    'roman': 'roman', 'normal': 'roman', 'upright': 'roman', 'plain': 'roman',
    'monospace': 'monospace', 'mono': 'monospace', 'tt': 'monospace', 'typewriter': 'monospace', 'code': 'monospace',
    'center': 'center', 'centre': 'center', 'centered': 'center', 'centred': 'center', 'align-center': 'center',
    'right': 'right', 'align-right': 'right', 'flush-right': 'right', 'flushright': 'right', 'ralign': 'right',
    'left': 'left', 'align-left': 'left', 'flush-left': 'left',
    'indent': 'indent', 'indented': 'indent', 'noindent': 'noindent', 'hang': 'hang', 'hanging': 'hang',
    'red': 'red', 'blue': 'blue', 'green': 'green', 'gothic': 'blackletter', 'blackletter': 'blackletter', 'fraktur': 'blackletter',
    'color(red)': 'red', 'color(blue)': 'blue', 'color(green)': 'green', 'normalweight': 'normalweight', 'unbold': 'normalweight',
    'strikedoublethrough': 'doublestrike', 'doublestrike': 'doublestrike', 'double-strikethrough': 'doublestrike'
  }"/>

  <!-- The typography classes of an element: typo-NAME for each @rend token the table knows,
       rendition-ID for each @rendition pointing into this document's tagsDecl. -->
  <xsl:function name="samizdat:typography-classes" as="xs:string*">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="distinct-values(
      for $t in tokenize(lower-case(normalize-space($e/@rend))) return map:get($samizdat:typography, $t) ! ('typo-' || .)),
      for $r in tokenize(normalize-space($e/@rendition)) return if (starts-with($r, '#')) then 'rendition-' || samizdat:css-name(substring($r, 2)) else ()"/>
  </xsl:function>

  <xsl:function name="samizdat:css-name" as="xs:string">
    <xsl:param name="id" as="xs:string"/>
    <xsl:sequence select="replace($id, '[^A-Za-z0-9_-]', '_')"/>
  </xsl:function>

  <!-- The element's own @style, sanitised, as a style attribute (none when nothing survives). -->
  <xsl:function name="samizdat:style" as="attribute()?">
    <xsl:param name="e" as="element()"/>
    <xsl:if test="$e/@style">
      <xsl:variable name="css" select="samizdat:css-declarations(string($e/@style))"/>
      <xsl:if test="$css != ''"><xsl:attribute name="style" select="$css"/></xsl:if>
    </xsl:if>
  </xsl:function>

  <!-- The page selectors (samizdat:css-selector) of the header's renditions that samizdat:renditions writes
       into the page's style: scheme css or none, with declarations that survive the sanitiser, not for a
       pseudo-element. A rendition for every hi (selector="hi") is then keyed by '.tei-hi'. -->
  <xsl:key name="samizdat:rendition-selector"
    match="tagsDecl/rendition[@selector][not(@scheme) or @scheme = 'css'][not(@scope = ('first-line', 'first-letter', 'before', 'after'))]"
    use="if (samizdat:css-declarations(string(.)) != '') then samizdat:css-selector(@selector) else ()"/>

  <!-- ' no-rend' for an element to which samizdat gives a rendition of its own where the encoding gives none
       (a hi, a foreign word, a word mentioned … in italics: samizdat.css styles the class), '' where the
       encoding gives one: a @rend, @rendition or @style on the element, or a rendition in the header whose
       selector is the element's name alone (the header's default for every such element; one for some of them,
       "p hi", leaves the others to samizdat's, and wins over it where it applies, coming later in the page). -->
  <xsl:function name="samizdat:no-rend" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="if ($e/@rend or $e/@rendition or $e/@style
      or (root($e) instance of document-node() and exists(key('samizdat:rendition-selector', '.tei-' || local-name($e), root($e))))) then '' else ' no-rend'"/>
  </xsl:function>

  <!-- tagsDecl/rendition (scheme css, or none given) as a style element for the page's head:
       .rendition-ID { … } for the elements whose @rendition points at it, and, for a @selector,
       the same declarations for the elements it selects (see samizdat:css-selector); with
       ::first-line, ::first-letter, ::before, ::after by @scope. -->
  <xsl:template name="samizdat:renditions">
    <xsl:variable name="rules" as="xs:string*">
      <xsl:for-each select="key('samizdat:page-part', 'tagsDecl')/rendition[@xml:id or @selector][not(@scheme) or @scheme = 'css']">
        <xsl:variable name="scope" select="if (@scope = ('first-line', 'first-letter', 'before', 'after')) then '::' || @scope else ''"/>
        <xsl:variable name="selectors" select="(if (@xml:id) then '.rendition-' || samizdat:css-name(@xml:id) else (), if (@selector) then samizdat:css-selector(@selector) else ())"/>
        <xsl:variable name="css" select="samizdat:css-declarations(string(.), $scope = ('::before', '::after'))"/>
        <xsl:if test="$css != '' and exists($selectors)">
          <xsl:sequence select="string-join($selectors ! (. || $scope), ', ') || ' { ' || $css || '; }'"/>
        </xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <xsl:if test="exists($rules)">
      <style><xsl:value-of select="string-join($rules, '&#10;')" disable-output-escaping="yes"/></style>
    </xsl:if>
  </xsl:template>

  <!-- A rendition's @selector (CSS selectors over the TEI's elements) as selectors over the page, which
       marks each element it renders with the class tei-NAME, its @rend and @type tokens with rend-TOKEN,
       and keeps its xml:id. Understood: element names and *, #id, [rend=…] and [type=…] (= or ~=),
       and the combinators (descendant, >, +, ~), which the page's nesting follows as the TEI's does
       except where it sets a wrapper between two elements. Any other selector (other attributes,
       pseudo-classes, namespaces) is left out: it would select something else on the page, or nothing.
       What comes out is made only of names checked against a narrow pattern, so it cannot escape its rule. -->
  <xsl:function name="samizdat:css-selector" as="xs:string*">
    <xsl:param name="selector" as="xs:string"/>
    <xsl:for-each select="tokenize($selector, ',')[normalize-space()]">
      <xsl:variable name="parts" as="xs:string*">
        <xsl:analyze-string select="normalize-space(.)" regex="\s*([&gt;+~])\s*|\s+|((?:[^\s&gt;+~\[]|\[[^\]]*\])+)">
          <xsl:matching-substring>
            <xsl:sequence select="if (regex-group(2) != '') then samizdat:css-compound(regex-group(2))
              else if (regex-group(1) != '') then ' ' || regex-group(1) || ' ' else ' '"/>
          </xsl:matching-substring>
          <xsl:non-matching-substring><xsl:sequence select="'!'"/></xsl:non-matching-substring>
        </xsl:analyze-string>
      </xsl:variable>
      <!-- Every compound translated, and compounds and combinators (which begin with a space) taking turns, a compound first and last. -->
      <xsl:if test="count($parts) mod 2 = 1 and not($parts = '!') and (every $i in 1 to count($parts) satisfies starts-with($parts[$i], ' ') = ($i mod 2 = 0))">
        <xsl:sequence select="string-join($parts)"/>
      </xsl:if>
    </xsl:for-each>
  </xsl:function>

  <!-- A word as (part of) a class, here as in samizdat:rend-class (core.xsl): its characters other than letters and
       digits (of any script: a CSS identifier may hold any character above U+007F), _ and - as _. -->
  <xsl:function name="samizdat:class-word" as="xs:string">
    <xsl:param name="t" as="xs:string"/>
    <xsl:sequence select="replace($t, '[^\p{L}\p{N}_-]', '_')"/>
  </xsl:function>

  <!-- One compound selector (name, *, #id, [rend=…]): its translation, or '!' when it has anything else. -->
  <xsl:function name="samizdat:css-compound" as="xs:string">
    <xsl:param name="compound" as="xs:string"/>
    <xsl:variable name="simple" as="xs:string*">
      <xsl:analyze-string select="$compound" regex="^([A-Za-z][A-Za-z0-9_-]*|\*)|#([A-Za-z_][A-Za-z0-9_-]*)|\[(rend|type)(~?=)(&quot;([^&quot;]*)&quot;|'([^']*)'|([\p{{L}}\p{{N}}_-]+))\]">
        <xsl:matching-substring>
          <xsl:variable name="value" select="string-join((regex-group(6), regex-group(7), regex-group(8)))"/>
          <xsl:sequence select="
            if (regex-group(1) = '*') then '[class*=&quot;tei-&quot;]'
            else if (regex-group(1) != '') then '.tei-' || regex-group(1)
            else if (regex-group(2) != '') then '#' || regex-group(2)
            else if (normalize-space($value) = '' or (regex-group(4) = '~=' and matches($value, '\s'))) then '!'
            else string-join(tokenize(normalize-space($value)) ! ('.rend-' || samizdat:class-word(.)))"/>
        </xsl:matching-substring>
        <xsl:non-matching-substring><xsl:sequence select="'!'"/></xsl:non-matching-substring>
      </xsl:analyze-string>
    </xsl:variable>
    <xsl:sequence select="if (empty($simple) or $simple = '!') then '!' else string-join($simple)"/>
  </xsl:function>

  <!-- Properties an encoder may set, each with the kind of value it takes. -->
  <xsl:variable name="samizdat:css-properties" as="map(xs:string, xs:string)" select="map {
    'color': 'any', 'background-color': 'any', 'font-style': 'keyword', 'font-weight': 'any', 'font-variant': 'keyword',
    'font-variant-caps': 'keyword', 'font-size': 'size', 'font-family': 'any', 'font-stretch': 'any',
    'text-decoration': 'any', 'text-decoration-line': 'keyword', 'text-decoration-style': 'keyword',
    'text-decoration-color': 'any', 'text-decoration-thickness': 'any', 'text-underline-offset': 'any',
    'text-transform': 'keyword', 'text-align': 'keyword', 'text-indent': 'signed', 'letter-spacing': 'signed',
    'word-spacing': 'signed', 'line-height': 'size', 'vertical-align': 'signed', 'white-space': 'keyword',
    'margin': 'any', 'margin-top': 'any', 'margin-right': 'any', 'margin-bottom': 'any', 'margin-left': 'any',
    'padding': 'any', 'padding-top': 'any', 'padding-right': 'any', 'padding-bottom': 'any', 'padding-left': 'any',
    'border': 'any', 'border-top': 'any', 'border-right': 'any', 'border-bottom': 'any', 'border-left': 'any',
    'border-style': 'any', 'border-width': 'any', 'border-color': 'any', 'border-radius': 'any',
    'display': 'display', 'float': 'keyword', 'clear': 'keyword', 'list-style-type': 'keyword', 'font-feature-settings': 'any'
  }"/>

  <!-- One value token: a keyword, a number or length, a colour, a quoted font name. -->
  <xsl:variable name="samizdat:css-token" as="xs:string" select="
    '(#[0-9a-fA-F]{3,8}|(rgb|rgba|hsl|hsla)\([0-9.%, /deg]{1,60}\)|[+-]?([0-9]{1,4}(\.[0-9]{1,4})?|\.[0-9]{1,4})(em|rem|ex|ch|px|pt|pc|cm|mm|in|%|deg)?|[A-Za-z][A-Za-z-]{0,40}|&quot;[A-Za-z0-9 -]{1,60}&quot;|''[A-Za-z0-9 -]{1,60}'')'"/>

  <xsl:function name="samizdat:css-declarations" as="xs:string">
    <xsl:param name="css" as="xs:string"/>
    <xsl:sequence select="samizdat:css-declarations($css, false())"/>
  </xsl:function>

  <xsl:function name="samizdat:css-declarations" as="xs:string">
    <xsl:param name="css" as="xs:string"/>
    <xsl:param name="content-allowed" as="xs:boolean"/>
    <xsl:variable name="declarations" as="xs:string*">
      <xsl:for-each select="tokenize($css, ';')">
        <xsl:variable name="name" select="lower-case(normalize-space(substring-before(., ':')))"/>
        <xsl:variable name="value" select="normalize-space(replace(substring-after(., ':'), '!\s*important\s*$', '', 'i'))"/>
        <xsl:if test="samizdat:css-allowed($name, $value, $content-allowed)">
          <xsl:sequence select="$name || ': ' || $value"/>
        </xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <xsl:sequence select="string-join($declarations, '; ')"/>
  </xsl:function>

  <xsl:function name="samizdat:css-allowed" as="xs:boolean">
    <xsl:param name="name" as="xs:string"/>
    <xsl:param name="value" as="xs:string"/>
    <xsl:param name="content-allowed" as="xs:boolean"/>
    <xsl:variable name="kind" select="map:get($samizdat:css-properties, $name)"/>
    <xsl:variable name="t" select="$samizdat:css-token"/>
    <xsl:sequence select="
      if ($value = '' or string-length($value) gt 200) then false()
      else if ($name = 'content') then $content-allowed and matches($value, '^(&quot;[^&quot;\\&lt;&gt;]{0,100}&quot;|''[^''\\&lt;&gt;]{0,100}'')$')
      else if (empty($kind)) then false()
      else if (matches($value, 'url|expression|javascript|import|[\\&lt;&gt;{}@;]', 'i')) then false()
      else if (not(matches($value, '^' || $t || '((\s*,\s*|\s+)' || $t || ')*$'))) then false()
      else if ($kind = 'keyword') then matches($value, '^[A-Za-z][A-Za-z -]*$')
      else if ($kind = 'display') then $value = ('inline', 'block', 'inline-block', 'list-item', 'flow-root')
      else if ($kind = 'size') then not(matches($value, '(^|\s)-')) and not(matches($value, '[0-9]{3,}(\.[0-9]*)?(em|rem|ex|ch|in|cm)|[0-9]{4,}'))
      else if ($kind = 'signed') then not(matches($value, '[0-9]{3,}(\.[0-9]*)?(em|rem|ex|ch|in|cm)|[0-9]{4,}'))
      else not(matches($value, '(^|[\s,(])-[0-9.]'))"/>
  </xsl:function>
</xsl:stylesheet>
