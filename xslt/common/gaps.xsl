<?xml version="1.0" encoding="UTF-8"?>
<!--
  What sets an element apart from its neighbour where the encoding puts nothing
  between them, shared by the page, the plain text, the search records and the
  mention contexts. The rule, once: an element whose words would otherwise run
  into its neighbour's ("xy", "2 lb3 oz", "said(coughs)", "Theseusduke of
  Athens") gets the separator of its kind before it (or after it) when that
  neighbour is set against it: an element, or text with no white space on
  that side (for some kinds, text ending or beginning with a word only).
  Where the encoding has white space, or words, there, it is kept as it is.

  samizdat:gap($e, $kind, $after): the string before $e ($after false) or
  after it ($after true), '' for none. The kinds:
    phrase   a block inside a phrase (a paragraph in a note …; samizdat:separates): ' ' before and after;
    list     an item or a label of an inline list: ' ' before;
    entry    a dictionary entry's part against the part before it (common/dictionary.xsl): ' ' before;
    measure  a measurement of a measureGrp against the one before it: ', ' before;
    event    a pause, a sound, a movement … (common/spoken.xsl) against a word: ' ' before and after
             (after, against another event too);
    stage    a stage direction amid a line's words (samizdat:in-sentence) against a word: ' ' before and after;
    address  a line of an address within a sentence (samizdat:address-in-sentence) after the line
             before it: ', ' (' ' after a line ending in a comma or a semicolon);
    role     a role description after a role or a description (samizdat:role-gap-after decides:
             ", " or ' ' or '' by the punctuation on each side).
  Callers ask only where the element's name can be of the kind (their templates' patterns name it), so
  that no element pays for a question that cannot concern it.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:samizdat="urn:samizdat"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <xsl:function name="samizdat:gap" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:param name="kind" as="xs:string"/>
    <xsl:param name="after" as="xs:boolean"/>
    <!-- The neighbour on that side. -->
    <xsl:variable name="next" select="if ($after) then $e/following-sibling::node()[1] else $e/preceding-sibling::node()[1]"/>
    <xsl:variable name="set-apart" as="xs:boolean">
      <xsl:choose>
        <xsl:when test="$kind = 'phrase'">
          <xsl:sequence select="samizdat:set-against($next, $after, if ($after) then '^\S' else '\S$', not($after)) and samizdat:separates($e)"/>
        </xsl:when>
        <xsl:when test="$kind = 'list'">
          <xsl:sequence select="not($after) and samizdat:set-against($next, false(), '\S$', true())"/>
        </xsl:when>
        <xsl:when test="$kind = ('entry', 'measure')">
          <xsl:sequence select="not($after) and $next instance of element() and (if ($kind = 'measure') then exists($e/parent::measureGrp)
            else local-name($e) = $samizdat:entry-parts and exists($e/ancestor::*[self::entry or self::entryFree or self::superEntry]))"/>
        </xsl:when>
        <xsl:when test="$kind = 'event'">
          <xsl:sequence select="if ($after) then samizdat:set-against($next, true(), '^[\p{L}\p{N}]', false())
              or exists($next[self::pause or self::vocal or self::kinesic or self::incident or self::shift])
            else samizdat:set-against($next, false(), '[\p{L}\p{N}]$', false())"/>
        </xsl:when>
        <xsl:when test="$kind = 'stage'">
          <xsl:sequence select="exists($e/self::stage)
            and (if ($after) then samizdat:set-against($next, true(), '^[\p{L}\p{N}\p{Ps}\p{Pi}]', false()) and not(matches($e, '\s$'))
              else samizdat:set-against($next, false(), '[^\s\p{Ps}\p{Pi}]$', false()) and not(matches($e, '^\s')))
            and samizdat:in-sentence($e)"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:sequence select="false()"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <!-- The separator of each kind; an address's and a role description's depend on the words on each side. -->
    <xsl:sequence select="if ($kind = 'address') then (if ($after) then '' else samizdat:address-gap($e))
      else if ($kind = 'role') then (if ($after) then '' else samizdat:role-gap($e))
      else if (not($set-apart)) then ''
      else if ($kind = 'measure') then ', ' else ' '"/>
  </xsl:function>

  <!-- The same as a text node, none for '': what a template puts into the page or the text, where a zero-length
       text node would count as an item of a template's result. -->
  <xsl:function name="samizdat:gap-text" as="text()?">
    <xsl:param name="e" as="element()"/>
    <xsl:param name="kind" as="xs:string"/>
    <xsl:param name="after" as="xs:boolean"/>
    <xsl:variable name="gap" select="samizdat:gap($e, $kind, $after)"/>
    <xsl:if test="$gap != ''"><xsl:value-of select="$gap"/></xsl:if>
  </xsl:function>

  <!-- Whether $next, the neighbour on one side, is set against the element: text that ends ($after false) or
       begins with what $edge matches, or, when $elements, an element. -->
  <xsl:function name="samizdat:set-against" as="xs:boolean">
    <xsl:param name="next" as="node()?"/>
    <xsl:param name="after" as="xs:boolean"/>
    <xsl:param name="edge" as="xs:string"/>
    <xsl:param name="elements" as="xs:boolean"/>
    <xsl:sequence select="($elements and $next instance of element()) or ($next instance of text() and matches($next, $edge))"/>
  </xsl:function>

  <!-- A line of an address within a sentence (kind 'address'): ", " after the line before it, a space where that
       line already ends with a comma or a semicolon, nothing before the first or where the encoding has words between. -->
  <xsl:function name="samizdat:address-gap" as="xs:string">
    <xsl:param name="line" as="element()"/>
    <xsl:variable name="previous" select="$line/preceding-sibling::*[1]"/>
    <xsl:variable name="between" select="$line/preceding-sibling::node()[. &gt;&gt; $previous]"/>
    <xsl:sequence select="if (not($previous/self::addrLine) or normalize-space(string-join($between)) != '') then ''
      else if (matches(normalize-space($previous), '[,;]$')) then ' ' else ', '"/>
  </xsl:function>

  <!-- What sets a role description (roleDesc, "describes a character's role in a drama") apart from the role
       or description just before it (kind 'role'), which the page and the plain text otherwise run together
       ("Theseusduke of Athens"): ", " where the encoding puts nothing between them, or only white space (a cast
       list laid out on lines of its own: samizdat:role-space gives that white space's place); nothing where it
       has an opening bracket or a dash there, or where the description begins with punctuation of its own
       (", duke"); a space after a comma or the like it has there ("Theseus," "duke") or before an opening
       bracket ("(duke"); samizdat:role-gap-after (common/tei.xsl) reads the words on each side. Nothing after
       anything else (a castItem before a castGroup's roleDesc is a block of its own). -->
  <xsl:function name="samizdat:role-gap" as="xs:string">
    <xsl:param name="desc" as="element()"/>
    <xsl:variable name="previous" select="$desc/preceding-sibling::*[1]"/>
    <xsl:variable name="between" select="$desc/preceding-sibling::node()[. &gt;&gt; $previous]"/>
    <xsl:sequence select="if (exists($between[not(self::text())]) or (exists($between) and normalize-space(string-join($between)) = '')) then ''
      else samizdat:role-gap-after($previous, samizdat:role-words($previous) || string-join($between), string($desc))"/>
  </xsl:function>
</xsl:stylesheet>
