<?xml version="1.0" encoding="UTF-8"?>
<!--
  Named entities: where TEI keeps them, and how a pointer reaches one.
  Written once, used by the HTML pages (links, mentions, the entries the
  entity index is made of) and by `validate` (entries nobody mentions).
  docs/entities.md describes the same procedure for editors.

  An entry is a person, personGrp, place, org, event, object (or a bibl,
  biblStruct, biblFull of a listBibl: a work) with an xml:id, kept in a list
  (listPerson, listPlace, listOrg, listEvent, listObject, listBibl, nested or
  not), in particDesc or settingDesc, or inside another entry (a place within
  a place). Anywhere in a document: its teiHeader, standOff, front, body,
  back. The sources of a teiHeader's fileDesc are not entries.

  Every entry has an anchor, its address in the entity index: its xml:id when
  it is kept in a register (a file named by $registers), otherwise
  "<document>:<xml:id>", <document> being the file's name without ".xml".
  An xml:id cannot hold a colon, so the two kinds never collide.

  Resolving one token of a pointer attribute (samizdat:resolve-entity):
    1. @key: the token is an xml:id. An entry of this document with that id,
       else the register entry of that id (the build checks it exists).
    2. Otherwise a private URI ("reg:trotsky") is expanded through the
       document's prefixDef (samizdat:resolve-pointer).
    3. An http(s) URI that an authority of authorities.xsl recognises is an
       authority link; any other http(s) URI an external link.
    4. Anything else is resolved against the base URI of the attribute
       (xml:base counts), giving a file and a fragment. The file is this
       document: the element with that xml:id, if it is an entry. The file is
       a register or another .xml file: the anchor of that file's entry (the
       build checks that it exists; what does not resolve is not linked).
  The global parameter $registers (paths relative to the document, space
  separated) names the registers.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:samizdat="urn:samizdat"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <!-- samizdat:resolve-pointer comes from tei.xsl, and $samizdat:source (the document in the TEI
       namespace) from html/core.xsl, which the driver imports. -->
  <xsl:import href="authorities.xsl"/>

  <!-- Entry elements, and the part of the index each goes to. -->
  <xsl:variable name="samizdat:entry-types" as="map(xs:string, xs:string)" select="map {
    'person': 'persons', 'personGrp': 'persons', 'place': 'places', 'org': 'organisations',
    'event': 'events', 'object': 'objects', 'bibl': 'works', 'biblStruct': 'works', 'biblFull': 'works'
  }"/>

  <!-- Elements that name an entity in the text (att.naming and its kin): linked when they point at one.
       The match patterns of html/entities.xsl spell the same names out (a name test is what makes
       template matching fast); keep them in step. -->
  <xsl:variable name="samizdat:naming-elements" as="xs:string*" select="(
    'persName', 'placeName', 'orgName', 'eventName', 'objectName', 'geogName', 'roleName', 'addName',
    'forename', 'surname', 'genName', 'nameLink', 'name', 'rs', 'title', 'author', 'editor', 'actor',
    'role', 'settlement', 'region', 'country', 'district', 'bloc', 'origPlace', 'pubPlace', 'affiliation')"/>

  <xsl:function name="samizdat:is-entry" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="name" select="local-name($e)"/>
    <xsl:sequence select="exists($e/@xml:id) and map:contains($samizdat:entry-types, $name)
      and (if ($name = ('bibl', 'biblStruct', 'biblFull'))
           then exists($e/parent::listBibl) and empty($e/ancestor::fileDesc)
           else exists($e/parent::*[starts-with(local-name(), 'list') or self::particDesc or self::settingDesc
                                     or map:contains($samizdat:entry-types, local-name())]))"/>
  </xsl:function>

  <!-- The anchors of a document's registers, resolved once. -->
  <xsl:function name="samizdat:register-uris" as="xs:string*">
    <xsl:param name="document-uri" as="xs:string"/>
    <xsl:sequence select="for $r in tokenize($registers) return string(resolve-uri($r, $document-uri))"/>
  </xsl:function>

  <!-- A file's name in anchors: its last path segment without .xml, reduced to letters, digits, . _ and - . -->
  <xsl:function name="samizdat:document-name" as="xs:string">
    <xsl:param name="file-uri" as="xs:string"/>
    <xsl:variable name="segment" select="replace(tokenize($file-uri, '/')[last()], '\.xml$', '', 'i')"/>
    <xsl:sequence select="replace(replace($segment, '[^A-Za-z0-9._\-]', '_'), '^\.+', '_')"/>
  </xsl:function>

  <!-- The file a node is in (common/apparatus.xsl has its own samizdat:document-uri, which also names apparatus files passed in). -->
  <xsl:function name="samizdat:entity-document-uri" as="xs:string">
    <xsl:param name="n" as="node()"/>
    <xsl:sequence select="string(base-uri(root($n)))"/>
  </xsl:function>

  <!-- What an entry's anchor begins with in the file at $file-uri, seen from the document $document-uri:
       nothing in a register, "<document>:" elsewhere. -->
  <xsl:function name="samizdat:anchor-prefix" as="xs:string">
    <xsl:param name="file-uri" as="xs:string"/>
    <xsl:param name="document-uri" as="xs:string"/>
    <xsl:sequence select="if ($file-uri = samizdat:register-uris($document-uri)) then '' else samizdat:document-name($file-uri) || ':'"/>
  </xsl:function>

  <!-- The anchor of entry $id of the file at $file-uri, seen from the document of $context. -->
  <xsl:function name="samizdat:anchor" as="xs:string">
    <xsl:param name="file-uri" as="xs:string"/>
    <xsl:param name="id" as="xs:string"/>
    <xsl:param name="context" as="node()"/>
    <xsl:sequence select="samizdat:anchor-prefix($file-uri, samizdat:entity-document-uri($context)) || $id"/>
  </xsl:function>

  <xsl:function name="samizdat:entry-anchor" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="document" select="samizdat:entity-document-uri($entry)"/>
    <xsl:sequence select="samizdat:anchor-prefix($document, $document) || $entry/@xml:id"/>
  </xsl:function>

  <!-- The pointer attributes of $e that can name an entity: every one on a naming element, sp, castItem,
       said and the like; on an entry, only @sameAs (the entity it is the same as). -->
  <xsl:function name="samizdat:entity-pointers" as="attribute()*">
    <xsl:param name="e" as="element()"/>
    <!-- Always in this order, not the document's: XML does not order attributes. -->
    <xsl:sequence select="if (map:contains($samizdat:entry-types, local-name($e)) and samizdat:is-entry($e)) then $e/@sameAs
      else $e/(@ref, @key, @sameAs, @corresp, @who)"/>
  </xsl:function>

  <!-- The maps of targets are declared map(*), not map(xs:string, item()*): saxon-js checks a
       declared key type by visiting every entry of the map at each call, and a name's targets pass
       through several functions, for its link and again for its mention. -->
  <!--
    What one token of a pointer attribute names:
      map { 'kind': 'entry',     'anchor': …, 'entry': the element when it is in this document }
      map { 'kind': 'authority', 'href': …, 'name': 'VIAF', 'id': … }
      map { 'kind': 'external',  'href': …, 'name': the host }
    or nothing.
  -->
  <xsl:function name="samizdat:resolve-entity" as="map(*)?">
    <xsl:param name="token" as="xs:string"/>
    <xsl:param name="attribute" as="attribute()"/>
    <xsl:variable name="document" select="samizdat:entity-document-uri($attribute)"/>
    <xsl:choose>
      <xsl:when test="local-name($attribute) = 'key'">
        <xsl:variable name="here" select="key('samizdat:id', $token, root($attribute))[samizdat:is-entry(.)][1]"/>
        <xsl:sequence select="
          if (exists($here)) then map { 'kind': 'entry', 'anchor': samizdat:entry-anchor($here), 'entry': $here }
          else if (matches($token, '^[\i-[:]][\c-[:]]*$') and exists(samizdat:register-uris($document))) then map { 'kind': 'entry', 'anchor': $token }
          else ()"/>
      </xsl:when>
      <!-- The usual case, "#id", needs no URI resolution: a bare fragment is in this document whatever the base. -->
      <xsl:when test="starts-with($token, '#')">
        <xsl:sequence select="samizdat:local-entry(substring($token, 2), $attribute)"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="pointer" select="samizdat:resolve-pointer($token, $attribute)"/>
        <xsl:choose>
          <xsl:when test="matches($pointer, '^https?://[^\s&quot;&lt;&gt;]+$', 'i')">
            <xsl:variable name="authority" select="samizdat:authority-of-uri($pointer)"/>
            <xsl:sequence select="if (exists($authority)) then map:put($authority, 'kind', 'authority')
              else map { 'kind': 'external', 'href': $pointer, 'name': replace($pointer, '^https?://(?:www\.)?([^/:?#]+).*$', '$1', 'i') }"/>
          </xsl:when>
          <xsl:when test="matches($pointer, '^[A-Za-z][A-Za-z0-9+.\-]*:') and not(starts-with(lower-case($pointer), 'file:'))"/>
          <xsl:otherwise>
            <xsl:variable name="uri" as="xs:string?">
              <xsl:try>
                <xsl:sequence select="string(resolve-uri($pointer, string(base-uri($attribute/..))))"/>
                <xsl:catch/>
              </xsl:try>
            </xsl:variable>
            <xsl:variable name="file" select="substring-before($uri || '#', '#')"/>
            <xsl:variable name="id" select="substring-after($uri, '#')"/>
            <xsl:choose>
              <xsl:when test="empty($uri) or $id = ''"/>
              <xsl:when test="$file = $document">
                <xsl:sequence select="samizdat:local-entry($id, $attribute)"/>
              </xsl:when>
              <xsl:when test="matches($file, '\.xml$', 'i')">
                <xsl:sequence select="map { 'kind': 'entry', 'anchor': samizdat:anchor($file, $id, $attribute) }"/>
              </xsl:when>
            </xsl:choose>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <xsl:function name="samizdat:local-entry" as="map(*)?">
    <xsl:param name="id" as="xs:string"/>
    <xsl:param name="context" as="node()"/>
    <xsl:variable name="here" select="key('samizdat:id', $id, root($context))[1]"/>
    <xsl:if test="exists($here) and samizdat:is-entry($here)">
      <xsl:sequence select="map { 'kind': 'entry', 'anchor': samizdat:entry-anchor($here), 'entry': $here }"/>
    </xsl:if>
  </xsl:function>

  <!-- What a token's resolution depends on besides the document: whether it is a @key, and, for a
       pointer that is neither a @key nor a bare fragment, the base URI it is resolved against. -->
  <xsl:function name="samizdat:resolution-key" as="xs:string">
    <xsl:param name="token" as="xs:string"/>
    <xsl:param name="attribute" as="attribute()"/>
    <xsl:sequence select="
      if (local-name($attribute) = 'key') then 'key ' || $token
      else if (starts-with($token, '#')) then $token
      else 'uri ' || base-uri($attribute/..) || ' ' || $token"/>
  </xsl:function>

  <!-- Every distinct pointer token of the source document, resolved once: a name is resolved for its
       link on the page and again for its mention, and a document names the same few entities many
       times (the flagship chapter: 76 pointers, 23 distinct), each resolution costing saxon-js a
       prefixDef lookup, regular expressions and URI resolution. -->
  <xsl:variable name="samizdat:resolutions" as="map(*)" select="
    if (exists($samizdat:source)) then
      map:merge(
        for $first in map:merge(
          for $a in $samizdat:source//(@ref | @key | @sameAs | @corresp | @who), $t in tokenize(normalize-space($a))
          return map { samizdat:resolution-key($t, $a): ($t, $a) }, map { 'duplicates': 'use-first' }),
          $k in map:keys($first)
        return map { $k: samizdat:resolve-entity($first($k)[1], $first($k)[2]) })
    else map {}"/>

  <!-- samizdat:resolve-entity, from $samizdat:resolutions when $attribute is in the source document. -->
  <xsl:function name="samizdat:resolved-entity" as="map(*)?">
    <xsl:param name="token" as="xs:string"/>
    <xsl:param name="attribute" as="attribute()"/>
    <xsl:variable name="key" select="samizdat:resolution-key($token, $attribute)"/>
    <xsl:sequence select="if (root($attribute) is $samizdat:source and map:contains($samizdat:resolutions, $key)) then $samizdat:resolutions($key) else samizdat:resolve-entity($token, $attribute)"/>
  </xsl:function>

  <!-- Everything $e points at, in the order written: @ref, @key, @sameAs, @corresp, @who; each token resolved, once. -->
  <xsl:function name="samizdat:entity-targets" as="map(*)*">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="targets" select="for $a in samizdat:entity-pointers($e), $t in tokenize(normalize-space($a)) return samizdat:resolved-entity($t, $a)"/>
    <xsl:choose>
      <xsl:when test="count($targets) le 1">
        <xsl:sequence select="$targets"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:for-each-group select="$targets" group-by="(?anchor, ?href)[1]">
          <xsl:sequence select="current-group()[1]"/>
        </xsl:for-each-group>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>
</xsl:stylesheet>
