import { createHash } from 'node:crypto';
import type { Queryable } from '../db/index.js';
import { emit } from './outbox.js';

/** A stable uuid-shaped id derived from `key`, so an event recorded twice is stored once. */
export function stableEventId(key: string): string {
  const h = createHash('sha256').update(key).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h.slice(16, 17), 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * `agent.onboarded` for a person who joined the brokerage (invite accepted,
 * first log-in, created by an admin). Call inside the transaction that
 * creates/activates the user. At most one event per user, whatever calls it.
 */
export async function recordAgentOnboarded(
  tx: Queryable,
  person: {
    brokerageId: string;
    userId: string;
    name: string;
    role: 'agent' | 'brand_manager' | 'admin';
    via: 'invite' | 'first_login' | 'seed' | 'admin';
    actorId?: string | null;
  },
): Promise<void> {
  await emit(tx, 'agent.onboarded', {
    id: stableEventId(`agent.onboarded:${person.userId}`),
    brokerageId: person.brokerageId,
    actorId: person.actorId ?? person.userId,
    payload: { userId: person.userId, name: person.name, role: person.role, via: person.via },
  });
}

interface Finding {
  ruleId: string;
  category?: string;
  severity: string;
}

/**
 * After a score row was inserted for `designId` in `tx`: records
 * `compliance.violation.detected` for every rule with an error finding that
 * the design's previous score row did not have.
 */
export async function recordNewViolations(
  tx: Queryable,
  designId: string,
  result: { brand: number; compliance: number; findings: readonly Finding[] },
): Promise<number> {
  const errors = new Map<string, Finding>();
  for (const f of result.findings) if (f.severity === 'error' && !errors.has(f.ruleId)) errors.set(f.ruleId, f);
  if (!errors.size) return 0;
  const prev = await tx.query<{ findings: unknown }>(
    'SELECT findings FROM design_scores WHERE design_id = $1 ORDER BY id DESC OFFSET 1 LIMIT 1',
    [designId],
  );
  const raw = prev.rows[0]?.findings;
  const before = (typeof raw === 'string' ? JSON.parse(raw) : (raw ?? [])) as Finding[];
  for (const f of before) if (f.severity === 'error') errors.delete(f.ruleId);
  if (!errors.size) return 0;
  const d = await tx.query<{ brokerage_id: string; kind: string; owner_id: string }>(
    'SELECT brokerage_id, kind, owner_id FROM designs WHERE id = $1',
    [designId],
  );
  const design = d.rows[0];
  if (!design) return 0;
  for (const f of errors.values()) {
    await emit(tx, 'compliance.violation.detected', {
      brokerageId: design.brokerage_id,
      payload: {
        designId,
        kind: design.kind,
        ownerId: design.owner_id,
        ruleId: f.ruleId,
        category: String(f.category ?? 'compliance').slice(0, 50),
        severity: 'error',
        scores: { brand: result.brand, compliance: result.compliance },
      },
    });
  }
  return errors.size;
}

/** A review step as the review workflow reports it (server/review/service.ts). */
export interface ReviewStep {
  type: 'review.submitted' | 'review.approved' | 'review.changes_requested';
  designId: string;
  brokerageId: string;
  actorId: string;
  ownerId: string;
  kind: string;
  comment?: string;
  brand?: number;
  compliance?: number;
  turnaroundMs?: number;
}

/** The domain event of a review step, in the transaction that records the step. */
export async function recordReviewStep(tx: Queryable, e: ReviewStep): Promise<void> {
  const scores = e.brand !== undefined && e.compliance !== undefined ? { brand: e.brand, compliance: e.compliance } : undefined;
  const common = { brokerageId: e.brokerageId, actorId: e.actorId };
  if (e.type === 'review.submitted') {
    await emit(tx, 'review.submitted', {
      ...common,
      payload: { designId: e.designId, kind: e.kind, ownerId: e.ownerId, submittedBy: e.actorId, scores },
    });
  } else {
    const payload = {
      designId: e.designId,
      kind: e.kind,
      ownerId: e.ownerId,
      reviewerId: e.actorId,
      turnaroundMs: e.turnaroundMs ?? null,
      comment: e.comment,
      scores,
    };
    await emit(tx, e.type, { ...common, payload });
  }
}

/** `design.exported` for an export someone was allowed to make, with the design's scores when known. */
export async function recordDesignExported(
  tx: Queryable,
  x: { designId: string; brokerageId: string; userId: string; ownerId: string; format: string; kind: string },
  scores?: { brand: number; compliance: number },
): Promise<void> {
  await emit(tx, 'design.exported', {
    brokerageId: x.brokerageId,
    actorId: x.userId,
    payload: { designId: x.designId, kind: x.kind, ownerId: x.ownerId, format: x.format, scores },
  });
}
