/**
 * Writing a file that must not replace anything: the bytes go to a temporary
 * file beside the target, which is then linked into place. `link` fails when
 * the target exists, so a file that appears meanwhile is never overwritten,
 * and a reader never sees a half-written file.
 */
import { randomBytes } from 'node:crypto';
import { link, lstat, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Errors from file systems that have no hard links (some network and FAT mounts). */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV']);

/**
 * Writes `content` to `path` atomically unless something is already there.
 * Returns true when the file was written, false when one existed.
 */
export async function writeNewFile(path: string, content: Uint8Array): Promise<boolean> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx');
  try {
    try {
      await handle.writeFile(content);
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await link(temp, path);
      return true;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      if (code === 'EEXIST') return false;
      if (!NO_HARD_LINKS.has(code)) throw error;
    }
    // No hard links here: check, then rename (a narrow window, but never a torn file).
    try {
      await lstat(path);
      return false;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    await rename(temp, path);
    return true;
  } finally {
    await rm(temp, { force: true });
  }
}
