import type pg from 'pg';
import { validationError } from '@themis/domain';
import { guardDatabase } from '@themis/event-store';
import { z } from 'zod';
import type { PlanStatusName, PlanView } from './plan-view.ts';

export interface PlanSummary extends Pick<PlanView, 'id' | 'title' | 'template' | 'status' | 'version' | 'createdAt'> {
  readonly updatedAt: string;
}

export interface PlanListQuery {
  readonly limit: number;
  readonly cursor?: string | undefined;
  readonly status?: PlanStatusName | undefined;
}

export interface PlanListPage {
  readonly items: readonly PlanSummary[];
  /** Pass as `cursor` to get the next page; null on the last page. */
  readonly nextCursor: string | null;
}

interface Cursor {
  readonly createdAt: string;
  readonly id: string;
}

const encodeCursor = (cursor: Cursor) => Buffer.from(JSON.stringify([cursor.createdAt, cursor.id])).toString('base64url');

const cursorSchema = z.tuple([z.iso.datetime({ offset: true }), z.uuid()]);

function decodeCursor(text: string): Cursor {
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(text, 'base64url').toString('utf8')));
    if (parsed.success) return { createdAt: parsed.data[0], id: parsed.data[1] };
  } catch {
    // not JSON: fall through
  }
  throw validationError('invalid_cursor', 'the cursor is not one this API issued', [{ path: 'cursor', message: 'not a valid cursor' }]);
}

/** Newest plans first, keyset-paged so pages stay stable while plans are added. */
export async function listPlans(pool: pg.Pool, query: PlanListQuery): Promise<PlanListPage> {
  const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
  return guardDatabase(async () => {
    const result = await pool.query<{
      plan_id: string;
      title: string;
      template: string;
      status: PlanStatusName;
      version: number;
      created_at: Date;
      updated_at: Date;
    }>(
      `SELECT plan_id, title, template, status, version, created_at, updated_at FROM themis_plan_summaries
       WHERE ($1::text IS NULL OR status = $1)
         AND ($2::timestamptz IS NULL OR (created_at, plan_id) < ($2::timestamptz, $3::uuid))
       ORDER BY created_at DESC, plan_id DESC LIMIT $4`,
      [query.status ?? null, after?.createdAt ?? null, after?.id ?? null, query.limit + 1],
    );
    const rows = result.rows.slice(0, query.limit);
    const items = rows.map((row) => ({
      id: row.plan_id,
      title: row.title,
      template: row.template,
      status: row.status,
      version: row.version,
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
    }));
    const last = items.at(-1);
    return { items, nextCursor: result.rows.length > query.limit && last !== undefined ? encodeCursor(last) : null };
  });
}
