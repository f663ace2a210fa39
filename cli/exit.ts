// Exit codes (DESIGN §4) and the mapping from errors to them.
import { CommanderError } from 'commander';
import { ProspectorError } from '../src/errors.js';

export const EXIT = {
  OK: 0,
  FAILURE: 1,
  USAGE: 2,
  NO_SOLUTION: 3,
  INTERRUPTED: 130,
} as const;

/** A usage problem found by a command after commander parsed it (bad flag value, missing file). */
export class UsageError extends ProspectorError {
  constructor(message: string, field?: string) {
    super('INVALID_INPUT', message, field);
    this.name = 'UsageError';
  }
}

export function exitCodeFor(err: unknown): number {
  if (err instanceof CommanderError) {
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') {
      return EXIT.OK;
    }
    return EXIT.USAGE;
  }
  if (err instanceof ProspectorError) {
    switch (err.code) {
      case 'INVALID_INPUT':
      case 'NOT_FOUND':
        return EXIT.USAGE;
      case 'NO_SOLUTION':
        return EXIT.NO_SOLUTION;
      case 'CANCELLED':
        return EXIT.INTERRUPTED;
    }
  }
  return EXIT.FAILURE;
}

/** The `error.code` string of the JSON envelope. */
export function errorCodeFor(err: unknown): string {
  if (err instanceof CommanderError) return 'USAGE';
  if (err instanceof ProspectorError) return err.code;
  return 'INTERNAL';
}

export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message.replace(/\s+$/, '');
  return String(err);
}
