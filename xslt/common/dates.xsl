<?xml version="1.0" encoding="UTF-8"?>
<!--
  Encoded dates in words, one wording for the page (a date's title, html/namesdates.xsl) and the entity index
  (html/site.xsl): "8 October 1923" for 1923-10-08. TEI's attributes of a date (att.datable.w3c): @when the
  date; @notBefore and @notAfter the earliest and latest possible dates of one not known more exactly
  ("between … and …", "not before …", "not after …"); @from and @to the ends of a period ("from … to …",
  "from …", "until …").
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:samizdat="urn:samizdat"
  exclude-result-prefixes="#all">

  <xsl:variable name="samizdat:month-names" as="xs:string+" select="('January', 'February', 'March', 'April', 'May', 'June',
    'July', 'August', 'September', 'October', 'November', 'December')"/>

  <!-- An ISO date (year, year-month or full date, a time after it kept as given) in words: "8 October 1923",
       "August 1923", "44 BCE". A value of another form is given as it is. -->
  <xsl:function name="samizdat:date-words" as="xs:string">
    <xsl:param name="iso" as="xs:string"/>
    <xsl:analyze-string select="$iso" regex="^(-?)(\d{{4,}})(-(\d{{2}})(-(\d{{2}}))?)?(T(.+))?$">
      <xsl:matching-substring>
        <xsl:variable name="month" select="if (regex-group(4)) then xs:integer(regex-group(4)) else 0"/>
        <xsl:variable name="year" select="string(xs:integer(regex-group(2))) || (if (regex-group(1)) then ' BCE' else '')"/>
        <xsl:sequence select="if ($month lt 1 or $month gt 12) then $iso else string-join((
          if (regex-group(6)) then string(xs:integer(regex-group(6))) else (),
          if ($month gt 0) then $samizdat:month-names[$month] else (),
          $year,
          if (regex-group(8)) then regex-group(8) else ()), ' ')"/>
      </xsl:matching-substring>
      <xsl:non-matching-substring><xsl:sequence select="$iso"/></xsl:non-matching-substring>
    </xsl:analyze-string>
  </xsl:function>

  <!-- A range's words and dates, in turn: ('from ', '1917', ' to ', '1921'); each date an ISO value as given
       (normalized), for the caller to put in words or in a <time>. Empty strings count as absent. A period's
       ends (@from, @to) come before the bounds of an uncertain date. -->
  <xsl:function name="samizdat:range-parts" as="xs:string*">
    <xsl:param name="from" as="xs:string?"/>
    <xsl:param name="to" as="xs:string?"/>
    <xsl:param name="not-before" as="xs:string?"/>
    <xsl:param name="not-after" as="xs:string?"/>
    <xsl:variable name="f" select="normalize-space($from)[. != '']"/>
    <xsl:variable name="t" select="normalize-space($to)[. != '']"/>
    <xsl:variable name="b" select="normalize-space($not-before)[. != '']"/>
    <xsl:variable name="a" select="normalize-space($not-after)[. != '']"/>
    <xsl:sequence select="
      if (exists($f) and exists($t)) then ('from ', $f, ' to ', $t)
      else if (exists($f)) then ('from ', $f)
      else if (exists($t)) then ('until ', $t)
      else if (exists($b) and exists($a)) then ('between ', $b, ' and ', $a)
      else if (exists($b)) then ('not before ', $b)
      else if (exists($a)) then ('not after ', $a)
      else ()"/>
  </xsl:function>

</xsl:stylesheet>
