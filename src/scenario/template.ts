/**
 * The commented starter scenario `prospector init` writes. It must parse as a valid scenario
 * (test/scenario/template.test.ts); every field a user may change is shown with its unit.
 */
export const STARTER_SCENARIO = `# Prospector scenario (YAML; JSON works too). Plan it with:
#   prospector plan scenario.yaml            text report
#   prospector plan scenario.yaml --json     the full Plan as JSON
#   prospector export scenario.yaml --format csv -o yield.csv
#
# Quantities take units: "40 kW", "3000 s", "1.1 AU", "45.8 kg", "180 d", "12 km/s".
# A bare number is in the unit given in the comment. Uncertain inputs (marked ~) also take
#   {p10: 0.3, p50: 0.5, p90: 0.7}     fitted split-normal through the three percentiles
#   {min: 0.3, mode: 0.5, max: 0.7}    triangular
name: My first mining plan

target:
  designation: "1999 AO10"   # designation, number or name, as \`prospector target\` takes it
  # catalog: ./NEA.txt       # optional: MPC NEA.txt/MPCORB.DAT, nea_extended.json(.gz), SBDB CSV

delivery: earth              # earth (capsules, markets) or orbit (avoided launch mass)

window:                      # launch window and trip limits (NHATS-style search)
  # launch: 2030-01-01..2038-12-31   # FROM..TO; left out, the default: from today (2025-01-01 at the earliest) to 2045-12-31
  maxTotalDays: 1200 d       # default 450 d (NHATS, for crewed sorties); mining needs long stays
  minStayDays: 180 d         # default 8 d
  maxC3: 60 km^2/s^2         # the default (NHATS)
  maxEntrySpeed: 12 km/s     # the default (NHATS); for delivery: orbit, lower it to favour slow Earth arrivals
  maxDv: 12 km/s             # the default (NHATS)
  stepDays: 8 d              # the default

spacecraft:
  thrusterPreset: next-c     # nstar, next-c, spt-140 — or leave out and give isp/efficiency
  thrusters: 6               # strings firing at once
  power: 45 kW               # solar-array power at 1 AU (W)
  dryMass: 2500 kg
  # isp: 3100 s              # overrides the preset
  # efficiency: 0.61         # total efficiency PPU input → jet
  propellantMargin: 0.1      # fraction
  costUsdPerKg: {min: 150000, mode: 250000, max: 400000}  # ~ USD per kg dry (Discovery-class missions)

refinery:
  route: melt-metal          # water | melt-metal | vaporise-metal | melt-silicate
  products: [Pt, Pd, Ni, Co] # Pt Pd Rh Ir Os Ru Au Fe Ni Co H2O La Ce Pr Nd Sm Eu Gd Tb Dy Y REE Ga Ge
  concentratorDiameter: 10 m # or concentratorArea: 78.5 m^2
  opticalEfficiency: 0.8                             # ~ fraction
  captureEfficiency: {min: 0.3, mode: 0.5, max: 0.7} # ~ fraction
  dutyCycle: 0.5                                     # ~ fraction
  recovery: {min: 0.6, mode: 0.8, max: 0.9}          # ~ fraction of what the route extracts; or per product,
                                                     #   e.g. {Pt: 0.9, Ni: 0.7} (needed for a product the route does not extract)
  # stay: 365 d              # default: the trip's stay
  mass: 800 kg               # refinery left at the asteroid
  costUsd: {p10: 100000000, p50: 200000000, p90: 400000000}  # ~ USD

capsules:
  preset: stardust           # stardust, hayabusa, hayabusa2, osiris-rex, genesis
  payloadFraction: {min: 0.2, mode: 0.3, max: 0.4}   # ~ fraction of capsule mass that is cargo
  entryFpa: -8.2 deg         # flight-path angle at the 125 km entry interface
  costUsd: 5000000           # ~ USD per capsule (an assumption: set your own)

markets:
  pricesUsdPerKg: {}         # overrides, e.g. {Pt: 31500}; default: bundled USGS figures
  elasticities: {}           # ~ e.g. {Pt: {min: -1, mode: -0.5, max: -0.3}}

finance:
  discountRate: 0.08         # ~ per year
  campaignMissions: 1
  learningRate: 0.85         # cost of mission n = C1 · n^log2(L)
  launchCostUsdPerKg: {min: 1500, mode: 2700, max: 3600}  # ~ USD/kg to LEO
  operationsUsdPerYear: 20000000                         # ~ USD/yr

orbitalCompute:
  gw: 1                      # orbital data centre size
  years: 5 yr
  # launchCostUsdPerKg: 500

uncertainty:
  samples: 1000              # 0 = deterministic base case only
  seed: 1                    # same seed → same numbers
`;
