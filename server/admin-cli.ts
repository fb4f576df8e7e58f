/**
 * Operator commands (`npm run admin -- <command> [options]`), against the configured database
 * (DATABASE_URL, else the embedded one under DATA_DIR: joins a running server's PostgreSQL; on PGlite stop the server first).
 *
 *   create-brokerage --name "Acme Realty" --admin-email ana@acme.test [--states TX,CA] [--primary-color #1f3a5f]
 *       a new brokerage and an invitation link for its first admin (printed)
 *   list-brokerages
 *   reset-password --email ana@acme.test
 *       a one-time password reset link (printed; 30 minutes)
 *   demo off | demo on | demo status
 *       switches the seeded demo brokerages off (nobody signs in, their sessions end, listings hide them; data kept) or on
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { issueResetToken, RESET_TTL_MINUTES } from './auth/password-reset.js';
import { loadConfig } from './config.js';
import { migrate, openDatabase } from './db/index.js';
import { BrokerageRepository } from './repos/index.js';
import { switchDemo } from './seed/index.js';
import { BrokerageBasicsSchema, createBrokerage, inviteFirstAdmin } from './setup/index.js';

const USAGE = `usage: npm run admin -- <command>
  create-brokerage --name NAME --admin-email EMAIL [--states TX,CA] [--primary-color #rrggbb]
  list-brokerages
  reset-password --email EMAIL
  demo off | demo on | demo status`;

function fail(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

const config = loadConfig();
const base = config.PUBLIC_URL ?? `http://${config.HOST === '0.0.0.0' ? '127.0.0.1' : config.HOST}:${config.PORT}`;
const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    name: { type: 'string' },
    'admin-email': { type: 'string' },
    states: { type: 'string' },
    'primary-color': { type: 'string' },
    email: { type: 'string' },
  },
});
const command = positionals[0];
if (!command) fail('no command given');

const db = await openDatabase(config);
try {
  await migrate(db);
  if (command === 'create-brokerage') {
    const email = z.string().trim().toLowerCase().email().safeParse(values['admin-email']);
    if (!email.success) fail('--admin-email: give the first admin’s email');
    const basics = BrokerageBasicsSchema.safeParse({
      name: values.name,
      licensedStates: (values.states ?? 'TX')
        .split(',')
        .map((s) => s.trim().toUpperCase())
        .filter(Boolean),
      brand: { primaryColor: values['primary-color'] ?? '#1f3a5f' },
    });
    if (!basics.success)
      fail(
        basics.error.issues
          .map(
            (i) =>
              `--${i.path[0] === 'licensedStates' ? 'states' : i.path[0] === 'brand' ? 'primary-color' : i.path.join('.')}: ${i.message}`,
          )
          .join('\n'),
      );
    const taken = await db.query('SELECT 1 FROM users WHERE email = $1', [email.data]);
    if (taken.rows.length) fail(`--admin-email: ${email.data} already has an account`);
    const { brokerage, invite } = await db.transaction(async (tx) => {
      const brokerage = await createBrokerage(tx, basics.data);
      return { brokerage, invite: await inviteFirstAdmin(tx, brokerage.id, email.data) };
    });
    await db.query(
      "INSERT INTO audit_log (brokerage_id, actor_email, action, target_type, target_id, details) VALUES ($1, 'operator', 'brokerage.created', 'brokerage', $1, $2)",
      [brokerage.id, JSON.stringify({ via: 'cli', adminEmail: email.data })],
    );
    console.log(`Created brokerage "${brokerage.name}" (${brokerage.id}).`);
    console.log(`Send this invitation link to ${email.data} (works once, until ${invite.expiresAt.toUTCString()}):`);
    console.log(`  ${new URL(`/invite/${invite.token}`, base).toString()}`);
  } else if (command === 'list-brokerages') {
    const { rows } = await db.query<{ id: string; name: string; people: number; admins: number; created_at: Date }>(
      `SELECT b.id, b.name, b.created_at,
              (SELECT count(*)::int FROM users u WHERE u.brokerage_id = b.id AND u.active) AS people,
              (SELECT count(*)::int FROM users u WHERE u.brokerage_id = b.id AND u.active AND u.role = 'admin') AS admins
         FROM brokerages b WHERE NOT (b.demo AND b.switched_off_at IS NOT NULL) ORDER BY b.created_at, b.name`,
    );
    const hidden = (await new BrokerageRepository(db).demoBrokerages()).filter((b) => b.switchedOff).length;
    if (!rows.length) console.log('No brokerages yet.');
    for (const r of rows)
      console.log(
        `${r.id}  ${r.name}  (${r.people} active, ${r.admins} admin${r.admins === 1 ? '' : 's'}; since ${new Date(r.created_at).toISOString().slice(0, 10)})`,
      );
    if (hidden) console.log(`(${hidden} demo brokerage${hidden === 1 ? '' : 's'} switched off, not listed: npm run admin -- demo status)`);
  } else if (command === 'reset-password') {
    const email = z.string().trim().toLowerCase().email().safeParse(values.email);
    if (!email.success) fail('--email: give the person’s email');
    const { rows } = await db.query<{ id: string; brokerage_id: string; active: boolean }>(
      'SELECT id, brokerage_id, active FROM users WHERE email = $1',
      [email.data],
    );
    const person = rows[0];
    if (!person) fail(`--email: nobody has an account with ${email.data}`);
    if (!person.active) fail(`--email: ${email.data} is deactivated; an admin reactivates them first`);
    const token = await issueResetToken(db, { id: person.id, brokerageId: person.brokerage_id });
    await db.query(
      "INSERT INTO audit_log (brokerage_id, actor_email, action, target_type, target_id) VALUES ($1, 'operator', 'auth.password_reset_requested', 'user', $2)",
      [person.brokerage_id, person.id],
    );
    console.log(
      `Password reset link for ${email.data} (works once, for ${RESET_TTL_MINUTES} minutes; using it signs them out everywhere):`,
    );
    console.log(`  ${new URL(`/reset-password/${token}`, base).toString()}`);
  } else if (command === 'demo') {
    const what = positionals[1];
    if (what === 'off' || what === 'on') {
      const changed = await switchDemo(db, what === 'on', 'cli');
      console.log(
        changed.length
          ? `Switched ${what} ${changed.map((b) => b.name).join(', ')}.`
          : `The demo brokerages were ${what} already (or there are none).`,
      );
      if (what === 'off' && changed.length)
        console.log('Their sessions are ended; a running server stops serving them within seconds (open editors on reconnect).');
    } else if (what === 'status' || what === undefined) {
      const demos = await new BrokerageRepository(db).demoBrokerages();
      if (!demos.length) console.log('No demo brokerages.');
      for (const b of demos) console.log(`${b.id}  ${b.name}  ${b.switchedOff ? 'off' : 'on'}`);
    } else fail(`demo: say off, on or status (not ${what})`);
  } else {
    fail(`unknown command: ${command}`);
  }
} finally {
  await db.close();
}
