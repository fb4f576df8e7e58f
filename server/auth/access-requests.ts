/**
 * Access requests: someone of the brokerage who opens a design they cannot see is told so (not
 * "not found") and can ask its owner for view or edit access; the owner hears about it (inbox, and
 * email when configured) and grants it in one click (a share, the requester notified). For anyone
 * of another brokerage, or a design that does not exist, every answer stays a plain 404.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/index.js';
import { AppError, forbidden, notFound } from '../errors.js';
import { DesignRepository, ShareRepository } from '../repos/index.js';
import type { NotificationService } from '../review/notifications.js';
import type { DesignAccessInfo } from '../../shared/api/access.js';
import type { AccessEvent } from './access-bus.js';
import { AccessRequestRepository, type AccessRequest } from './access-request-repo.js';
import type { AuditLog } from './audit.js';
import { canShareDesign, designAccess } from './permissions.js';
import type { AuthUser } from './service.js';

export interface AccessRequestDeps {
  db: Db;
  notifications: NotificationService;
  notifyAccess: (event: AccessEvent) => void;
  audit: AuditLog;
}

export type { DesignAccessInfo };

export class AccessRequestService {
  private readonly repo: AccessRequestRepository;
  private readonly designs: DesignRepository;
  private readonly shares: ShareRepository;

  constructor(private readonly deps: AccessRequestDeps) {
    this.repo = new AccessRequestRepository(deps.db);
    this.designs = new DesignRepository(deps.db);
    this.shares = new ShareRepository(deps.db);
  }

  /** The design as this person may know it; another brokerage's (or none): 404. */
  private async facts(user: AuthUser, designId: string) {
    const facts = await this.designs.accessFacts(designId, user.id);
    if (!facts || facts.brokerageId !== user.brokerageId) throw notFound('Design');
    const design = await this.repo.design(user.brokerageId, designId);
    if (!design) throw notFound('Design');
    return { facts, design, access: designAccess(user, facts) };
  }

  async info(user: AuthUser, designId: string): Promise<DesignAccessInfo> {
    const { design, access } = await this.facts(user, designId);
    const mine = access === 'none' ? (await this.repo.pendingFor(user.brokerageId, designId, user.id))[0] : undefined;
    return { access, ownerName: design.ownerName, pending: mine ? { id: mine.id, access: mine.access } : null };
  }

  async request(
    user: AuthUser,
    designId: string,
    input: { access: 'view' | 'edit'; message: string | null },
  ): Promise<{ id: string; access: 'view' | 'edit' }> {
    const { design, access } = await this.facts(user, designId);
    if (access === 'edit' || access === input.access) throw new AppError(409, 'already_has_access', 'You can already open this design');
    const saved = await this.deps.db.transaction(async (tx) => {
      const r = await new AccessRequestRepository(tx).upsertPending({
        id: randomUUID(),
        brokerageId: user.brokerageId,
        designId,
        requesterId: user.id,
        access: input.access,
        message: input.message,
      });
      const n = await this.deps.notifications.notify(tx, {
        userId: design.ownerId,
        brokerageId: user.brokerageId,
        kind: 'access_requested',
        designId,
        title: `${user.name} asks to ${input.access} “${design.title}”`,
        body: input.message ?? undefined,
      });
      return { r, n };
    });
    this.deps.notifications.deliver(design.ownerId, saved.n);
    return { id: saved.r.id, access: input.access };
  }

  /** Open requests of a design, for those who may share it. */
  async pending(user: AuthUser, designId: string): Promise<AccessRequest[]> {
    const { facts } = await this.facts(user, designId);
    if (!canShareDesign(user, facts)) throw forbidden('Only people who can edit this design can see its access requests');
    return this.repo.pendingFor(user.brokerageId, designId);
  }

  /** One click: the request becomes a share (view or edit), the requester is told; audited. */
  async grant(user: AuthUser, requestId: string, access: 'view' | 'edit', ip?: string): Promise<AccessRequest> {
    const req = await this.repo.get(user.brokerageId, requestId);
    if (!req) throw notFound('Access request');
    const { facts, design } = await this.facts(user, req.designId);
    if (!canShareDesign(user, facts)) throw forbidden('Only people who can edit this design can grant access to it');
    if (req.status !== 'pending') throw new AppError(409, 'already_granted', 'This request was granted already');
    const n = await this.deps.db.transaction(async (tx) => {
      if (!(await new AccessRequestRepository(tx).markGranted(user.brokerageId, requestId, user.id)))
        throw new AppError(409, 'already_granted', 'This request was granted already');
      if (req.requesterId !== facts.ownerId) {
        const current = await new ShareRepository(tx).accessOf(user.brokerageId, req.designId, req.requesterId);
        // Never lowers what the person has.
        if (current !== 'edit')
          await new ShareRepository(tx).upsert({
            brokerageId: user.brokerageId,
            designId: req.designId,
            userId: req.requesterId,
            access,
            sharedBy: user.id,
          });
      }
      await this.deps.audit.write(
        {
          brokerageId: user.brokerageId,
          actorId: user.id,
          actorEmail: user.email,
          action: 'design.shared',
          targetType: 'design',
          targetId: req.designId,
          details: { with: req.requesterEmail, userId: req.requesterId, access, via: 'access_request' },
          ip,
        },
        tx,
      );
      return this.deps.notifications.notify(tx, {
        userId: req.requesterId,
        brokerageId: user.brokerageId,
        kind: 'access_granted',
        designId: req.designId,
        title: `${user.name} gave you ${access} access to “${design.title}”`,
      });
    });
    this.deps.notifications.deliver(req.requesterId, n);
    this.deps.notifyAccess({ userId: req.requesterId, brokerageId: user.brokerageId, reason: 'share_changed', designId: req.designId });
    return { ...req, status: 'granted', access };
  }
}

/** Wires access requests into the server. */
