/**
 * The hand-written baseline: the same verdicts with plain numbers, written
 * independently of the library (no shared code), for the default policy:
 * size within ±20 % of 3,000 households and 8,000 residents, rooms ≥ 5 m² per
 * 100 residents, staff ≥ ceil(households / 600), subsidy ≥ 30,000 yuan.
 * Returns a status code per finding: 1 pass, 0 fail, 4 per community.
 */
export function baseline(records, out = new Uint8Array(records.length * 4)) {
  for (let i = 0; i < records.length; i++) {
    const c = records[i];
    const dh = c.households > 3000 ? c.households - 3000 : 3000 - c.households;
    const dr = c.residents > 8000 ? c.residents - 8000 : 8000 - c.residents;
    out[i * 4] = dh * 10 <= 2 * 3000 && dr * 10 <= 2 * 8000 ? 1 : 0;
    out[i * 4 + 1] = c.roomAreaM2 * 100 >= c.residents * 5 ? 1 : 0;
    const total = c.households + c.floatingHouseholds;
    out[i * 4 + 2] = c.staff >= Math.floor((total + 599) / 600) ? 1 : 0;
    out[i * 4 + 3] = c.streetSubsidyPaid >= 30000 ? 1 : 0;
  }
  return out;
}
