/**
 * deploy/ is what operators run, and the container cannot be built on this machine: these
 * checks keep its files in step with the code (the start command, the nginx template the
 * chaos suite runs behind, the services compose.yaml needs).
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { projectPath } from '../paths.js';
import { SERVER_ENTRY, startCommand } from '../start-command.js';
import { NGINX_TEMPLATE, renderTemplate } from './nginx.js';

const dockerfile = readFileSync(projectPath('deploy', 'Dockerfile'), 'utf8');
const compose = readFileSync(projectPath('deploy', 'compose.yaml'), 'utf8');

describe('deploy/Dockerfile', () => {
  it('is multi-stage and runs as an unprivileged user', () => {
    expect(dockerfile.match(/^FROM /gm)!.length).toBeGreaterThanOrEqual(2);
    const finalStage = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
    expect(finalStage).toMatch(/^USER node$/m);
    expect(finalStage).not.toMatch(/^USER root$/m);
  });

  it('starts the server as `npm start` does: the same node flags and allocator setting', () => {
    const cmd = JSON.parse(/^CMD (\[.*\])$/m.exec(dockerfile)![1]!) as string[];
    const start = startCommand();
    expect(cmd).toEqual(['node', ...start.nodeFlags, SERVER_ENTRY]);
    for (const [k, v] of Object.entries(start.env)) expect(dockerfile).toContain(`${k}=${v}`);
  });

  it('copies what the compiled server reads at run time', () => {
    for (const path of ['server/dist', 'server/db/migrations', 'client/dist', 'node_modules']) expect(dockerfile).toContain(`./${path}`);
  });
});

describe('deploy/compose.yaml', () => {
  it('runs PostgreSQL, Redis, two or more instances and nginx, with health checks and named volumes', () => {
    for (const service of ['postgres', 'redis', 'nginx']) expect(compose).toMatch(new RegExp(`^  ${service}:$`, 'm'));
    expect(compose.match(/^ {6}INSTANCE_ID: \S+$/gm)!.length).toBeGreaterThanOrEqual(2);
    expect(compose.match(/healthcheck:/g)!.length).toBeGreaterThanOrEqual(3);
    expect(compose).toMatch(/^volumes:\n {2}pgdata:/m);
  });

  it('gives nginx the template the chaos suite runs, with every value it needs', () => {
    const mount = /- \.\/(nginx\/realbrand\.conf\.template):\/etc\/nginx\/templates\/default\.conf\.template/.exec(compose);
    expect(mount).not.toBeNull();
    expect(projectPath('deploy', mount![1]!)).toBe(NGINX_TEMPLATE);
    expect(existsSync(NGINX_TEMPLATE)).toBe(true);
    const vars = Object.fromEntries([...compose.matchAll(/^ {6}(RB_[A-Z_]+): "(.*)"$/gm)].map((m) => [m[1]!, m[2]!]));
    const rendered = renderTemplate(readFileSync(NGINX_TEMPLATE, 'utf8'), vars);
    expect(rendered).toContain('server app1:3000');
    expect(rendered).toContain('listen 80;');
  });
});
