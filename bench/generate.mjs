/**
 * Deterministic synthetic communities with realistic ranges: a seeded
 * generator (mulberry32), so every run measures the same data.
 */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `n` urban communities, plain objects as a user would hand them in. */
export function communities(n, seed = 20111) {
  const r = rng(seed);
  const int = (lo, hi) => lo + Math.floor(r() * (hi - lo + 1));
  const out = new Array(n);
  for (let i = 0; i < n; i++) {
    const households = int(2200, 3900);
    const floatingHouseholds = int(0, 300);
    const residents = int(5800, 10400);
    // rooms near the standard (5 m² per 100 residents), in whole m², some short
    const roomAreaM2 = Math.floor((residents * 5) / 100) + int(-8, 30);
    const needStaff = Math.ceil((households + floatingHouseholds) / 600);
    out[i] = {
      id: `c${i}`,
      name: `社区${i}`,
      kind: 'urban',
      households,
      floatingHouseholds,
      residents,
      roomAreaM2,
      staff: needStaff - (r() < 0.12 ? 1 : 0) + (r() < 0.2 ? 1 : 0),
      streetSubsidyPaid: r() < 0.08 ? int(20000, 29999) : int(30000, 36000),
    };
  }
  return out;
}

/** The chance that each check fails, by mix. */
export const FAIL_CHANCE = { passing: 0.04, failing: 0.5, 'nearly-all-failing': 0.97 };

/**
 * `n` urban communities as records in one of the benchmark's mixes: `passing` (a few checks fail), `failing`
 * (each check fails with chance 1/2) or `nearly-all-failing` (97 %). Every field present, plain numbers.
 */
export function communitiesMix(n, mix, seed = 31) {
  const fail = FAIL_CHANCE[mix];
  if (fail === undefined) throw new Error(`no mix ${mix}; the mixes are ${Object.keys(FAIL_CHANCE).join(', ')}`);
  const r = rng(seed);
  const int = (lo, hi) => lo + Math.floor(r() * (hi - lo + 1));
  const bad = () => r() < fail;
  const out = new Array(n);
  for (let i = 0; i < n; i++) {
    const households = bad() ? (r() < 0.5 ? int(1500, 2399) : int(3601, 4500)) : int(2400, 3600);
    const residents = int(6400, 9600);
    const floatingHouseholds = int(0, 300);
    const need = Math.ceil((residents * 5) / 100);
    const staffNeed = Math.ceil((households + floatingHouseholds) / 600);
    out[i] = {
      id: `c${i}`,
      name: `社区${i}`,
      kind: 'urban',
      households,
      floatingHouseholds,
      residents,
      roomAreaM2: bad() ? need - int(1, 120) : need + int(0, 60),
      staff: bad() ? staffNeed - int(1, 2) : staffNeed + int(0, 1),
      roomsOnGroundFloor: !bad(),
      oneStopWindow: !bad(),
      streetSubsidyPaid: bad() ? int(10000, 29999) : int(30000, 36000),
    };
  }
  return out;
}
