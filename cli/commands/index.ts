// Every subcommand registers itself here. Registration files only declare flags (commander);
// their actions import the engine lazily so that `--help` stays fast.
import type { RegisterCommand } from '../command.js';
import { register as tui } from './tui.js';
import { register as orbitalDc } from './orbital-dc.js';
import { register as market } from './market.js';
import { register as trip } from './trip.js';
import { register as porkchop } from './porkchop.js';
import { register as plan } from './plan.js';
import { register as compare } from './compare.js';
import { register as exportCmd } from './export.js';
import { register as init } from './init.js';

export const commands: RegisterCommand[] = [tui, trip, porkchop, orbitalDc, market, plan, compare, exportCmd, init];
