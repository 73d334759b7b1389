/**
 * The images a document names (`graphic/@url`, `@facs`) that the edition
 * publishes: found in the document's text before it is rendered, read from
 * the edition's folder, and copied into the output as `images/<path>` (the
 * path relative to the edition's root), so the page shows them offline.
 *
 * Untrusted documents may name any path: an image is copied only when it
 * lies inside the edition's root folder (symbolic links resolved), is a
 * regular file, and its first bytes are those of a PNG, JPEG, GIF, WebP or
 * AVIF image. SVG files are not copied (opened directly, they could run
 * script). Anything else named is reported as a warning, with its line and
 * column, and the page shows the reference as text instead of an image.
 * Images on the web (http, https, IIIF) are linked by the page and never
 * fetched.
 */
import { realpathSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { diagnostic, type Diagnostic } from '../diagnostics.js';
import { sha256 } from './cache.js';

export const IMAGE_RULE = 'build-image';

/** An image the build copies: as the document names it, where it is read from, where it goes. */
export interface ImageCopy {
  /** The reference as written in the document (`facs/p1.jpg`). */
  ref: string;
  /** Absolute path of the file read. */
  source: string;
  /** Output path, relative to the output folder (`images/tei/facs/p1.jpg`). */
  out: string;
  /** sha256 of its bytes, part of the document's cache key. */
  hash: string;
}

const IMAGE_EXTENSION = /\.(png|jpe?g|gif|webp|avif)$/i;
const ATTRIBUTE = /\s(facs|url)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

const decodeXml = (s: string): string => s
  .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
  .replace(/&#([0-9]+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
  .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** Relative image references in the document's `facs` and `url` attributes, each with the offset of its first use. */
export function imageReferences(text: string): Map<string, number> {
  const found = new Map<string, number>();
  for (const match of text.matchAll(ATTRIBUTE)) {
    const value = decodeXml(match[2] ?? match[3] ?? '');
    const tokens = match[1] === 'facs' ? value.trim().split(/\s+/) : [value.trim()];
    for (const ref of tokens) {
      if (ref === '' || ref.startsWith('#') || ref.startsWith('/') || /^[a-z][a-z0-9+.-]*:/i.test(ref)) continue;
      if (!IMAGE_EXTENSION.test(ref.split(/[?#]/)[0]) || found.has(ref)) continue;
      found.set(ref, (match.index ?? 0) + match[0].indexOf(value.slice(0, 1) || '"'));
    }
  }
  return found;
}

/** Whether the bytes begin as an image browsers show. */
export function isImage(bytes: Uint8Array): boolean {
  const starts = (...signature: number[]) => signature.every((b, i) => bytes[i] === b);
  const ascii = (at: number, word: string) => [...word].every((c, i) => bytes[at + i] === c.charCodeAt(0));
  return starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a) // PNG
    || starts(0xff, 0xd8, 0xff) // JPEG
    || ascii(0, 'GIF87a') || ascii(0, 'GIF89a')
    || (ascii(0, 'RIFF') && ascii(8, 'WEBP'))
    || (ascii(4, 'ftyp') && (ascii(8, 'avif') || ascii(8, 'avis')));
}

function inside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel !== '' && !rel.startsWith('..' + sep) && rel !== '..' && !isAbsolute(rel);
}

/** A relative image reference and where the document first uses it. */
export interface ImageMention {
  ref: string;
  line: number;
  column: number;
}

/** The document's relative image references with their positions (what `publishableImages` needs, kept without the text). */
export function imageMentions(text: string): ImageMention[] {
  const mentions: ImageMention[] = [];
  // References come in order of first use: one pass over the lines for all of them.
  let line = 1;
  let lineStart = 0;
  for (const [ref, offset] of imageReferences(text)) {
    for (let i = text.indexOf('\n', lineStart); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
      line++;
      lineStart = i + 1;
    }
    mentions.push({ ref, line, column: offset - lineStart + 1 });
  }
  return mentions;
}

/**
 * The images the document at `file` names (`mentions`) that can be
 * published from `root`, and a warning for each that cannot. The files are
 * looked at every time: an image may appear, change or go while its document
 * stays the same.
 */
export async function publishableImages(file: string, mentions: readonly ImageMention[], root: string): Promise<{ images: ImageCopy[]; problems: Diagnostic[]; looked: string[] }> {
  const images: ImageCopy[] = [];
  const problems: Diagnostic[] = [];
  // Every file looked at, found or not (and, through a symbolic link, the file it leads to): what `watch` watches.
  const looked: string[] = [];
  if (mentions.length === 0) return { images, problems, looked };
  const realRoot = realpathSync(resolve(root));
  for (const { ref, line, column } of mentions) {
    const warn = (why: string) => problems.push(diagnostic('warning', IMAGE_RULE, `the image "${ref}" ${why}; the page names it without showing it.`, { file, line, column }));
    let path: string;
    try {
      path = resolve(dirname(resolve(file)), decodeURI(ref.split(/[?#]/)[0]));
    } catch {
      warn('is not a valid path');
      continue;
    }
    looked.push(path);
    let real: string;
    try {
      real = realpathSync(path);
      if (real !== path) looked.push(real);
    } catch {
      warn(`does not exist (looked for ${relative(process.cwd(), path) || path})`);
      continue;
    }
    if (!inside(realRoot, real)) { warn('lies outside the edition\'s folder, so it is not published'); continue; }
    if (!(await stat(real)).isFile()) { warn('is not a file'); continue; }
    const bytes = await readFile(real);
    if (!isImage(bytes)) { warn('is not a PNG, JPEG, GIF, WebP or AVIF image'); continue; }
    const out = ['images', ...relative(realRoot, real).split(sep)].join('/');
    images.push({ ref, source: real, out, hash: sha256(bytes) });
  }
  return { images, problems, looked };
}

/** The stylesheet's `images` parameter: each reference → its copy's address from `<name>/index.html`. */
export function imagesParameter(images: readonly ImageCopy[]): string {
  const map: Record<string, string> = {};
  for (const image of images) map[image.ref] = '../' + image.out.split('/').map(encodeURIComponent).join('/');
  return JSON.stringify(map);
}

