<?xml version="1.0" encoding="UTF-8"?>
<!--
  A structured bibliographic reference (biblStruct) as a reader reads it. TEI: biblStruct "contains a
  structured bibliographic citation, in which only bibliographic sub-elements appear and in a specified
  order"; the encoder gives the parts (analytic, monogr, series; in them authors, titles, imprint, scope),
  and the processor the punctuation between them. Shared by the page (html/core.xsl) and the plain text
  (text/text.xsl), which put samizdat:bibl-around's two strings before and after each part's own rendering:

    Doe, J. “Article.” Journal, vol. 3, pp. 1–10, 1999.
    Roe, R. “Chapter.” Book, ed. A. Smith, 2nd ed., London: Macmillan, 1990. Series, vol. 4.

  A part (a "field": an author, a title, a date …) is an element of the reference that is not one of its
  groups (analytic, monogr, series, imprint), nor a note (a note's call-out, after the full stop). Fields are in the encoding's order; between two of them:
  "; " between names, ". " after the names, after the title of an article or chapter (inside its quotation
  marks where these are English), between groups and before a note or an identifier, ": " before a
  subtitle and between a place and its publisher (". " before a title of another level: a series's),
  ", " otherwise. Nothing is added where the encoding has
  words of its own between two fields (its punctuation), and a mark is not doubled where a field already
  ends with it ("Doe, J." then ". "). The reference ends with "." (not within a sentence, which goes on); the labels ("ed." for an editor, the unit of a
  biblScope: "vol. 3", "no. 2", "pp. 1–10") are the reference's language's (samizdat:bibl-labels: "Hrsg.",
  "Bd.", "S."; "éd.", "p."; "под ред.", "т.", "с."), English for a language the table does not have.
  A respStmt reads its resp, then its names joined ("ed. B. Editor", "translated by C. Tr and D. Tr"; after
  a resp that is neither a label nor ends in "by", a colon: "transcription: M. Fahlgren"). A pointer's
  words are its address.
  Citation data (cite, src/cite) is made elsewhere and not from this.

  A biblFull ("a fully-structured bibliographic citation, in which all components of the TEI file description are
  present") in the text, a listBibl's entry or a note's reference, reads the same way: its statements (titleStmt,
  editionStmt, publicationStmt, seriesStmt, notesStmt, sourceDesc) are its groups, extent a field of its own:

    Title of Work, John Smith; edited by Jane Roe. Second edition. 320 pages. Macmillan, London, 1900. Series, vol. 4.

  The header's sources (html/header.xsl) read a biblFull so too, its notes after it as a biblStruct's are.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:samizdat="urn:samizdat"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <!-- A loosely structured reference (TEI bibl: "a loosely-structured bibliographic citation of which the
       sub-components may or may not be explicitly tagged") reads as encoded, with the encoder's punctuation. Where two
       of its parts touch, nothing between them, not even a space, their words ran together (ELTeC's sources:
       "<author>Mrs. Gaskell.</author><publisher>London: Chapman and Hall</publisher><date>1848</date>" read
       "Mrs. Gaskell.London: Chapman and Hall1848"): ", " sets them apart, a space after a part that ends with a mark
       of its own. The page, the header's sources and the plain text (and so the search) put this before the part. -->
  <xsl:function name="samizdat:loose-bibl-gap" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <!-- (A subtitle after its title has its ": " of samizdat:bibl-subtitle-mark.) -->
    <xsl:variable name="before" select="$e/preceding-sibling::node()[1][self::*][samizdat:loose-bibl-part(.)][not(self::title and $e/self::title)]"/>
    <!-- (A part that ends with white space of its own is set apart by it: a mark after it would stand alone, "Elder , London".) -->
    <xsl:sequence select="if (empty($before) or not(samizdat:loose-bibl-part($e)) or matches(string($before), '\s$')) then ''
      else if (matches(normalize-space($before), '[.,:;!?]$')) then ' ' else ', '"/>
  </xsl:function>
  <xsl:function name="samizdat:loose-bibl-part" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists($e/parent::bibl) and exists($e[self::author or self::editor or self::title or self::publisher
      or self::pubPlace or self::date or self::biblScope or self::citedRange or self::edition or self::extent or self::idno
      or self::respStmt or self::ref or self::ptr or self::orgName or self::persName or self::name or self::distributor])"/>
  </xsl:function>

  <!-- The groups of a reference: their white space is layout, their fields are set apart by punctuation. A
       biblFull's are the statements of a file description. -->
  <xsl:function name="samizdat:bibl-group" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists($e[self::analytic or self::monogr or self::series or self::imprint][ancestor::biblStruct])
      or exists($e[self::titleStmt or self::editionStmt or self::publicationStmt or self::seriesStmt or self::notesStmt or self::sourceDesc][parent::biblFull])"/>
  </xsl:function>

  <!-- The reference $e is part of: the nearest biblStruct or biblFull around it. -->
  <xsl:function name="samizdat:bibl-reference" as="element()?">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="$e/ancestor::*[self::biblStruct or self::biblFull][1]"/>
  </xsl:function>

  <!-- Whether $e is a field of a reference: a child of the biblStruct (biblFull) or of one of its groups, not a group. -->
  <!-- A relatedItem in the header's sources is a line of its own after the reference (html/header.xsl), not one
       of its fields: the reference ends, with its full stop, before it. -->
  <xsl:function name="samizdat:bibl-field" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists($e/parent::*[self::biblStruct or self::biblFull or samizdat:bibl-group(.)]) and not(samizdat:bibl-group($e)) and not($e/self::note)
      and not($e/self::relatedItem[ancestor::teiHeader]) and not(samizdat:bibl-unread($e))"/>
  </xsl:function>

  <!-- A title of a structured reference that is not read in it: a short title (TEI title/@type "short", an
       "abbreviated form of title"), the name a work goes by in the citations that follow, not a part of its title;
       read after the main one it read "Hamlet: Ham.". The citation data keep it (CSL title-short). -->
  <xsl:function name="samizdat:bibl-unread" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists($e/self::title[@type = 'short'][parent::*[self::biblStruct or self::biblFull or samizdat:bibl-group(.)]])"/>
  </xsl:function>

  <!-- An alternate title (TEI title/@type "alt": a title "by which the work is also known", often in another
       language) after another title of its group: another name of the work, not a part of its title (read as a
       subtitle it was "Hamlet: The Tragedy of Hamlet"), in parentheses after the title it stands for. -->
  <xsl:function name="samizdat:bibl-alt-title" as="xs:boolean">
    <xsl:param name="f" as="element()"/>
    <xsl:param name="p" as="element()?"/>
    <xsl:sequence select="exists($f/self::title[@type = 'alt']) and exists($p/self::title) and samizdat:bibl-group-of($p) is samizdat:bibl-group-of($f)"/>
  </xsl:function>

  <!-- Whether quoted title $f goes on the quoted title $p before it: an article's subtitle (TEI title/@type "sub")
       after its title, of one group. The article's title is the two together ("X: Y"), in one pair of marks
       (“X: Y”), where each had its own (“X.” “Y.”), as if two articles. -->
  <xsl:function name="samizdat:bibl-title-goes-on" as="xs:boolean">
    <xsl:param name="p" as="element()?"/>
    <xsl:param name="f" as="element()?"/>
    <xsl:sequence select="exists($p/self::title) and exists($f/self::title[@type = 'sub']) and samizdat:bibl-quoted($p) and samizdat:bibl-quoted($f)
      and samizdat:bibl-group-of($p) is samizdat:bibl-group-of($f)"/>
  </xsl:function>

  <!-- The fields in the order a reader reads them (a main title before its subtitles: samizdat:bibl-in-slot).
       Asked once per field of the reference: cache="yes" keeps the answer per reference for the transform. -->
  <xsl:function name="samizdat:bibl-fields" as="element()*" cache="yes">
    <xsl:param name="b" as="element()"/>
    <xsl:sequence select="samizdat:bibl-fields-as-encoded($b) ! samizdat:bibl-in-slot(.)"/>
  </xsl:function>

  <!-- The fields in the encoding's order: the places the fields are read in, and the encoding's own words between
       two places stay there, whichever field is read in them. -->
  <xsl:function name="samizdat:bibl-fields-as-encoded" as="element()*" cache="yes">
    <xsl:param name="b" as="element()"/>
    <xsl:sequence select="$b/descendant::*[samizdat:bibl-field(.)][samizdat:bibl-reference(.) is $b]"/>
  </xsl:function>

  <!-- A main title reads before its subtitles. TEI title/@type: "main" is the main title, "sub" a "subtitle, title
       of part"; an encoding may give a subtitle first ("<title type="sub">A Study</title><title type="main">Title of
       Work</title>"), which read "A Study: Title of Work". The subtitles right before a main title (or a title of no
       type: the main one where a subtitle goes with it) and of its level (or of none) are read after it: the titles
       change places, the main one taking the first subtitle's, each subtitle the next one's, so that the fields
       around them and any words of the encoding between them (its ": ") stay where they are. Titles of different
       levels (an article's and its journal's) are read as encoded: that order is the reference's own. -->
  <xsl:function name="samizdat:bibl-in-slot" as="node()">
    <xsl:param name="n" as="node()"/>
    <xsl:sequence select="if (exists($n/self::*/parent::publicationStmt[parent::biblFull])) then samizdat:bibl-statement-order($n/..)[samizdat:place-of($n, $n/../*)]
      else samizdat:bibl-title-in-slot($n)"/>
  </xsl:function>

  <!-- A biblFull's publicationStmt read as an imprint: its publisher, place, address and date as encoded, then its
       identifiers and its availability (TEI leaves their order free: DraCor's plays give the idno between the
       publisher and the address, the date after the licence, which read "Folger Shakespeare Library. Cym, 201 East
       Capitol Street …, Distributed under a … License, April, 2015", the date as if the licence's). -->
  <xsl:function name="samizdat:bibl-statement-order" as="element()*" cache="yes">
    <xsl:param name="s" as="element()"/>
    <xsl:sequence select="$s/*[not(self::idno or self::availability)], $s/idno, $s/availability"/>
  </xsl:function>

  <xsl:function name="samizdat:bibl-title-in-slot" as="node()">
    <xsl:param name="n" as="node()"/>
    <xsl:variable name="main" select="$n/self::title[@type = 'sub'] ! samizdat:bibl-main-after(.)"/>
    <xsl:variable name="previous" select="$n/preceding-sibling::*[1]"/>
    <xsl:sequence select="
      if (not($n/self::title)) then $n
      else if (exists($main)) then (if (exists($previous/self::title[@type = 'sub']) and samizdat:bibl-main-after($previous) is $main) then $previous else $main)
      else if (exists($previous/self::title[@type = 'sub']) and samizdat:bibl-main-after($previous) is $n) then $previous
      else $n"/>
  </xsl:function>

  <!-- In a plain bibl, whose encoder punctuates it: the mark after the title read in place $slot where the title
       read in the next place is its subtitle and the encoding has no words between the two places (the
       subtitle given first had none after it): ":", and a space where there was none. -->
  <xsl:function name="samizdat:bibl-subtitle-mark" as="xs:string">
    <xsl:param name="slot" as="element()"/>
    <xsl:variable name="next" select="$slot/following-sibling::*[1]"/>
    <xsl:variable name="between" select="$slot/following-sibling::node()[. &lt;&lt; $next]"/>
    <xsl:sequence select="if (not($slot/self::title) or empty($next/self::title) or not(samizdat:bibl-in-slot($next)/@type = 'sub')
        or normalize-space(string-join($between ! string(.))) != '') then ''
      else ':' || (if (exists($between)) then '' else ' ')"/>
  </xsl:function>

  <!-- The main title that subtitle $s is encoded before: the first element after the subtitles that follow $s, if a
       title of type "main" or of none, of $s's level and every such subtitle's (or of none); else (). -->
  <xsl:function name="samizdat:bibl-main-after" as="element()?">
    <xsl:param name="s" as="element()"/>
    <xsl:variable name="main" select="$s/following-sibling::*[not(self::title[@type = 'sub'])][1][self::title][not(@type) or @type = 'main']"/>
    <xsl:variable name="subtitles" select="$s | $s/following-sibling::title[@type = 'sub'][. &lt;&lt; $main]"/>
    <xsl:sequence select="$main[every $t in $subtitles satisfies (not($t/@level) or not($main/@level) or $t/@level = $main/@level)]"/>
  </xsl:function>

  <!-- The group a field belongs to (analytic, monogr, series; imprint counts as its monogr; a biblFull's
       statement), or the reference itself (a biblFull's extent). -->
  <xsl:function name="samizdat:bibl-group-of" as="element()">
    <xsl:param name="f" as="element()"/>
    <xsl:sequence select="$f/ancestor::*[self::analytic or self::monogr or self::series or self::biblStruct or self::biblFull or parent::biblFull][1]"/>
  </xsl:function>

  <xsl:function name="samizdat:bibl-name" as="xs:boolean">
    <xsl:param name="f" as="element()?"/>
    <xsl:sequence select="exists($f[self::author or self::editor or self::respStmt])"/>
  </xsl:function>

  <!-- A title in quotation marks: an article's or a chapter's (in analytic, or @level a). -->
  <xsl:function name="samizdat:bibl-quoted" as="xs:boolean">
    <xsl:param name="f" as="element()"/>
    <xsl:sequence select="exists($f[self::title][parent::analytic or @level = 'a'])"/>
  </xsl:function>

  <!-- The marks of a quoted title: the language's (samizdat:quote-marks' rules, applied to the title). -->
  <xsl:function name="samizdat:bibl-marks" as="xs:string*">
    <xsl:param name="f" as="element()"/>
    <xsl:variable name="lang" select="lower-case(substring(string($f/ancestor-or-self::*[@xml:lang][1]/@xml:lang), 1, 2))"/>
    <xsl:sequence select="if (matches(string($f), '^\s*[&quot;“”„‘’‚«»‹›''「『]')) then ()
      else if ($lang = ('de', 'cs', 'sk')) then ('„', '“')
      else if ($lang = ('fr', 'ru', 'uk', 'it', 'es', 'pt', 'el', 'no', 'nb')) then ('«', '»')
      else if ($lang = 'pl') then ('„', '”')
      else ('“', '”')"/>
  </xsl:function>

  <!-- The mark between field $p and field $f after it ('.', ';', ':', ','), before white space. -->
  <xsl:function name="samizdat:bibl-mark" as="xs:string">
    <xsl:param name="p" as="element()"/>
    <xsl:param name="f" as="element()"/>
    <xsl:sequence select="
      if (samizdat:bibl-alt-title($f, $p)) then ''
      else if (samizdat:bibl-title-goes-on($p, $f)) then ':'
      else if (samizdat:bibl-name($p) and samizdat:bibl-name($f) and $p/parent::* is $f/parent::*) then ';'
      else if (not(samizdat:bibl-group-of($p) is samizdat:bibl-group-of($f))) then '.'
      else if (samizdat:bibl-name($p) and not($p[self::editor or self::respStmt] and samizdat:bibl-editor-after($p))) then '.'
      else if (samizdat:bibl-quoted($p)) then '.'
      else if ($f/self::note or $f/self::idno or $f/self::relatedItem or $f/self::availability) then '.'
      else if ($p/self::title and $f/self::title) then (if ($p/@level and $f/@level and not($p/@level = $f/@level) and not($f/@type = 'sub')) then '.' else ':')
      else if ($p/self::pubPlace and $f/self::publisher) then ':'
      else ','"/>
  </xsl:function>

  <!-- An editor after a title of its group is "ed. Name"; one before it (the head of the entry) "Name, ed.".
       A respStmt after a title is set apart from the fields after it as such an editor is (", 1990"). -->
  <xsl:function name="samizdat:bibl-editor-after" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists($e/preceding-sibling::title)"/>
  </xsl:function>

  <!-- $mark, unless $words already end with it, with a question or an exclamation mark ("Why?" then ", "), or,
       for '.', with a full stop or an ellipsis. -->
  <xsl:function name="samizdat:bibl-unless-ends" as="xs:string">
    <xsl:param name="words" as="xs:string"/>
    <xsl:param name="mark" as="xs:string"/>
    <xsl:variable name="w" select="replace($words, '\s+$', '')"/>
    <xsl:sequence select="if ($w = '' or ends-with($w, $mark) or matches($w, '[!?]$') or ($mark = '.' and matches($w, '[.…]$'))) then '' else $mark"/>
  </xsl:function>

  <!-- The labels of a reference, by language: one table, a row per language (ISO 639-1), English for any
       other. The language is the reference's: the nearest @xml:lang of the biblStruct or around it (the text's,
       the document's); a title's own @xml:lang is the title's, not the reference's. -->
  <xsl:variable name="samizdat:bibl-labels" as="map(xs:string, map(xs:string, xs:string))" select="map {
    'en': map { 'ed.': 'ed.', 'eds.': 'eds.', 'vol.': 'vol.', 'vols.': 'vols.', 'no.': 'no.', 'p.': 'p.', 'pp.': 'pp.',
                'ch.': 'ch.', 'pt.': 'pt.', 'l.': 'l.', 'll.': 'll.', 'col.': 'col.', 'cols.': 'cols.', 'fol.': 'fol.', 'fols.': 'fols.', 'In': 'In',
                'trans.': 'trans.', 'and': 'and' },
    'de': map { 'ed.': 'Hrsg.', 'eds.': 'Hrsg.', 'vol.': 'Bd.', 'vols.': 'Bde.', 'no.': 'Nr.', 'p.': 'S.', 'pp.': 'S.',
                'ch.': 'Kap.', 'pt.': 'T.', 'l.': 'Z.', 'll.': 'Z.', 'col.': 'Sp.', 'cols.': 'Sp.', 'fol.': 'Bl.', 'fols.': 'Bl.', 'In': 'In:',
                'trans.': 'Übers.', 'and': 'und' },
    'fr': map { 'ed.': 'éd.', 'eds.': 'éd.', 'vol.': 'vol.', 'vols.': 'vol.', 'no.': 'n°', 'p.': 'p.', 'pp.': 'p.',
                'ch.': 'chap.', 'pt.': 'part.', 'l.': 'l.', 'll.': 'l.', 'col.': 'col.', 'cols.': 'col.', 'fol.': 'fol.', 'fols.': 'fol.', 'In': 'Dans',
                'trans.': 'trad.', 'and': 'et' },
    'ru': map { 'ed.': 'под ред.', 'eds.': 'под ред.', 'vol.': 'т.', 'vols.': 'т.', 'no.': '№', 'p.': 'с.', 'pp.': 'с.',
                'ch.': 'гл.', 'pt.': 'ч.', 'l.': 'стк.', 'll.': 'стк.', 'col.': 'стб.', 'cols.': 'стб.', 'fol.': 'л.', 'fols.': 'л.', 'In': 'В кн.:',
                'trans.': 'пер.', 'and': 'и' }
  }"/>

  <!-- The label $key ("ed.", "vol." …, as the English table names them) in the language of the reference $f is in. -->
  <xsl:function name="samizdat:bibl-label" as="xs:string">
    <xsl:param name="f" as="element()"/>
    <xsl:param name="key" as="xs:string"/>
    <xsl:variable name="lang" select="lower-case(tokenize(string($f/ancestor-or-self::*[self::biblStruct or self::biblFull][1]/ancestor-or-self::*[@xml:lang][1]/@xml:lang), '-')[1])"/>
    <xsl:variable name="row" select="($samizdat:bibl-labels($lang), $samizdat:bibl-labels('en'))[1]"/>
    <xsl:sequence select="($row($key), $key)[1]"/>
  </xsl:function>

  <!-- The label of a biblScope before its number, from @unit, where its words do not begin with one. -->
  <xsl:function name="samizdat:bibl-scope-label" as="xs:string?">
    <xsl:param name="s" as="element()"/>
    <xsl:variable name="unit" select="lower-case(normalize-space(($s/@unit, $s/@type)[1]))"/>
    <xsl:variable name="words" select="normalize-space($s)"/>
    <xsl:variable name="range" select="matches($words, '[0-9ivxlc]\s*[-–—,]\s*[0-9ivxlc]', 'i') or ($s/@to and not($s/@to = $s/@from))"/>
    <xsl:sequence select="(if (not(matches($words, '^([0-9]|[ivxlcdm]+([\s,.\-–]|$))', 'i'))) then ()
      else if ($unit = ('volume', 'vol')) then (if ($range) then 'vols.' else 'vol.')
      else if ($unit = ('issue', 'number', 'no')) then 'no.'
      else if ($unit = ('page', 'pages', 'pp', 'p')) then (if ($range) then 'pp.' else 'p.')
      else if ($unit = ('chapter', 'chap', 'ch')) then 'ch.'
      else if ($unit = ('part', 'pt')) then 'pt.'
      else if ($unit = ('line', 'lines')) then (if ($range) then 'll.' else 'l.')
      else if ($unit = ('column', 'col')) then (if ($range) then 'cols.' else 'col.')
      else if ($unit = ('folio', 'leaf', 'fol')) then (if ($range) then 'fols.' else 'fol.')
      else ()) ! samizdat:bibl-label($s, .)"/>
  </xsl:function>

  <!-- What a field $f is given before and after its own rendering: the punctuation after the field before it
       and its label ("ed.", "vol."), an article's title's marks (with the punctuation after it inside English
       ones: “Article.”), a head editor's ", ed."; after the last field, the reference's closing full stop. -->
  <xsl:function name="samizdat:bibl-around" as="xs:string+">
    <xsl:param name="f" as="element()"/>
    <xsl:variable name="b" select="samizdat:bibl-reference($f)"/>
    <xsl:variable name="fields" select="samizdat:bibl-fields($b)"/>
    <xsl:variable name="i" select="samizdat:place-of($f, $fields)"/>
    <xsl:variable name="p" select="$fields[$i - 1]"/>
    <xsl:variable name="n" select="$fields[$i + 1]"/>
    <!-- The encoding's own words between two fields are its punctuation: nothing added there. They stand between
         the places of the fields (the i-th field is read in the i-th encoded field's place). -->
    <xsl:variable name="places" select="samizdat:bibl-fields-as-encoded($b)"/>
    <xsl:variable name="own-before" select="exists($p) and samizdat:bibl-own-words($b, $places[$i - 1], $places[$i])"/>
    <xsl:variable name="own-after" select="exists($n) and samizdat:bibl-own-words($b, $places[$i], $places[$i + 1])"/>
    <!-- An article's title and its subtitles share one pair of marks: the first opens it, the last closes it. -->
    <xsl:variable name="goes-on" select="samizdat:bibl-title-goes-on($p, $f)"/>
    <xsl:variable name="goes-on-after" select="samizdat:bibl-title-goes-on($f, $n)"/>
    <!-- (Where the encoder has words of its own before it, "or", they say what it is: no parentheses.) -->
    <xsl:variable name="alt" select="samizdat:bibl-alt-title($f, $p) and not($own-before)"/>
    <xsl:variable name="marks" select="if (samizdat:bibl-quoted($f)) then samizdat:bibl-marks($f) else ()"/>
    <xsl:variable name="inside" select="$marks[2] = '”' and not($goes-on-after) and not($alt)"/>
    <xsl:variable name="p-marks" select="if (exists($p) and samizdat:bibl-quoted($p) and not($goes-on) and not(samizdat:bibl-alt-title($p, $fields[$i - 2]))) then samizdat:bibl-marks($p) else ()"/>
    <xsl:variable name="lead" select="
      if (empty($p) or $own-before) then ''
      else if ($alt) then ' ('
      else if (samizdat:bibl-next-editor($p, $f)) then (if ($f/following-sibling::*[1][self::editor]) then ', ' else ' ' || samizdat:bibl-label($f, 'and') || ' ')
      else if ($p-marks[2] = '”') then ' '
      else samizdat:bibl-unless-ends(samizdat:bibl-words($p), samizdat:bibl-mark($p, $f)) || ' '"/>
    <xsl:variable name="editors" select="$f/self::editor/(preceding-sibling::*[1][self::editor], following-sibling::*[1][self::editor])"/>
    <!-- A chapter in a book (analytic, then a monogr with a title level="m"): "In" before the book. -->
    <xsl:variable name="in" select="if (samizdat:bibl-in($f, $p)) then samizdat:bibl-label($f, 'In') || ' ' else ''"/>
    <xsl:variable name="label" select="$in ||
      (if ($f/self::editor and samizdat:bibl-editor-after($f) and not($f/preceding-sibling::*[1][self::editor])) then samizdat:bibl-label($f, if (exists($editors)) then 'eds.' else 'ed.') || ' '
      else if ($f/self::biblScope) then (samizdat:bibl-scope-label($f) ! (. || ' '))
      else '')"/>
    <xsl:variable name="tail" select="
      if ($f/self::editor and not(samizdat:bibl-editor-after($f)) and not($f/following-sibling::*[1][self::editor]))
      then samizdat:bibl-unless-ends(string($f), ',') || ' ' || samizdat:bibl-label($f, if ($f/preceding-sibling::*[1][self::editor]) then 'eds.' else 'ed.')
      else ''"/>
    <xsl:variable name="words" select="samizdat:bibl-own-string($f) || $tail || (if ($alt) then ')' else '')"/>
    <!-- Inside English marks: the mark the next field would be given, or the closing full stop. -->
    <!-- Within a sentence the reference ends as its last part does: the sentence goes on, or has its own stop. -->
    <xsl:variable name="stop" select="empty($n) and not(samizdat:in-sentence($b))"/>
    <xsl:variable name="in-marks" select="if (not($inside)) then ''
      else if (exists($n) and not($own-after)) then samizdat:bibl-unless-ends($words, samizdat:bibl-mark($f, $n))
      else if ($stop) then samizdat:bibl-unless-ends($words, '.') else ''"/>
    <xsl:variable name="end" select="if (not($stop) or $inside) then '' else samizdat:bibl-unless-ends($words, '.')"/>
    <xsl:sequence select="$lead || $label || (if ($goes-on) then '' else ($marks[1], '')[1]),
      $tail || $in-marks || (if ($goes-on-after) then '' else ($marks[2], '')[1]) || (if ($alt) then ')' else '') || $end"/>
  </xsl:function>

  <!-- Whether $f is an editor that follows editor $p in the same group: editors are named together, as one label
       introduces them ("eds. A, B and C"; "A and B, eds."), not set apart as authors are ("Doe, J.; Roe, R."),
       unless a name has a comma of its own ("Smith, A.; Jones, B., eds."): commas would then run the names together. -->
  <xsl:function name="samizdat:bibl-next-editor" as="xs:boolean">
    <xsl:param name="p" as="element()"/>
    <xsl:param name="f" as="element()"/>
    <xsl:sequence select="exists($f/self::editor) and exists($p/self::editor) and $f/preceding-sibling::*[1] is $p and not($f/../editor[contains(., ',')])"/>
  </xsl:function>

  <!-- Whether $f opens the book a chapter is in: the first field of a monogr with a title level="m", after an
       analytic's field $p. -->
  <xsl:function name="samizdat:bibl-in" as="xs:boolean">
    <xsl:param name="f" as="element()"/>
    <xsl:param name="p" as="element()?"/>
    <xsl:variable name="group" select="samizdat:bibl-group-of($f)"/>
    <xsl:sequence select="exists($group/self::monogr[title/@level = 'm']) and exists($p) and exists(samizdat:bibl-group-of($p)/self::analytic)"/>
  </xsl:function>

  <!-- Whether the encoding has words (not white space) of its own between fields $p and $f of reference $b. -->
  <xsl:function name="samizdat:bibl-own-words" as="xs:boolean">
    <xsl:param name="b" as="element()"/>
    <xsl:param name="p" as="element()"/>
    <xsl:param name="f" as="element()"/>
    <xsl:sequence select="exists(samizdat:bibl-own-texts($b)[. &gt;&gt; $p][. &lt;&lt; $f])"/>
  </xsl:function>

  <!-- The text nodes of reference $b with words that are in none of its fields: its own punctuation, if any
       (most references have none). Found once per reference (cache="yes"): each field asks twice, and
       comparing every text node's place with two fields', each time, cost more than the rest of the
       reference (document order is a walk up both nodes' ancestors in saxon-js). -->
  <xsl:function name="samizdat:bibl-own-texts" as="text()*" cache="yes">
    <xsl:param name="b" as="element()"/>
    <xsl:variable name="fields" select="samizdat:bibl-fields($b)"/>
    <!-- A note's words are not punctuation between the fields it stands between (a biblFull's notesStmt). -->
    <!-- (Nor are an unread title's: samizdat:bibl-unread.) -->
    <xsl:sequence select="$b//text()[normalize-space()][not(ancestor::* intersect ($fields | $b//note | $b//title[samizdat:bibl-unread(.)]))]"/>
  </xsl:function>

  <!-- A field's words as read, to see what punctuation it ends with: with a head editor's ", ed.". -->
  <xsl:function name="samizdat:bibl-words" as="xs:string">
    <xsl:param name="f" as="element()"/>
    <xsl:sequence select="samizdat:bibl-own-string($f) || (if ($f/self::editor and not(samizdat:bibl-editor-after($f)) and not($f/following-sibling::*[1][self::editor])) then ' ' || samizdat:bibl-label($f, 'ed.') else '')
      || (if ($f/self::title[@type = 'alt'] and exists($f/preceding-sibling::title)) then ')' else '')"/>
  </xsl:function>

  <!-- The words set before a part of a respStmt in a reference (TEI: resp, then the names of those responsible,
       or the names first): a space after the resp ("ed. B. Editor"), between names ", " and before the last the
       language's "and" ("C. Tr and D. Tr"), ", " before a resp after the names; nothing before the first part,
       a note, or where the encoding has words of its own there. -->
  <xsl:function name="samizdat:bibl-resp-gap" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="p" select="$e/preceding-sibling::*[1]"/>
    <xsl:variable name="own" select="exists($e/preceding-sibling::node()[1][self::text()][normalize-space()])"/>
    <xsl:sequence select="if (empty($p) or $own or $e/self::note or $p/self::note) then ''
      else if ($p/self::resp and not($e/self::resp)) then samizdat:bibl-after-resp($p)
      else if ($e/self::resp) then ', '
      else if ($e/following-sibling::*[1][not(self::resp or self::note)]) then ', '
      else ' ' || samizdat:bibl-label($e, 'and') || ' '"/>
  </xsl:function>

  <!-- What a resp is followed by before the names: a space after a label ("ed.", "Übers.") or a phrase that ends
       in "by" or its like ("translated by C. Tr"); else ": ", lest a task read into a name ("editorial
       introductions: the editors of the collection", "transcription (2008): M. Fahlgren"). -->
  <xsl:function name="samizdat:bibl-after-resp" as="xs:string">
    <xsl:param name="r" as="element()"/>
    <xsl:variable name="words" select="(samizdat:bibl-resp-label($r), normalize-space($r))[1]"/>
    <xsl:sequence select="if ($words = '' or matches($words, '[.:]$') or matches($words, '(^|\s)(by|von|par|di|door|av|af|przez|de)$', 'i')) then ' ' else ': '"/>
  </xsl:function>

  <!-- A resp without words of its own, in a reference: the label of the MARC relator code its @key or @ref
       gives ("edt", "http://id.loc.gov/vocabulary/relators/trl"), in the reference's language; else (). -->
  <xsl:function name="samizdat:bibl-resp-label" as="xs:string?">
    <xsl:param name="r" as="element()"/>
    <xsl:variable name="code" select="($r/@key, $r/@ref) ! lower-case(replace(normalize-space(.), '^.*[/#:]|\.html?$', ''))"/>
    <xsl:variable name="key" select="($code ! map { 'edt': 'ed.', 'trl': 'trans.' }(.))[1]"/>
    <xsl:sequence select="if (normalize-space($r) != '' or empty($key)) then () else samizdat:bibl-label($r, $key)"/>
  </xsl:function>

  <!-- A field's own words as read: a respStmt's with its gaps and its resp's labels ("A. Name, ed."). -->
  <xsl:function name="samizdat:bibl-own-string" as="xs:string">
    <xsl:param name="f" as="element()"/>
    <xsl:sequence select="if ($f[self::ptr or self::ref][not(normalize-space())][not(*)]) then normalize-space(($f/@target, $f/@url)[1])
      else if (not($f/self::respStmt)) then string($f)
      else string-join($f/* ! (samizdat:bibl-resp-gap(.) || (if (self::resp) then (samizdat:bibl-resp-label(.), string(.))[1] else string(.))))"/>
  </xsl:function>

  <!-- A page range's hyphen, as print sets it: an en dash ("1-10" reads "1–10"). -->
  <xsl:function name="samizdat:bibl-scope-words" as="xs:string">
    <xsl:param name="t" as="text()"/>
    <xsl:sequence select="if ($t/parent::biblScope[ancestor::biblStruct or ancestor::biblFull]) then replace(string($t), '([0-9])\s*-\s*([0-9])', '$1–$2') else string($t)"/>
  </xsl:function>
</xsl:stylesheet>
