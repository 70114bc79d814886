import { useEffect, useState } from 'react';
import type { SnapshotImage } from '../../src/domain/snapshot';
import { errorMessage } from '../app/error-message';
import { useClient } from '../app/useClient';

/**
 * The images an MHTML snapshot carries, shown from the stored parts as data: URLs (the CSP allows
 * those and nothing remote), so an analyst sees the page's pictures without anything being fetched.
 */
export function SnapshotImages({ sourceId }: { sourceId: string }) {
  const client = useClient();
  const [images, setImages] = useState<SnapshotImage[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    client
      .call('snapshots.images', { sourceId })
      .then((result) => current && setImages(result.items))
      .catch((failure: unknown) => current && setError(errorMessage(failure)));
    return () => {
      current = false;
    };
  }, [client, sourceId]);

  if (error) return <p role="alert">The page’s images could not be loaded: {error}</p>;
  if (images === null || images.length === 0) return null;
  return (
    <section className="snapshot-images" aria-labelledby="snapshot-images-heading">
      <h3 id="snapshot-images-heading">Images kept with the page ({images.length})</h3>
      <ul>
        {images.map((image) => (
          <li key={image.location}>
            <figure>
              <img src={`data:${image.mediaType};base64,${image.base64}`} alt={`Saved image ${image.location}`} />
              <figcaption>{image.location}</figcaption>
            </figure>
          </li>
        ))}
      </ul>
    </section>
  );
}
