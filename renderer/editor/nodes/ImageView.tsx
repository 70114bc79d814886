import { useEffect, useState } from 'react';
import type { WarrantClient } from '../../../src/contract/client';
import { useClient } from '../../app/useClient';

const urls = new Map<string, Promise<string>>();

/** A blob: address for a workspace image, fetched once per image per window. */
function imageUrl(client: WarrantClient, imageId: string): Promise<string> {
  let url = urls.get(imageId);
  if (!url) {
    url = client.call('briefings.image', { id: imageId }).then(({ mediaType, base64 }) => {
      const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
      return URL.createObjectURL(new Blob([bytes], { type: mediaType }));
    });
    url.catch(() => urls.delete(imageId));
    urls.set(imageId, url);
  }
  return url;
}

/** An image from the workspace (never from the network). */
export function ImageView({ imageId, altText }: { imageId: string; altText: string }) {
  const client = useClient();
  const [src, setSrc] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let current = true;
    imageUrl(client, imageId).then(
      (url) => current && setSrc(url),
      () => current && setFailed(true),
    );
    return () => {
      current = false;
    };
  }, [client, imageId]);
  if (failed) return <span className="image-missing">Image not found in this workspace</span>;
  return src ? <img className="ed-image" src={src} alt={altText} /> : <span className="image-loading">Loading image…</span>;
}
