<?xml version="1.0" encoding="UTF-8"?>
<!--
  Who wrote a note. TEI's note/@resp "indicates the agency responsible for the
  intervention or interpretation, for example an editor or transcriber": an
  editor's note and the author's own look alike unless the page says whose a
  note is. Print editions sign the notes that are not the author's at their
  end, "— Ed." (or "— Trans.", or the annotator's name), and leave the
  author's unsigned; samizdat does the same on the page and in the plain text.

  samizdat:note-by($note): () for the author's note (no @resp, or @resp
  pointing to the author); else (the signature, "Ed." / "Trans." / a name;
  who, in words, for the signature's title).
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:samizdat="urn:samizdat"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <xsl:function name="samizdat:note-by" as="xs:string*">
    <xsl:param name="note" as="element()"/>
    <xsl:variable name="targets" select="samizdat:agents($note/@resp)"/>
    <!-- What each target does (its respStmt's resp, an editor's @role …) and its name (common/resp.xsl). -->
    <xsl:variable name="roles" select="$targets ! samizdat:agent-role(.)"/>
    <xsl:variable name="names" select="$targets ! samizdat:agent-name(.)[. != '']"/>
    <xsl:variable name="type" select="lower-case(normalize-space($note/@type))"/>
    <xsl:choose>
      <!-- The author's own: unsigned, as in print. -->
      <xsl:when test="exists($targets) and (every $r in $roles satisfies matches($r, 'author', 'i'))"/>
      <xsl:when test="exists($targets)">
        <xsl:sequence select="
          (if (some $r in $roles satisfies matches($r, 'transl', 'i')) then 'Trans.'
           else if (some $r in $roles satisfies matches($r, 'edit', 'i')) then 'Ed.'
           else if (exists($names)) then string-join($names, ', ')
           else 'Ed.'),
          'Note by ' || string-join(for $t in $targets return string-join((samizdat:agent-name($t), samizdat:agent-role($t)[. != ''] ! ('(' || . || ')'))[. != ''], ' '), '; ')"/>
      </xsl:when>
      <!-- A pointer that leads nowhere (to a header not in this file …) still says the note is not the author's,
           unless it names the author ("#author"). -->
      <xsl:when test="normalize-space($note/@resp) != '' and not(matches($note/@resp, 'auth', 'i'))">
        <xsl:sequence select="'Ed.', 'Editorial note'"/>
      </xsl:when>
      <!-- No @resp, but typed as the editor's or translator's. -->
      <xsl:when test="$type = ('editorial', 'editor', 'ed', 'editors')"><xsl:sequence select="'Ed.', 'Editorial note'"/></xsl:when>
      <xsl:when test="$type = ('translator', 'translation', 'trans', 'transl')"><xsl:sequence select="'Trans.', 'Translator’s note'"/></xsl:when>
    </xsl:choose>
  </xsl:function>

</xsl:stylesheet>
