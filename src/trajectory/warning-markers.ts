/**
 * Marker texts of trajectory warnings that front ends look for. Kept free of imports so that a
 * command registering its flags (cli/commands/screen.ts) does not load the ephemeris
 * (astronomy-engine, ~50 ms) at every start-up.
 */

/** Marker text of the strongest warning. */
export const UNTRUSTWORTHY = 'two-body Δv figures not trustworthy';
