import { createHash, randomUUID } from 'node:crypto';
import { WarrantError } from '../../src/contract/errors';
import { type IMAGE_MEDIA_TYPES, MAX_IMAGE_BYTES } from '../../src/domain/briefing';
import type { StoreContext } from '../store-context';

type ImageType = (typeof IMAGE_MEDIA_TYPES)[number];

/** Recognises an image by its first bytes, never by its name. */
export function sniffImage(bytes: Uint8Array): ImageType | null {
  const starts = (...sig: number[]): boolean => sig.every((byte, i) => bytes[i] === byte);
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x47, 0x49, 0x46, 0x38)) return 'image/gif';
  if (starts(0x52, 0x49, 0x46, 0x46) && bytes[8] === 0x57 && bytes[9] === 0x45 && bytes[10] === 0x42 && bytes[11] === 0x50)
    return 'image/webp';
  return null;
}

/** Images of briefings, kept inside the workspace as bytes. */
export class BriefingImageRepository {
  constructor(private readonly ctx: StoreContext) {}

  add(briefingId: string, bytes: Uint8Array): { imageId: string; mediaType: ImageType } {
    if (bytes.length === 0 || bytes.length > MAX_IMAGE_BYTES) throw new WarrantError('invalid_input', 'Images can be up to 10 MB.');
    const mediaType = sniffImage(bytes);
    if (!mediaType) throw new WarrantError('invalid_input', 'That file is not a PNG, JPEG, GIF or WebP image.');
    const imageId = randomUUID();
    const sha = createHash('sha256').update(bytes).digest('hex');
    const result = this.ctx.db
      .prepare(
        `INSERT INTO briefing_images (id, briefing_id, media_type, size, sha256, content, created_at)
         SELECT ?, id, ?, ?, ?, ?, ? FROM briefings WHERE id = ? AND deleted_at IS NULL`,
      )
      .run(imageId, mediaType, bytes.length, sha, Buffer.from(bytes), this.ctx.now(), briefingId);
    if (result.changes === 0) throw new WarrantError('not_found', 'That briefing no longer exists.');
    this.ctx.afterWrite();
    return { imageId, mediaType };
  }

  get(imageId: string): { mediaType: string; bytes: Uint8Array } {
    const row = this.ctx.db.prepare('SELECT media_type, content FROM briefing_images WHERE id = ?').get(imageId) as
      { media_type: string; content: Buffer } | undefined;
    if (!row) throw new WarrantError('not_found', 'That image is not in this workspace.');
    return { mediaType: row.media_type, bytes: new Uint8Array(row.content) };
  }
}
