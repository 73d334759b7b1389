<?xml version="1.0" encoding="UTF-8"?>
<!--
  Who a pointer names. A @resp ("the agency responsible"), a u's @who, a
  handShift's @new or an intervention's @hand, a note's @resp: each points at
  an element of the document (a respStmt, an editor or author, a person or
  org, a persName within a respStmt, a handNote), and the page names it. The
  name and the role were worked out in each caller, each a little
  differently (one read a person's whole text, birth dates and all); here
  they are worked out once:

    samizdat:agent($pointer, $context)        the element a pointer names in $context's document, or ()
    samizdat:agent-name($agent)               its name to show ('' when it has none)
    samizdat:agent-role($agent)               what it does ('' when unknown)
    samizdat:agent-label($pointer, $context)  the name, else the pointer itself (a local one without "#")
    samizdat:names($entry)                    an entry's names, the regularised one first (the entity index's too)
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:samizdat="urn:samizdat"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <!-- The element a pointer names: a local one ("#ed") in the document of $context; () for others (a URI, a
       pointer into another file), which the callers show as written. -->
  <xsl:function name="samizdat:agent" as="element()?">
    <xsl:param name="pointer" as="xs:string"/>
    <xsl:param name="context" as="node()"/>
    <xsl:variable name="p" select="normalize-space($pointer)"/>
    <xsl:sequence select="if (starts-with($p, '#') and string-length($p) gt 1) then key('samizdat:id', substring($p, 2), root($context))[1] else ()"/>
  </xsl:function>

  <!-- The elements the pointers of an attribute (@resp, @who …) name, in order; unresolved ones left out. -->
  <xsl:function name="samizdat:agents" as="element()*">
    <xsl:param name="attribute" as="attribute()?"/>
    <xsl:sequence select="for $t in tokenize(normalize-space($attribute)) return samizdat:agent($t, $attribute)"/>
  </xsl:function>

  <xsl:variable name="samizdat:preferred-name-types" as="xs:string*" select="('preferred', 'reg', 'regularised', 'regularized', 'standard', 'main', 'normalized', 'normalised', 'full')"/>

  <!-- An entry's names (a bibliographic entry's titles; else its name children with words), the regularised
       one first: a name of a preferred @type, else one with no @type, else the first. A biblFull's are its
       titleStmt's: its seriesStmt's title names the series it is in, not the work. A biblStruct's likewise are its
       work's: the analytic's (an article, a chapter), else the monogr's, not the journal or book an article is
       in, nor a series's (a title level="s"); a series's only when it has no other. -->
  <xsl:function name="samizdat:names" as="element()*">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="names" select="if (local-name($entry) = 'biblFull') then $entry/titleStmt/title
      else if (local-name($entry) = 'biblStruct') then (let $work := ($entry/analytic[title], $entry/monogr[title[not(@level = 's')]])[1]
        return if (exists($work)) then $work/title[not(@level = 's')] else $entry/(monogr | series)/title)
      else if (local-name($entry) = 'bibl') then $entry/(title | */title)
      else $entry/*[ends-with(local-name(), 'Name') or self::name or self::label][normalize-space()]"/>
    <xsl:variable name="preferred" select="($names[lower-case(@type) = $samizdat:preferred-name-types], $names[not(@type)], $names)[1]"/>
    <xsl:sequence select="$preferred, $names except $preferred"/>
  </xsl:function>

  <!-- An agent's name. A respStmt: its names (name, persName, orgName), joined. A handNote: the scribe's
       persName in it (<handNote><persName>Sir T. Phillipps</persName>, annotations</handNote>), else its @scribe
       ("a name or other identifier for the scribe"), else its @n, else its xml:id (its other words describe the
       hand; they are no name). Else its regularised name (samizdat:names), or
       a persona's persName, else its @n, else its own words. -->
  <xsl:function name="samizdat:agent-name" as="xs:string">
    <xsl:param name="t" as="element()?"/>
    <xsl:sequence select="
      if (empty($t)) then ''
      else if ($t/self::respStmt) then normalize-space(string-join($t/(name | persName | orgName), ', '))
      else if ($t/self::handNote) then normalize-space(($t//persName, $t/@scribe, $t/@n, $t/@xml:id)[normalize-space() != ''][1])
      else (samizdat:names($t)[1], $t/persona/persName[normalize-space()][1], $t/@n[normalize-space()], $t)[1] ! normalize-space(.)"/>
  </xsl:function>

  <!-- What an agent does: a respStmt's resp (or that of the respStmt a name stands in), an editor's @role
       ("editor" when none), "author" for an author, or for the person the titleStmt's author points to (an
       editor's role for the editor's), else its @role. -->
  <xsl:function name="samizdat:agent-role" as="xs:string">
    <xsl:param name="t" as="element()?"/>
    <xsl:sequence select="normalize-space(
      if ($t/self::respStmt) then string-join($t/resp, '; ')
      else if ($t/parent::respStmt) then string-join($t/../resp, '; ')
      else if ($t/self::editor) then ($t/@role, 'editor')[1]
      else if ($t/self::author or $t/parent::author) then 'author'
      else if ($t/parent::editor) then ($t/../@role, 'editor')[1]
      else (samizdat:credited-as($t) ! (if (self::author) then 'author' else (@role, 'editor')[1]), $t/@role)[1])"/>
  </xsl:function>

  <!-- The titleStmt's author or editor that names $t by @ref (its own, or its persName's: <author
       ref="#lt"/> with <person xml:id="lt"> in a register): the work's author is the author whether the
       title page names them in place or points to the register. -->
  <xsl:function name="samizdat:credited-as" as="element()?">
    <xsl:param name="t" as="element()"/>
    <xsl:variable name="id" select="$t/@xml:id ! ('#' || normalize-space(.))"/>
    <xsl:sequence select="if (empty($id)) then () else
      ($t/ancestor::TEI[1], root($t)/*)[1]/teiHeader/fileDesc/titleStmt/(author | editor)[(. | *)/@ref ! samizdat:pointers(.) = $id][1]"/>
  </xsl:function>

  <!-- The name a pointer shows: its agent's name, else the pointer as written (a local one without its "#"). -->
  <xsl:function name="samizdat:agent-label" as="xs:string">
    <xsl:param name="pointer" as="xs:string"/>
    <xsl:param name="context" as="node()"/>
    <xsl:sequence select="(samizdat:agent-name(samizdat:agent($pointer, $context))[. != ''], replace(normalize-space($pointer), '^#', ''))[1]"/>
  </xsl:function>
</xsl:stylesheet>
