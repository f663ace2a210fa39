/**
 * Atomic file output: write a temp file beside the target, then move it into place, so a reader
 * never sees half a file. Without `force` the move is exclusive — a hard link from the temp file
 * (link(2) fails with EEXIST if the target appeared meanwhile), then the temp file is removed —
 * so a file created by someone else between our check and our write is never replaced. Where the
 * file system has no hard links, an exclusive copy (COPYFILE_EXCL) keeps the no-overwrite promise.
 * With `force`, rename(2) replaces the target atomically.
 */
import { constants, copyFileSync, existsSync, linkSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { InputError } from '../errors.js';

export interface AtomicWriteOptions {
  /** Replace an existing file. */
  force?: boolean;
  /** The flag or argument the path came from (for the error's field). */
  field?: string;
  /** The path as the user typed it (for messages); default: `path`. */
  shown?: string;
}

function exists(path: string, shown: string, field: string): InputError {
  const e = new InputError(`${shown}: file exists; pass --force to overwrite`, field);
  e.file = shown;
  return e;
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    /* already gone */
  }
}

export function writeFileAtomic(path: string, data: string | Uint8Array, opts: AtomicWriteOptions = {}): void {
  const field = opts.field ?? '--output';
  const shown = opts.shown ?? path;
  if (!opts.force && existsSync(path)) throw exists(path, shown, field);
  const dir = dirname(path);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new InputError(`${shown}: directory ${dir} does not exist`, field);
  const tmp = join(dir, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    writeFileSync(tmp, data, { flag: 'wx' });
    moveIntoPlace(tmp, path, opts);
  } catch (err) {
    removeQuietly(tmp);
    if (err instanceof InputError) throw err;
    const e = err as NodeJS.ErrnoException;
    throw new InputError(`${shown}: cannot write (${e.code ?? e.message})`, field);
  }
}

/**
 * Moves a finished temp file to `path` (removing the temp file). Without `force` this never
 * replaces a file, even one created after any earlier existence check: the kernel refuses the
 * link (or the COPYFILE_EXCL copy) with EEXIST.
 */
export function moveIntoPlace(tmp: string, path: string, opts: AtomicWriteOptions = {}): void {
  const field = opts.field ?? '--output';
  const shown = opts.shown ?? path;
  if (opts.force) {
    renameSync(tmp, path);
    return;
  }
  try {
    linkSync(tmp, path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw exists(path, shown, field);
    // No hard links here (some network or FAT file systems): an exclusive copy instead.
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EOPNOTSUPP' || code === 'EXDEV' || code === 'ENOSYS') {
      try {
        copyFileSync(tmp, path, constants.COPYFILE_EXCL);
      } catch (e2) {
        if ((e2 as NodeJS.ErrnoException).code === 'EEXIST') throw exists(path, shown, field);
        throw e2;
      }
    } else throw err;
  }
  removeQuietly(tmp);
}
