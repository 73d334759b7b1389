<?xml version="1.0" encoding="UTF-8"?>
<!--
  Documentation elements (TEI's tagdocs module) in the text. egXML "contains a single well-formed XML
  fragment demonstrating the use of some XML", in its own namespace (http://www.tei-c.org/ns/Examples) so
  that it is not read as TEI; eg "contains any kind of illustrative example". Both are shown as code, their
  markup escaped and their white space kept (samizdat:example-text), never rendered as the TEI they
  illustrate: a persName in an example is no mention. gi "contains the name (generic identifier) of an
  element", att "the name of an attribute", tag "the text of a complete start- or end-tag … excluding the
  opening and closing markup delimiter characters": the reader is given the delimiters (samizdat:code-marks):
  <name>, @name, <name attr="v"/> by tag's @type.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:samizdat="urn:samizdat"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <xsl:variable name="samizdat:examples-ns" as="xs:string" select="'http://www.tei-c.org/ns/Examples'"/>

  <!-- The marks before and after a gi, att or tag's words; () for any other element. -->
  <xsl:function name="samizdat:code-marks" as="xs:string*">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="type" select="normalize-space($e/@type)"/>
    <xsl:sequence select="
      if ($e/self::gi) then ('&lt;', '&gt;')
      else if ($e/self::att) then ('@', '')
      else if (not($e/self::tag)) then ()
      else if ($type = 'end') then ('&lt;/', '&gt;')
      else if ($type = 'empty') then ('&lt;', '/&gt;')
      else if ($type = 'pi') then ('&lt;?', '?&gt;')
      else if ($type = 'comment') then ('&lt;!--', '--&gt;')
      else if ($type = 'ms') then ('&lt;![CDATA[', ']]&gt;')
      else ('&lt;', '&gt;')"/>
  </xsl:function>

  <!-- An example's text as code: an egXML's content as markup, an eg's as it is; blank lines at either end and
       the indentation every line shares taken off (it is the encoding's, not the example's). -->
  <xsl:function name="samizdat:example-text" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="raw" select="if (namespace-uri($e) = $samizdat:examples-ns) then string-join($e/node() ! samizdat:markup(.)) else string($e)"/>
    <xsl:variable name="trimmed" select="replace(replace($raw, '^([ \t]*\n)+', ''), '\s+$', '')"/>
    <xsl:variable name="lines" select="tokenize($trimmed, '\n')"/>
    <xsl:variable name="indent" select="min($lines[normalize-space()] ! (string-length(.) - string-length(replace(., '^[ \t]+', ''))))"/>
    <xsl:sequence select="if (empty($indent) or $indent = 0) then $trimmed else string-join($lines ! substring(., $indent + 1), '&#10;')"/>
  </xsl:function>

  <!-- A node of an example as the markup it was written in (its namespace declarations left out: an example's
       elements are all in the Examples namespace, which is no part of what it shows). -->
  <xsl:function name="samizdat:markup" as="xs:string">
    <xsl:param name="n" as="node()"/>
    <xsl:sequence select="
      if ($n instance of element()) then
        '&lt;' || name($n) || string-join($n/@* ! (' ' || name(.) || '=&quot;' || samizdat:escape(., true()) || '&quot;'))
        || (if (empty($n/node())) then '/&gt;' else '&gt;' || string-join($n/node() ! samizdat:markup(.)) || '&lt;/' || name($n) || '&gt;')
      else if ($n instance of text()) then samizdat:escape($n, false())
      else if ($n instance of comment()) then '&lt;!--' || string($n) || '--&gt;'
      else if ($n instance of processing-instruction()) then '&lt;?' || name($n) || ' ' || string($n) || '?&gt;'
      else ''"/>
  </xsl:function>
  <xsl:function name="samizdat:escape" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:param name="attribute" as="xs:boolean"/>
    <xsl:variable name="text" select="replace(replace(replace($s, '&amp;', '&amp;amp;'), '&lt;', '&amp;lt;'), '&gt;', '&amp;gt;')"/>
    <xsl:sequence select="if ($attribute) then replace($text, '&quot;', '&amp;quot;') else $text"/>
  </xsl:function>
</xsl:stylesheet>
