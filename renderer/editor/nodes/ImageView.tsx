import { useMemo } from 'react';
import type { OutputOf } from '../../../src/contract/operations';
import { useContractQuery } from '../../data/useContractQuery';

/** Workspace images never change once added: one blob: address per image per window. */
const urls = new Map<string, string>();

function imageUrl(imageId: string, image: OutputOf<'briefings.image'>): string {
  let url = urls.get(imageId);
  if (!url) {
    const bytes = Uint8Array.from(atob(image.base64), (char) => char.charCodeAt(0));
    url = URL.createObjectURL(new Blob([bytes], { type: image.mediaType }));
    urls.set(imageId, url);
  }
  return url;
}

/** An image from the workspace (never from the network). */
export function ImageView({ imageId, altText }: { imageId: string; altText: string }) {
  const { data, error } = useContractQuery('briefings.image', { id: imageId }, { immutable: true });
  const src = useMemo(() => (data ? imageUrl(imageId, data) : null), [imageId, data]);
  if (error) return <span className="image-missing">Image not found in this workspace</span>;
  return src ? <img className="ed-image" src={src} alt={altText} /> : <span className="image-loading">Loading image…</span>;
}
