/**
 * Communities as columns: a block of rows held in typed arrays (numbers where
 * the field is numeric, NaN or -1 where it is absent), decided into status
 * codes by the same function that decides one record (`communityStatuses`).
 * A reader fills a block, hands it to the tally, and reuses it: memory stays
 * the size of one block however many rows pass through.
 */
import type { CommunityRecord } from './dataset.js';
import { communityFinding, communityStatuses, type Compiled, type Finding, CHECKS_PER_COMMUNITY as N } from './evaluate.js';
import type { Tally } from './tally.js';

/** Where a block's ids and names come from (a reader decodes them only when a finding is made). */
export interface TextSource {
  text(row: number, field: 'id' | 'name'): string;
}

/** A block of communities as columns. Fill rows with the setters, then hand the block on. */
export class CommunityColumns {
  length = 0;
  /** 0 urban, 1 rural. */
  readonly rural: Uint8Array;
  readonly households: Float64Array;
  /** NaN when absent (also for the other optional numbers). */
  readonly floatingHouseholds: Float64Array;
  readonly residents: Float64Array;
  readonly staff: Float64Array;
  /** The amount when it is a safe whole number; NaN when absent or given as decimal text (then in `roomAreaText`). */
  readonly roomAreaM2: Float64Array;
  readonly roomAreaText: (string | undefined)[];
  readonly streetSubsidyPaid: Float64Array;
  readonly subsidyText: (string | undefined)[];
  /** -1 absent, 0 false, 1 true. */
  readonly roomsOnGroundFloor: Int8Array;
  readonly oneStopWindow: Int8Array;
  readonly activeFrom: (string | undefined)[];
  /** Where each row came from (a line of a file, an index of an array), for messages. */
  readonly position: Float64Array;
  /** Ids and names: given as strings, or read from `source` when asked for. */
  readonly ids: (string | undefined)[];
  readonly names: (string | undefined)[];
  source: TextSource | undefined;

  constructor(readonly capacity: number) {
    this.rural = new Uint8Array(capacity);
    this.households = new Float64Array(capacity);
    this.floatingHouseholds = new Float64Array(capacity);
    this.residents = new Float64Array(capacity);
    this.staff = new Float64Array(capacity);
    this.roomAreaM2 = new Float64Array(capacity);
    this.roomAreaText = new Array(capacity).fill(undefined);
    this.streetSubsidyPaid = new Float64Array(capacity);
    this.subsidyText = new Array(capacity).fill(undefined);
    this.roomsOnGroundFloor = new Int8Array(capacity);
    this.oneStopWindow = new Int8Array(capacity);
    this.activeFrom = new Array(capacity).fill(undefined);
    this.position = new Float64Array(capacity);
    this.ids = new Array(capacity).fill(undefined);
    this.names = new Array(capacity).fill(undefined);
  }

  /** Start a new row with every optional field absent; returns its index. */
  add(position: number): number {
    const i = this.length++;
    this.position[i] = position;
    this.floatingHouseholds[i] = NaN;
    this.staff[i] = NaN;
    this.roomAreaM2[i] = NaN;
    this.roomAreaText[i] = undefined;
    this.streetSubsidyPaid[i] = NaN;
    this.subsidyText[i] = undefined;
    this.roomsOnGroundFloor[i] = -1;
    this.oneStopWindow[i] = -1;
    this.activeFrom[i] = undefined;
    this.ids[i] = undefined;
    this.names[i] = undefined;
    return i;
  }

  /** Fill row `i` from a validated record (the path of rows a reader could not take apart itself). */
  setRecord(i: number, c: CommunityRecord): void {
    this.ids[i] = c.id;
    this.names[i] = c.name;
    this.rural[i] = c.kind === 'rural' ? 1 : 0;
    this.households[i] = c.households;
    this.residents[i] = c.residents;
    this.floatingHouseholds[i] = c.floatingHouseholds ?? NaN;
    this.staff[i] = c.staff ?? NaN;
    this.setAmount(this.roomAreaM2, this.roomAreaText, i, c.roomAreaM2);
    this.setAmount(this.streetSubsidyPaid, this.subsidyText, i, c.streetSubsidyPaid);
    this.roomsOnGroundFloor[i] = c.roomsOnGroundFloor === undefined ? -1 : c.roomsOnGroundFloor ? 1 : 0;
    this.oneStopWindow[i] = c.oneStopWindow === undefined ? -1 : c.oneStopWindow ? 1 : 0;
    this.activeFrom[i] = c.activeFrom;
  }

  private setAmount(numbers: Float64Array, texts: (string | undefined)[], i: number, v: number | string | undefined): void {
    numbers[i] = NaN;
    texts[i] = undefined;
    if (v === undefined) return;
    if (typeof v === 'number') numbers[i] = v;
    else texts[i] = v;
  }

  id(i: number): string {
    return this.ids[i] ?? this.source!.text(i, 'id');
  }

  /** Row `i` as a record of its own (for a finding that outlives the block). */
  record(i: number): CommunityRecord {
    const c: CommunityRecord = {
      id: this.id(i),
      name: this.names[i] ?? this.source!.text(i, 'name'),
      kind: this.rural[i] ? 'rural' : 'urban',
      households: this.households[i]!,
      residents: this.residents[i]!,
    };
    const floating = this.floatingHouseholds[i]!;
    if (floating === floating) c.floatingHouseholds = floating;
    const room = this.roomAreaText[i] ?? this.roomAreaM2[i]!;
    if (room === room) c.roomAreaM2 = room;
    const staff = this.staff[i]!;
    if (staff === staff) c.staff = staff;
    if (this.roomsOnGroundFloor[i]! >= 0) c.roomsOnGroundFloor = this.roomsOnGroundFloor[i] === 1;
    if (this.oneStopWindow[i]! >= 0) c.oneStopWindow = this.oneStopWindow[i] === 1;
    const paid = this.subsidyText[i] ?? this.streetSubsidyPaid[i]!;
    if (paid === paid) c.streetSubsidyPaid = paid;
    if (this.activeFrom[i] !== undefined) c.activeFrom = this.activeFrom[i];
    return c;
  }

  /**
   * Row `i` into `view`, a record object reused from row to row (so deciding a
   * block makes no object per row). Absent fields are `undefined`.
   */
  view(i: number, view: FlatRecord): FlatRecord {
    view.kind = this.rural[i] ? 'rural' : 'urban';
    view.households = this.households[i]!;
    view.residents = this.residents[i]!;
    const floating = this.floatingHouseholds[i]!;
    view.floatingHouseholds = floating === floating ? floating : undefined;
    const staff = this.staff[i]!;
    view.staff = staff === staff ? staff : undefined;
    const room = this.roomAreaM2[i]!;
    view.roomAreaM2 = room === room ? room : this.roomAreaText[i];
    const paid = this.streetSubsidyPaid[i]!;
    view.streetSubsidyPaid = paid === paid ? paid : this.subsidyText[i];
    const g = this.roomsOnGroundFloor[i]!;
    view.roomsOnGroundFloor = g < 0 ? undefined : g === 1;
    const o = this.oneStopWindow[i]!;
    view.oneStopWindow = o < 0 ? undefined : o === 1;
    view.activeFrom = this.activeFrom[i];
    return view;
  }
}

/** A community record with every field present (absent ones `undefined`), so that one object serves every row. @internal */
export type FlatRecord = { [K in keyof Required<CommunityRecord>]: CommunityRecord[K] };

/** A reusable record for {@link CommunityColumns.view}. @internal */
export function flatRecord(): FlatRecord {
  return {
    id: '',
    name: '',
    kind: 'urban',
    households: 0,
    floatingHouseholds: undefined,
    residents: 0,
    roomAreaM2: undefined,
    staff: undefined,
    roomsOnGroundFloor: undefined,
    oneStopWindow: undefined,
    streetSubsidyPaid: undefined,
    activeFrom: undefined,
  };
}

/** Decide every row of a block: six status codes per row into `codes` (see `evaluateBatch`). @internal */
export function decideColumns(cols: CommunityColumns, k: Compiled, codes: Uint8Array, view: FlatRecord = flatRecord()): void {
  for (let i = 0; i < cols.length; i++) communityStatuses(cols.view(i, view) as CommunityRecord, k, codes, i * N);
}

/**
 * A block's findings, made when asked for (by the tally, for what it keeps, or by a caller streaming them):
 * row `i` becomes a record of its own once, however many of its findings are made.
 * @internal
 */
export class ColumnFindings {
  private row = -1;
  private rec: CommunityRecord | undefined;
  constructor(
    private readonly cols: CommunityColumns,
    private readonly k: Compiled,
  ) {}
  /** Forget the cached row (call when the block is refilled). */
  reset(): void {
    this.row = -1;
    this.rec = undefined;
  }
  finding(i: number, j: number, code: number): Finding {
    if (i !== this.row) {
      this.row = i;
      this.rec = this.cols.record(i);
    }
    return communityFinding(this.rec!, this.k, j, code);
  }
}

/** Decide every row of a block into `codes` and tally it. @internal */
export function tallyColumns(cols: CommunityColumns, k: Compiled, tally: Tally, codes: Uint8Array, src: ColumnFindings, view: FlatRecord): void {
  src.reset();
  for (let i = 0; i < cols.length; i++) {
    const c = cols.view(i, view) as CommunityRecord;
    communityStatuses(c, k, codes, i * N);
    tally.community(c, codes, i * N, src, i);
  }
}
