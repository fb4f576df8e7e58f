/**
 * A real OpenID provider for tests (`oidc-provider`), on 127.0.0.1 and a free port: one
 * confidential client (authorization code + PKCE required) and a few accounts with an email,
 * a verified flag and groups. Its development sign-in page takes a login (the account's key)
 * and any password; consent is granted at once (a first-party client).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export interface TestOidcAccount {
  /** What one types as "login" on the provider's sign-in page. */
  login: string;
  email: string;
  name: string;
  groups: string[];
  emailVerified?: boolean;
}

export interface TestOidc {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The accounts by login (a test may change someone's groups between sign-ins). */
  accounts: Map<string, TestOidcAccount>;
  close(): Promise<void>;
}

export const TEST_OIDC_CLIENT = { clientId: 'realbrand-test', clientSecret: 'realbrand-test-client-secret-0123456789' };

export async function startTestOidc(opts: { redirectUris: string[]; accounts: TestOidcAccount[] }): Promise<TestOidc> {
  let handler: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.writeHead(503).end();
  const server = createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const accounts = new Map(opts.accounts.map((a) => [a.login, a]));
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: TEST_OIDC_CLIENT.clientId,
        client_secret: TEST_OIDC_CLIENT.clientSecret,
        redirect_uris: opts.redirectUris,
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    pkce: { required: () => true },
    scopes: ['openid', 'email', 'profile', 'groups'],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'], groups: ['groups'] },
    cookies: { keys: ['test-oidc-cookie-key-0123456789abcdef'] },
    features: { devInteractions: { enabled: true } },
    async findAccount(_ctx: unknown, id: string) {
      const a = accounts.get(id);
      if (!a) return undefined;
      return {
        accountId: id,
        claims: async () => ({ sub: id, email: a.email, email_verified: a.emailVerified ?? true, name: a.name, groups: a.groups }),
      };
    },
    // A first-party client: everything it asks for is granted without a consent screen.
    async loadExistingGrant(ctx: { oidc: { client: { clientId: string }; session: { accountId: string } } }) {
      const grant = new provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
      grant.addOIDCScope('openid email profile groups');
      grant.addOIDCClaims(['email', 'email_verified', 'name', 'groups']);
      await grant.save();
      return grant;
    },
  });
  handler = provider.callback();
  return {
    issuer,
    ...TEST_OIDC_CLIENT,
    accounts,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Cookies per origin, as a browser keeps them (paths and expiry ignored: enough for one sign-in). */
export class CookieJar {
  private readonly jar = new Map<string, Map<string, string>>();
  header(url: string): string {
    return [...(this.jar.get(new URL(url).host) ?? new Map()).entries()].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  take(url: string, res: Response): void {
    const mine = this.jar.get(new URL(url).host) ?? new Map<string, string>();
    for (const c of res.headers.getSetCookie()) {
      const [pair, ...attrs] = c.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      const expired = attrs.some((a) => /^\s*expires=Thu, 01 Jan 1970/i.test(a) || /^\s*max-age=0\b/i.test(a));
      if (!value || expired) mine.delete(name);
      else mine.set(name, value);
    }
    this.jar.set(new URL(url).host, mine);
  }
  get(url: string, name: string): string | undefined {
    return this.jar.get(new URL(url).host)?.get(name);
  }
}

/**
 * Walks a sign-in as a browser does, without one: follows redirects from `startUrl`, signs in on
 * the provider's page as `login`, and stops at the first answer that is not a redirect or at a
 * redirect to `stopAt` (the app's own pages). Returns where it ended and the cookies.
 */
export async function signInThroughProvider(
  startUrl: string,
  login: string,
  stopAt: string,
  jar = new CookieJar(),
): Promise<{ url: string; jar: CookieJar }> {
  let url = startUrl;
  let init: RequestInit = {};
  for (let hop = 0; hop < 15; hop++) {
    const res = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), cookie: jar.header(url) },
    });
    jar.take(url, res);
    init = {};
    const location = res.headers.get('location');
    if (res.status >= 300 && res.status < 400 && location) {
      url = new URL(location, url).toString();
      if (url.startsWith(stopAt) && !url.includes('/api/')) return { url, jar };
      continue;
    }
    const html = await res.text();
    const form = /<form[^>]*action="([^"]+)"[^>]*method="post"/i.exec(html);
    if (res.status === 200 && form && html.includes('name="login"')) {
      url = new URL(form[1]!.replace(/&amp;/g, '&'), url).toString();
      init = {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ prompt: 'login', login, password: 'any' }).toString(),
      };
      continue;
    }
    throw new Error(`sign-in stopped at ${url}: ${res.status} ${html.slice(0, 300)}`);
  }
  throw new Error('too many redirects');
}
