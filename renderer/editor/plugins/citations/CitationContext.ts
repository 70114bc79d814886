import { createContext } from 'react';
import type { CitationStore } from './citation-store';

export const CitationContext = createContext<CitationStore | null>(null);
