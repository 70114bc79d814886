import { createContext } from 'react';
import type { WarrantClient } from '../../../../src/contract/client';
import type { RunCommand } from '../../../data/mutations';
import type { JudgementStore } from './judgement-store';

/** What judgement blocks and panels share: the records and how to change them. */
export interface JudgementScope {
  store: JudgementStore;
  client: WarrantClient;
  /** Saves a record's edits, keeping the renderer's cache of reads up to date. */
  command: RunCommand;
  /** Reports a failure to the user. */
  onError: (message: string) => void;
}

export const JudgementContext = createContext<JudgementScope | null>(null);
