// Appends rows to one PostgreSQL table in the order they are given, many per statement: while one
// INSERT runs, the rows that arrive meanwhile wait and go together in the next. A busy server thus
// pays one round trip per batch, not per keystroke, and an append still resolves only once its row
// is committed (the journal's durability promise, see server-persistence.ts).
import type pg from 'pg';

interface Waiting<Row> {
  row: Row;
  stored: () => void;
  failed: (error: unknown) => void;
}

/** PostgreSQL's limit is 65,535 parameters a statement; batches stay well below it. */
const ROWS_PER_STATEMENT = 1_000;

export class BatchedInsert<Row> {
  private waiting: Waiting<Row>[] = [];
  private running: Promise<void> | null = null;

  constructor(
    private readonly pool: pg.Pool,
    private readonly table: string,
    private readonly columns: readonly string[],
    private readonly valuesOf: (row: Row) => unknown[],
  ) {}

  /** Resolves once the row is committed; rejects when its statement failed (nothing of that batch was stored). */
  add(row: Row): Promise<void> {
    return new Promise((stored, failed) => {
      this.waiting.push({ row, stored, failed });
      this.running ??= this.drain();
    });
  }

  /** Resolves once every row added so far is stored or has failed. */
  async settled(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    try {
      while (this.waiting.length > 0) {
        const batch = this.waiting.splice(0, ROWS_PER_STATEMENT);
        const width = this.columns.length;
        const values = batch.flatMap((entry) => this.valuesOf(entry.row));
        const tuples = batch.map((_, row) => `(${this.columns.map((__, column) => `$${row * width + column + 1}`).join(', ')})`);
        try {
          await this.pool.query(`INSERT INTO ${this.table} (${this.columns.join(', ')}) VALUES ${tuples.join(', ')}`, values);
          for (const entry of batch) entry.stored();
        } catch (error) {
          for (const entry of batch) entry.failed(error);
        }
      }
    } finally {
      this.running = null;
    }
  }
}
