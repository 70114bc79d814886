import { createContext, type ReactNode } from 'react';
import type { WarrantClient } from '../../src/contract/client';
import { DataProvider } from '../data/DataProvider';

export const ClientContext = createContext<WarrantClient | null>(null);

/** The contract client for this window, with the cache its reads go through (renderer/data). */
export function ClientProvider({ client, children }: { client: WarrantClient; children: ReactNode }) {
  return (
    <ClientContext.Provider value={client}>
      <DataProvider>{children}</DataProvider>
    </ClientContext.Provider>
  );
}
