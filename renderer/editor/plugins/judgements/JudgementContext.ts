import { createContext } from 'react';
import type { WarrantClient } from '../../../../src/contract/client';
import type { JudgementStore } from './judgement-store';

/** What judgement blocks and panels share: the records and how to change them. */
export interface JudgementScope {
  store: JudgementStore;
  /** Saves a record's edits and refreshes it in the store. */
  client: WarrantClient;
  /** Reports a failure to the user. */
  onError: (message: string) => void;
}

export const JudgementContext = createContext<JudgementScope | null>(null);
