/**
 * Costs of saxon-js that grow with the stylesheet or with the text rather
 * than with the work asked of it, removed by editing its script as it is
 * loaded (saxon-js 2.7, SaxonJS2N.js; found with `node --cpu-prof` on the
 * flagship's page and rules, 2-core EPYC):
 *
 * - every transform starts by walking the whole compiled stylesheet (the SEF
 *   tree) three times, to find its packages and its global context item:
 *   about 20 of the 53 ms of the flagship's page, warm. The walks find the
 *   same nodes every time for the same SEF object (samizdat keeps each SEF
 *   parsed once), so their results are kept per SEF tree;
 * - every comparison of two strings copies both into arrays of characters
 *   to learn whether either holds a character beyond the Basic Multilingual
 *   Plane; a regular expression answers without copying;
 * - every name test on an element builds and checks the element's QName
 *   anew; it is kept on the element;
 * - every step along the attribute axis makes a node, and its QName, anew
 *   for each attribute; the node is kept on the DOM attribute;
 * - accumulator-before(), accumulator-after() and key() gather the
 *   namespaces in scope on every call; the map is kept per SEF node;
 * - the descendant axis nests one iterator per level of the tree, so each
 *   step of a // or of a key's index costs as much as the node is deep; it
 *   follows the tree's links instead;
 * - string-length() and substring() copy the string into an array of code
 *   points; a string without surrogates is measured and cut directly;
 * - every regular expression is translated from XPath's syntax to
 *   JavaScript's on every call; the translation is kept per pattern and
 *   flags;
 * - `castable as` throws and catches an error for every failed cast, with a
 *   stack trace captured for it; it is tried with none;
 * - every atomic value asserts its type code with a regular expression made
 *   anew; the assertion is left out;
 * - every call of a user function runs its body; one samizdat marked
 *   (declared cache="yes") answers a call it has answered before in the
 *   same transform from what it gave then;
 * - the JSON serializer escapes each string a character at a time (the
 *   search records' text, found on a novel's records.xsl); the characters
 *   to escape are replaced at once;
 * - every SEF is checked against its checksum before its first run, a walk
 *   over the whole tree; a SEF samizdat produced itself and vouches for
 *   (stylesheet.ts) is not walked;
 * - the lookup operator (`?*`, `?name`, `?3`) copies what it gathered so
 *   far for every array or map it reads, the square of their number; it
 *   appends instead;
 * - a key's index is a hash trie walked character by character of each
 *   value, a node made per character; it is a JavaScript Map;
 * - a key whose `use` is `local-name()` (the rules' name indexes) evaluates
 *   it for every node through the expression tree; the name is read;
 * - every run of a stylesheet draws new ids for its keys, so a tree kept
 *   from one run to the next (the register every document of an edition
 *   points into) is indexed again by every run; a key whose index depends
 *   on nothing but the tree keeps one id for the stylesheet, and its index
 *   serves the next runs;
 * - a union pattern (`a | b | c`) tests its alternatives one after the
 *   other; each run of element names in it is one look-up in a map;
 * - every comparison builds its comparer anew from the SEF's code; one
 *   that does not depend on the context is kept per code;
 * - every name test reads its kind from its object and calls QName's
 *   equals() with its class checks; it compares the names' fields;
 * - every XDM map is a trie of its keys' hashes, a node per character;
 *   it is a JavaScript Map, read in the trie's order;
 * - every comparison of two strings (every string key found in a map)
 *   looks for characters beyond the BMP in both; equal strings, and
 *   strings that differ first at a character of the BMP, are compared at
 *   once.
 * - generate-id() walks from the node to the root counting siblings on
 *   every call; the id is kept per node.
 *
 * A patch whose text is not found exactly once (another saxon-js) is left
 * out and the script runs as shipped: slower, never different. The test
 * suite checks that each applies to the saxon-js samizdat depends on, and
 * that patched and unpatched saxon-js give the same results.
 */

/** One edit of a script's text: `from` must occur exactly once. */
export interface SourcePatch {
  name: string;
  from: string;
  to: string;
  /** Declarations the replacement needs, put at the top of the module (inside its CommonJS wrapper). */
  prelude?: string;
}

/**
 * What concat gave, appended in place: an array (a sequence) item by item,
 * anything else whole. Shared by the lookup patches (a prelude given by
 * several patches is written once).
 */
/**
 * The prefix of the ids of the keys whose index depends on the tree alone
 * (`pure-key-indexes-kept`): an index filed under such an id may serve
 * every later run of the same stylesheet on the same tree; any other is of
 * use to its own run only (see `forgetRunIndexes` in saxon.ts).
 */
export const KEPT_KEY_PREFIX = 'samizdat-kept:';

const APPEND_PRELUDE = 'function samizdatAppend(to,items){if(Array.isArray(items))for(let i=0;i<items.length;i++)to.push(items[i]);else to.push(items)}';

/**
 * Contexts made without what they throw away. saxon-js makes a new dynamic
 * context for every call of a function, every template, every xsl:iterate
 * step, every predicate with a focus of its own…: `newContext` runs the
 * constructor of a fresh context, which allocates about fifteen objects
 * (two hash-trie maps of parameters, each with its own comparison object;
 * the arrays of output URIs, regex groups, local variables; the objects of
 * the current mode, message counts, fixed part), then overwrites every one
 * of them with its parent's or with new ones. The flagship's page and entity
 * data make ~10,500 contexts a run (counted), ~160,000 objects thrown away,
 * while the collector took a fifth of the run's time. The constructor, asked by `newContext`
 * (a first argument saxon-js never passes elsewhere), leaves those fields
 * null, in the same order, for newContext to set; every other context is
 * made as before.
 */
const CONTEXT_PATCHES: readonly SourcePatch[] = [
  {
    name: 'contexts-made-bare',
    from:
      'class rf{constructor(){this.depth=0;this.masterDocument=this.g=this.resultDocument=this.currentComponent=this.focus=null;this.tempOutputState=!1;' +
      'this.outputURIs=[];this.fixed={md:null,nd:[],Ga:null};this.localParams=new lc;this.tunnelParams=new lc;this.currentTemplate=null;this.currentMode={};' +
      'this.currentMergeGroup=this.currentGroupingKey=this.currentGroup=this.currentEvent=this.currentError=null;this.regexGroups=[];this.useAccumulators=null;' +
      'this.localVars=[];this.messageCounts={};this.b=null}',
    // The same fields made in the same order (a chained assignment makes
    // its rightmost first), so that both kinds of context share one shape.
    to:
      'class rf{constructor(samizdatBare){this.depth=0;this.masterDocument=this.g=this.resultDocument=this.currentComponent=this.focus=null;this.tempOutputState=!1;' +
      'if(!0===samizdatBare){this.outputURIs=null;this.fixed=null;this.localParams=null;this.tunnelParams=null;this.currentTemplate=null;this.currentMode=null;' +
      'this.currentMergeGroup=this.currentGroupingKey=this.currentGroup=this.currentEvent=this.currentError=null;this.regexGroups=null;this.useAccumulators=null;' +
      'this.localVars=null;this.messageCounts=null;this.b=null;return}' +
      'this.outputURIs=[];this.fixed={md:null,nd:[],Ga:null};this.localParams=new lc;this.tunnelParams=new lc;this.currentTemplate=null;this.currentMode={};' +
      'this.currentMergeGroup=this.currentGroupingKey=this.currentGroup=this.currentEvent=this.currentError=null;this.regexGroups=[];this.useAccumulators=null;' +
      'this.localVars=[];this.messageCounts={};this.b=null}',
  },
  {
    name: 'new-contexts-bare',
    // newContext sets every field the bare constructor leaves null (g stays null, as the full one leaves it).
    from: 'newContext(a){const b=new rf;',
    to: 'newContext(a){const b=new rf(!0);',
  },
];

/**
 * XDM maps (and the indexes of for-each-group, distinct-values(), keys)
 * kept in a JavaScript Map. saxon-js keeps each in a trie of the characters
 * of each key's hash (a key of up to six characters is its own hash): every
 * look-up walks a node per character, and every map made, by a `map {}`
 * or map:merge() (a map per mention and per entry on the flagship's page),
 * allocates two objects and an array per character of each key; reading
 * them all recursed over the nodes with `for in`. The maps, their look-ups
 * and their merges were about 7% of the flagship's page, and their garbage
 * a part of the collector's fifth.
 *
 * The entries are kept in a Map from hash to the entries of that hash (in
 * the trie's order within a node). What is observable of the trie is the
 * order in which its entries are read (map:keys(), serialization, merges):
 * depth first, a node's own entries before its children's, the children
 * of a node in the order of an object's keys: the digits first, ascending,
 * then the other characters in the order their nodes were made. A node is
 * made when the first hash through it is put in, and never unmade (a
 * removed entry leaves its nodes), so the order is that of the hashes ever
 * put in, sorted once by that rule when the map is first read (and again
 * only after a new hash): each hash's place is given by the first
 * character where it differs from another, and by which of the two
 * prefixes came first. The test suite compares the keys' order with
 * unpatched saxon-js on maps with digits, long keys, removals and puts.
 * A map made without a comparison of its own takes the one all share
 * (`e`, the prototype's: the same two functions saxon-js copied for each,
 * never written to; a key's or a grouping's index sets its own). The
 * trie's node ids were never read.
 */
const MAP_PATCHES: readonly SourcePatch[] = [
  {
    name: 'hash-trie-in-a-js-map',
    from:
      'const lc=function(){function a(l,z){if(""===z)return l.Va;const v=z.charAt(0);return l.ra.hasOwnProperty(v)?a(l.ra[v],z.substring(1)):[]}function b(l,' +
      'z){const v=a(l,l.la.hash(z));for(let G=0;G<v.length;G++)if(l.la.Fc(v[G].k,z))return v[G];return null}function h(l,z,v,G){if(""===G){for(G=0;G<l.Va.len' +
      'gth;G++)if(l.la.Fc(l.Va[G].k,z)){l.Va[G]={k:z,v};return}l.Va.push({k:z,v})}else{const p=G.charAt(0);let f;l.ra.hasOwnProperty(p)?f=l.ra[p]:(f=new q(l.' +
      'la),f.id=g++,l.ra[p]=f);h(f,z,v,G.substring(1))}}function A(l,\nz,v,G){const p=new q(l.la);let f=!1;if(""===G)p.Va=l.Va.map(function(D){return l.la.Fc(' +
      'D.k,z)?(f=!0,{k:z,v}):D}),f||p.Va.push({k:z,v}),p.ra=l.ra;else{const D=G.charAt(0);for(var I in l.ra)l.ra.hasOwnProperty(I)&&(I===D?(p.ra[I]=A(l.ra[I]' +
      ',z,v,G.substring(1)),f=!0):p.ra[I]=l.ra[I]);f||(I=new q(l.la),I=A(I,z,v,G.substring(1)),p.ra[D]=I);p.Va=l.Va}return p}function P(l,z,v){const G=new q(' +
      'l.la);if(""===v)G.Va=l.Va.filter(function(p){return!l.la.Fc(p.k,z)}),G.ra=l.ra;else{const p=v.charAt(0);for(const f in l.ra)l.ra.hasOwnProperty(f)&&\n(' +
      'G.ra[f]=f===p?P(l.ra[f],z,v.substring(1)):l.ra[f]);G.Va=l.Va}return G}function q(l){this.Va=[];this.ra={};this.la=l||{hash:e.hash,Fc:e.Fc}}let g=0,e={' +
      'hash:function(l){return l.hashCode()},Fc:function(l,z){try{return l.isNumeric()?l.Qg(z):l.equals(z)&&(void 0!==l.ta&&null!==l.ta)===(void 0!==z.ta&&nu' +
      'll!==z.ta)}catch(v){return!1}}};q.prototype={Va:[],ra:{},la:e,containsKey:function(l){return null!==b(this,l)},get:function(l){l=b(this,l);return null' +
      '===l?[]:l.v},evaluate:function(l){l=b(this,l[0][0]);\nreturn null===l?Tb:Pb(l.v)},inSituPut:function(l,z){h(this,l,z,this.la.hash(l))},put:function(l,z' +
      '){return A(this,l,z,this.la.hash(l))},remove:function(l){return P(this,l,this.la.hash(l))},forAllPairs:function(l){this.Va.forEach(l);for(let z in thi' +
      's.ra)this.ra.hasOwnProperty(z)&&this.ra[z].forAllPairs(l)},keys:function(){const l=[];this.forAllPairs(function(z){l.push(z.k)});return l},conforms:fu' +
      'nction(l,z,v){const G=this;return Pb(G.keys()).every(function(p){let f=G.get(p);return l(p)&&v(f.length)&&\nPb(f).every(z)})},showValue:function(){let ' +
      'l="HashTrie map{",z="";this.forAllPairs(function(v){l+=z;z=", ";l+=Aa.showValue(v.k);l+=": ";l+=Aa.showValue(v.v)});return l+="}"}};return q}();',
    to:
      'const lc=function(){function samizdatHash(l,z){const G=l.la.hash(z);if("string"===typeof G)return G;let s="";if(null!=G)for(let i=0;i<G.length;i++)s+=' +
      'G.charAt(i);return s}function b(l,z){if(null===l.m)return null;const v=l.m.get(samizdatHash(l,z));if(void 0===v)return null;for(let G=0;G<v.length;G++' +
      ')if(l.la.Fc(v[G].k,z))return v[G];return null}function samizdatOrder(l){if(null!==l.o)return l.o;const hs=l.hs;if(2>hs.length)return l.o=hs.slice();le' +
      't first=null;const made=function(p){if(32>=hs.length){for(let j=0;;j++)if(hs[j].startsWith(p))return j}if(null===first){first=new Map;for(let j=0;j<hs' +
      '.length;j++){const s=hs[j];for(let n=1;n<=s.length;n++){const p=s.slice(0,n);first.has(p)||first.set(p,j)}}}return first.get(p)};return l.o=hs.slice()' +
      '.sort(function(x,y){const n=Math.min(x.length,y.length);let i=0;for(;i<n&&x.charCodeAt(i)===y.charCodeAt(i);i++);if(i===x.length)return-1;if(i===y.len' +
      'gth)return 1;const c=x.charCodeAt(i),d=y.charCodeAt(i),dc=48<=c&&57>=c,dd=48<=d&&57>=d;return dc&&dd?c-d:dc?-1:dd?1:made(x.slice(0,i+1))-made(y.slice(' +
      '0,i+1))})}function samizdatCopy(l){const p=new q(l.la);null!==l.m&&(p.m=new Map(l.m),p.hs=l.hs.slice(),p.o=l.o);return p}function q(l){this.la=l||e;th' +
      'is.m=null;this.hs=null;this.o=null}let e={hash:function(l){return l.hashCode()},Fc:function(l,z){try{return l.isNumeric()?l.Qg(z):l.equals(z)&&(void 0' +
      '!==l.ta&&null!==l.ta)===(void 0!==z.ta&&null!==z.ta)}catch(v){return!1}}};q.prototype={la:e,containsKey:function(l){return null!==b(this,l)},get:funct' +
      'ion(l){l=b(this,l);return null===l?[]:l.v},evaluate:function(l){l=b(this,l[0][0]);\nreturn null===l?Tb:Pb(l.v)},inSituPut:function(l,z){const G=samizda' +
      'tHash(this,l);null===this.m&&(this.m=new Map,this.hs=[]);const v=this.m.get(G);if(void 0===v){this.m.set(G,[{k:l,v:z}]);this.hs.push(G);this.o=null;re' +
      'turn}for(let p=0;p<v.length;p++)if(this.la.Fc(v[p].k,l)){v[p]={k:l,v:z};return}v.push({k:l,v:z})},put:function(l,z){const G=samizdatHash(this,l),p=sam' +
      'izdatCopy(this);null===p.m&&(p.m=new Map,p.hs=[]);const v=p.m.get(G);if(void 0===v){p.m.set(G,[{k:l,v:z}]);p.hs.push(G);p.o=null;return p}let f=!1;con' +
      'st D=v.map(function(I){return p.la.Fc(I.k,l)?(f=!0,{k:l,v:z}):I});f||D.push({k:l,v:z});p.m.set(G,D);return p},remove:function(l){const G=samizdatHash(' +
      'this,l),p=samizdatCopy(this),v=null===p.m?void 0:p.m.get(G);void 0!==v&&p.m.set(G,v.filter(function(f){return!p.la.Fc(f.k,l)}));return p},forAllPairs:' +
      'function(l){if(null===this.m)return;const z=samizdatOrder(this);for(let v=0;v<z.length;v++)this.m.get(z[v]).forEach(l)},keys:function(){const l=[];thi' +
      's.forAllPairs(function(z){l.push(z.k)});return l},conforms:function(l,z,v){const G=this;return Pb(G.keys()).every(function(p){let f=G.get(p);return l(' +
      'p)&&v(f.length)&&\nPb(f).every(z)})},showValue:function(){let l="HashTrie map{",z="";this.forAllPairs(function(v){l+=z;z=", ";l+=Aa.showValue(v.k);l+="' +
      ': ";l+=Aa.showValue(v.v)});return l+="}"}};return q}();',
  },
  {
    name: 'equal-strings-compared-at-once',
    from: 'function Ga(a,b){if(Ha(a)||Ha(b)){',
    // Comparing two strings (every string key found in a map, every eq)
    // first tested each for a character beyond the BMP, a regular
    // expression over both, before comparing them: 2.7% of the flagship's
    // page, nearly all of it map look-ups, whose keys are equal (or share
    // a hash: the hash of a long string reads every other character).
    // Equal strings compare equal however they are compared. Two that
    // differ first at a character that is no surrogate on either side
    // compare by it in UTF-16 and by code point alike: what comes before
    // is the same code points in both, and a character that is not a low
    // surrogate begins a code point of its own. Any other pair (one a
    // prefix of the other, or a surrogate where they differ) is compared
    // as before.
    to: 'function Ga(a,b){if(a===b)return 0;if("string"===typeof a&&"string"===typeof b){const n=Math.min(a.length,b.length);let i=0;' +
      'for(;i<n&&a.charCodeAt(i)===b.charCodeAt(i);i++);if(i<n){const x=a.charCodeAt(i),y=b.charCodeAt(i);' +
      'if((55296>x||57343<x)&&(55296>y||57343<y))return x<y?-1:1}}if(Ha(a)||Ha(b)){',
  },
];

export const SAXON_PATCHES: readonly SourcePatch[] = [
  {
    name: 'sef-walks-kept',
    from: 'function H(X,V,ha){X.N===V&&ha(X);X.C&&X.C.forEach(function(w){H(w,V,ha)})}',
    // The same visits in the same order (depth first, the node before its
    // children), from a list made on the first walk of this tree for this name.
    to:
      'function H(X,V,ha){let byName=samizdatWalks.get(X);byName||samizdatWalks.set(X,byName=new Map);let found=byName.get(V);' +
      'if(!found){found=[];(function walk(n){n.N===V&&found.push(n);n.C&&n.C.forEach(walk)})(X);byName.set(V,found)}for(const n of found)ha(n)}',
    prelude: 'const samizdatWalks=new WeakMap();',
  },
  {
    name: 'astral-test-without-copy',
    from: 'function Ha(a){return Array.from(a).some(b=>65535<b.codePointAt(0))}',
    // A character outside the BMP is a surrogate pair in a JavaScript string; a lone surrogate is not one.
    to: 'function Ha(a){return"string"===typeof a?/[\\uD800-\\uDBFF][\\uDC00-\\uDFFF]/.test(a):Array.from(a).some(b=>65535<b.codePointAt(0))}',
  },
  {
    name: 'regex-translations-kept',
    from: 'prepareRegex:b,',
    // An XPath regular expression is translated to JavaScript's syntax on
    // every call of matches(), replace(), tokenize() (about 2 ms of the
    // flagship's page). The translation depends on the pattern and flags
    // alone where the input has no character beyond the BMP; it is kept,
    // and each call still gets a RegExp of its own (a "g" one has state).
    // replace() passes a fourth argument, a callback the translation calls
    // once with the number of groups in the pattern (to check $1..$9 in the
    // replacement): that number is kept with the translation and given to
    // the callback of every call (replace() was translated anew on every
    // call: 0.15 ms of the flagship's edition rules, a prefixDef's pattern
    // applied to each reg: pointer).
    to: 'prepareRegex:samizdatKeptRegex(b),',
    prelude:
      'function samizdatKeptRegex(translate){const kept=new Map();return function(g,e,l=null,z=null){' +
      'if((z!==null&&"function"!==typeof z)||"string"!==typeof g||(null!==l&&/[\\uD800-\\uDBFF][\\uDC00-\\uDFFF]/.test(String(l))))return translate(g,e,l,z);' +
      'const key=(e?e.toString():"")+"\\u0000"+g;let k=kept.get(key);' +
      'if(void 0===k){let groups;const r=translate(g,e,l,n=>{groups=n;null!==z&&z(n)});if(!(r instanceof RegExp))return r;' +
      'k={r,groups};kept.size>=4096&&kept.clear();kept.set(key,k)}else null!==z&&void 0!==k.groups&&z(k.groups);' +
      'return new RegExp(k.r.source,k.r.flags)}}',
  },
  {
    name: 'element-names-kept',
    from: 'switch(q.nodeType){case 1:return b.QName.fromParts(q.prefix,\nq.namespaceURI,q.localName);case 2:',
    // Every name test on an element built a new QName, checking its prefix
    // and local name against the NCName grammar with a regular expression:
    // for every element of every path step. An element's name does not
    // change, so its QName is kept on it (attributes already keep theirs).
    to: 'switch(q.nodeType){case 1:return q.samizdatQName||(q.samizdatQName=b.QName.fromParts(q.prefix,\nq.namespaceURI,q.localName));case 2:',
  },
  {
    name: 'attribute-nodes-kept',
    from: 'l.push(new ec(b.QName.fromParts(g[z].prefix,g[z].namespaceURI,g[z].localName),g[z].value,q))}return Pb(l)}return Tb}',
    // Every step along the attribute axis (every @x of every path, every
    // match on an attribute, the attributes of each element copied) made a
    // node anew for each attribute of the element, with a QName built and
    // its parts checked against the NCName grammar by regular expressions:
    // 0.4 s of a thread's 10 s over the bench corpus's rules, and garbage.
    // The node made for a DOM attribute is kept on it and given again while
    // it still stands for it (same element, same value); saxon-js compares
    // attribute nodes by parent and name, not by identity, so a node given
    // twice is the node it would have made.
    to: 'l.push(samizdatAttributeNode(g[z],q,ec,b.QName))}return Pb(l)}return Tb}',
    prelude:
      'function samizdatAttributeNode(a,parent,Node,QName){const kept=a.samizdatNode;' +
      'if(void 0!==kept&&kept.parent===parent&&kept.value===a.value)return kept;' +
      'return a.samizdatNode=new Node(QName.fromParts(a.prefix,a.namespaceURI,a.localName),a.value,parent)}',
  },
  {
    name: 'namespace-maps-kept',
    from: 'function O(k,F){const T=ma(k);',
    // accumulator-before(), accumulator-after() and key() resolve the name
    // they are given with the namespaces in scope where they are called,
    // which were gathered anew (climbing the SEF tree, splitting its
    // declarations) on every call; the map is only read, so it is kept per
    // SEF node.
    to: 'function O(k,F){let T=k&&"object"===typeof k?samizdatNamespaceMaps.get(k):void 0;void 0===T&&(T=ma(k),k&&"object"===typeof k&&samizdatNamespaceMaps.set(k,T));',
    prelude: 'const samizdatNamespaceMaps=new WeakMap();',
  },
  {
    name: 'descendants-flat',
    from: 'gf:function(q){return A.wa(q).mapOneToMany(function(g){return A.he(g)})}',
    // The descendant axis (every //, every key index, every xsl:number
    // level="any") was a tree of nested iterators, one per level: each
    // step went through as many iterators as the node was deep, each
    // allocated anew per node. The same nodes in the same order (depth
    // first, a node before its children) by following the tree's links;
    // a document node's own children are filtered as the child axis does.
    to: 'gf:function(q){return samizdatDescendants(Hb,q,A.wa(q).next())}',
    prelude:
      'function samizdatDescendants(Hb,root,first){const atTop=9===root.nodeType;' +
      'const hidden=n=>atTop&&n.parentNode===root&&(3===n.nodeType||4===n.nodeType||7===n.nodeType&&"xml"===n.target);' +
      'return new Hb(first,function(n){let c=n.firstChild;if(c)return c;for(;;){c=n.nextSibling;for(;c&&hidden(c);)c=c.nextSibling;' +
      'if(c)return c;n=n.parentNode;if(!n||n===root)return null}})}',
  },
  {
    name: 'string-length-without-copy',
    from: '"string-length":function(c){return Zb(Ia(b(c[0])).length)}',
    // string-length() copied the string into an array of code points to
    // count them; without surrogates, code points are UTF-16 code units.
    to: '"string-length":function(c){const s=b(c[0]);return Zb(/[\\uD800-\\uDFFF]/.test(s)?Ia(s).length:s.length)}',
  },
  {
    name: 'substring-without-copy',
    from:
      'substring:function(c){var d=Math.round(c[1].next().toNumber());const n=c[2]?d+Math.round(c[2].next().toNumber()):Number.POSITIVE_INFINITY;' +
      'c=new Rb(b(c[0])[Symbol.iterator]());\nd=new Sb(c,d,n);return Yb(d.expand().join(""))}',
    // substring() walked the string code point by code point; without
    // surrogates it is the characters at positions p with
    // round($start) <= p < round($start) + round($length), as before
    // (a NaN bound makes from < to false: nothing).
    to:
      'substring:function(c){var d=Math.round(c[1].next().toNumber());const n=c[2]?d+Math.round(c[2].next().toNumber()):Number.POSITIVE_INFINITY;' +
      'const s=b(c[0]);if("string"===typeof s&&!/[\\uD800-\\uDFFF]/.test(s)){' +
      'const from=Math.max(d,1)-1,to=Math.min(n,s.length+1)-1;return Yb(from<to?s.substring(from,to):"")}' +
      'c=new Rb(s[Symbol.iterator]());\nd=new Sb(c,d,n);return Yb(d.expand().join(""))}',
  },
  {
    name: 'options-described-when-logged',
    from: 'Aa.Qa((E?"Synchronous":"Asynchronous")+" transform with options: "+P(x),2,x.logLevel);',
    // Every transform described its options for a log line of level 2,
    // printed only when the log level is 2 or more (the options' own, else
    // saxon-js's; 1 by default) but built every time: the description calls
    // toString() on each option, which serializes a source given as a tree
    // whole, to keep 30 characters of it (0.6 ms of the flagship's rules,
    // a third of a transform that does nothing; 20 ms for a novel). It is
    // built only when it is printed, under the test saxon-js makes itself.
    to: '2<=(x.logLevel||Aa.getLogLevel())&&Aa.Qa((E?"Synchronous":"Asynchronous")+" transform with options: "+P(x),2,x.logLevel);',
  },
  {
    name: 'key-index-filled-once-per-value',
    from: 'ja=function(Y,y){H.containsKey(Y)?0>H.get(Y).indexOf(y)&&(H.get(Y).push(y),1<O.Dd.length&&H.get(Y).sort(I.fb)):H.inSituPut(Y,[y])};',
    // Filling a key's index looked each value up three times per node (is
    // it there, get it to search it, get it to add to it) and searched the
    // whole list of nodes already indexed under it for the node: quadratic
    // in the nodes sharing a value (the paragraphs of a novel indexed by
    // name). One look-up; and under a key with one definition, whose nodes
    // are visited once each in document order, the node can only be there
    // already as the last one added (a `use` giving one value twice).
    to:
      'ja=function(Y,y){const kept=H.get(Y);0===kept.length?H.inSituPut(Y,[y]):1<O.Dd.length?0>kept.indexOf(y)&&(kept.push(y),kept.sort(I.fb))' +
      ':kept[kept.length-1]!==y&&kept.push(y)};',
  },
  {
    name: 'key-nodes-of-one-kind',
    from: 'if("p.nodeSet"===Z.N)Z=Q.evaluate(Z.C[0],M);else{const aa=Qd.Zc(Z);Z=r.he(B);',
    // A key's index visits every node of the document (every attribute,
    // for a key that may match one) and runs its match pattern on each.
    // A key matching every element (match="*") or every attribute
    // (match="@*"), as the rules' name indexes do (compile.xsl), needs no
    // pattern run: the elements in document order, or the attributes of
    // each in turn, the order the general walk gives them in. Building the
    // two name indexes was a quarter of the flagship's edition rules
    // (2.6 of 9.7 ms a document, 2-core EPYC).
    to:
      'if("p.nodeSet"===Z.N)Z=Q.evaluate(Z.C[0],M);else if("p.nodeTest"===Z.N&&("NE"===Z.test||"NA"===Z.test)){' +
      'const samizdatAttributes="NA"===Z.test;Z=r.he(B).filter(samizdatIsElement);samizdatAttributes&&(Z=Z.mapOneToMany(function(ja){return r.attribute(ja)}))}' +
      'else{const aa=Qd.Zc(Z);Z=r.he(B);',
    prelude: 'function samizdatIsElement(n){return 1===n.nodeType}',
  },
  {
    name: 'names-resolved-once',
    from: 'try{const Q=D.QName.fromString(c,d.stylesheetResolver(n,!1));if(null===Q)throw new J("Invalid QName "+c,m,n);return"Q{"+Q.q+"}"+Q.local}',
    // key() (and the other functions naming a key, an accumulator, a
    // function by a string) parsed the name on every call, making a
    // namespace resolver and a QName checked against the NCName grammar:
    // 7% of the flagship's edition rules, whose candidates are looked up by
    // key(), name by name. The answer depends on the name and on the
    // namespaces in scope where the call stands (its SEF node), which do not
    // change: it is kept per node and name. A name that fails is not kept.
    to:
      'const samizdatNamesHere="object"===typeof n&&null!==n?samizdatResolvedNames.get(n)||(samizdatResolvedNames.set(n,new Map),samizdatResolvedNames.get(n)):void 0;' +
      'const samizdatKnownName=samizdatNamesHere&&samizdatNamesHere.get(c);if(void 0!==samizdatKnownName)return samizdatKnownName;' +
      'try{const Q=D.QName.fromString(c,d.stylesheetResolver(n,!1));if(null===Q)throw new J("Invalid QName "+c,m,n);' +
      'const samizdatName="Q{"+Q.q+"}"+Q.local;samizdatNamesHere&&samizdatNamesHere.set(c,samizdatName);return samizdatName}',
    prelude: 'const samizdatResolvedNames=new WeakMap();',
  },
  {
    name: 'castable-without-stack',
    from: 'R=P(U).next();try{return bc(t(R))}catch(ia){return bc(!1)}',
    // `castable as` tries the cast and answers false when it throws: every
    // failed try built an error with a stack trace nobody reads (the edition
    // rules' date check tries up to eight types per date; 0.25 ms of the
    // flagship's 10 ms of rules, and its garbage). The cast is tried with no
    // stack captured, the limit put back however it ends.
    to: 'R=P(U).next();const samizdatLimit=Error.stackTraceLimit;Error.stackTraceLimit=0;try{return bc(t(R))}catch(ia){return bc(!1)}finally{Error.stackTraceLimit=samizdatLimit}',
  },
  {
    name: 'atomic-values-without-assertion',
    from: 'class Ra{constructor(a){Aa.ba(this.b().test(a));this.code=a}',
    // Every atomic value (each string, number, date, QName an expression
    // makes) asserted on construction that its type code fits its class, by
    // a regular expression its class returns as a literal: a new RegExp
    // made and run per value (0.25 ms of the flagship's edition rules, and
    // garbage). The codes are saxon-js's own constants, passed by its own
    // constructors; the assertion is left out.
    to: 'class Ra{constructor(a){this.code=a}',
  },
  {
    name: 'marked-functions-cached',
    from: 'return T=>{const t=E(k,T,"function"),R=F.map(U=>U(T).expand());return B(k,t,R,T)}}',
    // A call of a user function runs its body every time, whatever it was
    // given before. A function whose SEF node samizdat marked
    // (`samizdatCache`, see cached-functions.ts: the stylesheet declared it
    // cache="yes", which the SEF does not keep) answers a call with the
    // arguments of an earlier call of the same transform with that call's
    // result. Arguments are told apart by node identity and by atomic type
    // and string value; a call with any other argument (a number, a map, a
    // sequence of two) runs as before, and so does one that fails.
    to: 'return T=>{const t=E(k,T,"function"),R=F.map(U=>U(T).expand());return t.actor.samizdatCache?samizdatCachedCall(t,R,T,()=>B(k,t,R,T),Pb):B(k,t,R,T)}}',
    prelude:
      'const samizdatCalls=new WeakMap();' +
      'function samizdatCachedCall(component,args,context,call,iterate){const fixed=context.fixed;' +
      'let byFunction=samizdatCalls.get(fixed);byFunction||samizdatCalls.set(fixed,byFunction=new Map);' +
      'let level=byFunction.get(component.actor);level||byFunction.set(component.actor,level=new Map);' +
      'for(let i=0;i<args.length;i++){const arg=args[i];let key;if(0===arg.length)key="";else if(1<arg.length)return call();' +
      'else{const item=arg[0];if(item&&"number"===typeof item.nodeType)key=item;' +
      'else if(item&&"string"===typeof item.value&&"string"===typeof item.code)key=item.code+"\u0000"+item.value;else return call()}' +
      'let next=level.get(key);if(void 0===next){next=i===args.length-1?null:new Map;level.set(key,next)}' +
      'if(i===args.length-1){if(null===next||void 0===next.result){const result=call().expand().slice();level.set(key,{result});return iterate(result.slice())}' +
      'return iterate(next.result.slice())}level=next}return call()}',
  },
  {
    name: 'json-strings-escaped-at-once',
    from: 'const M=this.x.encoding||\n"UTF-8";let aa="";',
    // The JSON serializer escaped every string a character at a time,
    // appending each to the result and asking, per character, whether the
    // encoding (its name upper-cased anew twice) can hold it: a search
    // record's text (a novel's 1.2 MB) made a string per character, about a
    // sixth of records.xsl's time and most of its garbage. Where every
    // character can be encoded (any encoding but ISO-8859-1 and US-ASCII),
    // the characters it escapes are replaced at once, each as it was:
    // its short escape, else \uXXXX (C0 and C1 controls); a string without
    // any is given back as it is.
    to: 'const M=this.x.encoding||\n"UTF-8";if(samizdatJsonEncodesAll(M))return w.replace(samizdatJsonEscaped,samizdatJsonEscape);let aa="";',
    prelude: String.raw`const samizdatJsonEscaped=/[\u0000-\u001f"\\\/\u007f-\u009f]/g;` +
      String.raw`const samizdatJsonEscapes={'"':'\\"','\b':'\\b','\f':'\\f','\n':'\\n','\r':'\\r','\t':'\\t','\\':'\\\\','/':'\\/'};` +
      String.raw`function samizdatJsonEscape(c){return samizdatJsonEscapes[c]||"\\u"+("0000"+c.charCodeAt(0).toString(16).toUpperCase()).slice(-4)}` +
      'function samizdatJsonEncodesAll(e){e=e.toUpperCase();return"ISO-8859-1"!==e&&"US-ASCII"!==e}',
  },
  {
    name: 'own-sef-checksum-vouched',
    from: 'v(E,x);E.PRIMED||(G(E),g(E),E.PRIMED=!0)',
    // Before its first run, a SEF is checked against the checksum it carries:
    // a walk over every key and string of the whole tree (about 40 ms of a
    // cold render thread for the HTML stylesheet's 1.8 MB SEF, 60 ms for the
    // page, text and records SEFs together). samizdat vouches for the SEFs it
    // produced itself and found by their content key (`samizdatVouched`, set
    // not enumerable in stylesheet.ts: the package's precompiled SEFs, and
    // one xslt3 has just written): those skip the walk. Every other SEF (the
    // cache folder's, a caller's own) is checked as before.
    to: 'v(E,x);E.PRIMED||(!0===E.samizdatVouched||G(E),g(E),E.PRIMED=!0)',
  },
  {
    name: 'lookup-all-appended',
    from: 'function t(ua){U=U.concat(ua)}function R(ua){U=U.concat(ia.get(ua))}',
    // `?*` gathers every member (or value) of its arrays and maps by copying
    // what it gathered so far into a new array for each: the square of their
    // number. The entity index of the bench's 1,000 documents asks `?*` of
    // arrays of thousands of mentions, and its thread spent more time copying
    // (and collecting the copies) than rendering. The same items are
    // appended in the same order: an array member (a sequence, a JavaScript
    // array) item by item, as concat spreads it, anything else whole.
    to: 'function t(ua){samizdatAppend(U,ua)}function R(ua){samizdatAppend(U,ia.get(ua))}',
    prelude: APPEND_PRELUDE,
  },
  {
    name: 'lookup-appended',
    from: 'function R(Na){Ba=Ba.concat(Fa[Na.toString()])}function U(Na){Ba=\nBa.concat(Fa.get(Na))}',
    // `?name` copies what it gathered so far for every array or map it is
    // asked of: over a sequence of thousands of maps (`$entries?name`), the
    // square of their number. Appended instead, as above.
    to: 'function R(Na){samizdatAppend(Ba,Fa[Na.toString()])}function U(Na){samizdatAppend(Ba,Fa.get(Na))}',
    prelude: APPEND_PRELUDE,
  },
  {
    name: 'array-lookup-appended',
    from: 'Ba=Ba.concat(Na[Wa-1])}}',
    // `$array?3` over a sequence of arrays, likewise.
    to: 'samizdatAppend(Ba,Na[Wa-1])}}',
    prelude: APPEND_PRELUDE,
  },
  {
    name: 'key-index-in-a-map',
    from: 'H=Nd.Ef(ma,x);n[ca]="under construction";',
    // A key's index was one of saxon-js's hash tries (those of XDM maps): a
    // value was filed by walking the characters of its hash one node at a
    // time, a node (and an object of children) made for each new character,
    // and found again by the same walk: a tenth of the flagship's edition
    // rules, and much of their garbage. For a key of one value per entry
    // (not composite), two values are the same entry exactly when their
    // hashes are equal (the trie's own test compares the same collation
    // keys), so the index is a Map from that hash to the entry, answering
    // the three questions the key function asks of it (containsKey, get,
    // inSituPut) as the trie did. A composite key keeps its trie. Nothing
    // else reads a key's index: no iteration order to keep.
    to: 'H=x?Nd.Ef(ma,x):samizdatKeyIndex(Nd.Ef(ma,x));n[ca]="under construction";',
    prelude:
      'function samizdatKeyIndex(trie){const la=trie.la,entries=new Map;return{la,containsKey(l){return entries.has(la.hash(l))},' +
      'get(l){const e=entries.get(la.hash(l));return void 0===e?[]:e.v},inSituPut(l,z){entries.set(la.hash(l),{k:l,v:z})}}}',
  },
  {
    name: 'local-name-keys-read',
    from: 'for(X.tempOutputState="key";null!==(C=Z.next());){X.focus=Wb(C);const aa=Q.evaluate(K,X),',
    // A key's `use` is evaluated for every node it matches, through the
    // expression tree: for `use="local-name()"` (the rules' name indexes,
    // every element and every attribute of the document) two atomizations,
    // a type check, a cardinality check and the context item, each an
    // iterator, and a new focus per node: half of what building those
    // indexes cost. A `use` of exactly that shape gives what local-name()
    // gives, from the same name (`I.X`, as the function reads it).
    to: 'for(X.tempOutputState="key";null!==(C=Z.next());){const samizdatName=samizdatLocalNameUse(K)?I.X(C):void 0;' +
      'const aa=void 0!==samizdatName?Yb(samizdatName?samizdatName.local:""):(X.focus=Wb(C),Q.evaluate(K,X)),',
    prelude:
      'const samizdatLocalNameUses=new WeakMap();' +
      'function samizdatLocalNameUse(k){let known=samizdatLocalNameUses.get(k);if(void 0===known){const only=(n,N)=>n&&n.N===N&&n.C&&1===n.C.length?n.C[0]:null;' +
      'const f=only(only(k,"data"),"data"),t=f&&"local-name"===f.name?only(f,"fn"):null,c=t&&"N"===t.as?only(t,"treat"):null,d=c&&"?"===c.card?only(c,"check"):null;' +
      'known=!!d&&"dot"===d.N&&!d.C;samizdatLocalNameUses.set(k,known)}return known}',
  },
  {
    name: 'pure-key-indexes-kept',
    from: 'V.keys[ja]={Wg:w+"k"+M,Dd:[aa]}}ha=f(X,"accumulator");',
    // saxon-js files a document's key indexes on its document node under an
    // id drawn at random for each key at the start of every run: a tree
    // that outlives a run (a register in the document pool, checked against
    // every document of an edition) is indexed again by the next, though
    // nothing changed (0.4 of the flagship's 6.5 ms of edition rules for its
    // register's xml:ids, a register of 11 KB; a cartulary's register of
    // thousands of persons costs that many times more). A key whose match
    // pattern and use expression read nothing but the node and its tree
    // (node tests, axes, predicates of those, string literals,
    // local-name(): no variable, parameter, function of the stylesheet,
    // doc(), key() or clock) has an index that is a function of the tree
    // alone: such a key keeps one id for its stylesheet (its package's SEF
    // node), under KEPT_KEY_PREFIX, and the index built by one run serves
    // the next. Every other key draws its id at random as before.
    to: 'V.keys[ja]={Wg:w+"k"+M,Dd:[aa]}}samizdatKeepPureKeys(X,V.keys);ha=f(X,"accumulator");',
    prelude:
      'const samizdatPureNodes=new Set(["p.nodeTest","p.withPredicate","p.withUpper","p.venn","axis","data","docOrder","slash","treat","check","dot","str"]);' +
      'function samizdatPure(n){return!!n&&"object"===typeof n&&(samizdatPureNodes.has(n.N)||"fn"===n.N&&"local-name"===n.name)&&(!n.C||n.C.every(samizdatPure))}' +
      'const samizdatKeptKeys=new WeakMap();let samizdatKeptKeyCount=0;' +
      'function samizdatKeepPureKeys(pkg,keys){let kept=samizdatKeptKeys.get(pkg);kept||samizdatKeptKeys.set(pkg,kept=new Map);' +
      'for(const name of Object.keys(keys)){const key=keys[name];let id=kept.get(name);' +
      'if(void 0===id){id=key.Dd.every(d=>d.C&&2===d.C.length&&samizdatPure(d.C[0])&&samizdatPure(d.C[1]))?' + JSON.stringify(KEPT_KEY_PREFIX) + '+ ++samizdatKeptKeyCount:null;kept.set(name,id)}' +
      'null!==id&&(key.Wg=id)}}',
  },
  {
    name: 'name-unions-looked-up',
    from: '"p.venn":function(P){var q=P.C,g=a(q[0]),e=a(q[1]);P=P.op;',
    // A union pattern (`a | b | c`) is a chain of binary unions, each
    // alternative tested in turn: a node matching none (most of them) runs
    // every test, each building a comparison of QNames. The page's key
    // `samizdat:page-part` (33 element names, matched against every node of
    // the document) cost 2 of the flagship page's ~50 ms that way. Each run
    // of alternatives that are plain element name tests (`NE nQ{uri}local`,
    // the same nodes oc() would accept) is one look-up in a map of names,
    // the other alternatives tested where they stood, in the same order:
    // the same answer, true or false (a name test gives nothing else), and
    // the same tests that could fail run in the same cases.
    to: '"p.venn":function(P){const samizdatUnion=samizdatNameUnion(P,a,fc);if(null!==samizdatUnion)return samizdatUnion;var q=P.C,g=a(q[0]),e=a(q[1]);P=P.op;',
    prelude:
      'const samizdatUnionPlans=new WeakMap();' +
      // The plan of a union (its alternatives in order, runs of names made
      // into one test) depends on its SEF node alone, and saxon-js compiles
      // a pattern anew for every key index and accumulator it builds: kept.
      'function samizdatUnionPlan(P,fc){const leaves=[];' +
      '(function flatten(n){"p.venn"===n.N&&"union"===n.op&&n.C&&2===n.C.length?(flatten(n.C[0]),flatten(n.C[1])):leaves.push(n)})(P);' +
      'const names=leaves.map(n=>{const m="p.nodeTest"===n.N&&"string"===typeof n.test?/^NE nQ\\{([^{}]*)\\}([^\\s{}]+)$/.exec(n.test):null;return m?{q:m[1],local:m[2]}:null});' +
      'if(!names.some((n,i)=>null!==n&&i+1<names.length&&null!==names[i+1]))return null;' +
      'const plan=[];for(let i=0;i<leaves.length;){if(null===names[i]||i+1===leaves.length||null===names[i+1]){plan.push({leaf:leaves[i]});i++;continue}' +
      'const run=new Map;for(;i<leaves.length&&null!==names[i];i++){const n=names[i];run.has(n.q)||run.set(n.q,new Set);run.get(n.q).add(n.local)}' +
      'plan.push({test:function(l){if(!fc.Q(l)||1!==l.nodeType)return!1;const qn=fc.X(l);if(!qn)return!1;const locals=run.get(qn.q);return void 0!==locals&&locals.has(qn.local)}})}' +
      'return plan}' +
      'function samizdatNameUnion(P,compile,fc){if("union"!==P.op)return null;let plan=samizdatUnionPlans.get(P);void 0===plan&&(plan=samizdatUnionPlan(P,fc),samizdatUnionPlans.set(P,plan));' +
      'if(null===plan)return null;const tests=plan.map(x=>x.test||compile(x.leaf));' +
      'return function(l,z){let r;for(let i=0;i<tests.length;i++)if(r=tests[i](l,z))return r;return r}}',
  },
  {
    name: 'comparers-kept',
    from: 'return{be:p,hj:I,',
    // Every value comparison (`eq`, `=` against a string, a general
    // comparison, an indexed filter) builds its comparer anew on every
    // evaluation from the code the SEF gives it ("GAC|…", "CAVC", "DESC|…"):
    // splitting the code and making a new object of closures, each time
    // (0.9% of the flagship page's time in the split alone, and garbage).
    // Every code but TEXT and CAC (which look their collation up in the
    // dynamic context) gives a comparer made of the same pure functions
    // whatever the context: it is kept per code. Its callers only call it.
    to: 'return{be:samizdatKeptComparer(p),hj:I,',
    prelude:
      'function samizdatKeptComparer(make){const kept=new Map;' +
      'const free=code=>/^(NC|QUNC|DblSC|CCC|CAVC|DecSC|GAC|AtSC|CalVC|EQC)(\\||$)/.test(code.replace(/^(DESC\\|)+/,""));' +
      'return function(E,B){if("string"!==typeof E)return make(E,B);let c=kept.get(E);if(void 0!==c)return c;c=make(E,B);free(E)&&kept.set(E,c);return c}}',
  },
  {
    name: 'name-tests-compared-directly',
    from: 'ga(){const a=this.name;return b=>{var h;if(h=fc.Q(b)&&b.nodeType===this.Ba)h=(b=fc.X(b))&&a.equals(b);return h}}',
    // A name test (`p`, `tei:p`, `@n`: every step of a path, every match
    // pattern) read its node kind from the test object and called QName's
    // equals(), which checks the class of its argument twice, for every node
    // it tested: the most frequent function of the page's profile (2.5% of
    // its time, self). The kind, local name and namespace (all set once, in
    // the constructors) are read once; the node's QName, when it has one,
    // is compared on the same two fields equals() compares. It gives what
    // it gave: what fc.Q gave for what is not a node, false for a node of
    // another kind, what fc.X gave where the node has no name, else whether
    // the names are equal.
    to:
      'ga(){const a=this.name,samizdatKind=this.Ba,samizdatLocal=a.local,samizdatUri=a.q;' +
      'return b=>{const q=fc.Q(b);if(!q)return q;if(b.nodeType!==samizdatKind)return!1;const n=fc.X(b);return n&&(n instanceof fb?n.local===samizdatLocal&&n.q===samizdatUri:a.equals(n))}}',
  },
  {
    name: 'generated-ids-kept',
    from: '"generate-id":function(c){c=c[0].next();return Yb(c?h(c):"")}',
    // generate-id() makes a node's id from its path: it walks from the node
    // to the root, counting the preceding siblings of each ancestor, and
    // writes each count in letters (format-integer's alphabetic numbering).
    // A stylesheet that finds a node's place in a list by its id
    // (`index-of($fields ! generate-id(.), generate-id($f))`, a map keyed by
    // ids) asks again for the same nodes' ids, each time walking their
    // siblings: the flagship's two header sources cost ~15 ms of its page
    // (53 of 60 ms more on a page with 20 of them, `node --cpu-prof`). A
    // node's path and its document's number do not change once it has one,
    // so the id made for a node object is kept for it (a WeakMap: nothing
    // is added to the tree, and a tree let go takes its ids with it).
    // A namespace node is made anew by each step, so its id is made anew.
    to: '"generate-id":function(c){c=c[0].next();return Yb(c?samizdatGeneratedId(c,h):"")}',
    prelude:
      'const samizdatGeneratedIds=new WeakMap;' +
      'function samizdatGeneratedId(node,generate){if("object"!==typeof node||null===node)return generate(node);' +
      'let id=samizdatGeneratedIds.get(node);void 0===id&&(id=generate(node),samizdatGeneratedIds.set(node,id));return id}',
  },
  ...CONTEXT_PATCHES,
  ...MAP_PATCHES,
];

/**
 * The script with every patch that applies, and the names of those applied.
 * Each patch is looked for in the script as given, and all are made in one
 * pass: making them one after the other on the text as each left it copied
 * the whole script (2.4 MB) for every patch, the search of each patched text
 * flattening the string the last one made (about 25 ms of every thread that
 * loads saxon-js, against 3 ms for the searches alone). A patch whose text
 * is missing, occurs twice, or overlaps the text of one made before it in
 * the list, is left out.
 */
export function patchSource(source: string, patches: readonly SourcePatch[]): { source: string; applied: string[] } {
  const found: { at: number; patch: SourcePatch }[] = [];
  for (const patch of patches) {
    const at = source.indexOf(patch.from);
    if (at < 0 || source.indexOf(patch.from, at + 1) >= 0) continue;
    const end = at + patch.from.length;
    if (found.some((other) => at < other.at + other.patch.from.length && other.at < end)) continue;
    found.push({ at, patch });
  }
  const pieces: string[] = [];
  let from = 0;
  for (const { at, patch } of [...found].sort((a, b) => a.at - b.at)) {
    pieces.push(source.slice(from, at), patch.to);
    from = at + patch.from.length;
  }
  pieces.push(source.slice(from));
  const patched = pieces.join('');
  // After a "use strict" directive, which must stay first to count.
  const directive = /^\s*(['"])use strict\1;?/.exec(patched)?.[0] ?? '';
  // A prelude several patches share (a helper they call) is declared once.
  const preludes = new Set(found.flatMap(({ patch }) => (patch.prelude ? [patch.prelude] : [])));
  return { source: directive + [...preludes].join('') + patched.slice(directive.length), applied: found.map(({ patch }) => patch.name) };
}
