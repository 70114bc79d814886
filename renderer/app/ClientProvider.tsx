import type { QueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode } from 'react';
import type { WarrantClient } from '../../src/contract/client';
import { DataProvider } from '../data/DataProvider';

export const ClientContext = createContext<WarrantClient | null>(null);

/** The contract client for this window, with the cache its reads go through (renderer/data). */
export function ClientProvider({
  client,
  queryClient,
  children,
}: {
  client: WarrantClient;
  queryClient?: QueryClient;
  children: ReactNode;
}) {
  return (
    <ClientContext.Provider value={client}>
      <DataProvider queryClient={queryClient}>{children}</DataProvider>
    </ClientContext.Provider>
  );
}
