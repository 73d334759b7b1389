<?xml version="1.0" encoding="UTF-8"?>
<!--
  Named entities on the page and for the entity index (the procedure that
  finds them is xslt/common/entities.xsl):

  - a naming element (persName, placeName, orgName, name, rs, title, role …)
    whose pointers name an entry links to the entry in the entity index;
    one whose pointer is an authority URI links out, the authority named;
  - a speaker links to the character its sp/@who names, a cast item (its
    role) to the entry its @sameAs or @corresp names;
  - mode "mentions" lists every mention in the text (a name, a speech, a
    cast item) with its paragraph and a keyword in context;
  - mode "samizdat:entries" lists the document's entries, and
    "samizdat:relations" its relations, as maps the build turns into the index.

  Links into the index are "{$entity-index-href}#{anchor}"; the build checks
  each anchor against the entries of the whole edition, takes the link off a
  name whose entry does not exist, and sends links to the page of a large
  index that holds the entry.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:samizdat="urn:samizdat"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns="http://www.w3.org/1999/xhtml"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <!-- Elements rendered with their xml:id as the HTML id, to which a mention outside a paragraph can link. -->
  <xsl:variable name="samizdat:anchored-elements" as="xs:string*" select="(
    'div', 'div1', 'div2', 'div3', 'div4', 'div5', 'div6', 'div7', 'floatingText', 'figure',
    'text', 'front', 'body', 'back', 'group', 'titlePage', 'docTitle', 'lg', 'sp', 'spGrp', 'opener', 'closer',
    'epigraph', 'argument', 'castList', 'castGroup', 'listBibl', 'postscript', 'cit')"/>

  <xsl:function name="samizdat:entity-href" as="xs:string">
    <xsl:param name="anchor" as="xs:string"/>
    <xsl:sequence select="$entity-index-href || '#' || encode-for-uri($anchor)"/>
  </xsl:function>

  <!-- A name of the entries the page itself holds, for labels; nothing for entries kept elsewhere. -->
  <xsl:function name="samizdat:local-label" as="xs:string?">
    <xsl:param name="target" as="map(*)"/>
    <xsl:sequence select="$target?entry ! samizdat:entry-names(.)[1] ! normalize-space()"/>
  </xsl:function>

  <!-- Links after a linked name to its other targets: further entries (numbered), authorities (named). -->
  <xsl:template name="samizdat:further-targets">
    <xsl:param name="targets" as="map(*)*"/>
    <xsl:for-each select="$targets">
      <xsl:choose>
        <xsl:when test="?kind = 'entry'">
          <sup class="entity-also">
            <!-- The accessible name begins with the visible number (WCAG 2.5.3). -->
            <a class="entity" href="{samizdat:entity-href(?anchor)}" aria-label="{position() + 1}: {(samizdat:local-label(.), 'another entity named here')[1]}"><xsl:value-of select="position() + 1"/></a>
          </sup>
        </xsl:when>
        <xsl:otherwise>
          <xsl:text> </xsl:text>
          <a class="authority-name" href="{?href}"><xsl:value-of select="?name"/></a>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

  <!-- The same, as nodes to place (in a link a block template renders: textstructure.xsl). -->
  <xsl:function name="samizdat:further-targets" as="node()*">
    <xsl:param name="targets" as="map(*)*"/>
    <xsl:call-template name="samizdat:further-targets">
      <xsl:with-param name="targets" select="$targets"/>
    </xsl:call-template>
  </xsl:function>

  <!-- What a link to an authority shows after its words: the authority's name. -->
  <xsl:function name="samizdat:authority-name" as="node()*">
    <xsl:param name="target" as="map(*)"/>
    <xsl:text> </xsl:text>
    <span class="authority-name"><xsl:value-of select="$target?name"/></span>
  </xsl:function>

  <!-- Which target a name links to: its first entry, else its first target. -->
  <xsl:function name="samizdat:primary" as="xs:integer?">
    <xsl:param name="targets" as="map(*)*"/>
    <xsl:sequence select="(for $i in 1 to count($targets) return $i[$targets[$i]?kind = 'entry'], 1[exists($targets)])[1]"/>
  </xsl:function>

  <!-- The link for a target: into the index for an entry, out for an authority or another site. -->
  <xsl:function name="samizdat:target-href" as="xs:string">
    <xsl:param name="target" as="map(*)"/>
    <xsl:sequence select="if ($target?kind = 'entry') then samizdat:entity-href($target?anchor) else $target?href"/>
  </xsl:function>

  <!-- What the speakers of a text point at, resolved once for each distinct @who (a play has hundreds
       of speeches and a few dozen characters); passed down as the tunnel parameter samizdat:speakers.
       Declared map(*) wherever it is received: a declared key or value type makes saxon-js visit every
       character in the map each time a speech or speaker takes the parameter. -->
  <xsl:function name="samizdat:speaker-index" as="map(*)">
    <xsl:param name="text" as="node()"/>
    <xsl:variable name="first" as="map(xs:string, element())" select="map:merge(
      for $sp in $text//sp[@who] return map { normalize-space($sp/@who): $sp }, map { 'duplicates': 'use-first' })"/>
    <xsl:sequence select="map:merge(for $who in map:keys($first) return map { $who: array { samizdat:entity-targets(map:get($first, $who)) } })"/>
  </xsl:function>

  <xsl:template match="text[not(ancestor::text)][.//sp/@who]" mode="text" priority="1">
    <xsl:next-match>
      <xsl:with-param name="samizdat:speakers" select="samizdat:speaker-index(.)" tunnel="yes"/>
    </xsl:next-match>
  </xsl:template>

  <!-- Names: the entity's link (or a span when already inside a link, or when nothing resolves). -->
  <xsl:template match="(persName | placeName | orgName | eventName | name | rs | geogName | objectName)[@ref or @key or @corresp or @sameAs]" mode="text">
    <xsl:param name="linked" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:variable name="targets" select="samizdat:entity-targets(.)"/>
    <xsl:variable name="primary" select="samizdat:primary($targets)"/>
    <xsl:variable name="first" select="$targets[$primary]"/>
    <xsl:choose>
      <xsl:when test="empty($first) and not(@ref)">
        <xsl:next-match/>
      </xsl:when>
      <xsl:when test="exists($first) and not($linked)">
        <a class="entity {if ($first?kind = 'entry') then '' else 'authority-link '}{samizdat:classes(.)}" href="{samizdat:target-href($first)}">
          <xsl:apply-templates mode="text">
            <xsl:with-param name="linked" select="true()" tunnel="yes"/>
          </xsl:apply-templates>
          <xsl:if test="$first?kind != 'entry'">
            <xsl:text> </xsl:text>
            <span class="authority-name"><xsl:value-of select="$first?name"/></span>
          </xsl:if>
        </a>
        <xsl:call-template name="samizdat:further-targets">
          <xsl:with-param name="targets" select="remove($targets, $primary)"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <span class="entity {samizdat:classes(.)}">
          <xsl:if test="$first?kind = 'entry'"><xsl:attribute name="data-entity" select="$first?anchor"/></xsl:if>
          <xsl:apply-templates mode="text"/>
        </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Other naming elements, speakers, roles: rendered as they would be, their content linked. -->
  <xsl:template match="(title | author | editor | actor | role | roleName | addName | forename | surname | genName | nameLink | settlement | region | country | district | bloc | origPlace | pubPlace | affiliation)[@ref or @key or @corresp or @sameAs]
                       | sp[@who]/speaker | castItem[@sameAs or @corresp or @ref][not(role)] | castItem[@sameAs or @corresp or @ref]/role" mode="text" priority="1">
    <xsl:param name="linked" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:param name="samizdat:speakers" as="map(*)?" tunnel="yes"/>
    <xsl:variable name="holder" select="if (self::speaker or self::role[../(@sameAs, @corresp, @ref)]) then .. else ."/>
    <xsl:variable name="targets" select="if ($holder/self::sp) then (if (exists($samizdat:speakers)) then map:get($samizdat:speakers, normalize-space($holder/@who))?* else samizdat:entity-targets($holder)) else samizdat:entity-targets($holder)"/>
    <xsl:variable name="primary" select="samizdat:primary($targets)"/>
    <xsl:variable name="first" select="$targets[$primary]"/>
    <xsl:choose>
      <!-- Nothing to link, already in a link, or no words to be a link's text (an empty cast item). -->
      <xsl:when test="empty($first) or $linked or normalize-space(.) = ''">
        <xsl:next-match/>
      </xsl:when>
      <!-- A speaker or a cast item: the block template (textstructure.xsl) is next and renders the link
           itself, unless an apparatus entry standing apart may come between (textcrit.xsl). -->
      <xsl:when test="(self::speaker or self::castItem) and not($samizdat:apparatus-apart)">
        <xsl:next-match>
          <xsl:with-param name="samizdat:link" select="map {
            'class': 'entity ' || (if ($first?kind = 'entry') then '' else 'authority-link ') || (if (self::speaker) then 'speaker-link' else 'name-link'),
            'href': samizdat:target-href($first),
            'inside': if ($first?kind != 'entry') then samizdat:authority-name($first) else (),
            'after': if (count($targets) gt 1) then samizdat:further-targets(remove($targets, $primary)) else ()
          }"/>
        </xsl:next-match>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="rendered" as="node()*">
          <xsl:next-match>
            <xsl:with-param name="linked" select="true()" tunnel="yes"/>
          </xsl:next-match>
        </xsl:variable>
        <xsl:variable name="link" as="element()">
          <a class="entity {if ($first?kind = 'entry') then '' else 'authority-link '}{if (self::speaker) then 'speaker-link' else 'name-link'}" href="{samizdat:target-href($first)}">
            <xsl:sequence select="if (count($rendered) = 1 and $rendered instance of element()) then $rendered/node() else $rendered"/>
            <xsl:if test="$first?kind != 'entry'">
              <xsl:text> </xsl:text>
              <span class="authority-name"><xsl:value-of select="$first?name"/></span>
            </xsl:if>
          </a>
        </xsl:variable>
        <xsl:choose>
          <xsl:when test="count($rendered) = 1 and $rendered instance of element()">
            <xsl:element name="{local-name($rendered)}" namespace="{namespace-uri($rendered)}">
              <xsl:sequence select="$rendered/@*, $link"/>
              <xsl:call-template name="samizdat:further-targets">
                <xsl:with-param name="targets" select="remove($targets, $primary)"/>
              </xsl:call-template>
            </xsl:element>
          </xsl:when>
          <xsl:otherwise>
            <xsl:sequence select="$link"/>
            <xsl:call-template name="samizdat:further-targets">
              <xsl:with-param name="targets" select="remove($targets, $primary)"/>
            </xsl:call-template>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A cast item that names a character gets an id, so that the index can link to it. -->
  <xsl:function name="samizdat:cast-id" as="xs:string">
    <xsl:param name="item" as="element()"/>
    <xsl:sequence select="if ($item/@xml:id) then string($item/@xml:id) else 'cast-' || (count($item/preceding::castItem) + 1)"/>
  </xsl:function>

  <xsl:template match="castItem[@sameAs or @corresp or @ref]" mode="text" priority="2">
    <xsl:variable name="rendered">
      <xsl:next-match/>
    </xsl:variable>
    <xsl:variable name="id" select="samizdat:cast-id(.)"/>
    <xsl:for-each select="$rendered/node()">
      <xsl:choose>
        <xsl:when test=". instance of element() and empty(@id)">
          <xsl:copy>
            <xsl:attribute name="id" select="$id"/>
            <xsl:sequence select="@*, node()"/>
          </xsl:copy>
        </xsl:when>
        <xsl:otherwise>
          <xsl:sequence select="."/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

  <!-- ================================================================
       Mentions: map { entry, kind, element, text, before, after, paragraph, paragraphNumber }
       ================================================================ -->

  <!-- Words of context on each side of a mention. -->
  <xsl:variable name="samizdat:context-length" as="xs:integer" select="60"/>

  <!-- Text a reader does not see in the reading text around the mention $e: notes, the forms a choice or
       an apparatus sets aside; and a speaker's label unless $e is in that label. A label heads its speech
       (TEI: "a specialized form of heading or label, giving the name of one or more speakers"): it is not
       part of what is said, so it is no context of a mention in the speech (nor of one in another speech),
       but it is the passage of a mention in it. Asked of text within a label only when its count says so
       (speakers do not nest: the count of those enclosing a node is 0 or 1). -->
  <xsl:function name="samizdat:unread" as="xs:boolean">
    <xsl:param name="t" as="node()"/>
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="samizdat:unread($t, $e, $t/accumulator-before('samizdat:unread'))
      or ($samizdat:spanning and $t instance of text() and samizdat:span-unread($t))"/>
  </xsl:function>

  <!-- The same with the count of $t's enclosing elements given: an element that reads as a string in place of its
       content (samizdat:read-as) counts itself, so whether it is read is asked with its count less one. -->
  <xsl:function name="samizdat:unread" as="xs:boolean">
    <xsl:param name="t" as="node()"/>
    <xsl:param name="e" as="element()"/>
    <xsl:param name="count" as="xs:integer"/>
    <xsl:sequence select="$count mod $samizdat:speaker-weight gt 0
      or ($count ge $samizdat:speaker-weight and not($t/ancestor::speaker[1] is $e/ancestor::speaker[1]))"/>
  </xsl:function>

  <!-- Whether a word stands in a span (delSpan …) whose element the reading text leaves out, as the plain text
       does (xslt/text/text.xsl; the table: common/transcr.xsl). -->
  <xsl:function name="samizdat:span-unread" as="xs:boolean">
    <xsl:param name="t" as="text()"/>
    <xsl:sequence select="some $s in samizdat:open-spans($t)[not(self::undo)] satisfies empty(samizdat:transcription($s, 'reading'))"/>
  </xsl:function>

  <!-- What an element that stands for a string, not for its content, reads as in the reading text, as in the plain
       text (xslt/text/text.xsl, mode inline): a g its character (common/gaiji.xsl), a pause, a sound, a movement …
       the transcriber's description in parentheses, set apart from a word beside it (common/spoken.xsl); () for any
       other node. The content of these is unread (samizdat:unread). -->
  <xsl:function name="samizdat:read-as" as="xs:string?">
    <xsl:param name="n" as="node()"/>
    <xsl:sequence select="if ($n instance of element(g)) then (samizdat:glyph-text($n, 'reading'), samizdat:glyph-placeholder($n))[1]
      else if ($n[self::pause or self::vocal or self::kinesic or self::incident or self::shift])
      then samizdat:event-space-before($n) || samizdat:spoken-event($n) || samizdat:event-space-after($n)
      else ()"/>
  </xsl:function>

  <!-- Whether the text leaves out a reading (lem or rdg) where it is encoded, as html/textcrit.xsl does: in parallel
       segmentation it shows one reading (the lem, else the first: samizdat:shown-reading), wherever the others stand
       (an rdgGrp's too); an app linked by @from/@to or @loc shows none (its words are the base text's). The rule read
       only "rdg[../lem]": an rdgGrp's readings ("Then leftwentwente Anna"), every reading of an app without a lem and
       the lem of an app standing after its words ("He wrotewrote to Anna") were read. -->
  <xsl:function name="samizdat:reading-unseen" as="xs:boolean">
    <xsl:param name="reading" as="element()"/>
    <xsl:variable name="app" select="$reading/ancestor::app[1]"/>
    <xsl:sequence select="exists($app) and (samizdat:app-method($app) != 'parallel-segmentation' or not($reading is samizdat:shown-reading($app)))"/>
  </xsl:function>

  <!-- Each speaker counts this much in samizdat:unread, so that the count of the other enclosing
       elements is its remainder: no document nests elements this deep. -->
  <xsl:variable name="samizdat:speaker-weight" as="xs:integer" select="1000000"/>

  <!-- How many elements whose text is unread enclose a node (speakers weighing samizdat:speaker-weight):
       counted in one pass, since asking each text node's ancestors (24 text nodes after each mention)
       was a sixth of a page's time. -->
  <xsl:accumulator name="samizdat:unread" as="xs:integer" initial-value="0">
    <!-- A reading the text does not show (samizdat:reading-unseen). Also: an interpretation or a span annotation (about the text, not of it: out of the page and the plain text),
         a deletion the reading text leaves out (common/transcr.xsl), an abbreviation mark that gives way to an expansion
         beside it (am beside ex: "D~omi" reads "Domi"), and the content of what reads as a string
         instead (samizdat:read-as). -->
    <xsl:accumulator-rule match="note | sic | orig | abbr | metamark | rdg[samizdat:reading-unseen(.)] | lem[samizdat:reading-unseen(.)] | ellipsis/desc | gap/desc | teiHeader
      | interp | interpGrp | span | spanGrp | del[empty(samizdat:transcription(., 'reading'))] | am[empty(samizdat:transcription(., 'reading'))] | g | pause | vocal | kinesic | incident | shift" select="$value + 1"/>
    <xsl:accumulator-rule match="note | sic | orig | abbr | metamark | rdg[samizdat:reading-unseen(.)] | lem[samizdat:reading-unseen(.)] | ellipsis/desc | gap/desc | teiHeader
      | interp | interpGrp | span | spanGrp | del[empty(samizdat:transcription(., 'reading'))] | am[empty(samizdat:transcription(., 'reading'))] | g | pause | vocal | kinesic | incident | shift" phase="end" select="$value - 1"/>
    <xsl:accumulator-rule match="speaker" select="$value + $samizdat:speaker-weight"/>
    <xsl:accumulator-rule match="speaker" phase="end" select="$value - $samizdat:speaker-weight"/>
  </xsl:accumulator>

  <!-- The reading text before $e since the start of the nearest paragraph, verse line, heading … before it,
       its last 200 characters. Text a reader does not see is left out (samizdat:unread): a speaker's label
       too, unless $e is in it; so the words before a mention in a speech begin after its label, wherever
       the speech is encoded (in a p or l, a start of its own, or in a q, which is not one). Walked backwards from $e, each level's preceding siblings
       nearest first, and stopped as soon as the words shown are known (more than $samizdat:context-length + 1
       characters once whitespace is collapsed: text further back changes nothing of them). Not the preceding
       axis, which saxon-js walks to the start of the document for every mention, nor an accumulator, which
       works on every text node of the document, most of which (the header, paragraphs without names) is
       before no mention. -->
  <xsl:function name="samizdat:text-before" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <!-- The walk never goes past the nearest stop element enclosing $e (reaching it, as the parent of the
         level below, ends the walk): only the levels within it are listed. saxon-js builds the whole
         sequence to walk before walking it, and listing every level had it gather, for each mention,
         everything before it in the document (the header first). -->
    <xsl:variable name="stop" select="$e/ancestor::*[samizdat:starts-context(.)][1]"/>
    <xsl:iterate select="reverse(if (exists($stop)) then $e/ancestor-or-self::*[. >> $stop] else $e/ancestor-or-self::*) ! (reverse(preceding-sibling::node()) ! reverse(descendant-or-self::node()), parent::*)">
      <xsl:param name="text" as="xs:string" select="''"/>
      <!-- ' ' once the walk has passed the start of a block (a signature after its salute …) and read no
           text since: put between the words before that start and the block's, should any come. -->
      <xsl:param name="gap" as="xs:string" select="''"/>
      <xsl:on-completion select="$text"/>
      <xsl:variable name="read-as" select="if (. instance of element()) then samizdat:read-as(.) else ()"/>
      <xsl:variable name="unread" select="if (exists($read-as)) then samizdat:unread(., $e, accumulator-before('samizdat:unread') - 1) else samizdat:unread(., $e)"/>
      <xsl:choose>
        <xsl:when test=". instance of text() or exists($read-as)">
          <xsl:variable name="more" select="if ($unread) then $text else (if (exists($read-as)) then $read-as else samizdat:cast-text(.)) || $gap || $text"/>
          <xsl:choose>
            <xsl:when test="string-length($more) ge 200">
              <xsl:break select="substring($more, string-length($more) - 199)"/>
            </xsl:when>
            <xsl:when test="string-length($more) gt $samizdat:context-length + 1 and string-length(replace($more, '\s+', ' ')) gt $samizdat:context-length + 1">
              <xsl:break select="$more"/>
            </xsl:when>
            <xsl:otherwise>
              <xsl:next-iteration>
                <xsl:with-param name="text" select="$more"/>
                <xsl:with-param name="gap" select="if ($unread) then $gap else ''"/>
              </xsl:next-iteration>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:when>
        <xsl:when test="samizdat:starts-context(.)">
          <xsl:break select="$text"/>
        </xsl:when>
        <xsl:when test=". instance of element() and not($unread) and samizdat:separates(.)">
          <xsl:next-iteration>
            <xsl:with-param name="text" select="$text"/>
            <xsl:with-param name="gap" select="' '"/>
          </xsl:next-iteration>
        </xsl:when>
        <!-- The start of a role description: set apart from the role before it as on the page (samizdat:role-gap). -->
        <xsl:when test=". instance of element(roleDesc) and not($unread)">
          <xsl:next-iteration>
            <xsl:with-param name="text" select="$text"/>
            <xsl:with-param name="gap" select="if ($gap != '') then $gap else samizdat:role-gap(.)"/>
          </xsl:next-iteration>
        </xsl:when>
      </xsl:choose>
    </xsl:iterate>
  </xsl:function>

  <!-- The block a mention's words are read within: its nearest block, not a quotation, a reference or a stage
       direction amid the words of its sentence or line (samizdat:in-sentence), which the sentence or line holds:
       the words after a name in "He wrote <quote>I met Anna there</quote> yesterday." run on past the quotation. -->
  <xsl:function name="samizdat:mention-block" as="element()?">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="$e/ancestor::*[map:contains($samizdat:block-name-set, local-name())][not(local-name() = $samizdat:in-sentence-names and samizdat:in-sentence(.))][1]"/>
  </xsl:function>

  <!-- Where the words before a mention begin: the start of the nearest of these elements before it. -->
  <xsl:function name="samizdat:starts-context" as="xs:boolean">
    <xsl:param name="e" as="node()"/>
    <!-- A stage direction amid the words of its line (samizdat:in-sentence) is no start: it is read with them. -->
    <xsl:sequence select="exists($e[self::p or self::ab or self::l or self::head or self::item or self::label or self::speaker
      or (self::stage and not(samizdat:in-sentence(.)))
      or self::cell or self::castItem or self::lg or self::sp or self::div or self::floatingText or self::text])"/>
  </xsl:function>

  <!-- The text just before $e within $block, at most $samizdat:context-length characters, cut at a word. -->
  <xsl:function name="samizdat:context-before" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:param name="block" as="element()?"/>
    <xsl:variable name="all" select="if (empty($block)) then '' else replace(samizdat:text-before($e), '\s+', ' ')"/>
    <xsl:variable name="cut" select="string-length($all) gt $samizdat:context-length"/>
    <xsl:variable name="tail" select="if ($cut) then replace(substring($all, string-length($all) - $samizdat:context-length + 1), '^\S*\s', '') else $all"/>
    <xsl:sequence select="(if ($cut) then '…' else '') || replace($tail, '^\s+', '')"/>
  </xsl:function>


  <!-- What the words after a mention are read from within $n: its text, and the elements that set words apart
       (a role description too, from the role before it: samizdat:role-gap). -->
  <xsl:function name="samizdat:read-after" as="node()*">
    <xsl:param name="n" as="node()"/>
    <xsl:sequence select="$n/descendant-or-self::node()[. instance of text() or (. instance of element()
      and (self::g or self::pause or self::vocal or self::kinesic or self::incident or self::shift or samizdat:separates(.) or self::roleDesc))]"/>
  </xsl:function>

  <xsl:function name="samizdat:context-after" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:param name="block" as="element()?"/>
    <!-- The reading text of the first 24 text nodes after $e within the block, whitespace collapsed. Within
         the block only, and only what follows $e there (saxon-js does not stop early on the following axis,
         and comparing every text node of the block with $e cost more than the rest of the page): the following
         siblings of $e and of each of its ancestors inside the block, innermost first, are the rest of the block
         in order. It stops as soon as the words shown are known: once more than $samizdat:context-length
         characters are collected, later text changes nothing of them (a mention's context is most of its cost).
         A mention in a speaker's label reads on past the label into the speech it heads, after a space (the
         label is a block of its own on the page): the label's words alone ("HAMLET") say nothing of the
         passage, and the speech is what a speech mention (sp/@who) shows too. The words before such a mention
         begin at the label's start, as for any heading; those before a mention in the speech leave the label
         out (samizdat:text-before), so the label is read only around a mention in it, on both sides. -->
    <xsl:variable name="label" select="$block[self::speaker][parent::sp]"/>
    <xsl:variable name="all" as="xs:string">
      <xsl:choose>
        <xsl:when test="empty($block)">
          <xsl:sequence select="''"/>
        </xsl:when>
        <xsl:otherwise>
          <!-- With the text, the elements whose words are set apart (the next cell …) and the end of a label read
               on into its speech: a space where each starts, put before the next words read. -->
          <xsl:iterate select="if (exists($label))
              then (reverse($e/ancestor-or-self::*[. >> $label]) ! following-sibling::node() ! samizdat:read-after(.), ' ', $label/following-sibling::node() ! samizdat:read-after(.))
              else reverse($e/ancestor-or-self::*[. >> $block]) ! following-sibling::node() ! samizdat:read-after(.)">
            <xsl:param name="seen" as="xs:integer" select="1"/>
            <xsl:param name="text" as="xs:string" select="''"/>
            <!-- ' ' once the walk has passed a separation and read no text since. -->
            <xsl:param name="gap" as="xs:string" select="''"/>
            <xsl:on-completion select="replace($text, '\s+', ' ')"/>
            <xsl:variable name="read-as" select="if (. instance of element()) then samizdat:read-as(.) else ()"/>
            <xsl:variable name="separation" select="not(. instance of text()) and empty($read-as)"/>
            <xsl:variable name="unread" select="not(. instance of xs:string) and (if (exists($read-as))
              then samizdat:unread(., $e, accumulator-before('samizdat:unread') - 1) else samizdat:unread(., $e))"/>
            <xsl:variable name="more" select="if ($unread or $separation) then $text
              else $text || $gap || (if (. instance of text()) then samizdat:cast-text(.) else if (exists($read-as)) then $read-as else string(.))"/>
            <xsl:variable name="collapsed" select="if ($seen ge 24 or string-length($more) gt $samizdat:context-length) then replace($more, '\s+', ' ') else ()"/>
            <xsl:choose>
              <xsl:when test="$separation">
                <xsl:next-iteration>
                  <xsl:with-param name="seen" select="$seen"/>
                  <xsl:with-param name="text" select="$text"/>
                  <xsl:with-param name="gap" select="if ($unread) then $gap
                    else if (. instance of element(roleDesc)) then (if ($gap != '') then $gap else samizdat:role-gap(.)) else ' '"/>
                </xsl:next-iteration>
              </xsl:when>
              <xsl:when test="$seen ge 24 or string-length($collapsed) gt $samizdat:context-length">
                <xsl:break select="$collapsed"/>
              </xsl:when>
              <xsl:otherwise>
                <xsl:next-iteration>
                  <xsl:with-param name="seen" select="$seen + 1"/>
                  <xsl:with-param name="text" select="$more"/>
                  <xsl:with-param name="gap" select="if ($unread) then $gap else ''"/>
                </xsl:next-iteration>
              </xsl:otherwise>
            </xsl:choose>
          </xsl:iterate>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="cut" select="string-length($all) gt $samizdat:context-length"/>
    <xsl:variable name="head" select="if ($cut) then replace(substring($all, 1, $samizdat:context-length), '\s\S*$', '') else $all"/>
    <xsl:sequence select="replace($head, '\s+$', '') || (if ($cut) then '…' else '')"/>
  </xsl:function>

  <!-- Where on the page a mention is: its paragraph, or the nearest element the page gives an id. -->
  <xsl:function name="samizdat:mention-place" as="map(*)">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="p" select="$e/ancestor-or-self::*[self::p or self::ab][not(ancestor::biblFull)][1]"/>
    <xsl:sequence select="if ($p) then map {
        'paragraph': if ($p/@xml:id) then string($p/@xml:id) else 'para-' || samizdat:paragraph-number($p),
        'paragraphNumber': if ($p/@n) then string($p/@n) else string(samizdat:paragraph-number($p)) }
      else map {
        'paragraph': string($e/ancestor-or-self::*[@xml:id][local-name() = $samizdat:anchored-elements][1]/@xml:id),
        'paragraphNumber': '' }"/>
  </xsl:function>

  <xsl:function name="samizdat:mentions-of" as="map(*)*">
    <xsl:param name="e" as="element()"/>
    <xsl:param name="kind" as="xs:string"/>
    <xsl:param name="targets" as="map(*)*"/>
    <xsl:param name="text" as="xs:string"/>
    <xsl:param name="before" as="xs:string"/>
    <xsl:param name="after" as="xs:string"/>
    <xsl:variable name="place" select="samizdat:mention-place($e)"/>
    <xsl:for-each select="$targets[?kind = 'entry']">
      <xsl:sequence select="map:merge((map {
        'entry': ?anchor, 'kind': $kind, 'element': local-name($e), 'text': $text, 'before': $before, 'after': $after
      }, $place))"/>
    </xsl:for-each>
  </xsl:function>

  <!-- What entries say of each other is not a mention in the text. -->
  <xsl:template match="(person | personGrp | place | org | event | object | bibl | biblStruct | biblFull)[@xml:id][samizdat:is-entry(.)] | listRelation" mode="mentions"/>

  <xsl:template match="(persName | placeName | orgName | eventName | name | rs | geogName | objectName | title | author | editor | actor | role | roleName | addName | forename | surname | genName | nameLink | settlement | region | country | district | bloc | origPlace | pubPlace | affiliation)[@ref or @key or @corresp or @sameAs]" mode="mentions">
    <xsl:variable name="block" select="samizdat:mention-block(.)"/>
    <xsl:sequence select="samizdat:mentions-of(., 'name', samizdat:entity-targets(.), normalize-space(.),
      samizdat:context-before(., $block), samizdat:context-after(., $block))"/>
    <xsl:apply-templates mode="mentions"/>
  </xsl:template>

  <!-- A speech is a mention of its speaker; the context is how it begins (its first lines, paragraphs or stage directions). -->
  <xsl:template match="sp[@who]" mode="mentions">
    <xsl:param name="samizdat:speakers" as="map(*)" tunnel="yes" select="map {}"/>
    <xsl:variable name="opening" select="normalize-space(string-join(*[not(self::speaker or self::stage)][position() le 3], ' '))"/>
    <xsl:variable name="place" select="if (@xml:id) then string(@xml:id) else samizdat:mention-place(.)?paragraph"/>
    <xsl:variable name="speaker" select="normalize-space(speaker)"/>
    <xsl:variable name="who" select="normalize-space(@who)"/>
    <xsl:for-each select="(if (map:contains($samizdat:speakers, $who)) then map:get($samizdat:speakers, $who)?* else samizdat:entity-targets(.))[?kind = 'entry']">
      <xsl:sequence select="map {
        'entry': ?anchor, 'kind': 'speech', 'element': 'sp', 'text': $speaker, 'before': '',
        'after': if (string-length($opening) gt $samizdat:context-length) then replace(substring($opening, 1, $samizdat:context-length), '\s\S*$', '') || '…' else $opening,
        'paragraph': $place, 'paragraphNumber': ''
      }"/>
    </xsl:for-each>
    <xsl:apply-templates mode="mentions"/>
  </xsl:template>

  <!-- Words ascribed to someone (said, q, u with @who) are a mention of them in their paragraph. -->
  <xsl:template match="said[@who] | q[@who] | u[@who]" mode="mentions">
    <xsl:variable name="block" select="samizdat:mention-block(.)"/>
    <xsl:variable name="words" select="normalize-space(.)"/>
    <xsl:sequence select="samizdat:mentions-of(., 'name', samizdat:entity-targets(.),
      if (string-length($words) gt $samizdat:context-length) then replace(substring($words, 1, $samizdat:context-length), '\s\S*$', '') || '…' else $words,
      samizdat:context-before(., $block), samizdat:context-after(., $block))"/>
    <xsl:apply-templates mode="mentions"/>
  </xsl:template>

  <xsl:template match="castItem[@sameAs or @corresp or @ref]" mode="mentions">
    <xsl:variable name="id" select="samizdat:cast-id(.)"/>
    <xsl:sequence select="samizdat:mentions-of(., 'cast', samizdat:entity-targets(.), normalize-space(string-join((role, .[not(role)]), ' ')),
      '', normalize-space(string-join(roleDesc, ' '))) ! map:put(map:put(., 'paragraph', $id), 'paragraphNumber', '')"/>
    <xsl:apply-templates mode="mentions"/>
  </xsl:template>

  <!-- ================================================================
       Entries, for the entity index
       ================================================================ -->

  <xsl:mode name="samizdat:entries" on-no-match="shallow-skip"/>

  <!-- An entry's names, the regularised one first (common/resp.xsl, which names the agents pointers point at alike). -->
  <xsl:function name="samizdat:entry-names" as="element()*">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="samizdat:names($entry)"/>
  </xsl:function>

  <!-- How an entry sorts: its @sortKey, else a structured name surname first, else its regularised name. -->
  <xsl:function name="samizdat:sort-name" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:param name="name" as="element()?"/>
    <xsl:sequence select="normalize-space(
      if ($entry/@sortKey) then $entry/@sortKey
      else if ($name/@sortKey) then $name/@sortKey
      else if ($name/surname) then string-join(($name/surname, $name/forename, $name/(* except (surname, forename))), ' ')
      else if ($name) then string($name) else $entry/@xml:id)"/>
  </xsl:function>

  <xsl:function name="samizdat:date-map" as="map(*)">
    <xsl:param name="d" as="element()"/>
    <xsl:param name="kind" as="xs:string"/>
    <xsl:variable name="place" select="($d//*[local-name() = $samizdat:naming-elements][@ref or @key])[1]"/>
    <xsl:sequence select="map:merge((
      map { 'kind': $kind, 'text': normalize-space($d) },
      for $a in $d/(@when, @notBefore, @notAfter, @from, @to, @when-iso) return map { local-name($a): normalize-space($a) },
      if ($place) then map { 'place': (samizdat:entity-targets($place)[?kind = 'entry'])[1]?anchor } else ()))"/>
  </xsl:function>

  <xsl:function name="samizdat:texts" as="array(xs:string)">
    <xsl:param name="elements" as="element()*"/>
    <xsl:sequence select="array { $elements ! normalize-space()[. != ''] }"/>
  </xsl:function>

  <!-- Latitude and longitude of a <geo> ("41.9 12.5" or "41.9, 12.5"), when they are numbers in range. -->
  <xsl:function name="samizdat:geo" as="map(xs:string, xs:string)?">
    <xsl:param name="geo" as="element()?"/>
    <xsl:variable name="parts" select="tokenize(normalize-space(replace(string($geo), ',', ' ')))"/>
    <xsl:if test="count($parts) = 2 and (every $p in $parts satisfies $p castable as xs:decimal)
                  and abs(xs:decimal($parts[1])) le 90 and abs(xs:decimal($parts[2])) le 180">
      <xsl:sequence select="map { 'lat': $parts[1], 'long': $parts[2] }"/>
    </xsl:if>
  </xsl:function>

  <xsl:template match="(person | personGrp | place | org | event | object | bibl | biblStruct | biblFull)[@xml:id][samizdat:is-entry(.)]" mode="samizdat:entries">
    <xsl:variable name="names" select="samizdat:entry-names(.)"/>
    <xsl:variable name="same" select="samizdat:entity-targets(.)"/>
    <xsl:variable name="within" select="ancestor::*[samizdat:is-entry(.)][1]"/>
    <xsl:sequence select="map:merge((
      map {
        'anchor': samizdat:entry-anchor(.),
        'id': string(@xml:id),
        'element': local-name(),
        'type': map:get($samizdat:entry-types, local-name()),
        'subtype': normalize-space(string-join((@type, @role), ' ')),
        'names': array { $names ! map:merge((
          map { 'text': normalize-space(.) },
          if (@type) then map { 'type': string(@type) } else (),
          if (@xml:lang) then map { 'lang': string(@xml:lang) } else ())) },
        'sortName': samizdat:sort-name(., $names[1]),
        'descriptions': samizdat:texts((note[@type = ('description', 'desc')], desc, roleDesc)),
        'notes': samizdat:texts(note[not(@type = ('description', 'desc', 'unused'))]),
        'dates': array {
          for $d in (birth, death, floruit) return samizdat:date-map($d, local-name($d)),
          if (@when or @from or @to or @notBefore or @notAfter) then map:put(samizdat:date-map(., 'date'), 'text', '') else (),
          for $d in date return samizdat:date-map($d, 'date')
        },
        'occupations': samizdat:texts(occupation),
        'affiliations': samizdat:texts(affiliation),
        'idnos': array { for $i in idno[normalize-space()] return map:merge((
          map { 'type': string($i/@type), 'value': normalize-space($i) },
          samizdat:authority-of-idno(string($i/@type), normalize-space($i)) ! map { 'authority': ?name, 'href': ?href })) },
        'links': array { $same[?kind != 'entry'] ! map { 'authority': ?name, 'href': ?href } }
      },
      if (@sex or sex) then map { 'sex': normalize-space(string-join((sex, @sex[not(../sex)]), ' ')) } else (),
      if (exists($same[?kind = 'entry'])) then map { 'sameAs': $same[?kind = 'entry'][1]?anchor } else (),
      if ($within) then map { 'within': samizdat:entry-anchor($within) } else (),
      if (location) then map { 'location': map:merge((
        map { 'names': array { for $n in location/*[not(self::geo)][normalize-space()] return map:merge((
          map { 'kind': local-name($n), 'text': normalize-space($n) },
          (samizdat:entity-targets($n)[?kind = 'entry'])[1] ! map { 'anchor': ?anchor })) } },
        samizdat:geo((location/geo)[1]) ! map { 'geo': . })) } else (),
      if (self::bibl or self::biblStruct or self::biblFull) then map { 'authors': samizdat:texts(.//author) } else ()
    ))"/>
    <xsl:apply-templates mode="samizdat:entries"/>
  </xsl:template>

  <xsl:function name="samizdat:relation-side" as="array(xs:string)">
    <xsl:param name="side" as="attribute()?"/>
    <xsl:sequence select="array { for $t in tokenize(normalize-space($side)) return samizdat:resolve-entity($t, $side)[?kind = 'entry']?anchor }"/>
  </xsl:function>

  <!-- Relations between entries: map { name, active, passive, mutual, description }, each side a list of anchors. -->
  <xsl:template match="relation" mode="samizdat:entries">
    <xsl:sequence select="map {
      'relation': normalize-space(string-join((@name, @type[not(../@name)]), ' ')),
      'active': samizdat:relation-side(@active), 'passive': samizdat:relation-side(@passive), 'mutual': samizdat:relation-side(@mutual),
      'description': normalize-space(string-join((desc, note), ' '))
    }"/>
  </xsl:template>

  <!-- Entity data of a document: its mentions, entries and relations. -->
  <xsl:function name="samizdat:entity-data" as="map(*)">
    <xsl:param name="tei" as="document-node()"/>
    <xsl:variable name="mentions" as="map(*)*">
      <xsl:apply-templates select="$tei//text[not(ancestor::text)]" mode="mentions">
        <xsl:with-param name="samizdat:speakers" select="samizdat:speaker-index($tei)" tunnel="yes"/>
      </xsl:apply-templates>
    </xsl:variable>
    <xsl:variable name="listed" select="samizdat:listed($tei)"/>
    <xsl:sequence select="map {
      'mentions': array { $mentions },
      'entries': array { $listed[map:contains(., 'anchor')] },
      'relations': array { $listed[map:contains(., 'relation')] }
    }"/>
  </xsl:function>

  <!-- Entity data without the mentions (their words before and after cost
       most of it), with the references: what the verbose validate needs to
       find the entries nothing points at. -->
  <xsl:function name="samizdat:entry-data" as="map(*)">
    <xsl:param name="tei" as="document-node()"/>
    <xsl:variable name="listed" select="samizdat:listed($tei)"/>
    <xsl:sequence select="map {
      'mentions': array { },
      'entries': array { $listed[map:contains(., 'anchor')] },
      'relations': array { $listed[map:contains(., 'relation')] },
      'references': array { samizdat:references($tei) }
    }"/>
  </xsl:function>

  <!-- The entries and relations of a document's lists. Only the outermost
       lists are walked: most of a document holds no entries. The lists are
       found in one walk of the document's elements: $tei//(a | b …) has
       saxon-js search the children of every node once for each name (nine
       times here), about 2 ms of the flagship's 55, which holds no entries. -->
  <xsl:function name="samizdat:listed" as="map(*)*">
    <xsl:param name="tei" as="document-node()"/>
    <xsl:variable name="lists" select="$tei/descendant::*[self::listPerson or self::listPlace or self::listOrg or self::listEvent or self::listObject
      or self::listBibl or self::listRelation or self::particDesc or self::settingDesc]"/>
    <xsl:apply-templates select="$lists[not(ancestor::*[. intersect $lists])]" mode="samizdat:entries"/>
  </xsl:function>

  <!-- Everything outside the entries that points at an entry (the header too): what `validate` counts as mentioned. -->
  <xsl:function name="samizdat:references" as="xs:string*">
    <xsl:param name="tei" as="document-node()"/>
    <xsl:sequence select="distinct-values(
      for $e in $tei//*[@ref or @key or @corresp or @sameAs or @who][not(ancestor-or-self::*[samizdat:is-entry(.)])]
      return samizdat:entity-targets($e)[?kind = 'entry']?anchor)"/>
  </xsl:function>
</xsl:stylesheet>
