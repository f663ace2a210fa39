/**
 * Atomic file output: write a temp file beside the target, then rename over it, so a reader
 * never sees half a file. Refuses to replace an existing file unless `force` is set.
 */
import { existsSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { InputError } from '../errors.js';

export function writeFileAtomic(path: string, data: string | Uint8Array, opts: { force?: boolean; field?: string } = {}): void {
  const field = opts.field ?? '--output';
  if (!opts.force && existsSync(path)) {
    throw new InputError(`${path}: file exists; pass --force to overwrite`, field);
  }
  const dir = dirname(path);
  if (!existsSync(dir)) throw new InputError(`${path}: directory ${dir} does not exist`, field);
  const tmp = join(dir, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (err) {
    try {
      unlinkSync(tmp);
    } catch {
      /* temp file may not exist */
    }
    const e = err as NodeJS.ErrnoException;
    throw new InputError(`${path}: cannot write (${e.code ?? e.message})`, field);
  }
}
