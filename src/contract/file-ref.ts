import { z } from 'zod';

/**
 * Bytes the host holds for the renderer to fetch (a download). Files cross the contract as
 * bytes behind an opaque id, never as a path the renderer chose.
 */
export const FileRefSchema = z.object({
  fileId: z.string().min(1).max(128),
  name: z.string().min(1).max(255),
  size: z.number().int().min(0),
  mediaType: z.string().min(1).max(255),
});
export type FileRef = z.infer<typeof FileRefSchema>;

/** How a produced file reached the user: handed to the renderer, or written where the user chose in a native dialog. */
export const DeliverySchema = z.discriminatedUnion('delivery', [
  z.object({ delivery: z.literal('download'), file: FileRefSchema }),
  z.object({ delivery: z.literal('saved'), path: z.string() }),
]);
export type Delivery = z.infer<typeof DeliverySchema>;
