// `prospector merge`: join the shard outputs of `prospector screen --shard k/n` into one ranking.
import type { RegisterCommand } from '../command.js';
import { runOutput, withOutputFlags } from '../command.js';
import { InputError } from '../../src/errors.js';
import { screenCsv, screenText } from './screen.js';

export const register: RegisterCommand = (program, ctx, setExit) => {
  const cmd = program
    .command('merge')
    .description('join `prospector screen --shard k/n --out FILE` outputs into one ranking (checks that every shard is there, complete, with the same settings)')
    .argument('<files...>', 'shard outputs (the --out files or --json outputs of `prospector screen`)')
    .option('--out <file>', 'also write the merged JSON result to FILE (atomic)')
    .option('--force', 'overwrite --out if it exists')
    .addHelpText(
      'after',
      `
Examples:
  $ prospector merge shard-1.json shard-2.json shard-3.json shard-4.json
  $ prospector merge results/shard-*.json --csv > ranking.csv
`,
    );
  withOutputFlags(cmd, { csv: true });
  cmd.action(async (files: string[], opts: { out?: string; force?: boolean; json?: boolean; csv?: boolean }) => {
    setExit(
      await runOutput(ctx, opts, async () => {
        const { readFileSync } = await import('node:fs');
        const { resolve } = await import('node:path');
        const { mergeScreens } = await import('../../src/trajectory/screen.js');
        const parts = files.map((file) => {
          let text: string;
          try {
            text = readFileSync(resolve(ctx.cwd, file), 'utf8');
          } catch (e) {
            const code = (e as NodeJS.ErrnoException).code;
            throw new InputError(`${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (e as Error).message}`, file);
          }
          let doc: unknown;
          try {
            doc = JSON.parse(text);
          } catch {
            throw new InputError(`${file}: not JSON (expected the output of \`prospector screen --out FILE\` or --json)`, file);
          }
          // Accept the envelope {"schemaVersion":1,"result":…} or a bare result.
          const d = doc as { schemaVersion?: number; result?: unknown };
          const result = d && typeof d === 'object' && 'result' in d ? d.result : doc;
          return { file, result: result as never };
        });
        // Different launch windows get their own message: with the default window (it starts on the
        // day a shard runs), array jobs that start on different days screen different windows.
        const windows = parts.map(({ result }) => {
          const r = result as { format?: unknown; settings?: { launchFrom?: unknown; launchTo?: unknown } } | null;
          const st = r && typeof r === 'object' && r.format === 'prospector-screen' ? r.settings : undefined;
          return st && typeof st.launchFrom === 'string' && typeof st.launchTo === 'string' ? `${st.launchFrom}..${st.launchTo}` : null;
        });
        const other = windows.findIndex((w) => w !== windows[0]);
        if (windows.every((w) => w !== null) && other > 0) {
          throw new InputError(
            `${parts[other].file}: screened the launch window ${windows[other]} but ${parts[0].file} screened ${windows[0]}; shards merge only when they screened the same window (the default window starts on the day a shard runs: give every shard the same --launch FROM..TO)`,
            parts[other].file,
          );
        }
        const merged = mergeScreens(parts);
        if (opts.out) {
          const { writeFileAtomic } = await import('../../src/export/atomic-write.js');
          const { jsonResult } = await import('../format/json.js');
          writeFileAtomic(resolve(ctx.cwd, opts.out), jsonResult(merged), { force: opts.force, field: '--out' });
        }
        return { result: merged, text: (r, s) => screenText(r, s), csv: (r) => screenCsv(r) };
      }),
    );
  });
};
