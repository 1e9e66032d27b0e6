import type { ContractResult } from '../../../src/contract/index.js';
import type { Notice } from './notice.js';

/** What a flow's host call gives back: success, or a refusal to show inline or as a notice. */
export type CallResult<T = unknown> = ContractResult<T>;

export interface FlowCallbacks {
  /** A refusal that ends the flow: the app shows the notice screen. */
  readonly onNotice: (notice: Notice) => void;
  readonly onCancel: () => void;
}
