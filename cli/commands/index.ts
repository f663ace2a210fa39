// Every subcommand registers itself here. Registration files only declare flags (commander);
// their actions import the engine lazily so that `--help` stays fast.
import type { RegisterCommand } from '../command.js';

export const commands: RegisterCommand[] = [];
