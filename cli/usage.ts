// commander's usage errors turned into one line that names the flag (and, with --json, an envelope).
import type { Command, CommanderError } from 'commander';

export interface UsageProblem {
  message: string;
  /** The flag or argument at fault, when known (the envelope's `field`). */
  field?: string;
}

/**
 * One line for a commander usage error. `raw` is what commander printed ("error: unknown option
 * '--x'\n(Did you mean --y?)"). Too many arguments is the usual sign of an unquoted value with a
 * space (`--tof 3 kg`): then the message names the flag and shows the quoted form.
 */
export function usageProblem(program: Command, argv: readonly string[], err: CommanderError, raw: string): UsageProblem {
  const text = (raw || err.message)
    .replace(/^error:\s*/i, '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .join(' ')
    .replace(/\s*\(Did you mean (.+?)\?\)$/, '; did you mean $1?');
  if (err.code === 'commander.excessArguments') {
    const better = explainExcessArguments(program, argv);
    if (better) return better;
  }
  const flag = /'(-{1,2}[A-Za-z0-9][\w-]*)/.exec(text)?.[1];
  return flag ? { message: text, field: flag } : { message: text };
}

interface Operand {
  text: string;
  /** Position in argv. */
  at: number;
}

const NEGATIVE_NUMBER = /^-(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Finds the first surplus word of the subcommand in `argv` and says where it came from. */
export function explainExcessArguments(program: Command, argv: readonly string[]): UsageProblem | null {
  let k = 0;
  // Global options come before the command name.
  while (k < argv.length && argv[k].startsWith('-')) k++;
  const name = argv[k];
  const cmd = program.commands.find((c) => c.name() === name || c.aliases().includes(name ?? ''));
  if (!cmd) return null;
  const operands: Operand[] = [];
  // argv position of each flag value → the flag it belongs to.
  const valueOf = new Map<number, string>();
  let onlyOperands = false;
  for (let j = k + 1; j < argv.length; j++) {
    const tok = argv[j];
    if (!onlyOperands && tok === '--') {
      onlyOperands = true;
      continue;
    }
    if (!onlyOperands && tok.startsWith('-') && tok.length > 1 && !NEGATIVE_NUMBER.test(tok)) {
      const eq = tok.indexOf('=');
      const flagText = eq > 0 ? tok.slice(0, eq) : tok;
      const opt = cmd.options.find((o) => o.long === flagText || o.short === flagText) ?? program.options.find((o) => o.long === flagText || o.short === flagText);
      if (!opt) return null; // commander would have said "unknown option"
      if (eq > 0 || !(opt.required || opt.optional)) continue;
      const next = argv[j + 1];
      if (next === undefined) continue;
      if (opt.required || !next.startsWith('-') || NEGATIVE_NUMBER.test(next)) {
        valueOf.set(j + 1, opt.long ?? flagText);
        j++;
      }
      continue;
    }
    operands.push({ text: tok, at: j });
  }
  const declared = cmd.registeredArguments;
  if (declared.some((a) => a.variadic) || operands.length <= declared.length) return null;
  // A word right after a flag's value is the likely culprit (`--tof 3 kg`), wherever it landed.
  const stray = operands.find((o) => valueOf.has(o.at - 1));
  if (stray) {
    const flag = valueOf.get(stray.at - 1)!;
    const words = [argv[stray.at - 1]];
    // As many following words as there are surplus ones (the rest are the command's own arguments).
    for (let j = stray.at, n = operands.length - declared.length; n > 0 && operands.some((o) => o.at === j); j++, n--) words.push(argv[j]);
    return {
      message: `${flag}: "${argv[stray.at - 1]}" is followed by a stray "${stray.text}"; quote a value that has a space, such as a quantity with a unit: ${flag} "${words.join(' ')}"`,
      field: flag,
    };
  }
  const first = operands[declared.length];
  const takes = declared.length === 0 ? 'takes no arguments' : `takes ${declared.map((a) => `<${a.name()}>`).join(' ')} only`;
  return { message: `${cmd.name()}: unexpected extra argument "${first.text}"; the command ${takes}`, field: first.text };
}
