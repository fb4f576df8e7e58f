/**
 * Single sign-on with OpenID Connect (`openid-client`): authorization code flow with PKCE,
 * state and nonce. An admin connects the brokerage to its provider (issuer, client id, sealed
 * client secret, the group claim → role map, optionally "SSO only"). People are matched by
 * their IdP account once linked, else by verified email; new people are created on their first
 * sign-in (just in time) in the brokerage the connection belongs to, with the role their groups
 * give. No matching group: refused, and the log-in page says why. Decisions: server/auth/SSO.md.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import * as oidc from 'openid-client';
import type { Db } from '../db/index.js';
import { AppError } from '../errors.js';
import { checkOutboundUrl, hostAllowed, OutboundError, outboundRequest } from '../net/outbound.js';
import { UserRepository, type Role, type User } from '../repos/index.js';
import { SecretBox, SecretError } from '../secrets/index.js';
import type { AuditLog } from './audit.js';
import type { AuthService, AuthUser, IssuedTokens, RequestMeta } from './service.js';
import { SsoRepository, type SsoConnectionRow } from './sso-repo.js';
import type { SsoSettings, SsoSettingsInput } from '../../shared/api/sso.js';
import { groupsOf, passwordAllowed, roleForGroups } from './sso-roles.js';

/** A sign-in under way lives this long (the person types their IdP password meanwhile). */
const LOGIN_TTL_MS = 10 * 60_000;
/** The provider's discovery document (and keys) are reused this long. */
const DISCOVERY_TTL_MS = 10 * 60_000;
const PROVIDER_TIMEOUT_MS = 10_000;
const PROVIDER_MAX_BYTES = 1024 * 1024;
/** Marks a person created by SSO: no password works until they set one (reset by email). */
const NO_PASSWORD = 'sso-only';

/** Why a sign-in was refused: the log-in page shows a message for each (client/src/features/auth/sso.ts). */
export type SsoRefusal =
  | 'no_matching_group'
  | 'email_not_verified'
  | 'no_email'
  | 'other_brokerage'
  | 'deactivated'
  | 'expired'
  | 'provider_error'
  | 'failed'
  | 'not_configured'
  | 'unavailable';

export class SsoRefused extends Error {
  constructor(
    readonly reason: SsoRefusal,
    message: string,
    /** Who it was, for the audit log (when known). */
    readonly who?: { brokerageId: string; email?: string; groups?: string[] },
  ) {
    super(message);
    this.name = 'SsoRefused';
  }
}

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Where a secret of a connection is sealed (the AAD): a sealed value does not open in another brokerage's row. */
const secretContext = (brokerageId: string) => `sso_connections.client_secret:${brokerageId}`;

export type { SsoSettings, SsoSettingsInput };

export interface SsoServiceOptions {
  db: Db;
  auth: AuthService;
  audit: AuditLog;
  secrets: SecretBox;
  /** SSO_PRIVATE_HOSTS: issuers that may be on loopback/private addresses and use http. */
  privateHosts: readonly string[];
  /** The server's public origin (PUBLIC_URL, else where it listens): the redirect URI is built on it. */
  baseUrl: () => string;
  log: FastifyBaseLogger;
}

/** Requests to the provider go through the server's outbound guard (SSRF: checked addresses, no redirects, bounded). */
function guardedFetch(privateHosts: readonly string[]): oidc.CustomFetch {
  return async (url, options) => {
    const body =
      options.body == null
        ? undefined
        : typeof options.body === 'string'
          ? options.body
          : options.body instanceof URLSearchParams
            ? options.body.toString()
            : undefined;
    const method = options.method === 'POST' ? 'POST' : 'GET';
    const res = await outboundRequest(url, {
      method,
      headers: options.headers,
      body,
      timeoutMs: PROVIDER_TIMEOUT_MS,
      maxBytes: PROVIDER_MAX_BYTES,
      privateHosts,
    });
    const headers = new Headers();
    for (const [name, value] of Object.entries(res.headers)) {
      if (Array.isArray(value)) for (const v of value) headers.append(name, v);
      else if (value !== undefined) headers.set(name, value);
    }
    return new Response(res.status === 204 || res.status === 304 ? null : new Uint8Array(res.body), { status: res.status, headers });
  };
}

export class SsoService {
  readonly repo: SsoRepository;
  private readonly users: UserRepository;
  private readonly discovered = new Map<string, { key: string; at: number; config: Promise<oidc.Configuration> }>();

  constructor(private readonly opts: SsoServiceOptions) {
    this.repo = new SsoRepository(opts.db);
    this.users = new UserRepository(opts.db);
  }

  get redirectUri(): string {
    return new URL('/api/auth/sso/callback', this.opts.baseUrl()).toString();
  }

  /** An issuer URL admins may set: https, or http/private only for SSO_PRIVATE_HOSTS. */
  checkIssuer(raw: string): URL {
    let url: URL;
    try {
      url = checkOutboundUrl(raw);
    } catch (err) {
      throw new AppError(400, 'validation_failed', `issuer: ${err instanceof OutboundError ? err.message : 'not a URL'}`, {
        fields: [{ field: 'issuer', message: 'not a usable URL' }],
      });
    }
    if (url.protocol !== 'https:' && !hostAllowed(url, this.opts.privateHosts)) {
      throw new AppError(400, 'validation_failed', 'issuer: must be an https:// URL', {
        fields: [{ field: 'issuer', message: 'must use https' }],
      });
    }
    if (url.search || url.hash)
      throw new AppError(400, 'validation_failed', 'issuer: no query or fragment', {
        fields: [{ field: 'issuer', message: 'no query or fragment' }],
      });
    return url;
  }

  /** The provider's configuration for a connection (discovery, cached per connection version). */
  private configuration(
    conn: Pick<SsoConnectionRow, 'brokerageId' | 'issuer' | 'clientId' | 'clientSecret' | 'updatedAt'>,
    plainSecret?: string,
  ): Promise<oidc.Configuration> {
    const key = `${conn.issuer}|${conn.clientId}|${conn.updatedAt}`;
    const hit = this.discovered.get(conn.brokerageId);
    if (!plainSecret && hit && hit.key === key && Date.now() - hit.at < DISCOVERY_TTL_MS) return hit.config;
    const secret = plainSecret ?? this.opts.secrets.reveal(conn.clientSecret, secretContext(conn.brokerageId));
    const issuer = this.checkIssuer(conn.issuer);
    const config = (async () => {
      const fetchImpl = guardedFetch(this.opts.privateHosts);
      const discovered = await oidc.discovery(issuer, conn.clientId, undefined, undefined, {
        [oidc.customFetch]: fetchImpl,
        ...(issuer.protocol === 'http:' ? { execute: [oidc.allowInsecureRequests] } : {}),
      });
      // The client authentication the provider supports: HTTP Basic when offered (the spec's default), else POST.
      const methods = discovered.serverMetadata().token_endpoint_auth_methods_supported;
      const auth = !methods || methods.includes('client_secret_basic') ? oidc.ClientSecretBasic(secret) : oidc.ClientSecretPost(secret);
      const configuration = new oidc.Configuration(discovered.serverMetadata(), conn.clientId, { client_secret: secret }, auth);
      configuration[oidc.customFetch] = fetchImpl;
      if (issuer.protocol === 'http:') oidc.allowInsecureRequests(configuration);
      return configuration;
    })();
    if (!plainSecret) {
      this.discovered.set(conn.brokerageId, { key, at: Date.now(), config });
      config.catch(() => this.discovered.delete(conn.brokerageId));
    }
    return config;
  }

  // ---------------------------------------------------------------- admin

  async settings(brokerageId: string): Promise<SsoSettings> {
    const conn = await this.repo.connection(brokerageId);
    const admins = (await this.users.list(brokerageId))
      .filter((u) => u.role === 'admin' && u.active)
      .map((u) => ({ id: u.id, name: u.name, email: u.email }));
    return {
      configured: Boolean(conn),
      issuer: conn?.issuer ?? null,
      clientId: conn?.clientId ?? null,
      hasSecret: Boolean(conn?.clientSecret),
      groupsClaim: conn?.groupsClaim ?? 'groups',
      roleGroups: conn?.roleGroups ?? { admin: [], brand_manager: [], agent: [] },
      enforced: conn?.enforced ?? false,
      breakGlassUserId: conn?.breakGlassUserId ?? null,
      domains: conn?.domains ?? [],
      redirectUri: this.redirectUri,
      loginUrl: new URL(`/login?sso=${encodeURIComponent(brokerageId)}`, this.opts.baseUrl()).toString(),
      admins,
    };
  }

  /**
   * Connects (or reconnects) the brokerage: the issuer must answer its discovery document with
   * these credentials' client before anything is stored; the secret is sealed; audited.
   */
  async save(actor: AuthUser, input: SsoSettingsInput, meta: RequestMeta): Promise<SsoSettings> {
    const brokerageId = actor.brokerageId;
    this.checkIssuer(input.issuer);
    // Stored as the admin typed it: the provider's `iss` must match it (compared as URLs at discovery).
    const issuer = input.issuer.trim();
    const existing = await this.repo.connection(brokerageId);
    if (!input.clientSecret && !existing) {
      throw new AppError(400, 'validation_failed', 'clientSecret: required when connecting for the first time', {
        fields: [{ field: 'clientSecret', message: 'required the first time' }],
      });
    }
    if (input.enforced) {
      if (!input.breakGlassUserId) {
        throw new AppError(
          400,
          'validation_failed',
          'breakGlassUserId: choose the admin who may still sign in with a password when SSO is required',
          { fields: [{ field: 'breakGlassUserId', message: 'required when SSO is enforced' }] },
        );
      }
      if (!input.roleGroups.admin.length) {
        throw new AppError(400, 'validation_failed', 'roleGroups.admin: name at least one admin group before requiring SSO', {
          fields: [{ field: 'roleGroups.admin', message: 'required when SSO is enforced' }],
        });
      }
    }
    if (input.breakGlassUserId && !(await this.repo.isActiveAdmin(brokerageId, input.breakGlassUserId))) {
      throw new AppError(400, 'validation_failed', 'breakGlassUserId: must be an active admin of this brokerage', {
        fields: [{ field: 'breakGlassUserId', message: 'not an active admin here' }],
      });
    }
    const taken = await this.repo.domainsTakenElsewhere(brokerageId, input.domains);
    if (taken.length) throw new AppError(409, 'sso_domain_taken', `Another brokerage signs in with SSO for ${taken.join(', ')}`);
    // Sealing first: without a key (production without SECRETS_KEY) nothing is stored.
    const plainSecret = input.clientSecret ?? this.opts.secrets.reveal(existing!.clientSecret, secretContext(brokerageId));
    const sealed = this.opts.secrets.seal(plainSecret, secretContext(brokerageId));
    try {
      await this.configuration({ brokerageId, issuer, clientId: input.clientId, clientSecret: sealed, updatedAt: 'check' }, plainSecret);
    } catch (err) {
      this.opts.log.info({ err: err instanceof Error ? err.message : String(err), issuer }, 'SSO discovery failed');
      throw new AppError(
        422,
        'sso_discovery_failed',
        `The provider at ${issuer} did not answer its OpenID discovery document (${issuer.replace(/\/$/, '')}/.well-known/openid-configuration). Check the issuer URL.`,
      );
    }
    await this.opts.db.transaction(async (tx) => {
      await new SsoRepository(tx).save(brokerageId, { ...input, issuer, clientSecret: sealed });
      await this.opts.audit.write(
        {
          brokerageId,
          actorId: actor.id,
          actorEmail: actor.email,
          action: existing ? 'sso.changed' : 'sso.configured',
          targetType: 'brokerage',
          targetId: brokerageId,
          details: {
            issuer,
            clientId: input.clientId,
            secretChanged: Boolean(input.clientSecret),
            groupsClaim: input.groupsClaim,
            roleGroups: input.roleGroups,
            enforced: input.enforced,
            breakGlassUserId: input.breakGlassUserId,
            domains: input.domains,
          },
          ip: meta.ip,
          userAgent: meta.userAgent,
        },
        tx,
      );
    });
    this.discovered.delete(brokerageId);
    return this.settings(brokerageId);
  }

  async remove(actor: AuthUser, meta: RequestMeta): Promise<boolean> {
    const removed = await this.opts.db.transaction(async (tx) => {
      const gone = await new SsoRepository(tx).remove(actor.brokerageId);
      if (gone) {
        await this.opts.audit.write(
          {
            brokerageId: actor.brokerageId,
            actorId: actor.id,
            actorEmail: actor.email,
            action: 'sso.removed',
            targetType: 'brokerage',
            targetId: actor.brokerageId,
            ip: meta.ip,
            userAgent: meta.userAgent,
          },
          tx,
        );
      }
      return gone;
    });
    this.discovered.delete(actor.brokerageId);
    return removed;
  }

  // ---------------------------------------------------------------- sign-in

  /** Which brokerage's provider signs in this email (by its domain) or this brokerage; null when none. */
  async discover(by: { email: string } | { brokerageId: string }): Promise<{ brokerageId: string; brokerageName: string } | null> {
    const conn =
      'email' in by ? await this.repo.connectionForDomain(by.email.split('@').pop() ?? '') : await this.repo.connection(by.brokerageId);
    return conn ? { brokerageId: conn.brokerageId, brokerageName: conn.brokerageName } : null;
  }

  /** Starts a sign-in: the provider's authorization URL, and the token that binds it to this browser (a cookie). */
  async begin(
    brokerageId: string,
    opts: { next?: string | null; loginHint?: string | null },
  ): Promise<{ url: string; browserToken: string }> {
    const conn = await this.repo.connection(brokerageId);
    if (!conn) throw new SsoRefused('not_configured', 'Single sign-on is not set up for this brokerage');
    const config = await this.configuration(conn);
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const browserToken = randomBytes(32).toString('base64url');
    await this.repo.startLogin(
      sha256(state),
      { brokerageId, browserHash: sha256(browserToken), codeVerifier, nonce, nextPath: opts.next ?? null },
      new Date(Date.now() + LOGIN_TTL_MS),
    );
    const supported = config.serverMetadata().scopes_supported;
    const scope = ['openid', 'email', 'profile', ...(supported?.includes('groups') ? ['groups'] : [])].join(' ');
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: this.redirectUri,
      scope,
      response_type: 'code',
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
      ...(opts.loginHint ? { login_hint: opts.loginHint } : {}),
    });
    return { url: url.toString(), browserToken };
  }

  /**
   * The provider sent the person back: checks state (single use, this browser's), exchanges the
   * code with the PKCE verifier, checks the ID token (nonce), maps groups to a role, finds or
   * creates the person, and starts a session.
   */
  async complete(
    callbackUrl: URL,
    browserToken: string | undefined,
    meta: RequestMeta,
  ): Promise<IssuedTokens & { user: AuthUser; next: string | null }> {
    const state = callbackUrl.searchParams.get('state');
    const pending = state ? await this.repo.takeLogin(sha256(state)) : null;
    if (!pending || !browserToken || sha256(browserToken) !== pending.browserHash) {
      throw new SsoRefused('expired', 'This sign-in link has expired or was started in another browser');
    }
    const providerError = callbackUrl.searchParams.get('error');
    if (providerError)
      throw new SsoRefused('provider_error', `The identity provider refused the sign-in (${providerError.slice(0, 60)})`, {
        brokerageId: pending.brokerageId,
      });
    const conn = await this.repo.connection(pending.brokerageId);
    if (!conn) throw new SsoRefused('not_configured', 'Single sign-on is no longer set up for this brokerage');
    const config = await this.configuration(conn);
    // The URL the provider redirected to, as it registered it (a proxy may have changed what we see).
    const current = new URL(this.redirectUri);
    current.search = callbackUrl.search;
    let claims: Record<string, unknown>;
    try {
      const tokens = await oidc.authorizationCodeGrant(config, current, {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: state!,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      claims = { ...(tokens.claims() ?? {}) };
      // Group and email claims often come from userinfo only.
      if (config.serverMetadata().userinfo_endpoint && tokens.access_token) {
        try {
          const info = await oidc.fetchUserInfo(config, tokens.access_token, String(claims.sub));
          claims = {
            ...info,
            ...claims,
            ...(claims[conn.groupsClaim] === undefined && info[conn.groupsClaim] !== undefined
              ? { [conn.groupsClaim]: info[conn.groupsClaim] }
              : {}),
          };
        } catch (err) {
          this.opts.log.info({ err: err instanceof Error ? err.message : String(err) }, 'SSO userinfo failed; using the ID token claims');
        }
      }
    } catch (err) {
      if (err instanceof SecretError)
        this.opts.log.error({ problem: err.problem, brokerageId: conn.brokerageId }, 'SSO client secret cannot be opened');
      else
        this.opts.log.warn(
          { err: err instanceof Error ? err.message : String(err), brokerageId: conn.brokerageId },
          'SSO code exchange failed',
        );
      throw new SsoRefused('failed', 'The sign-in could not be completed with your identity provider', { brokerageId: conn.brokerageId });
    }
    const user = await this.personFor(conn, claims, meta);
    const session = await this.opts.auth.startSession(user, { ...meta, via: 'sso' });
    return { ...session, next: pending.nextPath };
  }

  /** The person these claims are, found or created; refusals say why. */
  private async personFor(conn: SsoConnectionRow, claims: Record<string, unknown>, meta: RequestMeta): Promise<User> {
    const subject = String(claims.sub ?? '');
    const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : '';
    const groups = groupsOf(claims[conn.groupsClaim]);
    const who = { brokerageId: conn.brokerageId, email: email || undefined, groups };
    const role = roleForGroups(groups, conn.roleGroups);
    if (!role)
      throw new SsoRefused('no_matching_group', `Your account is not in a group that may use RealBrand at ${conn.brokerageName}`, who);
    const linked = await this.repo.linkedUser(conn.issuer, subject);
    let user: User | null = null;
    if (linked) {
      if (linked.brokerageId !== conn.brokerageId)
        throw new SsoRefused('other_brokerage', 'This account belongs to another brokerage', who);
      user = await this.users.get(conn.brokerageId, linked.userId);
    }
    if (!user) {
      if (!email || !/^[^\s@]+@[^\s@]+$/.test(email) || email.length > 320)
        throw new SsoRefused('no_email', 'Your identity provider did not send an email address', who);
      // Matching an existing person by email is only safe when the provider vouches for it.
      if (claims.email_verified !== true)
        throw new SsoRefused('email_not_verified', 'Your identity provider did not confirm your email address', who);
      const person = await this.repo.personByEmail(email);
      if (person && person.brokerageId !== conn.brokerageId)
        throw new SsoRefused('other_brokerage', 'This email belongs to an account of another brokerage', who);
      user = person
        ? await this.users.get(conn.brokerageId, person.id)
        : await this.createPerson(conn, { email, role, name: nameOf(claims, email), subject, groups }, meta);
    }
    if (!user) throw new SsoRefused('failed', 'The sign-in could not be completed', who);
    if (!user.active) throw new SsoRefused('deactivated', 'Your RealBrand account is deactivated; ask your administrator', who);
    await this.repo.link(conn.issuer, subject, user.id, conn.brokerageId);
    return this.syncRole(conn, user, role, meta);
  }

  /** Just in time: a new person of the connection's brokerage, with the role their groups give; audited. */
  private async createPerson(
    conn: SsoConnectionRow,
    p: { email: string; role: Role; name: string; subject: string; groups: string[] },
    meta: RequestMeta,
  ): Promise<User> {
    return this.opts.db.transaction(async (tx) => {
      const user = await new UserRepository(tx).create({
        id: randomUUID(),
        brokerageId: conn.brokerageId,
        email: p.email,
        name: p.name,
        role: p.role,
        passwordHash: NO_PASSWORD,
        profile: { displayName: p.name },
      });
      await this.opts.audit.write(
        {
          brokerageId: conn.brokerageId,
          actorId: user.id,
          actorEmail: user.email,
          action: 'people.sso_created',
          targetType: 'user',
          targetId: user.id,
          details: { role: p.role, issuer: conn.issuer, groups: p.groups.slice(0, 20) },
          ip: meta.ip,
          userAgent: meta.userAgent,
        },
        tx,
      );
      return user;
    });
  }

  /** The IdP's groups decide the role at every sign-in, except that the last active admin (or the break-glass admin) is never demoted by it. */
  private async syncRole(conn: SsoConnectionRow, user: User, role: Role, meta: RequestMeta): Promise<User> {
    if (user.role === role) return user;
    if (user.role === 'admin' && (user.id === conn.breakGlassUserId || (await this.users.countActiveAdmins(conn.brokerageId)) <= 1))
      return user;
    const changed = (await this.users.setRole(conn.brokerageId, user.id, role)) ?? user;
    this.opts.auth.forgetSessionChecks(user.id);
    await this.opts.audit.record({
      brokerageId: conn.brokerageId,
      actorId: user.id,
      actorEmail: user.email,
      action: 'people.role_changed',
      targetType: 'user',
      targetId: user.id,
      details: { from: user.role, to: role, via: 'sso' },
      ip: meta.ip,
      userAgent: meta.userAgent,
    });
    return changed;
  }

  /** Records a refused sign-in (for admins: who tried, and why). */
  async recordRefusal(err: SsoRefused, meta: RequestMeta): Promise<void> {
    if (!err.who) return;
    await this.opts.audit.record({
      brokerageId: err.who.brokerageId,
      actorEmail: err.who.email ?? null,
      action: 'auth.sso_refused',
      details: { reason: err.reason, groups: err.who.groups?.slice(0, 20) ?? [] },
      ip: meta.ip,
      userAgent: meta.userAgent,
    });
  }

  /** For password log-in (AuthService): refused for people of a brokerage that requires SSO, except its break-glass admin. */
  readonly passwordPolicy = async (email: string, person: User | null): Promise<AppError | null> => {
    const required = () => new AppError(403, 'sso_required', 'Your brokerage signs in with single sign-on. Use “Sign in with SSO”.');
    if (person) {
      const enforcement = await this.repo.enforcementFor(person.brokerageId);
      return passwordAllowed(person, enforcement) ? null : required();
    }
    // No such account: an email of a domain that must use SSO hears the same as its people do.
    const conn = await this.repo.connectionForDomain(email.split('@').pop() ?? '');
    return conn?.enforced ? required() : null;
  };
}

function nameOf(claims: Record<string, unknown>, email: string): string {
  const given = typeof claims.given_name === 'string' ? claims.given_name : '';
  const family = typeof claims.family_name === 'string' ? claims.family_name : '';
  const name = typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim() : `${given} ${family}`.trim();
  return (name || email.split('@')[0]!).slice(0, 200);
}

/** Wires SSO into the server: the service, the password policy, the routes. */
