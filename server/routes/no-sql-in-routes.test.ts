/**
 * Routes never query (server/repos/README.md): a route file imports no database module,
 * holds no SQL and calls no `.query(`. Each domain's repository owns its SQL.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectPath } from '../paths.js';

const ROUTES = projectPath('server', 'routes');

/** An import of server/db (value or type), or of a database driver. */
const DB_IMPORT = /from\s+['"](?:\.\.\/db(?:\/[^'"]*)?|pg|@electric-sql\/pglite[^'"]*)['"]/;
/** SQL in a string (our SQL is written in capitals): a statement keyword followed by what makes it a statement. */
const SQL =
  /['"`]\s*(?:SELECT\s+[\w*(]|INSERT\s+INTO\b|UPDATE\s+\w+\s+SET\b|DELETE\s+FROM\b|WITH\s+\w+\s+AS\s*\(|(?:BEGIN|COMMIT|ROLLBACK)\s*['"`;])/;
/** A query call on anything (a pool, a transaction, a database handle). */
const QUERY_CALL = /\.query\s*(?:<[^>]*>)?\s*\(/;

export function offences(file: string, text: string): string[] {
  const out: string[] = [];
  text.split('\n').forEach((line, i) => {
    const at = `${file}:${i + 1}: ${line.trim().slice(0, 120)}`;
    if (DB_IMPORT.test(line)) out.push(`imports the database: ${at}`);
    if (SQL.test(line)) out.push(`SQL: ${at}`);
    if (QUERY_CALL.test(line)) out.push(`queries: ${at}`);
  });
  return out;
}

describe('route files hold no data access', () => {
  it('no file under server/routes imports the database, holds SQL or calls .query(', () => {
    const files = readdirSync(ROUTES).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    expect(files.length).toBeGreaterThan(10);
    const found = files.flatMap((f) => offences(`server/routes/${f}`, readFileSync(join(ROUTES, f), 'utf8')));
    expect(found).toEqual([]);
  });

  it('the check itself catches an import, SQL and a query call, and passes a route that asks a repository', () => {
    expect(offences('x.ts', "import type { Db } from '../db/index.js';")).toHaveLength(1);
    expect(offences('x.ts', "import { Pool } from 'pg';")).toHaveLength(1);
    expect(offences('x.ts', "const sql = 'SELECT id FROM designs WHERE brokerage_id = $1';")).toHaveLength(1);
    expect(offences('x.ts', '  `UPDATE users SET name = $2 WHERE id = $1`')).toHaveLength(1);
    expect(offences('x.ts', 'await deps.db.query<{ n: number }>(sql, [id]);')).toHaveLength(1);
    expect(offences('x.ts', "await tx.query('DELETE FROM recovery_codes WHERE user_id = $1', [id]);")).toHaveLength(2);
    expect(offences('x.ts', 'const designs = await new DesignRepository(deps.db).listVisible(user.brokerageId, user.id);')).toEqual([]);
    expect(offences('x.ts', "import { DesignRepository, type Db } from '../repos/index.js';")).toEqual([]);
    expect(offences('x.ts', "throw new AppError(400, 'bad', 'Select a template first');")).toEqual([]);
  });
});
