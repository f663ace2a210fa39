// The --json envelope: exactly one document on stdout, success or failure (DESIGN §4).
export const SCHEMA_VERSION = 1;

export function jsonResult(result: unknown): string {
  return JSON.stringify({ schemaVersion: SCHEMA_VERSION, result }, replacer, 2) + '\n';
}

export function jsonError(code: string, message: string, extra?: Record<string, unknown>): string {
  return JSON.stringify({ schemaVersion: SCHEMA_VERSION, error: { code, message, ...extra } }, replacer, 2) + '\n';
}

// Typed arrays become plain arrays; non-finite numbers become null rather than invalid JSON.
export function replacer(_key: string, value: unknown): unknown {
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) return Array.from(value as unknown as ArrayLike<number>);
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  return value;
}
