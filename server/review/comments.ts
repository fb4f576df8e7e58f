import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Comment } from '../../shared/index.js';
import type { Db } from '../db/index.js';
import { AppError, notFound } from '../errors.js';
import type { NotificationService } from './notifications.js';

export { NewCommentSchema } from '../../shared/api/review.js';
import { NewCommentSchema } from '../../shared/api/review.js';
export type NewComment = z.infer<typeof NewCommentSchema>;

export type { Comment };

/** `@Name Surname`, `@first` or `@email` mentions resolved against the brokerage's people. */
export function findMentions(body: string, people: Array<{ id: string; name: string; email: string }>): string[] {
  const text = body.toLowerCase();
  const found = new Set<string>();
  for (const p of people) {
    const first = p.name.split(/\s+/)[0]!.toLowerCase();
    const handles = [p.email.toLowerCase(), p.name.toLowerCase(), first];
    if (handles.some((h) => new RegExp(`(^|[^\\w])@${h.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w])`).test(text))) found.add(p.id);
  }
  return [...found];
}

export class CommentService {
  constructor(
    private readonly db: Db,
    private readonly notifications: NotificationService,
  ) {}

  async list(brokerageId: string, designId: string): Promise<Comment[]> {
    const { rows } = await this.db.query<Record<string, unknown>>(
      `SELECT c.*, u.name AS author_name FROM comments c JOIN users u ON u.id = c.author_id
       WHERE c.brokerage_id = $1 AND c.design_id = $2 ORDER BY c.created_at ASC LIMIT 1000`,
      [brokerageId, designId],
    );
    return rows.map(toComment);
  }

  async add(
    author: { id: string; name: string; brokerageId: string },
    designId: string,
    input: NewComment,
  ): Promise<{ comment: Comment; notified: string[] }> {
    const people = await this.db.query<{ id: string; name: string; email: string }>(
      'SELECT id, name, email FROM users WHERE brokerage_id = $1 AND active',
      [author.brokerageId],
    );
    const mentions = findMentions(input.body, people.rows).filter((id) => id !== author.id);
    const id = randomUUID();
    const notified: Array<{ userId: string; n: Awaited<ReturnType<NotificationService['notify']>> }> = [];
    await this.db.transaction(async (tx) => {
      if (input.parentId) {
        const parent = await tx.query('SELECT 1 FROM comments WHERE id = $1 AND design_id = $2 AND brokerage_id = $3', [
          input.parentId,
          designId,
          author.brokerageId,
        ]);
        if (!parent.rows.length) throw new AppError(400, 'validation_failed', 'parentId: no such comment on this design');
      }
      await tx.query(
        `INSERT INTO comments (id, design_id, brokerage_id, parent_id, author_id, body, object_id, x, y, mentions)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          id,
          designId,
          author.brokerageId,
          input.parentId ?? null,
          author.id,
          input.body,
          input.objectId ?? null,
          input.x ?? null,
          input.y ?? null,
          mentions,
        ],
      );
      const title = await tx.query<{ title: string; owner_id: string }>('SELECT title, owner_id FROM designs WHERE id = $1', [designId]);
      const design = title.rows[0]!;
      const recipients = new Set(mentions);
      // The design's owner hears about every comment on it.
      if (design.owner_id !== author.id) recipients.add(design.owner_id);
      for (const userId of recipients) {
        const n = await this.notifications.notify(tx, {
          userId,
          brokerageId: author.brokerageId,
          kind: mentions.includes(userId) ? 'mention' : 'comment',
          designId,
          title: mentions.includes(userId)
            ? `${author.name} mentioned you on “${design.title}”`
            : `${author.name} commented on “${design.title}”`,
          body: input.body,
        });
        notified.push({ userId, n });
      }
    });
    for (const { userId, n } of notified) this.notifications.deliver(userId, n);
    const [comment] = (await this.list(author.brokerageId, designId)).filter((c) => c.id === id);
    return { comment: comment!, notified: notified.map((x) => x.userId) };
  }

  /** The design a comment belongs to (in this brokerage), so the caller's access to it can be checked first. */
  async designOf(brokerageId: string, commentId: string): Promise<string | null> {
    const { rows } = await this.db.query<{ design_id: string }>('SELECT design_id FROM comments WHERE id = $1 AND brokerage_id = $2', [
      commentId,
      brokerageId,
    ]);
    return rows[0]?.design_id ?? null;
  }

  async resolve(brokerageId: string, userId: string, commentId: string, resolved: boolean): Promise<Comment> {
    const { rows } = await this.db.query<{ design_id: string }>(
      `UPDATE comments SET resolved_at = CASE WHEN $4 THEN now() ELSE NULL END, resolved_by = CASE WHEN $4 THEN $3 ELSE NULL END
       WHERE id = $1 AND brokerage_id = $2 RETURNING design_id`,
      [commentId, brokerageId, userId, resolved],
    );
    if (!rows[0]) throw notFound('Comment');
    return (await this.list(brokerageId, rows[0].design_id)).find((c) => c.id === commentId)!;
  }
}

function toComment(r: Record<string, unknown>): Comment {
  return {
    id: r.id as string,
    designId: r.design_id as string,
    parentId: (r.parent_id as string | null) ?? null,
    authorId: r.author_id as string,
    authorName: r.author_name as string,
    body: r.body as string,
    objectId: (r.object_id as string | null) ?? null,
    x: r.x === null ? null : Number(r.x),
    y: r.y === null ? null : Number(r.y),
    mentions: (r.mentions as string[]) ?? [],
    resolvedAt: r.resolved_at ? new Date(r.resolved_at as string).toISOString() : null,
    createdAt: new Date(r.created_at as string).toISOString(),
  };
}
