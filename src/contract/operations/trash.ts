import { z } from 'zod';
import { TrashItemSchema, TrashRefSchema } from '../../domain/trash';
import { command, query } from '../define';
import { Empty } from './shared';

/** The trash. */
export const TRASH_OPERATIONS = {
  'trash.list': query('Everything in the trash, newest first.', Empty, z.object({ items: z.array(TrashItemSchema) })),
  'trash.restore': command('Bring an item back from the trash.', TrashRefSchema.strict(), z.object({ restored: z.literal(true) })),
  'trash.empty': command('Delete everything in the trash for good.', Empty, z.object({ removed: z.number().int().min(0) })),
} as const;
