import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './freePort.js';

/**
 * A private OpenLDAP server for one test file (stack.md §3j): its own slapd.conf and mdb database
 * in a temp dir, on a random loopback port, seeded with ldapadd, killed (and waited for) at the end.
 */
export const SLAPD_SUFFIX = 'dc=example,dc=org';
export const SLAPD_PEOPLE = `ou=people,${SLAPD_SUFFIX}`;
export const SLAPD_ROOT_DN = `cn=admin,${SLAPD_SUFFIX}`;
const ROOT_PASSWORD = 'directory-root-pass';

export interface DirectoryPersonSeed {
  readonly uid: string;
  readonly cn: string;
  readonly password: string;
  readonly mail?: string;
  readonly employeeNumber?: string;
}

export interface TestSlapd {
  readonly port: number;
  readonly url: string;
  /** Adds people under ou=people. */
  addPeople(people: readonly DirectoryPersonSeed[]): void;
  /** Replaces attributes of one person (cn, mail, employeeNumber). */
  modifyPerson(uid: string, changes: Readonly<Record<string, string>>): void;
  deletePerson(uid: string): void;
  /** Kills the server but keeps its data (a directory outage); resume() starts it again on the same port. */
  pause(): Promise<void>;
  resume(): Promise<void>;
  stop(): Promise<void>;
}

const SLAPD = '/usr/sbin/slapd';

function requireTools(): void {
  for (const tool of [SLAPD, '/usr/bin/ldapadd', '/usr/bin/ldapmodify', '/usr/bin/ldapdelete']) {
    if (!existsSync(tool)) {
      throw new Error(`${tool} is missing: the directory tests need OpenLDAP. Install it with: DEBIAN_FRONTEND=noninteractive apt-get install -y slapd ldap-utils`);
    }
  }
}

export function personLdif(person: DirectoryPersonSeed): string {
  return [
    `dn: uid=${person.uid},${SLAPD_PEOPLE}`,
    'objectClass: inetOrgPerson',
    `uid: ${person.uid}`,
    `cn: ${person.cn}`,
    `sn: ${person.cn.split(' ').pop() ?? person.cn}`,
    ...(person.mail ? [`mail: ${person.mail}`] : []),
    ...(person.employeeNumber ? [`employeeNumber: ${person.employeeNumber}`] : []),
    `userPassword: ${person.password}`,
    '',
  ].join('\n');
}

async function waitForPort(port: number, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`slapd exited with ${child.exitCode} before listening:\n${log()}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => { socket.destroy(); resolve(true); });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`slapd did not listen on 127.0.0.1:${port} within 15 s:\n${log()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function startTestSlapd(people: readonly DirectoryPersonSeed[] = []): Promise<TestSlapd> {
  requireTools();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bk-slapd-'));
  mkdirSync(path.join(dir, 'db'));
  const conf = path.join(dir, 'slapd.conf');
  writeFileSync(conf, [
    'include /etc/ldap/schema/core.schema',
    'include /etc/ldap/schema/cosine.schema',
    'include /etc/ldap/schema/inetorgperson.schema',
    `pidfile ${dir}/slapd.pid`,
    'modulepath /usr/lib/ldap',
    'moduleload back_mdb',
    'sizelimit unlimited',
    'database mdb',
    'maxsize 1073741824',
    `suffix "${SLAPD_SUFFIX}"`,
    `rootdn "${SLAPD_ROOT_DN}"`,
    `rootpw ${ROOT_PASSWORD}`,
    `directory ${dir}/db`,
    'index uid eq',
    'access to attrs=userPassword by anonymous auth by self write by * none',
    'access to * by * read',
    '',
  ].join('\n'));
  const port = await freePort();
  const url = `ldap://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;
  let output = '';
  const start = async () => {
    output = '';
    const started = spawn(SLAPD, ['-d', '0', '-f', conf, '-h', `${url}/`], { stdio: ['ignore', 'pipe', 'pipe'] });
    started.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    started.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    child = started;
    await waitForPort(port, started, () => output);
  };
  const kill = async () => {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      running.once('exit', () => resolve());
      running.kill('SIGKILL');
    });
  };
  const ldap = (tool: string, args: readonly string[], input: string) =>
    execFileSync(tool, ['-x', '-H', url, '-D', SLAPD_ROOT_DN, '-w', ROOT_PASSWORD, ...args], { input, stdio: ['pipe', 'ignore', 'pipe'] });
  let stopped = false;
  const stopNow = () => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    if (!stopped) rmSync(dir, { recursive: true, force: true });
    stopped = true;
  };
  process.on('exit', stopNow);
  await start();
  ldap('/usr/bin/ldapadd', [], [
    `dn: ${SLAPD_SUFFIX}`, 'objectClass: dcObject', 'objectClass: organization', 'o: Example', 'dc: example', '',
    `dn: ${SLAPD_PEOPLE}`, 'objectClass: organizationalUnit', 'ou: people', '', '',
  ].join('\n'));
  const slapd: TestSlapd = {
    port,
    url,
    addPeople(list) {
      // ldapadd reads one LDIF stream: thousands of entries go in one process.
      if (list.length > 0) ldap('/usr/bin/ldapadd', [], list.map(personLdif).join('\n'));
    },
    modifyPerson(uid, changes) {
      const lines = [`dn: uid=${uid},${SLAPD_PEOPLE}`, 'changetype: modify'];
      for (const [attribute, value] of Object.entries(changes)) lines.push(`replace: ${attribute}`, `${attribute}: ${value}`, '-');
      ldap('/usr/bin/ldapmodify', [], `${lines.join('\n')}\n`);
    },
    deletePerson(uid) {
      ldap('/usr/bin/ldapdelete', [`uid=${uid},${SLAPD_PEOPLE}`], '');
    },
    pause: kill,
    resume: start,
    async stop() {
      process.off('exit', stopNow);
      await kill();
      stopNow();
    },
  };
  slapd.addPeople(people);
  return slapd;
}
