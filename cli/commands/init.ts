// `prospector init [FILE]`: write the commented starter scenario (atomic; never overwrites without --force).
import { isAbsolute, resolve } from 'node:path';
import type { RegisterCommand } from '../command.js';
import { runOutput, withOutputFlags } from '../command.js';

export const register: RegisterCommand = (program, ctx, setExit) => {
  const cmd = program
    .command('init')
    .description('write a commented starter scenario (default scenario.yaml; "-" for stdout)')
    .argument('[file]', 'where to write it', 'scenario.yaml')
    .option('--force', 'overwrite an existing file')
    .addHelpText(
      'after',
      `
Examples:
  $ prospector init                      writes ./scenario.yaml
  $ prospector init mission.yaml --force
  $ prospector init - | less
`,
    );
  withOutputFlags(cmd, { csv: false });
  cmd.action(async (file: string, opts: { force?: boolean; json?: boolean }) => {
    const { STARTER_SCENARIO } = await import('../../src/scenario/template.js');
    if (file === '-') {
      // The scenario itself is the output: no envelope around it.
      ctx.stdout.write(STARTER_SCENARIO);
      setExit(0);
      return;
    }
    setExit(
      await runOutput(ctx, opts, async () => {
        const { writeFileAtomic } = await import('../../src/export/atomic-write.js');
        const path = isAbsolute(file) ? file : resolve(ctx.cwd, file);
        writeFileAtomic(path, STARTER_SCENARIO, { force: opts.force, field: 'FILE', shown: file });
        const result = { written: file, bytes: Buffer.byteLength(STARTER_SCENARIO) };
        return {
          result,
          text: () => {
            ctx.stderr.write(`wrote ${file}; next: prospector plan ${file}\n`);
            return '';
          },
        };
      }),
    );
  });
};
