/**
 * Physical and astronomical constants, engine units (km, s, kg) unless the name says otherwise.
 * Values as fixed in DESIGN.md §1; each carries its primary source.
 */

/** Sun GM, km³/s². IAU 2009 / DE405-era value used by JPL (Luzum et al. 2011, CMDA 110, 293). */
export const MU_SUN_KM3S2 = 1.32712440018e11;

/** Earth GM, km³/s². IERS Conventions 2010, Table 1.1 (EGM2008 value 398600.4418). */
export const MU_EARTH_KM3S2 = 398600.4418;

/** Astronomical unit, km. IAU 2012 Resolution B2 (exact). */
export const AU_KM = 149597870.7;

/** Earth equatorial radius, km. WGS-84 / IERS 2010. */
export const R_EARTH_KM = 6378.137;

/** Standard gravity, m/s². CGPM 1901 (exact). */
export const G0_MS2 = 9.80665;

/** Solar constant at 1 AU, W/m². Kopp & Lean 2011, GRL 38, L01706 (1360.8 ± 0.5). */
export const SOLAR_CONSTANT_WM2 = 1361;

/** Stefan–Boltzmann constant, W m⁻² K⁻⁴. CODATA 2018 (exact since the 2019 SI). */
export const STEFAN_BOLTZMANN = 5.670374419e-8;

/** Seconds per day. */
export const DAY_S = 86400;

/** Julian year, days (IAU). */
export const JULIAN_YEAR_DAYS = 365.25;

/** Julian date of J2000.0 (2000-01-01T12:00 TT). */
export const JD_J2000 = 2451545.0;

/**
 * Obliquity of the ecliptic at J2000, radians: 84381.448″ (IAU 1976, the value JPL uses for the
 * ecliptic frame of SBDB/Horizons elements; the Horizons ephemeris notes of the reference data set).
 */
export const OBLIQUITY_J2000_RAD = (84381.448 / 3600) * (Math.PI / 180);

/** Troy ounces per kilogram (1 ozt = 31.1034768 g, exact by definition). */
export const OZT_PER_KG = 1000 / 31.1034768;

export const DEG = Math.PI / 180;
export const RAD = 180 / Math.PI;
