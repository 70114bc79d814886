import { randomUUID } from 'node:crypto';
import { WarrantError } from '../../src/contract/errors';
import type { ProductType, ProductTypeDraft } from '../../src/domain/briefing';
import type { StoreContext } from '../store-context';

interface TypeRow {
  id: string;
  name: string;
  word_limit: number | null;
  sections: string;
  built_in: number;
}

function toType(row: TypeRow): ProductType {
  return {
    id: row.id,
    name: row.name,
    wordLimit: row.word_limit,
    sections: JSON.parse(row.sections) as ProductType['sections'],
    builtIn: row.built_in === 1,
  };
}

/** Product types and their templates, kept as data so users can add their own. */
export class ProductTypeRepository {
  constructor(private readonly ctx: StoreContext) {}

  list(): ProductType[] {
    return (
      this.ctx.db
        .prepare('SELECT id, name, word_limit, sections, built_in FROM product_types ORDER BY built_in DESC, name_key')
        .all() as TypeRow[]
    ).map(toType);
  }

  get(id: string): ProductType {
    const row = this.ctx.db.prepare('SELECT id, name, word_limit, sections, built_in FROM product_types WHERE id = ?').get(id) as
      TypeRow | undefined;
    if (!row) throw new WarrantError('not_found', 'That product type does not exist.');
    return toType(row);
  }

  create(draft: ProductTypeDraft): ProductType {
    const id = randomUUID();
    const key = draft.name.toLowerCase();
    if (this.ctx.db.prepare('SELECT 1 FROM product_types WHERE name_key = ?').get(key)) {
      throw new WarrantError('invalid_input', 'A product type with that name exists.', {
        fields: { name: 'A product type with that name exists.' },
      });
    }
    this.ctx.db
      .prepare('INSERT INTO product_types (id, name, name_key, word_limit, sections, built_in, created_at) VALUES (?, ?, ?, ?, ?, 0, ?)')
      .run(id, draft.name, key, draft.wordLimit, JSON.stringify(draft.sections), this.ctx.now());
    this.ctx.afterWrite();
    return this.get(id);
  }
}
