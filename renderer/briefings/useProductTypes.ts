import { useEffect, useState } from 'react';
import type { ProductType } from '../../src/domain/briefing';
import { useClient } from '../app/useClient';

/** Product types with their limits and templates; a new `version` reloads them. */
export function useProductTypes(version = 0): ProductType[] {
  const client = useClient();
  const [types, setTypes] = useState<ProductType[]>([]);
  useEffect(() => {
    let current = true;
    client.call('productTypes.list', {}).then(
      ({ items }) => current && setTypes(items),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [client, version]);
  return types;
}
