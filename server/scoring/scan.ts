import { randomUUID } from 'node:crypto';
import type { ScanJob, ScanProgress, ScanRow } from '../../shared/index.js';
import type { FastifyBaseLogger } from 'fastify';
import { currentDesign, type DocumentStore, type RoomManager } from '../collab/index.js';
import type { Db } from '../db/index.js';
import { toCsv } from './csv.js';
import type { ScoringService } from './service.js';
import { ruleTitle } from '../../shared/compliance/rules/index.js';

export type { ScanJob, ScanProgress, ScanRow };

/** Scans every design of a brokerage with the rule engine, with progress and a CSV report. */
export class ScanService {
  constructor(
    private readonly deps: {
      db: Db;
      rooms: RoomManager;
      store: DocumentStore;
      scoring: ScoringService;
      log: FastifyBaseLogger;
      progress: (userId: string, p: ScanProgress) => void;
    },
  ) {}

  async start(brokerageId: string, userId: string): Promise<string> {
    const { rows } = await this.deps.db.query<{ id: string; title: string; owner: string; kind: string; status: string }>(
      `SELECT d.id, d.title, u.name AS owner, d.kind, d.status FROM designs d JOIN users u ON u.id = d.owner_id
       WHERE d.brokerage_id = $1 AND d.deleted_at IS NULL ORDER BY d.updated_at DESC`,
      [brokerageId],
    );
    const id = randomUUID();
    await this.deps.db.query("INSERT INTO scan_jobs (id, brokerage_id, requested_by, status, total) VALUES ($1, $2, $3, 'running', $4)", [
      id,
      brokerageId,
      userId,
      rows.length,
    ]);
    void this.run(id, userId, rows).catch((err) => this.deps.log.error({ err, jobId: id }, 'scan failed'));
    return id;
  }

  private async run(
    id: string,
    userId: string,
    designs: Array<{ id: string; title: string; owner: string; kind: string; status: string }>,
  ): Promise<void> {
    const report: ScanRow[] = [];
    let lastReport = 0;
    try {
      for (const [i, d] of designs.entries()) {
        const design = await currentDesign(this.deps.rooms, this.deps.store, d.id);
        const score = await this.deps.scoring.evaluate(d.id, design);
        const errors = score?.findings.filter((f) => f.severity === 'error') ?? [];
        const warnings = score?.findings.filter((f) => f.severity === 'warning') ?? [];
        const topIds = [...new Set([...errors, ...warnings].map((f) => f.ruleId))].slice(0, 5);
        report.push({
          designId: d.id,
          title: d.title,
          owner: d.owner,
          kind: d.kind,
          status: d.status,
          brand: score?.brand ?? null,
          compliance: score?.compliance ?? null,
          blocksApproval: score?.blocksApproval ?? false,
          errors: errors.length,
          warnings: warnings.length,
          topIssues: topIds.join('; '),
          topIssueTitles: topIds.map(ruleTitle),
        });
        // Progress at most every 200 ms (and at the end), so big scans don't flood the database.
        if (Date.now() - lastReport > 200 || i === designs.length - 1) {
          lastReport = Date.now();
          await this.deps.db.query('UPDATE scan_jobs SET done = $2 WHERE id = $1', [id, i + 1]);
          this.deps.progress(userId, { jobId: id, done: i + 1, total: designs.length, status: 'running' });
        }
      }
      await this.deps.db.query("UPDATE scan_jobs SET status = 'done', done = total, report = $2, finished_at = now() WHERE id = $1", [
        id,
        JSON.stringify(report),
      ]);
      this.deps.progress(userId, { jobId: id, done: designs.length, total: designs.length, status: 'done' });
    } catch (err) {
      await this.deps.db.query("UPDATE scan_jobs SET status = 'failed', error = $2, finished_at = now() WHERE id = $1", [
        id,
        'The scan stopped because of an internal error',
      ]);
      this.deps.progress(userId, { jobId: id, done: report.length, total: designs.length, status: 'failed' });
      throw err;
    }
  }

  /** The brokerage's most recent scan job (without its report), or null. */
  async latest(brokerageId: string): Promise<{ id: string; status: ScanJob['status']; createdAt: string } | null> {
    const { rows } = await this.deps.db.query<{ id: string; status: ScanJob['status']; created_at: Date | string }>(
      'SELECT id, status, created_at FROM scan_jobs WHERE brokerage_id = $1 ORDER BY created_at DESC, id DESC LIMIT 1',
      [brokerageId],
    );
    const r = rows[0];
    return r ? { id: r.id, status: r.status, createdAt: new Date(r.created_at).toISOString() } : null;
  }

  async get(brokerageId: string, id: string): Promise<(ScanJob & { report: ScanRow[] }) | null> {
    const { rows } = await this.deps.db.query<{
      id: string;
      status: ScanJob['status'];
      total: number;
      done: number;
      report: unknown;
      error: string | null;
      created_at: Date | string;
      finished_at: Date | string | null;
    }>('SELECT * FROM scan_jobs WHERE brokerage_id = $1 AND id = $2', [brokerageId, id]);
    const r = rows[0];
    if (!r) return null;
    const report = (typeof r.report === 'string' ? JSON.parse(r.report) : r.report) as ScanRow[];
    return {
      id: r.id,
      status: r.status,
      total: r.total,
      done: r.done,
      error: r.error,
      createdAt: new Date(r.created_at).toISOString(),
      finishedAt: r.finished_at ? new Date(r.finished_at).toISOString() : null,
      report,
    };
  }

  csv(report: ScanRow[]): string {
    return toCsv(
      [
        'Design',
        'Owner',
        'Kind',
        'Status',
        'Brand score',
        'Compliance score',
        'Blocks approval',
        'Errors',
        'Warnings',
        'Top issues',
        'Design id',
      ],
      report.map((r) => [
        r.title,
        r.owner,
        r.kind,
        r.status,
        r.brand,
        r.compliance,
        r.blocksApproval ? 'yes' : 'no',
        r.errors,
        r.warnings,
        r.topIssues,
        r.designId,
      ]),
    );
  }
}
