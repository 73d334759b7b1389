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
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns="http://www.tei-c.org/ns/1.0"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <xsl:include href="transcr.xsl"/>
  <xsl:include href="gaiji.xsl"/>
  <xsl:include href="spoken.xsl"/>
  <xsl:include href="dictionary.xsl"/>
  <xsl:include href="bibl.xsl"/>
  <xsl:include href="register.xsl"/>
  <xsl:include href="msdesc.xsl"/>
  <xsl:include href="tagdocs.xsl"/>
  <xsl:include href="notes.xsl"/>
  <xsl:include href="resp.xsl"/>
  <xsl:include href="dates.xsl"/>
  <xsl:include href="nets.xsl"/>
  <xsl:include href="pointers.xsl"/>

  <!-- Elements by xml:id, for pointers within the document. -->
  <!-- Not an example's (egXML, common/tagdocs.xsl): its ids are the markup it shows, not the document's. -->
  <xsl:key name="samizdat:id" match="*[@xml:id][not(ancestor::Q{http://www.tei-c.org/ns/Examples}egXML)]" use="string(@xml:id)"/>

  <xsl:variable name="samizdat:tei-ns" as="xs:string" select="'http://www.tei-c.org/ns/1.0'"/>

  <!-- Elements that, holding no other such element, are one block of reading text. -->
  <xsl:variable name="samizdat:block-names" as="xs:string*" select="(
    'p', 'ab', 'head', 'l', 'speaker', 'stage', 'item', 'label', 'titlePart', 'docAuthor',
    'docDate', 'docImprint', 'docEdition', 'byline', 'dateline', 'salute', 'signed', 'trailer',
    'castItem', 'bibl', 'biblStruct', 'biblFull', 'row', 'addrLine', 'sp', 'lg', 'list', 'table', 'quote', 'opener',
    'closer', 'argument', 'epigraph', 'castList', 'castGroup', 'listBibl', 'figure', 'cit',
    'div', 'div0', 'div1', 'div2', 'div3', 'div4', 'div5', 'div6', 'div7', 'titlePage',
    'docTitle', 'front', 'body', 'back', 'group', 'text', 'floatingText', 'postscript',
    'egXML', 'eg', 'sourceDoc', 'surfaceGrp', 'surface', 'zone', 'line', 'u', 'entry', 'entryFree', 'superEntry',
    'tree', 'forest', 'listForest', 'graph',
    $samizdat:ms-blocks)"/>
  <!-- The same names as map keys: asking whether a name is one of them is then one lookup, not sixty
       string comparisons (saxon-js asks it of every element of the text, and of every ancestor of a mention). -->
  <xsl:variable name="samizdat:block-name-set" as="map(xs:string, xs:boolean)" select="map:merge($samizdat:block-names ! map { .: true() })"/>

  <!-- Elements whose words never run on into a neighbour's: the blocks that stand only between
       sentences (paragraphs, verse, headings, lists, tables, cells …), not those that may also stand
       inside one (quote, bibl, cit, figure, stage, docAuthor, docDate …), where a neighbour may be
       punctuation. Where the encoding puts no white space between such an element and what is next to
       it, the plain text, the search records, mention contexts and a phrase on the page put a space.
       text.xsl's inline templates for them (the same names, lb, pb and cb besides) list them too (a change here is a change there).
       An inline list's items run in their sentence: one separates only where it is set against the entry before it
       (samizdat:list-gap). -->
  <xsl:variable name="samizdat:separating-set" as="map(xs:string, xs:boolean)" select="map:merge((
    'cell', 'l', 'item', 'label', 'p', 'ab', 'head', 'lg', 'sp', 'speaker', 'row', 'list', 'table',
    'titlePage', 'docTitle', 'titlePart', 'docImprint', 'byline', 'dateline', 'salute', 'signed', 'trailer', 'addrLine',
    'castList', 'castGroup', 'castItem', 'opener', 'closer', 'argument', 'epigraph', 'postscript',
    'div', 'div0', 'div1', 'div2', 'div3', 'div4', 'div5', 'div6', 'div7', 'front', 'body', 'back', 'group', 'text', 'floatingText',
    'sourceDoc', 'surfaceGrp', 'surface', 'zone', 'line', 'u', 'entry', 'entryFree', 'superEntry',
    $samizdat:ms-blocks) ! map { .: true() })"/>
  <!-- The place of node $n in $nodes (by identity, not by value), or () where it is not among them. Not through
       generate-id(): saxon-js makes an id by walking from the node to the root and counting siblings. -->
  <xsl:function name="samizdat:place-of" as="xs:integer?">
    <xsl:param name="n" as="node()"/>
    <xsl:param name="nodes" as="node()*"/>
    <xsl:sequence select="(for $i in 1 to count($nodes) return if ($nodes[$i] is $n) then $i else ())[1]"/>
  </xsl:function>
  <xsl:function name="samizdat:separates" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="(map:contains($samizdat:separating-set, local-name($e))
      and not(local-name($e) = ('list', 'item', 'label') and tokenize(($e/self::list, $e/parent::list)[1]/@rend) = 'inline')
      and not(local-name($e) = 'label' and not($e/parent::list)))
      or (local-name($e) = ('item', 'label') and tokenize($e/parent::list/@rend) = 'inline' and samizdat:list-gap($e))"/>
  </xsl:function>

  <!-- The encoding's quotation declarations, found without searching the document each time. -->
  <xsl:key name="samizdat:quotation" match="quotation" use="'all'"/>

  <!--
    The marks around an inline q, quote, said, soCalled or gloss, or () for none. soCalled: TEI's words "for
    which the author or narrator indicates a disclaiming of responsibility, for example by the use of
    scare quotes or italics", so its marks are those scare quotes, unless a @rend, @rendition or @style
    gives it another rendition. gloss: "a phrase or word used to provide a gloss or definition for some
    other word or phrase", which print sets in single quotation marks (the cat, 'a small feline'): the
    language's inner marks, unless a @rend, @rendition or @style gives it another rendition, as for
    soCalled. @rend decides where given
    (pre(«) post(»), single, double, guillemets; none, block, display for none); none either when the
    encoder declares the source's marks kept in the text (quotation/@marks all or some), for
    indirect speech (@direct false), or when the content already begins with a quotation mark.
    Otherwise the language's marks (outer, inner for a quotation within one).
  -->
  <!-- What @rend says to print before and after an element's words, pre(…) and post(…) (the TEI's own stylesheets'
       convention, as for a quotation's marks above): ('«', '»'), ('', '') when it says neither. -->
  <xsl:function name="samizdat:rend-pre-post" as="xs:string+">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="rend" select="string($e/@rend)"/>
    <xsl:sequence select="(if (matches($rend, 'pre\(([^)]*)\)')) then replace($rend, '^.*pre\(([^)]*)\).*$', '$1', 's') else '',
                           if (matches($rend, 'post\(([^)]*)\)')) then replace($rend, '^.*post\(([^)]*)\).*$', '$1', 's') else '')"/>
  </xsl:function>

  <xsl:function name="samizdat:quote-marks" as="xs:string*">
    <xsl:param name="q" as="element()"/>
    <xsl:variable name="rend" select="string($q/@rend)"/>
    <xsl:variable name="tokens" select="tokenize(lower-case($rend))"/>
    <xsl:variable name="lang" select="lower-case(substring(string($q/ancestor-or-self::*[@xml:lang][1]/@xml:lang), 1, 2))"/>
    <!-- A gloss is set in the inner marks wherever it stands; asked for double marks (@rend), it gets the outer. -->
    <xsl:variable name="gloss" select="exists($q/self::gloss)"/>
    <xsl:variable name="inner" select="if ($gloss) then not($tokens = ('double', 'dq', 'doublequotes'))
      else exists($q/ancestor::*[self::q or self::quote or self::said or self::soCalled][not(samizdat:holds-blocks(.))][not(samizdat:indirect(.))])"/>
    <xsl:variable name="marks" select="
      if ($lang = ('de', 'cs', 'sk')) then (if ($inner) then ('‚', '‘') else ('„', '“'))
      else if ($lang = ('fr', 'ru', 'uk', 'it', 'es', 'pt', 'el', 'no', 'nb')) then (if ($inner) then ('“', '”') else ('«', '»'))
      else if ($lang = 'pl') then (if ($inner) then ('«', '»') else ('„', '”'))
      else if ($inner) then ('‘', '’') else ('“', '”')"/>
    <xsl:choose>
      <xsl:when test="matches($rend, 'pre\(') or matches($rend, 'post\(')">
        <xsl:sequence select="(if (matches($rend, 'pre\(([^)]*)\)')) then replace($rend, '^.*pre\(([^)]*)\).*$', '$1') else '',
                               if (matches($rend, 'post\(([^)]*)\)')) then replace($rend, '^.*post\(([^)]*)\).*$', '$1') else '')"/>
      </xsl:when>
      <xsl:when test="$tokens = ('none', 'noquotes', 'unquoted', 'block', 'display', 'blockquote')"/>
      <xsl:when test="$tokens = ('single', 'sq', 'singlequotes')"><xsl:sequence select="('‘', '’')"/></xsl:when>
      <xsl:when test="$tokens = ('double', 'dq', 'doublequotes', 'quoted', 'inline')"><xsl:sequence select="$marks"/></xsl:when>
      <xsl:when test="$tokens = ('guillemets', 'angle')"><xsl:sequence select="('«', '»')"/></xsl:when>
      <!-- A soCalled or gloss whose rendition is given otherwise (italics, say) is set so, not in quotation marks. -->
      <xsl:when test="($q/self::soCalled or $gloss) and ($q/@rend or $q/@rendition or $q/@style)"/>
      <xsl:when test="key('samizdat:quotation', 'all', root($q))/@marks = ('all', 'some')"/>
      <xsl:when test="samizdat:indirect($q)"/>
      <xsl:when test="matches(string($q), '^\s*[&quot;“”„‘’‚«»‹›''「『]')"/>
      <xsl:otherwise><xsl:sequence select="$marks"/></xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- Whether $q is reported indirectly (said, q: @direct "indicates whether the quoted matter is regarded as direct or
       indirect speech", TEI; false or 0, a boolean): the narrator's words, given no marks, nor counted as marks that a
       quotation within it nests in (its marks are the outer ones). -->
  <xsl:function name="samizdat:indirect" as="xs:boolean">
    <xsl:param name="q" as="element()"/>
    <xsl:sequence select="normalize-space($q/@direct) = ('false', '0')"/>
  </xsl:function>

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
  <!-- P4's target, corresp … are IDREFS; P5's are URI pointers. -->
  <xsl:template match="@target[namespace-uri(..) = ''] | @corresp[namespace-uri(..) = '']" mode="samizdat:to-tei">
    <xsl:attribute name="{local-name()}" select="string-join(for $t in tokenize(normalize-space(.)) return if (matches($t, '^[A-Za-z_][A-Za-z0-9_.-]*$')) then '#' || $t else $t, ' ')"/>
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

  <!-- Whether an inline quotation (q, quote, said) is set against the words beside it with no white space in the
       encoding (samizdat:set-against: "I read:<q>Come at once.</q>So be it."): the page and the plain text put one
       space there, lest "read:“Come" and "once.”So" run together, as the source, which printed the marks, did not. -->
  <xsl:function name="samizdat:quote-gap" as="xs:boolean">
    <xsl:param name="q" as="element()"/>
    <xsl:param name="after" as="xs:boolean"/>
    <xsl:sequence select="exists($q[self::q or self::quote or self::said]) and samizdat:set-against($q, $after) and not(samizdat:holds-blocks($q))"/>
  </xsl:function>
  <!-- Whether $q is a block quotation within a paragraph: a quotation (q, quote, said), or writing (a letter read out,
       "a passage of written text revealed to participants", TEI), holding blocks (verse lines, paragraphs), a child of
       a paragraph that is a block of the text (not one in a note, another paragraph, a quotation or writing, which the
       page sets as words of a phrase). A quotation holding blocks is a block quotation in every
       view: the page sets it apart as a blockquote, without marks, in the flow of its paragraph (a div then: HTML has
       no blockquote in a p); the plain text gives its blocks lines of their own; a search passage reads its words,
       without marks. -->
  <xsl:function name="samizdat:block-quotation" as="xs:boolean">
    <xsl:param name="q" as="element()"/>
    <xsl:sequence select="exists($q[self::q or self::quote or self::said or self::writing][parent::p or parent::ab]) and samizdat:holds-blocks($q)
      and empty($q/../ancestor::*[self::p or self::ab or self::note or self::q or self::quote or self::said or self::writing])"/>
  </xsl:function>

  <!-- The pointers of a @ref, @target …, each resolved. -->
  <xsl:function name="samizdat:pointers" as="xs:string*">
    <xsl:param name="attribute" as="attribute()?"/>
    <xsl:sequence select="for $t in tokenize(normalize-space($attribute)) return samizdat:resolve-pointer($t, $attribute)"/>
  </xsl:function>

  <!-- Elements that stand either between paragraphs or within a sentence (TEI's "inter-level" quotations and
       bibliographic references; a title page's author, date and edition, which a byline or an imprint may
       hold amid its own words; a stage direction, which may stand between speeches or within a verse line
       or a speech's sentence): a block only where no words of their parent stand beside them. -->
  <xsl:variable name="samizdat:in-sentence-names" as="xs:string*" select="('quote', 'bibl', 'biblStruct', 'biblFull', 'cit', 'docAuthor', 'docDate', 'docEdition', 'stage')"/>

  <xsl:function name="samizdat:block-name" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="map:contains($samizdat:block-name-set, local-name($e))
      and not(local-name($e) = ('item', 'label') and $e/parent::list[tokenize(@rend) = 'inline'])
      and not(local-name($e) = 'list' and tokenize($e/@rend) = 'inline')
      and not(local-name($e) = 'label' and not($e/parent::list))
      and not(local-name($e) = $samizdat:in-sentence-names and samizdat:in-sentence($e))
      and not(local-name($e) = 'addrLine' and samizdat:address-in-sentence($e/..))
      or local-name($e) = 'milestone' and samizdat:section-break($e)
      or $e[self::person or self::personGrp or self::place or self::org or self::event or self::object][ancestor::text] (: samizdat:register-entry, written out: asked of every element :)
      or $e[self::eTree or self::triangle][not(parent::eTree or parent::triangle)] (: samizdat:tree-top: a tree is one block, its nodes drawn by common/nets.xsl's users :)"/>
  </xsl:function>

  <!-- A milestone "marks a boundary point separating any kind of section of a text … where the change is not
       represented by a structural element"; @unit, "a conventional name for the kind of section changing at
       this milestone". A section break (a novel's scene break, ELTeC's unit="structural" rend="stars") is one
       that the reader must see: its unit a section of the text (not a reference system: page, line, verse,
       Stephanus, folio …), or its @rend or @type a printed separator (stars, asterism, a rule), and it stands
       between blocks (its parent holds blocks, no words beside it) where the page may set a block: not among
       a list's items or a table's rows. It is then a block itself: a separator on the page, a line of its own
       in the plain text (samizdat:section-mark), nothing in the search records. -->
  <xsl:variable name="samizdat:section-units" as="xs:string*" select="('section', 'subsection', 'structural', 'structure', 'pause',
    'scene', 'chapter', 'part', 'book', 'act', 'canto', 'episode', 'break')"/>
  <xsl:variable name="samizdat:reference-units" as="xs:string*" select="('page', 'line', 'verse', 'stephanus', 'folio', 'leaf',
    'column', 'signature', 'absolute')"/>
  <xsl:function name="samizdat:section-break" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="unit" select="lower-case(normalize-space($e/@unit))"/>
    <xsl:sequence select="exists($e/self::milestone)
      and not($unit = $samizdat:reference-units)
      and ($unit = $samizdat:section-units or exists(samizdat:separator-tokens($e)))
      and not($e/parent::*[self::list or self::table or self::row or self::listBibl or self::castList or self::castGroup])
      and not(samizdat:words-beside($e))
      and (some $c in $e/../*[not(self::milestone or self::note)] satisfies (samizdat:block-name($c) or samizdat:holds-blocks($c)))"/>
  </xsl:function>
  <!-- The @rend and @type tokens of $e that name a printed separator: stars (asterisks, "***"), an asterism, a rule. -->
  <xsl:function name="samizdat:separator-tokens" as="xs:string*">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="tokenize(lower-case(normalize-space(string-join(($e/@rend, $e/@type), ' '))))
      [. = ('stars', 'star', 'asterisks', 'asterisk', 'asterism', 'line', 'rule', 'hr') or matches(., '^\*+$')]"/>
  </xsl:function>
  <!-- The words of a section break, on the page and in the plain text: an asterism where @rend or @type says
       so, "* * *" otherwise; () on the page for a rule, or a section's unit alone (an hr there). -->
  <xsl:function name="samizdat:section-mark" as="xs:string?">
    <xsl:param name="e" as="element()"/>
    <xsl:param name="page" as="xs:boolean"/>
    <xsl:variable name="tokens" select="samizdat:separator-tokens($e)"/>
    <xsl:sequence select="if ($tokens = 'asterism') then '⁂'
      else if (some $t in $tokens satisfies not($t = ('line', 'rule', 'hr'))) then '* * *'
      else if ($page) then () else '* * *'"/>
  </xsl:function>

  <!-- Whether $e, an item or a label of an inline list, is set against what is before it in the list (an item, a
       label, a word) with no white space between: the page, the plain text and the search records put a space
       there, so that the words of two items ("x", "y") do not run together ("xy"). Where the encoding has white
       space or punctuation and white space (", ") between them, that is kept as it is. -->
  <xsl:function name="samizdat:list-gap" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="before" select="$e/preceding-sibling::node()[1]"/>
    <xsl:sequence select="$before instance of element() or ($before instance of text() and not(matches($before, '\s$')))"/>
  </xsl:function>

  <!-- What stands before $e, a measurement of a measureGrp ("a group of dimensional specifications which relate to
       the same object"), set against the one before it with nothing between, which the page and the plain text
       would run together ("2 lb3 oz"): ", ". Nothing where the encoding has white space or words there. -->
  <xsl:function name="samizdat:measure-gap" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="if ($e/parent::measureGrp and $e/preceding-sibling::node()[1] instance of element()) then ', ' else ''"/>
  </xsl:function>

  <!-- Whether $e is an address (TEI: "a postal address", which may stand in running text) within a sentence: words
       of its parent stand beside it, or its parent is a phrase (hi, name, q …: no block). Its lines are then not
       blocks: the plain text and the search records join them with ", " (samizdat:address-gap) rather than
       breaking the sentence; the page sets them in the sentence, a line each, as it does any address in a
       paragraph. An address standing as a block (in an opener or a closer, alone in a paragraph) keeps its lines, as does
       one in the header (publicationStmt …), which the page renders as before. -->
  <xsl:function name="samizdat:address-in-sentence" as="xs:boolean">
    <xsl:param name="e" as="element()?"/>
    <xsl:sequence select="exists($e/self::address[ancestor::text]) and (samizdat:words-beside($e) or not(map:contains($samizdat:block-name-set, local-name($e/..))))"/>
  </xsl:function>
  <!-- What stands before a line of an address within a sentence: ", " after the line before it, a space where that
       line already ends with a comma or a semicolon, nothing before the first or where the encoding has words between. -->
  <xsl:function name="samizdat:address-gap" as="xs:string">
    <xsl:param name="line" as="element()"/>
    <xsl:variable name="previous" select="$line/preceding-sibling::*[1]"/>
    <xsl:variable name="between" select="$line/preceding-sibling::node()[. &gt;&gt; $previous]"/>
    <xsl:sequence select="if (not($previous/self::addrLine) or normalize-space(string-join($between)) != '') then ''
      else if (matches(normalize-space($previous), '[,;]$')) then ' ' else ', '"/>
  </xsl:function>

  <!-- Whether $e is a divGen for a table of contents (type="toc"): the page renders the contents there,
       the plain text has nothing for it (a list of headings with nothing to link to). -->
  <xsl:function name="samizdat:toc" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists($e/self::divGen[lower-case(normalize-space(@type)) = 'toc'])"/>
  </xsl:function>

  <!-- What sets a role description (roleDesc, "describes a character's role in a drama") apart from the role
       or description just before it, which the page and the plain text otherwise run together ("Theseusduke
       of Athens"): ", " where the encoding puts nothing between them, or only white space (a cast list laid
       out on lines of its own: samizdat:role-space gives that white space's place); nothing where it has an
       opening bracket or a dash there, or where the description begins with punctuation of its own (", duke");
       a space after a comma or the like it has there ("Theseus," "duke") or before an opening bracket
       ("(duke"). Nothing after anything else (a castItem before a castGroup's roleDesc is a block of its own). -->
  <xsl:function name="samizdat:role-gap" as="xs:string">
    <xsl:param name="desc" as="element()"/>
    <xsl:variable name="previous" select="$desc/preceding-sibling::*[1]"/>
    <xsl:variable name="between" select="$desc/preceding-sibling::node()[. &gt;&gt; $previous]"/>
    <xsl:sequence select="if (exists($between[not(self::text())]) or (exists($between) and normalize-space(string-join($between)) = '')) then ''
      else samizdat:role-gap-after($previous, samizdat:role-words($previous) || string-join($between), string($desc))"/>
  </xsl:function>
  <!-- A role's (or a description's) words, without the white space it ends with: that white space, the layout
       of the encoding ("<role>
<name>Theseus</name>
</role>"), is left out where ", " follows (samizdat:role-trail). -->
  <xsl:function name="samizdat:role-words" as="xs:string">
    <xsl:param name="e" as="element()?"/>
    <xsl:sequence select="replace(string($e), '\s+$', '')"/>
  </xsl:function>
  <!-- Whether the white space that ends $t, the last text of a role or a description (all of it, or after its words:
       "<role>Theseus </role>"), is left out: ", " follows the element (samizdat:role-gap or samizdat:role-space), and
       "Theseus , duke" would read a space before the comma; or another gap does (a space before an opening bracket,
       "<role>Puck </role><roleDesc>(Robin)</roleDesc>"), or white space before the next description does, and the
       page's source read two spaces ("Puck  (Robin)"). -->
  <xsl:function name="samizdat:role-trail" as="xs:boolean">
    <xsl:param name="t" as="text()"/>
    <xsl:variable name="owner" select="$t/parent::*[self::role or self::roleDesc]"/>
    <xsl:variable name="next" select="$owner/following-sibling::node()[1]"/>
    <xsl:sequence select="exists($owner) and matches($t, '\s$') and empty($t/following-sibling::node())
      and (($next instance of element(roleDesc) and samizdat:role-gap($next) != '')
        or ($next instance of text() and (samizdat:role-space($next) = ', '
          or (normalize-space($next) = '' and exists($next/following-sibling::node()[1][self::roleDesc])))))"/>
  </xsl:function>
  <!-- The white space between a role (or a description) and the description after it, as the reader gets it:
       ", " where samizdat:role-gap would put it had the encoding nothing there, else the white space itself. -->
  <xsl:function name="samizdat:role-space" as="xs:string">
    <xsl:param name="t" as="text()"/>
    <xsl:variable name="desc" select="$t/following-sibling::node()[1][self::roleDesc]"/>
    <xsl:variable name="previous" select="$t/preceding-sibling::node()[1][self::role or self::roleDesc]"/>
    <xsl:sequence select="if (exists($desc) and exists($previous) and normalize-space($t) = ''
      and samizdat:role-gap-after($previous, samizdat:role-words($previous), string($desc)) = ', ') then ', ' else string($t)"/>
  </xsl:function>
  <!-- A text node as the reader reads it: in a cast list, the white space around a role description as the page
       sets it (samizdat:role-space, samizdat:role-trail); beside a line break within a word, joined to it
       (samizdat:word-break-text). The page, the plain text and the mentions' contexts read it. -->
  <xsl:function name="samizdat:cast-text" as="xs:string">
    <xsl:param name="t" as="text()"/>
    <xsl:sequence select="if ($t/parent::castItem or $t/parent::castGroup) then samizdat:role-space($t)
      else if (($t/parent::role or $t/parent::roleDesc) and samizdat:role-trail($t)) then replace($t, '\s+$', '')
      else if (samizdat:beside-word-break($t)) then samizdat:word-break-text($t) else string($t)"/>
  </xsl:function>
  <xsl:function name="samizdat:role-gap-after" as="xs:string">
    <xsl:param name="previous" as="element()?"/>
    <xsl:param name="before" as="xs:string"/>
    <xsl:param name="after" as="xs:string"/>
    <xsl:sequence select="
      if (not($previous[self::role or self::roleDesc]) or normalize-space($previous) = '' or normalize-space($after) = '') then ''
      else if (matches($before, '[\s\p{Ps}\p{Pi}\p{Pd}]$') or matches($after, '^\s')) then ''
      else if (matches($after, '^[\p{Ps}\p{Pi}]')) then ' '
      else if (matches($after, '^\p{P}')) then ''
      else if (matches($before, '\p{Po}$')) then ' '
      else ', '"/>
  </xsl:function>

  <!-- Whether $e, one of samizdat:in-sentence-names, stands within a sentence: words stand beside it, and it
       holds no block, so that a quotation of verse lines in a paragraph still stands apart. -->
  <xsl:function name="samizdat:in-sentence" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="samizdat:words-beside($e) and not(samizdat:holds-blocks($e))"/>
  </xsl:function>
  <!-- Whether the words beside $e (before it, or after it with $after) are set against it with no white space between
       in the encoding: before it, text that ends in a word or a closing mark (not a dash, which closes up to what it
       sets off); after it, text that begins with a word or an opening bracket or quotation mark, never punctuation
       that follows ("Come at once.", with a comma after). What
       stands in a sentence set apart by its rendering (a stage direction amid the words of a line or a sentence,
       samizdat:in-sentence; writing; a quotation) gets one space there on the page and in the plain text, lest its
       words and the sentence's run together ("(rising)with", "read:“Come"). -->
  <xsl:function name="samizdat:set-against" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:param name="after" as="xs:boolean"/>
    <xsl:variable name="next" select="if ($after) then $e/following-sibling::node()[1] else $e/preceding-sibling::node()[1]"/>
    <xsl:sequence select="$next instance of text()
      and (if ($after) then matches($next, '^[\p{L}\p{N}\p{Ps}\p{Pi}]') and not(matches($e, '\s$')) else matches($next, '[^\s\p{Ps}\p{Pi}\p{Pd}]$') and not(matches($e, '^\s')))"/>
  </xsl:function>
  <!-- Whether $e's parent has words of its own (not only white space) beside its children; for the quotation
       and reference a cit pairs, whether the cit's parent has. A dictionary entry's sense or other part runs on
       as one sentence of its parts (common/dictionary.xsl): an example quoted there stands among its words. -->
  <xsl:function name="samizdat:words-beside" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists($e/../text()[normalize-space()]) or ($e/parent::cit and samizdat:words-beside($e/..))
      or exists($e/parent::*[local-name() = $samizdat:entry-parts])"/>
  </xsl:function>

  <!-- A block that contains no other block (notes and their contents do not count). -->
  <xsl:function name="samizdat:leaf-block" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="samizdat:block-name($e) and not(samizdat:holds-blocks($e))"/>
  </xsl:function>

  <!-- A prologue, epilogue or setting (set: "a description of the setting, time, locale, appearance, etc., of the
       action of a play", TEI) without a head: what it is, for a reader to see before it, or () when it is headed. -->
  <xsl:function name="samizdat:drama-label" as="xs:string?">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="if (exists($e/head)) then () else map { 'prologue': 'Prologue', 'epilogue': 'Epilogue', 'set': 'Setting' }(local-name($e))"/>
  </xsl:function>

  <!-- Whether $e is writing ("a passage of written text revealed to participants in the course of a spoken text",
       TEI: a letter read out, a scroll) standing between a play's blocks (in a speech, beside its speaker's words
       even where it has no other block, a division, a group of lines, a prologue, an epilogue, a setting), which the
       page sets apart as a block (samizdat.css): the plain text and the search records, walking the blocks, make it
       one of its own too, rather than run it into the words beside it. Within a line or a paragraph it is words of
       the line, set apart from them by a space where the encoding has none (samizdat:writing-gap). -->
  <xsl:function name="samizdat:writing-apart" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists($e/self::writing[parent::sp or parent::div or parent::lg or parent::body or parent::front or parent::back
      or parent::prologue or parent::epilogue or parent::set or parent::div0 or parent::div1 or parent::div2 or parent::div3
      or parent::div4 or parent::div5 or parent::div6 or parent::div7])"/>
  </xsl:function>

  <xsl:function name="samizdat:holds-blocks" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <!-- Child by child rather than $e//* except …: saxon-js builds and sorts both sets on every call; this stops at the first block. -->
    <!-- An example's elements (egXML) are the markup it shows, not blocks of the text (common/tagdocs.xsl). -->
    <xsl:sequence select="local-name($e) != 'egXML' and (some $c in $e/*[not(self::note)] satisfies (samizdat:block-name($c) or samizdat:holds-blocks($c)))"/>
  </xsl:function>

  <!-- Text of the structure: an element that is a block, or holds one. The walks of text.xsl and records.xsl
       write it out in their group-adjacent (a change here is a change there). -->
  <xsl:function name="samizdat:structural" as="xs:boolean">
    <xsl:param name="n" as="node()"/>
    <xsl:sequence select="$n instance of element() and not($n/self::note) and (samizdat:block-name($n) or samizdat:holds-blocks($n))"/>
  </xsl:function>
</xsl:stylesheet>
