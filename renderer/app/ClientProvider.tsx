import { createContext, type ReactNode } from 'react';
import type { WarrantClient } from '../../src/contract/client';

export const ClientContext = createContext<WarrantClient | null>(null);

export function ClientProvider({ client, children }: { client: WarrantClient; children: ReactNode }) {
  return <ClientContext.Provider value={client}>{children}</ClientContext.Provider>;
}
