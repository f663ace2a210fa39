// Mounts the ink application. Loaded lazily: ink costs ~0.6 s to import.
import type { CliContext } from '../context.js';
import { EXIT } from '../exit.js';

export interface TuiOptions {
  scenarioPath?: string;
}

export async function runTui(ctx: CliContext, _opts: TuiOptions): Promise<number> {
  const [{ render, Text, Box, useApp, useInput }, React] = await Promise.all([import('ink'), import('react')]);
  let code: number = EXIT.OK;
  function App() {
    const { exit } = useApp();
    useInput((input, key) => {
      if (key.ctrl && input === 'c') {
        code = EXIT.INTERRUPTED;
        exit();
      } else if (input === 'q') exit();
    });
    return React.createElement(
      Box,
      { flexDirection: 'column', borderStyle: 'round', paddingX: 1 },
      React.createElement(Text, { bold: true }, 'Prospector'),
      React.createElement(Text, null, 'The planning screens are being built. Press q to quit.'),
    );
  }
  const app = render(React.createElement(App), { exitOnCtrlC: false, stdout: ctx.stdout as NodeJS.WriteStream });
  await app.waitUntilExit();
  return code;
}
