// Every subcommand registers itself here. Registration files only declare flags (commander);
// their actions import the engine lazily so that `--help` stays fast.
import type { RegisterCommand } from '../command.js';
import { register as tui } from './tui.js';
import { register as orbitalDc } from './orbital-dc.js';
import { register as market } from './market.js';
import { register as trip } from './trip.js';
import { register as porkchop } from './porkchop.js';
import { register as screen } from './screen.js';
import { register as merge } from './merge.js';
import { register as plan } from './plan.js';
import { register as compare } from './compare.js';
import { register as exportCmd } from './export.js';
import { register as init } from './init.js';
import { register as reentry } from './reentry.js';
import { register as refine } from './refine.js';
import { register as propulsion } from './propulsion.js';
import { register as targets } from './targets.js';
import { register as target } from './target.js';
import { register as lambert } from './lambert.js';
import { register as ephemeris } from './ephemeris.js';

export const commands: RegisterCommand[] = [tui, trip, porkchop, screen, merge, orbitalDc, market, plan, compare, exportCmd, init, targets, target, propulsion, reentry, refine, lambert, ephemeris];
