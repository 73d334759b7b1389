<?xml version="1.0" encoding="UTF-8"?>
<!--
  A register within the text (a listPerson, listPlace or listOrg in the back matter, say) as a reader reads it.
  TEI: a person "provides information about an identifiable individual", a place "contains data about a
  geographic location", an org "provides information about an identifiable organization"; their parts (names,
  birth, death, occupation, location …) are data with no punctuation of their own, which the page and the
  plain text would run together ("Mary Shelley30 August 17971851novelist"). Each entry is a block (a
  paragraph on the page, a line of the text, common/tei.xsl), and its parts are given, before and after their
  own rendering (samizdat:entry-around), the wording of a register:

    Mary Shelley (b. 30 August 1797, d. 1851), novelist
    London, England (51.5, -0.1)

  The dates of a life in parentheses with their labels (b., d., fl.; a date given only by @when is printed),
  other parts after ", ", a place's coordinates in parentheses after its names, as the entity index shows
  them (its "Coordinates", written for reading, not a map: the index links them to one). Nothing is added to an
  entry whose encoding has words of its own between its parts ("Ann, born 1800"). A note is a note (its call-out); an entry within an entry
  (a district in its city) is an entry of its own.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:samizdat="urn:samizdat"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <!-- The entries of a register in the text, each a block (samizdat:block-name); not in the header, whose
       registers (particDesc …) the page renders as they were. -->
  <xsl:variable name="samizdat:register-entries" as="xs:string*" select="('person', 'personGrp', 'place', 'org', 'event', 'object')"/>

  <xsl:function name="samizdat:register-entry" as="xs:boolean">
    <xsl:param name="e" as="element()?"/>
    <xsl:sequence select="exists($e[local-name() = $samizdat:register-entries][ancestor::text])"/>
  </xsl:function>

  <!-- Whether $e is a part of a register entry: a child of the entry, or of its location (an object's
       objectIdentifier: its name, place, institution, number), not a note nor an entry. -->
  <xsl:function name="samizdat:entry-part" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <!-- The parent first: asked of every element of the text, this is then one name lookup for almost all. -->
    <xsl:sequence select="(samizdat:register-entry($e/..) or exists($e/parent::*[self::location or self::objectIdentifier][samizdat:register-entry(..)]))
      and not($e/self::note or $e/self::location or $e/self::objectIdentifier or local-name($e) = $samizdat:register-entries or starts-with(local-name($e), 'list')
        or samizdat:block-name($e))"/>
  </xsl:function>

  <xsl:function name="samizdat:entry-date" as="xs:boolean">
    <xsl:param name="e" as="element()?"/>
    <xsl:sequence select="exists($e[self::birth or self::death or self::floruit])"/>
  </xsl:function>

  <!-- The parts of $entry in order, those of its location among them. -->
  <xsl:function name="samizdat:entry-parts" as="element()*">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="$entry/(*, location/*, objectIdentifier/*)[samizdat:entry-part(.)]"/>
  </xsl:function>

  <!-- The words a part has (its own, or for a date given only by attributes, the date). -->
  <xsl:function name="samizdat:entry-own-words" as="xs:string">
    <xsl:param name="f" as="element()"/>
    <xsl:sequence select="if (normalize-space($f) = '' and samizdat:entry-date($f)) then normalize-space(($f/@when, $f/@when-iso, $f/@notBefore, $f/@from)[1]) else ''"/>
  </xsl:function>

  <!-- What a part $f of a register entry is given before and after its own rendering. -->
  <xsl:function name="samizdat:entry-around" as="xs:string+">
    <xsl:param name="f" as="element()"/>
    <xsl:variable name="entry" select="$f/ancestor::*[samizdat:register-entry(.)][1]"/>
    <xsl:variable name="parts" select="samizdat:entry-parts($entry)[normalize-space() != '' or samizdat:entry-own-words(.) != '']"/>
    <xsl:variable name="i" select="index-of($parts ! generate-id(.), generate-id($f))"/>
    <xsl:choose>
      <!-- An entry the encoding words itself ("Ann, born 1800"): its words as they are. -->
      <xsl:when test="empty($i) or exists(($entry | $entry/location | $entry/objectIdentifier)/text()[normalize-space()])"><xsl:sequence select="('', '')"/></xsl:when>
      <xsl:otherwise>
        <xsl:variable name="p" select="$parts[$i - 1]"/>
        <xsl:variable name="n" select="$parts[$i + 1]"/>
        <xsl:variable name="date" select="samizdat:entry-date($f)"/>
        <xsl:variable name="geo" select="exists($f/self::geo)"/>
        <xsl:variable name="label" select="if (not($date) or matches(normalize-space($f), '^(b\.|d\.|fl\.|born|died|active|\()', 'i')) then ''
          else map { 'birth': 'b. ', 'death': 'd. ', 'floruit': 'fl. ' }(local-name($f))"/>
        <!-- Dates of a life, and coordinates, in one pair of parentheses: opened by the first, closed by the last. -->
        <xsl:variable name="open" select="($date and not(samizdat:entry-date($p))) or $geo"/>
        <xsl:variable name="close" select="($date and not(samizdat:entry-date($n))) or $geo"/>
        <xsl:variable name="lead" select="
          if (empty($p)) then (if ($open) then '(' else '')
          else if ($open) then ' ('
          else if ($date) then ', '
          else if (matches(normalize-space($p), '[,;:]$')) then ' '
          else ', '"/>
        <!-- An event's date, from its attributes, after its last part where no part words it: "matriculation (1972-10-12)". -->
        <xsl:variable name="when" select="if (exists($n) or not($entry/self::event) or exists($parts//date)) then '' else samizdat:event-date($entry)"/>
        <xsl:sequence select="$lead || $label || samizdat:entry-own-words($f), (if ($close) then ')' else '') || ($when[. != ''] ! (' (' || . || ')'))"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- An event's date as its attributes give it (TEI att.datable): @when, else "@from–@to" (or notBefore–notAfter); '' for none. -->
  <xsl:function name="samizdat:event-date" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="when" select="($e/@when, $e/@when-iso)[normalize-space()][1]"/>
    <xsl:variable name="from" select="($e/@from, $e/@from-iso, $e/@notBefore, $e/@notBefore-iso)[normalize-space()][1]"/>
    <xsl:variable name="to" select="($e/@to, $e/@to-iso, $e/@notAfter, $e/@notAfter-iso)[normalize-space()][1]"/>
    <xsl:sequence select="normalize-space(if (exists($when)) then $when else string-join(($from, $to), '–'))"/>
  </xsl:function>

  <!-- The coordinates of a geo ("51.5 -0.1") as read: "51.5, -0.1" (no change where they are written otherwise). -->
  <xsl:function name="samizdat:geo-words" as="xs:string">
    <xsl:param name="t" as="text()"/>
    <xsl:sequence select="if ($t/parent::geo and normalize-space($t/..) = normalize-space($t)) then replace(normalize-space($t), '^(-?[0-9.]+)\s+(-?[0-9.]+)$', '$1, $2') else string($t)"/>
  </xsl:function>
</xsl:stylesheet>
