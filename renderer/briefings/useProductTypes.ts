import type { ProductType } from '../../src/domain/briefing';
import { useContractQuery } from '../data/useContractQuery';

const NO_TYPES: ProductType[] = [];

/** Product types with their limits and templates, read again when one is added. */
export function useProductTypes(): ProductType[] {
  return useContractQuery('productTypes.list', {}).data?.items ?? NO_TYPES;
}
