<?xml version="1.0" encoding="UTF-8"?>
<!--
  Authority files: the one table samizdat knows them by. A name whose pointer
  is an authority URI links out with the authority named; an entry's <idno>
  of an authority's type gives the same link in the entity index.

  One row per authority:
    name     what the reader sees ("VIAF")
    uri      a regular expression over a pointer; its first group is the record's id
    types    idno/@type values (lower case) that hold that authority's ids
    id       what an id looks like (an idno whose text is a full URI is matched by uri instead)
    link     the record's address, with {id} for the id

  To add an authority, add a row (in a customisation, override the variable
  samizdat:authorities with this table and your rows).
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:samizdat="urn:samizdat"
  exclude-result-prefixes="#all">

  <xsl:variable name="samizdat:authorities" as="map(xs:string, item()*)*" select="(
    map { 'name': 'VIAF', 'types': 'viaf', 'id': '^[1-9][0-9]*$',
          'uri': '^https?://(?:www\.)?viaf\.org/viaf/([1-9][0-9]*)/?$', 'link': 'https://viaf.org/viaf/{id}' },
    map { 'name': 'Wikidata', 'types': 'wikidata', 'id': '^Q[1-9][0-9]*$',
          'uri': '^https?://(?:www\.)?wikidata\.org/(?:wiki|entity)/(Q[1-9][0-9]*)/?$', 'link': 'https://www.wikidata.org/wiki/{id}' },
    map { 'name': 'GND', 'types': ('gnd', 'dnb'), 'id': '^[0-9][0-9X-]*$',
          'uri': '^https?://d-nb\.info/gnd/([0-9][0-9X-]*)/?$', 'link': 'https://d-nb.info/gnd/{id}' },
    map { 'name': 'GeoNames', 'types': 'geonames', 'id': '^[1-9][0-9]*$',
          'uri': '^https?://(?:www\.|sws\.)?geonames\.org/([1-9][0-9]*)(?:/.*)?$', 'link': 'https://www.geonames.org/{id}' },
    map { 'name': 'ORCID', 'types': 'orcid', 'id': '^[0-9]{4}-[0-9]{4}-[0-9]{4}-[0-9]{3}[0-9X]$',
          'uri': '^https?://orcid\.org/([0-9]{4}-[0-9]{4}-[0-9]{4}-[0-9]{3}[0-9X])/?$', 'link': 'https://orcid.org/{id}' },
    map { 'name': 'Pleiades', 'types': 'pleiades', 'id': '^[1-9][0-9]*$',
          'uri': '^https?://pleiades\.stoa\.org/places/([1-9][0-9]*)(?:/.*)?$', 'link': 'https://pleiades.stoa.org/places/{id}' },
    map { 'name': 'TGN', 'types': ('tgn', 'getty-tgn'), 'id': '^[1-9][0-9]*$',
          'uri': '^https?://vocab\.getty\.edu/(?:page/)?tgn/([1-9][0-9]*)/?$', 'link': 'https://vocab.getty.edu/page/tgn/{id}' },
    map { 'name': 'ULAN', 'types': ('ulan', 'getty-ulan'), 'id': '^[1-9][0-9]*$',
          'uri': '^https?://vocab\.getty\.edu/(?:page/)?ulan/([1-9][0-9]*)/?$', 'link': 'https://vocab.getty.edu/page/ulan/{id}' },
    map { 'name': 'ISNI', 'types': 'isni', 'id': '^[0-9]{15}[0-9X]$',
          'uri': '^https?://(?:www\.)?isni\.org/isni/([0-9]{15}[0-9X])/?$', 'link': 'https://isni.org/isni/{id}' },
    map { 'name': 'Library of Congress', 'types': ('lc', 'loc', 'lcnaf'), 'id': '^n[a-z]?[0-9]+$',
          'uri': '^https?://id\.loc\.gov/authorities/names/(n[a-z]?[0-9]+)(?:\.html)?/?$', 'link': 'https://id.loc.gov/authorities/names/{id}' },
    map { 'name': 'BnF', 'types': ('bnf'), 'id': '^cb[0-9]{8}[0-9bcdfghjkmnpqrstvwxz]$',
          'uri': '^https?://(?:data|catalogue)\.bnf\.fr/ark:/12148/(cb[0-9]{8}[0-9bcdfghjkmnpqrstvwxz])/?$', 'link': 'https://catalogue.bnf.fr/ark:/12148/{id}' },
    map { 'name': 'Trismegistos', 'types': ('tm', 'trismegistos'), 'id': '^[1-9][0-9]*$',
          'uri': '^https?://(?:www\.)?trismegistos\.org/(?:place|person|text)/([1-9][0-9]*)/?$', 'link': '' }
  )"/>

  <!-- The authority a URI names: map { name, id, href }, or nothing. -->
  <xsl:function name="samizdat:authority-of-uri" as="map(xs:string, xs:string)?">
    <xsl:param name="uri" as="xs:string"/>
    <xsl:variable name="row" select="$samizdat:authorities[matches($uri, ?uri)][1]"/>
    <xsl:if test="exists($row)">
      <xsl:variable name="id" select="replace($uri, $row?uri, '$1')"/>
      <xsl:sequence select="map {
        'name': $row?name, 'id': $id,
        'href': if ($row?link = '') then $uri else replace($row?link, '\{id\}', encode-for-uri($id))
      }"/>
    </xsl:if>
  </xsl:function>

  <!-- The authority an idno names (by its @type and an id of the authority's form, or a URI of it): map { name, id, href }, or nothing. -->
  <xsl:function name="samizdat:authority-of-idno" as="map(xs:string, xs:string)?">
    <xsl:param name="type" as="xs:string"/>
    <xsl:param name="value" as="xs:string"/>
    <xsl:variable name="row" select="$samizdat:authorities[?types = lower-case($type)][1]"/>
    <xsl:choose>
      <xsl:when test="exists($row) and matches($value, $row?id) and $row?link != ''">
        <xsl:sequence select="map { 'name': $row?name, 'id': $value, 'href': replace($row?link, '\{id\}', encode-for-uri($value)) }"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:sequence select="samizdat:authority-of-uri($value)"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>
</xsl:stylesheet>
