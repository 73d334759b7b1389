/** samizdat's library API. The CLI is a thin layer over these exports. */
export type { Diagnostic, Severity, SourceLocation } from './diagnostics.js';
export { version } from './version.js';
export { validate, checkDocument, DEFAULT_SOURCES } from './validate/index.js';
export type {
  ValidateOptions, ValidationReport, FileReport, RulesHook, RulesDocument, DocumentCheckOptions, DocumentResult, Catalog,
} from './validate/index.js';
export { validationFromConfig } from './validate/from-config.js';
export type { ConfiguredValidation, FromConfigOptions } from './validate/from-config.js';
export { loadConfig, parseConfig, defaultConfig, CONFIG_FILE } from './config/config.js';
export type { Config, ConfigFile, ConfigResult } from './config/config.js';
export { reporters, getReporter } from './validate/report/index.js';
export type { Reporter } from './validate/report/index.js';
export { readXmlModels, RELAXNG_NS, SCHEMATRON_NS } from './xml/xml-model.js';
export type { XmlModel } from './xml/xml-model.js';
export { readDocument, readDocumentText, readXml, checkXml, WellFormednessCheck, DEFAULT_LIMITS, readingLimits, parseSize, ENCODINGS_READ } from './xml/index.js';
export type { XmlEvents, XmlStartTag, XmlAttribute, Position, ReadingLimits, XmlDocument, XmlRead, DocumentText, Encoding } from './xml/index.js';
export { checkDoctype } from './xml/doctype.js';
export { loadGrammar, schemaDigest, DEFAULT_CACHE_DIR } from './validate/grammar-cache.js';
export { chooseSchema, resolveSchemaReference, VENDORED_TEI_ALL } from './validate/grammar-catalog.js';
export {
  readCitable, readCitableFile, passageItem, cite, citationSet, citationBlock, checkCslData, headMetadata, serializeJsonLd,
  CITATION_FORMATS, CITE_RULES, CSL_SCHEMA_RULE, STYLES,
} from './cite/index.js';
export type {
  CitableDocument, CiteOptions, CiteResult, CitationBlock, CitationFormat, CitationSet, CslDate, CslItem, CslName, CslType,
  FormattedCitation, HeadMetadata, Locator, MetaTag, Passage, SourceRecord, StyleName,
} from './cite/index.js';
export {
  toText, toHtml, runStylesheet, transformSource, parseSource, compileStylesheet, stylesheetKey, teiSource, readTeiSource, TransformProblem,
  TEXT_MODES, HTML_STYLESHEET, SITE_STYLESHEET, TEXT_STYLESHEET, XSLT_DIR, DEFAULT_XSLT_CACHE_DIR,
  readApparatus, WitnessTextProblem, VARIANT_METHODS, WITNESS_TEXT_RULE,
} from './transform/index.js';
export type { CompiledStylesheet, CompileOptions, TextMode, TextOptions, HtmlOptions, DocumentInput, TeiSource, ParsedSource, TransformResult } from './transform/index.js';
export type {
  Apparatus, ApparatusEntry, ApparatusReading, ApparatusWitness, FragmentLimit, Place, ReadingGroup, VariantMethod, WitnessProblem,
} from './transform/index.js';
export { build, isRegister, isApparatusFile, documentName, textFileName, DEFAULT_BUILD_CACHE_DIR, MANIFEST, OUTPUT_RULE, SITE_NAMES, recoverOutput } from './build/index.js';
export type { PublishFileSystem } from './build/index.js';
export { htmlText, htmlAttribute, jsonInScript, urlPath, urlFragment, xmlText, xmlAttribute, isFileName } from './escape.js';
export { buildFromConfig } from './build/config.js';
export type { ConfiguredBuild } from './build/config.js';
export type { BuildOptions, BuildReport, BuiltDocument, Mention } from './build/index.js';
export { init, SCAFFOLD } from './init/index.js';
export type { InitReport, ScaffoldFile } from './init/index.js';
export { citationProvider } from './build/citations.js';
export type { CitationProvider, CitationProviderOptions, DocumentCitations, PublishedDocument } from './build/citations.js';
export { watchEdition, watchPlan, Watcher, isEditorTemporary, DEFAULT_DEBOUNCE_MS, WATCH_RULE } from './watch/index.js';
export type { WatchOptions, WatcherEvents, Round } from './watch/index.js';
export { serveEdition, withReloadScript, contentType, CONTENT_TYPES, DEFAULT_PORT, DEFAULT_HOST, EVENTS_PATH, RELOAD_SCRIPT_PATH } from './serve/index.js';
export type { ServeOptions, EditionServer, ProblemsMessage } from './serve/index.js';
