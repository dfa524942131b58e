/**
 * Synthetic CSV files of urban communities for the file-to-report benchmark,
 * written in pieces (a 3M-row file is never one string). Two mixes:
 * `passing` (most checks pass) and `failing` (about half the checks fail).
 * About 1 % of the optional cells are empty (unknown), as in real data.
 * Usage: node bench/csv.mjs FILE ROWS passing|failing
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { rng } from './generate.mjs';

export const HEADER = 'id,name,kind,households,floatingHouseholds,residents,roomAreaM2,staff,roomsOnGroundFloor,oneStopWindow,streetSubsidyPaid';

/** Write `n` rows to `path`; `fail` is the chance that each check fails. */
export function writeCsv(path, n, mix, seed = 13) {
  const fail = mix === 'failing' ? 0.5 : 0.04;
  const r = rng(seed);
  const int = (lo, hi) => lo + Math.floor(r() * (hi - lo + 1));
  const maybe = (v) => (r() < 0.01 ? '' : v);
  const fd = openSync(path, 'w');
  let out = `${HEADER}\n`;
  for (let i = 0; i < n; i++) {
    const bad = () => r() < fail;
    // size: within ±20 % of 3,000 households and 8,000 residents, or outside
    const households = bad() ? (r() < 0.5 ? int(1500, 2399) : int(3601, 4500)) : int(2400, 3600);
    const residents = int(6400, 9600);
    const floating = int(0, 300);
    const need = Math.ceil((residents * 5) / 100);
    const room = bad() ? need - int(1, 120) : need + int(0, 60);
    const staffNeed = Math.ceil((households + floating) / 600);
    const staff = bad() ? staffNeed - int(1, 2) : staffNeed + int(0, 1);
    const ground = bad() ? 'false' : 'true';
    const window = bad() ? '0' : '1';
    const subsidy = bad() ? int(10000, 29999) : int(30000, 36000);
    out += `c${i},社区${i},urban,${households},${maybe(floating)},${residents},${maybe(room)},${maybe(staff)},${maybe(ground)},${window},${maybe(subsidy)}\n`;
    if (out.length > 1 << 20) {
      writeSync(fd, out);
      out = '';
    }
  }
  writeSync(fd, out);
  closeSync(fd);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [path, rows, mix] = process.argv.slice(2);
  writeCsv(path, Number(rows), mix ?? 'passing');
}
