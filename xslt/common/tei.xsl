<?xml version="1.0" encoding="UTF-8"?>
<!--
  Functions shared by every samizdat stylesheet (HTML and plain text).
  - samizdat:tei($doc): the document with every element in the TEI namespace
    (TEI P4 documents, which have no namespace, are moved into it; TEI.2
    becomes TEI), so that all templates match TEI P5 names only.
  - samizdat:resolve-pointer($token, $context): a private URI such as
    "reg:stalin" expanded through the document's own prefixDef
    (matchPattern / replacementPattern); other pointers are returned as they are.
  - samizdat:leaf-block($e): whether an element is a block of reading text
    (a paragraph, a verse line, a heading …) that holds no other block.
  Nothing here reads a file: the stylesheets never call doc() or
  unparsed-text(); whatever else a transformation needs is passed as a parameter.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:samizdat="urn:samizdat"
  xmlns="http://www.tei-c.org/ns/1.0"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <xsl:include href="transcr.xsl"/>

  <!-- Elements by xml:id, for pointers within the document. -->
  <xsl:key name="samizdat:id" match="*[@xml:id]" use="string(@xml:id)"/>

  <xsl:variable name="samizdat:tei-ns" as="xs:string" select="'http://www.tei-c.org/ns/1.0'"/>

  <!-- Elements that, holding no other such element, are one block of reading text. -->
  <xsl:variable name="samizdat:block-names" as="xs:string*" select="(
    'p', 'ab', 'head', 'l', 'speaker', 'stage', 'item', 'label', 'titlePart', 'docAuthor',
    'docDate', 'docImprint', 'docEdition', 'byline', 'dateline', 'salute', 'signed', 'trailer',
    'castItem', 'bibl', 'row', 'addrLine', 'sp', 'lg', 'list', 'table', 'quote', 'opener',
    'closer', 'argument', 'epigraph', 'castList', 'castGroup', 'listBibl', 'figure', 'cit',
    'div', 'div0', 'div1', 'div2', 'div3', 'div4', 'div5', 'div6', 'div7', 'titlePage',
    'docTitle', 'front', 'body', 'back', 'group', 'text', 'floatingText', 'postscript',
    'egXML', 'eg')"/>

  <xsl:function name="samizdat:tei" as="document-node()">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:choose>
      <xsl:when test="namespace-uri($doc/*) = $samizdat:tei-ns">
        <xsl:sequence select="$doc"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:document>
          <xsl:apply-templates select="$doc/node()" mode="samizdat:to-tei"/>
        </xsl:document>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <xsl:mode name="samizdat:to-tei" on-no-match="shallow-copy"/>
  <xsl:template match="*[namespace-uri() = '']" mode="samizdat:to-tei">
    <xsl:element name="{if (local-name() = 'TEI.2') then 'TEI' else local-name()}" namespace="{$samizdat:tei-ns}">
      <xsl:apply-templates select="@*, node()" mode="samizdat:to-tei"/>
    </xsl:element>
  </xsl:template>
  <!-- P4's id and lang are P5's xml:id and xml:lang. -->
  <xsl:template match="@id[namespace-uri(..) = '']" mode="samizdat:to-tei">
    <xsl:attribute name="xml:id" select="."/>
  </xsl:template>
  <xsl:template match="@lang[namespace-uri(..) = '']" mode="samizdat:to-tei">
    <xsl:attribute name="xml:lang" select="."/>
  </xsl:template>

  <!-- A document's prefixDefs by prefix: looked up once per pointer, so not searched for each. -->
  <xsl:key name="samizdat:prefixDef" match="prefixDef" use="string(@ident)"/>

  <xsl:function name="samizdat:resolve-pointer" as="xs:string">
    <xsl:param name="token" as="xs:string"/>
    <xsl:param name="context" as="node()"/>
    <xsl:variable name="prefix" select="substring-before($token, ':')"/>
    <xsl:variable name="def" select="if ($prefix = '') then () else key('samizdat:prefixDef', $prefix, root($context))[1]"/>
    <xsl:variable name="local" select="substring-after($token, ':')"/>
    <xsl:choose>
      <xsl:when test="$prefix != '' and exists($def) and $def/@matchPattern and $def/@replacementPattern">
        <xsl:variable name="pattern" select="'^' || $def/@matchPattern || '$'"/>
        <xsl:try>
          <xsl:sequence select="if (matches($local, $pattern)) then replace($local, $pattern, $def/@replacementPattern) else $token"/>
          <xsl:catch select="$token"/>
        </xsl:try>
      </xsl:when>
      <xsl:otherwise>
        <xsl:sequence select="$token"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- The pointers of a @ref, @target …, each resolved. -->
  <xsl:function name="samizdat:pointers" as="xs:string*">
    <xsl:param name="attribute" as="attribute()?"/>
    <xsl:sequence select="for $t in tokenize(normalize-space($attribute)) return samizdat:resolve-pointer($t, $attribute)"/>
  </xsl:function>

  <xsl:function name="samizdat:block-name" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="local-name($e) = $samizdat:block-names
      and not(local-name($e) = ('item', 'label') and $e/parent::list[tokenize(@rend) = 'inline'])
      and not(local-name($e) = 'list' and tokenize($e/@rend) = 'inline')
      and not(local-name($e) = 'label' and not($e/parent::list))"/>
  </xsl:function>

  <!-- A block that contains no other block (notes and their contents do not count). -->
  <xsl:function name="samizdat:leaf-block" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="samizdat:block-name($e) and not(samizdat:holds-blocks($e))"/>
  </xsl:function>

  <xsl:function name="samizdat:holds-blocks" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="some $d in ($e//* except $e//note/descendant-or-self::*) satisfies samizdat:block-name($d)"/>
  </xsl:function>

  <!-- Text of the structure: an element that is a block, or holds one. -->
  <xsl:function name="samizdat:structural" as="xs:boolean">
    <xsl:param name="n" as="node()"/>
    <xsl:sequence select="$n instance of element() and not($n/self::note) and (samizdat:block-name($n) or samizdat:holds-blocks($n))"/>
  </xsl:function>
</xsl:stylesheet>
