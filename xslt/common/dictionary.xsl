<?xml version="1.0" encoding="UTF-8"?>
<!--
  Dictionary entries (TEI dictionaries module), shared by the page and the
  plain text. An entry is a block; its parts (form, pronunciation, grammar,
  senses, definitions, etymology …) are encoded element against element, as
  the Guidelines' examples are, and print dictionaries set them apart by
  space and typography: here a space between two parts that the encoding
  puts against each other, and a numbered sense begins with its number.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:samizdat="urn:samizdat"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <!-- The parts of an entry that read apart from the part before them. -->
  <xsl:variable name="samizdat:entry-parts" as="xs:string*" select="('form', 'orth', 'pron', 'hyph', 'syll', 'stress',
    'gramGrp', 'pos', 'subc', 'gen', 'number', 'case', 'per', 'tns', 'mood', 'iType', 'colloc', 'sense', 'def', 'usg',
    'lbl', 'etym', 'xr', 're', 'dictScrap', 'oRef', 'pRef', 'lang', 'cit')"/>

  <!-- ' ' before an entry part set against the element before it, inside an entry; '' otherwise. -->
  <xsl:function name="samizdat:entry-gap" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="if (local-name($e) = $samizdat:entry-parts and $e/preceding-sibling::node()[1][self::*]
      and $e/ancestor::*[self::entry or self::entryFree or self::superEntry]) then ' ' else ''"/>
  </xsl:function>

  <!-- A numbered sense's number, as it begins the sense ("1. "); '' for a sense without @n. -->
  <xsl:function name="samizdat:sense-number" as="xs:string">
    <xsl:param name="sense" as="element()"/>
    <xsl:sequence select="normalize-space($sense/@n) ! (if (. = '') then '' else if (matches(., '[.)]$')) then . || ' ' else . || '. ')"/>
  </xsl:function>
</xsl:stylesheet>
