import { z } from 'zod';
import { RecordId } from './fields';

/** Tag paths are hierarchical: `Actor/NATO`, `Region/Asia-Pacific`, `Topic/Missile defence`. */
export const TAG_SEPARATOR = '/';

/** Trims each level and drops empty ones: " Actor // NATO " → "Actor/NATO". */
export function normaliseTagPath(path: string): string {
  return path
    .split(TAG_SEPARATOR)
    .map((part) => part.trim().replace(/\s+/g, ' '))
    .filter((part) => part !== '')
    .join(TAG_SEPARATOR);
}

/** True when `path` is `ancestor` itself or lies below it (case-insensitive, like the store). */
export function isTagWithin(path: string, ancestor: string): boolean {
  const a = path.toLowerCase();
  const b = ancestor.toLowerCase();
  return a === b || a.startsWith(`${b}${TAG_SEPARATOR}`);
}

export const TAG_COLOURS = ['#1f4e79', '#2e7d32', '#8e24aa', '#c62828', '#ef6c00', '#00838f', '#5d4037', '#546e7a'] as const;

export const TagPathSchema = z
  .string()
  .transform(normaliseTagPath)
  .pipe(z.string().min(1, 'Give the tag a name.').max(200, 'Keep the tag path under 200 characters.'));

export const TagColourSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Use a colour like #1f4e79.');

export const TagSchema = z.object({
  id: RecordId,
  path: z.string(),
  color: z.string(),
  /** Live sources and quotes carrying the tag itself (not its children). */
  sourceCount: z.number().int().min(0),
  quoteCount: z.number().int().min(0),
  /** Grows with every rename or recolour; a rename carries the version it started from. */
  version: z.number().int().min(1),
});
export type Tag = z.infer<typeof TagSchema>;

/** A tag as shown on an item. */
export const TagRefSchema = z.object({ id: RecordId, path: z.string(), color: z.string() });
export type TagRef = z.infer<typeof TagRefSchema>;

export const TaggableSchema = z.object({ kind: z.enum(['source', 'quote']), id: RecordId });
export type Taggable = z.infer<typeof TaggableSchema>;
