// Output too large for one string (V8 strings stop at ~0.5–1 GB; a 1826 × 1000 porkchop as JSON is
// 2.5 GB): written in ~256 kB pieces, waiting for the stream to drain, so memory stays bounded
// whatever the size. Same bytes as the one-string path.
import type { Writable } from 'node:stream';
import { CancelledError } from '../../src/errors.js';
import { replacer } from './json.js';
import { SCHEMA_VERSION } from './json.js';

export type ChunkWrite = (text: string) => Promise<void>;

const CHUNK_CHARS = 1 << 18;

/**
 * A buffered writer for `stream`: `write` collects text and flushes ~256 kB at a time, awaiting
 * 'drain' when the stream asks for it and giving the event loop a turn now and then (a file on
 * disk never pushes back), so that Ctrl+C is seen; after the signal fires it stops with
 * CancelledError. Call `end` to flush the rest.
 */
export function chunkedWriter(stream: Writable, signal?: AbortSignal): { write: ChunkWrite; end: () => Promise<void> } {
  let buf = '';
  let lastTurn = performance.now();
  const flush = async (more = '') => {
    const text = buf + more;
    buf = '';
    if (text.length === 0) return;
    if (!stream.write(text)) await new Promise<void>((resolve) => stream.once('drain', resolve));
    if (performance.now() - lastTurn > 25) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      lastTurn = performance.now();
    }
    if (signal?.aborted) throw new CancelledError('interrupted: output stopped before the end (incomplete)');
  };
  return {
    write: async (text) => {
      if (buf.length + text.length >= CHUNK_CHARS) await flush(text);
      else buf += text;
    },
    end: () => flush(),
  };
}

/** Stands in for the streamed array in the document `writeJsonDocument` writes. */
export const STREAM_SENTINEL = '\u0000stream\u0000';

/**
 * Writes `{"schemaVersion":1,"result":…}` exactly as `jsonResult` would (2-space indent, the same
 * replacer), with the array `result[arrayKey]` produced item by item from `items` instead of held
 * in memory. `arrayKey` must be a top-level key of `result`; `item` formats one element as
 * JSON.stringify(x, replacer, 2) would at that depth (`jsonAt` does it for any value).
 */
export async function writeJsonEnvelope(
  write: ChunkWrite,
  result: Record<string, unknown>,
  arrayKey: string,
  items: Iterable<unknown>,
  item: (x: unknown, indent: string) => string = jsonAt,
): Promise<void> {
  await writeJsonDocument(write, { schemaVersion: SCHEMA_VERSION, result: { ...result, [arrayKey]: STREAM_SENTINEL } }, arrayKey, items, item);
}

/**
 * JSON.stringify(doc, replacer, 2) + "\n" for any document (a result or an error envelope) whose
 * one property `arrayKey: STREAM_SENTINEL` is written as an array produced item by item.
 */
export async function writeJsonDocument(
  write: ChunkWrite,
  doc: unknown,
  arrayKey: string,
  items: Iterable<unknown>,
  item: (x: unknown, indent: string) => string = jsonAt,
): Promise<void> {
  const whole = JSON.stringify(doc, replacer, 2);
  const marker = `${JSON.stringify(arrayKey)}: ${JSON.stringify(STREAM_SENTINEL)}`;
  const at = whole.indexOf(marker);
  if (at < 0) throw new Error(`internal: ${arrayKey} not found in the JSON document`);
  const lineStart = whole.lastIndexOf('\n', at) + 1;
  const keyIndent = whole.slice(lineStart, at);
  const itemIndent = keyIndent + '  ';
  await write(whole.slice(0, at) + JSON.stringify(arrayKey) + ': [');
  let first = true;
  // Items go out in batches (one await per ~256 kB, not per item).
  let batch: string[] = [];
  let size = 0;
  for (const x of items) {
    const t = (first ? '\n' : ',\n') + itemIndent + item(x, itemIndent);
    batch.push(t);
    size += t.length;
    first = false;
    if (size >= 1 << 18) {
      await write(batch.join(''));
      batch = [];
      size = 0;
    }
  }
  if (batch.length) await write(batch.join(''));
  await write((first ? ']' : '\n' + keyIndent + ']') + whole.slice(at + marker.length) + '\n');
}

/** JSON.stringify(x, replacer, 2) re-indented for a value that starts at `indent`. */
export function jsonAt(x: unknown, indent: string): string {
  return JSON.stringify(x, replacer, 2).replace(/\n/g, '\n' + indent);
}

/**
 * The same text as `jsonAt` for plain data (numbers, strings, booleans, null, plain objects and
 * arrays; no typed arrays), without the replacer call per value: JSON.stringify already writes
 * NaN and ±Infinity as null. ~1.5× faster, which matters for millions of porkchop cells.
 */
export function plainJsonAt(x: unknown, indent: string): string {
  return JSON.stringify(x, null, 2).replace(/\n/g, '\n' + indent);
}
