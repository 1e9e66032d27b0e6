import type { ContractError, ReaderEntry, ReadersOverview } from '../../../src/contract/index.js';

export type TechnicianTab = 'readers' | 'live' | 'pipeline' | 'learn' | 'test';

/** What every technician page may do: run a new set of readers (unsaved) and report how it went. */
export interface TechnicianActions {
  apply(readers: readonly ReaderEntry[]): Promise<boolean>;
  setOverview(overview: ReadersOverview): void;
  problem(error: ContractError): void;
  select(readerId: string, tab?: TechnicianTab): void;
}
