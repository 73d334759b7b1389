<?xml version="1.0" encoding="UTF-8"?>
<!--
  Non-standard characters and glyphs (TEI gaiji module): what a g stands for
  in each view, shared by the page and the plain text.

  The Guidelines (WD, "Annotating Characters", "Adding New Characters"):
  a g with content holds the text, and the char or glyph it points to is an
  annotation on it ("normalized versions" come "by simply ignoring the
  annotation"); a g standing for a new character "will usually be empty",
  and what it reads as is in its char's mapping elements. So:
  - reading view: the g's content; when it is empty, the declaration's
    normalized or standard form (then any other mapping but a private-use
    code point or an ideographic description);
  - diplomatic view: the declaration's diplomatic form where it gives one,
    else the content, else as the reading view;
  - a declaration with no usable mapping, or a pointer to none in this
    document: the character's name in brackets, so that the reader sees a
    character stood there (an empty string would lose it without a trace).
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:samizdat="urn:samizdat"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <!-- Mapping types each view reads, best first (compared in lower case: the Guidelines write "Unicode",
       "PUA", "standard"). -->
  <xsl:variable name="samizdat:reading-mappings" as="xs:string*" select="('normalized', 'normalised', 'standard', 'regularized', 'modern', 'exact', 'unicode', 'composed', 'diplomatic')"/>
  <xsl:variable name="samizdat:diplomatic-mappings" as="xs:string*" select="('diplomatic', 'unicode', 'exact', 'standard', 'composed', 'normalized', 'normalised', 'regularized', 'modern')"/>
  <!-- Never shown: a private-use code point needs the encoder's own font, an IDS describes rather than writes. -->
  <xsl:variable name="samizdat:unshown-mappings" as="xs:string*" select="('pua', 'ids')"/>

  <!-- The char or glyph a g (or a mapping's g) points to, when it is in this document. -->
  <xsl:function name="samizdat:glyph-declaration" as="element()?">
    <xsl:param name="g" as="element(g)"/>
    <xsl:variable name="pointer" select="samizdat:pointers($g/@ref)[1]"/>
    <xsl:sequence select="if (starts-with($pointer, '#')) then key('samizdat:id', substring($pointer, 2), root($g))[self::char or self::glyph][1] else ()"/>
  </xsl:function>

  <!-- A declared character's name: charName/glyphName, else a name property, else its description. -->
  <xsl:function name="samizdat:glyph-name" as="xs:string?">
    <xsl:param name="declaration" as="element()?"/>
    <xsl:sequence select="($declaration/(charName, glyphName, localProp[lower-case(@name) = 'name']/@value, unicodeProp[@name = 'Name']/@value,
      localName, value, desc) ! normalize-space(.))[. != ''][1]"/>
  </xsl:function>

  <!-- What a g reads as in $view ('reading' or 'diplomatic'); () when neither its content nor its declaration
       gives anything to show. -->
  <xsl:function name="samizdat:glyph-text" as="xs:string?">
    <xsl:param name="g" as="element(g)"/>
    <xsl:param name="view" as="xs:string"/>
    <xsl:sequence select="samizdat:glyph-text($g, $view, 0)"/>
  </xsl:function>

  <xsl:function name="samizdat:glyph-text" as="xs:string?">
    <xsl:param name="g" as="element(g)"/>
    <xsl:param name="view" as="xs:string"/>
    <!-- How many mappings deep: a mapping may hold a g pointing to another declaration, and a loop of them
           must end. -->
    <xsl:param name="depth" as="xs:integer"/>
    <xsl:variable name="content" select="if (normalize-space($g) = '') then () else string($g)"/>
    <xsl:variable name="declaration" select="if ($depth gt 4) then () else samizdat:glyph-declaration($g)"/>
    <xsl:variable name="diplomatic" select="if ($view = 'diplomatic') then samizdat:mapping-text($declaration, ('diplomatic'), false(), $view, $depth) else ()"/>
    <xsl:sequence select="($diplomatic, $content,
      samizdat:mapping-text($declaration, if ($view = 'diplomatic') then $samizdat:diplomatic-mappings else $samizdat:reading-mappings, true(), $view, $depth))[1]"/>
  </xsl:function>

  <!-- The text of a declaration's first mapping among $types (in their order), then, if $any, of any other
       mapping that may be shown. -->
  <xsl:function name="samizdat:mapping-text" as="xs:string?">
    <xsl:param name="declaration" as="element()?"/>
    <xsl:param name="types" as="xs:string*"/>
    <xsl:param name="any" as="xs:boolean"/>
    <xsl:param name="view" as="xs:string"/>
    <xsl:param name="depth" as="xs:integer"/>
    <xsl:variable name="mappings" select="$declaration/mapping[not(lower-case(normalize-space(@type)) = $samizdat:unshown-mappings)]"/>
    <xsl:variable name="ranked" select="(for $t in $types return $mappings[lower-case(normalize-space(@type)) = $t], if ($any) then $mappings else ())"/>
    <!-- White space around the character is layout (the Guidelines set it on a line of its own). -->
    <xsl:sequence select="($ranked ! normalize-space(string-join(node() ! (if (self::g) then samizdat:glyph-text(., $view, $depth + 1) else string(.)))))[. != ''][1]"/>
  </xsl:function>

  <!-- What stands in for a g that reads as nothing: its character's name, else what it points to, in brackets. -->
  <xsl:function name="samizdat:glyph-placeholder" as="xs:string">
    <xsl:param name="g" as="element(g)"/>
    <xsl:sequence select="'[' || (samizdat:glyph-name(samizdat:glyph-declaration($g)), replace(normalize-space($g/@ref), '^#', ''), 'character')[. != ''][1] || ']'"/>
  </xsl:function>
</xsl:stylesheet>
