<?xml version="1.0" encoding="UTF-8"?>
<!--
  Dates become <time>. Names, which link to the entity index, are in
  entities.xsl. The date the encoder normalised (@when, or the bounds of a
  range) is the element's title, in words, where the source's own words do
  not already say it: "October 8" is 8 October 1923 only in the encoding.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:samizdat="urn:samizdat"
  xmlns="http://www.w3.org/1999/xhtml"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <xsl:template match="date | time" mode="text header">
    <xsl:variable name="when" select="string((@when, @when-iso)[1])"/>
    <xsl:choose>
      <xsl:when test="matches($when, '^-?\d{4}(-\d{2}(-\d{2}(T[0-9:.]+(Z|[+-]\d{2}:\d{2})?)?)?)?$')">
        <time datetime="{$when}" class="{samizdat:classes(.)}">
          <xsl:sequence select="samizdat:date-title(., samizdat:date-words($when))"/>
          <xsl:apply-templates mode="#current"/>
        </time>
      </xsl:when>
      <!-- A time of day alone (TEI time/@when "14:30:00"): HTML's time string, given as it is. -->
      <xsl:when test="matches($when, '^\d{2}:\d{2}(:\d{2}(\.\d+)?)?$')">
        <time datetime="{$when}" class="{samizdat:classes(.)}">
          <xsl:sequence select="samizdat:date-title(., $when)"/>
          <xsl:apply-templates mode="#current"/>
        </time>
      </xsl:when>
      <xsl:when test="@notBefore or @notAfter or @from or @to">
        <xsl:variable name="from" select="string((@notBefore, @from)[1])"/>
        <xsl:variable name="to" select="string((@notAfter, @to)[1])"/>
        <span class="date-range {samizdat:classes(.)}">
          <xsl:sequence select="samizdat:date-title(., samizdat:range-words(.))"/>
          <xsl:if test="matches($from, '^\d{4}(-\d{2}(-\d{2})?)?$')">
            <time datetime="{$from}" class="range-start"/>
          </xsl:if>
          <xsl:apply-templates mode="#current"/>
          <xsl:if test="matches($to, '^\d{4}(-\d{2}(-\d{2})?)?$')">
            <time datetime="{$to}" class="range-end"/>
          </xsl:if>
        </span>
      </xsl:when>
      <xsl:otherwise>
        <span class="{samizdat:classes(.)}"><xsl:apply-templates mode="#current"/></span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

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

  <!-- A range in words. notBefore/notAfter bound a date not known more exactly ("between … and …");
       from/to are the ends of a period ("from … to …"), as the register says them (site.xsl). -->
  <xsl:function name="samizdat:range-words" as="xs:string">
    <xsl:param name="date" as="element()"/>
    <xsl:variable name="from" select="$date/@from ! samizdat:date-words(normalize-space(.))"/>
    <xsl:variable name="to" select="$date/@to ! samizdat:date-words(normalize-space(.))"/>
    <xsl:variable name="not-before" select="$date/@notBefore ! samizdat:date-words(normalize-space(.))"/>
    <xsl:variable name="not-after" select="$date/@notAfter ! samizdat:date-words(normalize-space(.))"/>
    <xsl:sequence select="
      if (exists($from) and exists($to)) then 'from ' || $from || ' to ' || $to
      else if (exists($from)) then 'from ' || $from
      else if (exists($to)) then 'until ' || $to
      else if (exists($not-before) and exists($not-after)) then 'between ' || $not-before || ' and ' || $not-after
      else if (exists($not-before)) then 'not before ' || $not-before
      else 'not after ' || $not-after"/>
  </xsl:function>

  <!-- The title of a date: what the encoding says it is, unless its own words already say the same. -->
  <xsl:function name="samizdat:date-title" as="attribute()?">
    <xsl:param name="date" as="element()"/>
    <xsl:param name="words" as="xs:string"/>
    <xsl:if test="normalize-space($date) ne $words">
      <xsl:attribute name="title" select="$words"/>
    </xsl:if>
  </xsl:function>

</xsl:stylesheet>
