<?xml version="1.0" encoding="UTF-8"?>
<!--
  Transcribed speech (TEI spoken module), shared by the page and the plain
  text. An utterance (u) is "a stretch of speech usually preceded and
  followed by silence or by a change of speaker": a block of its own, headed
  by who speaks (@who), since unlike a play's sp it holds no speaker label
  of its own. The events around the words (pause, vocal, kinesic, incident,
  shift) are the transcriber's descriptions, not words spoken: they read in
  parentheses, as a play's stage directions do.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:samizdat="urn:samizdat"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <!-- Who speaks an utterance, in words: each @who pointer's person (its name, common/resp.xsl) where this
       document declares it, else the pointer itself; () when the utterance names no one. -->
  <xsl:function name="samizdat:who-label" as="xs:string?">
    <xsl:param name="u" as="element()"/>
    <xsl:variable name="names" select="for $p in samizdat:pointers($u/@who) return samizdat:agent-label($p, $u)"/>
    <xsl:sequence select="if (empty($names)) then () else string-join($names, ', ')"/>
  </xsl:function>

  <!-- A pause, a vocalised but not lexical sound, a movement, an incident, a change of voice, as the text
       reads it: "(coughs)", "(pause, 2 s)", "(loudness: f)". -->
  <xsl:function name="samizdat:spoken-event" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="described" select="normalize-space(string-join($e/desc, ' '))"/>
    <xsl:variable name="what" select="
      if ($e/self::pause) then string-join(('pause', samizdat:duration-words($e/@dur), normalize-space($e/@type)[. != '']), ', ')
      else if ($e/self::shift) then normalize-space($e/@feature) || ': ' || (normalize-space($e/@new)[. != ''], 'normal')[1]
      else ($described[. != ''], normalize-space($e/@type)[. != ''], local-name($e))[1]"/>
    <xsl:sequence select="'(' || $what || ')'"/>
  </xsl:function>

  <!-- A space before and after an event set against a word (or, after, another event) with none (a shift is often written inside a
       word's reach: "back<shift …/>LOUD"), so that the description does not read as part of the word. -->
  <xsl:function name="samizdat:event-space-before" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="if ($e/preceding-sibling::node()[1][self::text()][matches(., '[\p{L}\p{N}]$')]) then ' ' else ''"/>
  </xsl:function>
  <xsl:function name="samizdat:event-space-after" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="if ($e/following-sibling::node()[1][self::text()[matches(., '^[\p{L}\p{N}]')] or self::pause or self::vocal or self::kinesic or self::incident or self::shift]) then ' ' else ''"/>
  </xsl:function>

  <!-- writing ("a passage of written text revealed to participants in the course of a spoken text", TEI: a letter
       read out, a sign) within a line or a paragraph, set against the words beside it with no white space in the
       encoding ("I read:<writing>Come at once.</writing>So be it."): one space there, on the page and in the plain
       text, lest the words written and the words spoken run together ("I read:Come at once.So be it."). It stays
       in the line, as the page's italics keep it: a short text, which the TEI's remarks expect "most simply
       transcribed as a character string". Writing set apart as a block (samizdat:writing-apart) needs none. -->
  <xsl:function name="samizdat:writing-gap" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:param name="after" as="xs:boolean"/>
    <xsl:sequence select="samizdat:set-against($e, $after) and not(samizdat:writing-apart($e))"/>
  </xsl:function>

  <!-- An xs:duration (@dur, as "PT2S" or "PT1M30S") in words ("2 s", "1 min 30 s"); () when it is none. -->
  <xsl:function name="samizdat:duration-words" as="xs:string?">
    <xsl:param name="dur" as="attribute()?"/>
    <xsl:variable name="d" select="if ($dur castable as xs:dayTimeDuration) then xs:dayTimeDuration($dur) else ()"/>
    <xsl:sequence select="if (empty($d)) then normalize-space($dur)[. != ''] else string-join((
      (hours-from-duration($d) + 24 * days-from-duration($d))[. gt 0] ! (. || ' h'),
      minutes-from-duration($d)[. gt 0] ! (. || ' min'),
      seconds-from-duration($d)[. gt 0] ! (. || ' s')), ' ')"/>
  </xsl:function>
</xsl:stylesheet>
