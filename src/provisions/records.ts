/**
 * The shapes of the data a city holds against the policy: a community, a
 * development project, one year's dataset. Plain types, declared here below
 * every check that reads them; the evaluation's schema
 * (`src/evaluate/dataset.ts`) validates exactly these shapes (a type test
 * there holds them equal).
 */

/** A money amount or an area in a dataset: a number ≥ 0 or a plain decimal string (exact). */
export type DatasetAmount = number | string;

/** One community of a dataset. */
export interface CommunityRecord {
  /** Unique within the dataset. */
  id: string;
  name: string;
  /** Urban communities are held to every community provision; rural ones only to the checks that apply to them (the subsidy). */
  kind: 'urban' | 'rural';
  /** Households of actual residents. */
  households: number;
  /** Households of the floating population, counted for staffing; 0 when absent. */
  floatingHouseholds?: number;
  residents: number;
  /** Office and service room area, m². */
  roomAreaM2?: DatasetAmount;
  /** Floor area of the community's service centre (社区服务中心, the embedded complex), m². */
  serviceCentreM2?: DatasetAmount;
  /** Community workers in post. */
  staff?: number;
  /** Whether the rooms are on the ground floor (A.3.4). */
  roomsOnGroundFloor?: boolean;
  /** Whether there is a one-stop service window (A.3.4). */
  oneStopWindow?: boolean;
  /** Matching subsidy the street or township paid this year, yuan. */
  streetSubsidyPaid?: DatasetAmount;
  /** ISO date the community came into being, when during the year (for the subsidy's share of the year, by its reading). */
  activeFrom?: string;
}

/** One development project of a dataset. */
export interface ProjectRecord {
  id: string;
  /** Total developed floor area, m². */
  floorAreaM2: DatasetAmount;
  /** Residents the project houses, to size rooms in kind. */
  residents?: number;
  /** Households the project houses, on a per-household room standard. */
  households?: number;
  /** Rooms handed over, m². */
  roomAreaProvidedM2?: DatasetAmount;
  /** Community-room money paid, yuan. */
  fundsPaid?: DatasetAmount;
  /** Price per m², yuan, to turn 3‰ into money. */
  pricePerM2?: DatasetAmount;
}

/** A city's dataset for one year. */
export interface Dataset {
  /** Free text: where the data comes from, or that it is made up. */
  description?: string;
  year: number;
  communities: CommunityRecord[];
  /** Villages (村/组) in the city and how many the rural rollout has reached. */
  villages?: { total: number; covered: number };
  /** The base year's special-plus-subsidy total and each year's city budget for communities, yuan. */
  funding?: { baseYearTotal: DatasetAmount; budgets: Record<string, DatasetAmount> };
  developerProjects?: ProjectRecord[];
}
