import { api, DEMO_PASSWORD } from './server.js';

/** The seeded demo people (server/seed/demo.ts). */
export const DEMO = {
  admin: 'admin@demo.realbrand.test',
  brand: 'brand@demo.realbrand.test',
  agent: 'agent@demo.realbrand.test',
  agent2: 'agent2@demo.realbrand.test',
  rival: 'agent@rival.realbrand.test',
} as const;

/** Shares a design (as its owner or an admin) and fails loudly when the server refuses. */
export async function shareDesign(baseUrl: string, token: string, designId: string, email: string, access: 'view' | 'edit'): Promise<void> {
  const res = await api(baseUrl, token, 'POST', `/api/designs/${designId}/shares`, { email, access });
  if (res.status !== 201) throw new Error(`could not share ${designId} with ${email}: ${res.status} ${JSON.stringify(res.body)}`);
}

export interface CookieSession {
  cookie: string;
  accessToken: string;
  refreshToken: string;
  user: { id: string; brokerageId: string; role: string; email: string };
}

/** Logs in like a browser: keeps the Set-Cookie values as a Cookie header. */
export async function browserLogin(baseUrl: string, email: string, password = DEMO_PASSWORD): Promise<CookieSession> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`login failed for ${email}: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as Omit<CookieSession, 'cookie'>;
  return { ...body, cookie: cookieHeader(res) };
}

/** `name=value; name2=value2` from a response's Set-Cookie headers. */
export function cookieHeader(res: Response): string {
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .filter((c) => !c.endsWith('='))
    .join('; ');
}
