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
 *
 * The audio and video a `media/@url` names are published the same way, by the
 * same rules (inside the root, a regular file, its first bytes those of an
 * audio or video file browsers play, or of an image): the page's player
 * would otherwise point to a file the edition does not hold. They are found
 * by their element, not by their names, since recordings come in many.
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

/** Whether the attribute at `at` belongs to a `media` element (with or without a prefix): no `<` can stand inside a tag. */
function onMedia(text: string, at: number): boolean {
  const open = text.lastIndexOf('<', at);
  return open !== -1 && /^<(?:[^\s:/>]+:)?media\s/.test(text.slice(open, at + 1));
}

/**
 * Relative image references in the document's `facs` and `url` attributes,
 * each with the offset of its first use; with `media`, also every other
 * relative `media/@url` (set as a key of `media`).
 */
export function imageReferences(text: string, media?: Set<string>): Map<string, number> {
  const found = new Map<string, number>();
  for (const match of text.matchAll(ATTRIBUTE)) {
    const value = decodeXml(match[2] ?? match[3] ?? '');
    const tokens = match[1] === 'facs' ? value.trim().split(/\s+/) : [value.trim()];
    for (const ref of tokens) {
      if (ref === '' || ref.startsWith('#') || ref.startsWith('/') || /^[a-z][a-z0-9+.-]*:/i.test(ref) || found.has(ref)) continue;
      if (!IMAGE_EXTENSION.test(ref.split(/[?#]/)[0])) {
        if (!media || match[1] !== 'url' || !onMedia(text, match.index ?? 0)) continue;
        media.add(ref);
      }
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

/** Whether the bytes begin as an audio or video file browsers play (MP3, AAC, Ogg, WAV, FLAC, MP4/QuickTime, WebM). */
export function isMedia(bytes: Uint8Array): boolean {
  const ascii = (at: number, word: string) => [...word].every((c, i) => bytes[at + i] === c.charCodeAt(0));
  return ascii(0, 'ID3') // MP3 with its tags
    || (bytes[0] === 0xff && ((bytes[1] ?? 0) & 0xe0) === 0xe0) // an MPEG audio or ADTS (AAC) frame
    || ascii(0, 'OggS')
    || (ascii(0, 'RIFF') && ascii(8, 'WAVE'))
    || ascii(0, 'fLaC')
    || ascii(4, 'ftyp') // MP4, M4A, QuickTime
    || (bytes[0] === 0x1a && bytes[1] === 0x45 && bytes[2] === 0xdf && bytes[3] === 0xa3); // WebM, Matroska
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
  /** Named by a `media/@url` without an image's extension: an audio or video file (or an image) is published. */
  media?: true;
}

/** The document's relative image references with their positions (what `publishableImages` needs, kept without the text). */
export function imageMentions(text: string): ImageMention[] {
  const mentions: ImageMention[] = [];
  // References come in order of first use: one pass over the lines for all of them.
  let line = 1;
  let lineStart = 0;
  const media = new Set<string>();
  for (const [ref, offset] of imageReferences(text, media)) {
    for (let i = text.indexOf('\n', lineStart); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
      line++;
      lineStart = i + 1;
    }
    mentions.push({ ref, line, column: offset - lineStart + 1, ...(media.has(ref) && { media: true as const }) });
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
  for (const { ref, line, column, media } of mentions) {
    const warn = (why: string) => problems.push(diagnostic('warning', IMAGE_RULE, media
      ? `the media file "${ref}" ${why}; the page names it without playing it.`
      : `the image "${ref}" ${why}; the page names it without showing it.`, { file, line, column }));
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
    if (media ? !isMedia(bytes) && !isImage(bytes) : !isImage(bytes)) {
      warn(media ? 'is not an audio or video file browsers play (MP3, AAC, Ogg, WAV, FLAC, MP4, WebM) or an image' : 'is not a PNG, JPEG, GIF, WebP or AVIF image');
      continue;
    }
    const out = ['images', ...relative(realRoot, real).split(sep)].join('/');
    images.push({ ref, source: real, out, hash: sha256(bytes) });
  }
  return { images, problems, looked };
}

/**
 * The stylesheet's `images` parameter: each reference → its copy's address from `<name>/index.html`. A
 * reference's fragment (`audio.mp3#t=10,20`, a media fragment: play seconds 10 to 20; `p1.jpg#xywh=…`) is
 * about the file, not part of its name: the copy's address keeps it, so the page plays or shows the part the
 * document names. A query is dropped: the copy is a plain file, served whatever follows a `?`.
 */
export function imagesParameter(images: readonly ImageCopy[]): string {
  const map: Record<string, string> = {};
  for (const image of images) {
    const hash = image.ref.indexOf('#');
    map[image.ref] = '../' + image.out.split('/').map(encodeURIComponent).join('/') + (hash === -1 ? '' : image.ref.slice(hash));
  }
  return JSON.stringify(map);
}

