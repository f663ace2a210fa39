/**
 * Errors the engine raises for conditions a caller can act on. Front ends map `code` to an
 * exit status (INVALID_INPUT → 2, NO_SOLUTION → 3, CANCELLED → 130); anything else is a bug.
 */
export type ErrorCode = 'INVALID_INPUT' | 'NOT_FOUND' | 'NO_SOLUTION' | 'CANCELLED';

export class ProspectorError extends Error {
  readonly code: ErrorCode;
  /** The input that was wrong: a flag, a file, a field path such as `spacecraft.powerW`. */
  readonly field?: string;
  /** The file the bad input came from (a scenario or config file), when there is one. */
  file?: string;
  /** Warnings that still apply to the failed request (e.g. an unreliable orbit); front ends print them with the error. */
  warnings?: string[];
  /** Extra fields for the JSON error envelope (e.g. the evaluated trajectory, a partial result). */
  details?: Record<string, unknown>;
  constructor(code: ErrorCode, message: string, field?: string) {
    super(message);
    this.name = 'ProspectorError';
    this.code = code;
    this.field = field;
  }
}

/** Bad input: the message names the field and what was expected. */
export class InputError extends ProspectorError {
  constructor(message: string, field?: string) {
    super('INVALID_INPUT', message, field);
    this.name = 'InputError';
  }
}

/** A lookup (asteroid, preset, file) that matched nothing. Treated as an input error. */
export class NotFoundError extends ProspectorError {
  constructor(message: string, field?: string) {
    super('NOT_FOUND', message, field);
    this.name = 'NotFoundError';
  }
}

/** The request is well formed but nothing satisfies its constraints; `binding` names the constraint. */
export class NoSolutionError extends ProspectorError {
  readonly binding?: string;
  constructor(message: string, binding?: string) {
    super('NO_SOLUTION', message);
    this.name = 'NoSolutionError';
    this.binding = binding;
  }
}

/** The user stopped a long computation (Ctrl+C, an AbortSignal). */
export class CancelledError extends ProspectorError {
  constructor(message = 'interrupted') {
    super('CANCELLED', message);
    this.name = 'CancelledError';
  }
}

/** Throws an InputError unless `value` is a finite number (optionally within bounds). */
export function requireFinite(
  value: number,
  field: string,
  opts: { min?: number; max?: number; exclusiveMin?: boolean; exclusiveMax?: boolean } = {},
): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new InputError(`${field}: expected a finite number, got ${String(value)}`, field);
  }
  const { min, max, exclusiveMin, exclusiveMax } = opts;
  if (min !== undefined && (exclusiveMin ? value <= min : value < min)) {
    throw new InputError(`${field}: expected a number ${exclusiveMin ? '>' : '≥'} ${min}, got ${value}`, field);
  }
  if (max !== undefined && (exclusiveMax ? value >= max : value > max)) {
    throw new InputError(`${field}: expected a number ${exclusiveMax ? '<' : '≤'} ${max}, got ${value}`, field);
  }
  return value;
}
