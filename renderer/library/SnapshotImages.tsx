import { errorMessage } from '../app/error-message';
import { useContractQuery } from '../data/useContractQuery';

/**
 * The images an MHTML snapshot carries, shown from the stored parts as data: URLs (the CSP allows
 * those and nothing remote), so an analyst sees the page's pictures without anything being fetched.
 */
export function SnapshotImages({ sourceId, snapshotId }: { sourceId: string; snapshotId?: string }) {
  // A snapshot's stored parts never change after capture.
  const read = useContractQuery('snapshots.images', { sourceId, snapshotId }, { immutable: true });
  const images = read.data?.items ?? null;
  const error = read.error ? errorMessage(read.error) : null;

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
