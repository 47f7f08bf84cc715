import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { databaseKinds, openTestDatabase, type TestDatabase } from '../../testing/index';
import { recordAudit } from './audit-log.repository';
import {
  clearSignInFailures,
  countSignInFailures,
  createSession,
  deleteExpiredSessions,
  deleteSession,
  findSession,
  recordSignInFailure,
} from './session.repository';
import { findUserByEmail, findUserById, findUserByOidcSubject, linkOidcSubject, listUsers, saveUsers } from './user.repository';

describe.each(databaseKinds)('users, grants, sessions and the audit trail on %s', (kind) => {
  let testDatabase: TestDatabase;

  beforeEach(async () => {
    testDatabase = await openTestDatabase(kind, inject('postgresUrl'));
  });
  afterEach(() => testDatabase.remove());

  it('saves users with their grants, finds them by e-mail without regard to case, and replaces grants on save', async () => {
    const { db } = testDatabase;
    await saveUsers(db, [
      {
        id: 'anna',
        name: 'Anna de Vries',
        email: 'Anna@Uithoorn.nl',
        passwordHash: '$argon2id$hash',
        grants: [
          { municipalityId: 'uithoorn', role: 'college' },
          { municipalityId: 'diemen', role: 'council' },
        ],
      },
    ]);
    const found = await findUserByEmail(db, ' anna@uithoorn.NL ');
    expect(found).toEqual({
      user: {
        id: 'anna',
        name: 'Anna de Vries',
        email: 'anna@uithoorn.nl',
        grants: [
          { municipalityId: 'diemen', role: 'council' },
          { municipalityId: 'uithoorn', role: 'college' },
        ],
      },
      passwordHash: '$argon2id$hash',
    });

    await saveUsers(db, [{ id: 'anna', name: 'Anna de Vries', email: 'anna@uithoorn.nl', grants: [{ municipalityId: 'uithoorn', role: 'admin' }] }]);
    expect((await findUserById(db, 'anna'))?.grants).toEqual([{ municipalityId: 'uithoorn', role: 'admin' }]);
    expect((await findUserByEmail(db, 'anna@uithoorn.nl'))?.passwordHash).toBe('$argon2id$hash');
    expect(await listUsers(db)).toHaveLength(1);
    expect(await findUserByEmail(db, 'niemand@uithoorn.nl')).toBeUndefined();
  });

  it('links a user to an identity provider subject', async () => {
    const { db } = testDatabase;
    await saveUsers(db, [{ id: 'bert', name: 'Bert', email: 'bert@diemen.nl', grants: [] }]);
    await linkOidcSubject(db, 'bert', 'https://idp.diemen.nl', 'sub-123');
    expect((await findUserByOidcSubject(db, 'https://idp.diemen.nl', 'sub-123'))?.id).toBe('bert');
    expect(await findUserByOidcSubject(db, 'https://idp.other.nl', 'sub-123')).toBeUndefined();
  });

  it('finds a session until it expires or is ended', async () => {
    const { db } = testDatabase;
    const now = new Date('2026-11-30T10:00:00Z');
    await createSession(db, { idHash: 'h1', userId: 'anna', createdAt: now, expiresAt: new Date('2026-11-30T22:00:00Z') });
    await createSession(db, { idHash: 'h2', userId: 'anna', createdAt: now, expiresAt: new Date('2026-11-30T11:00:00Z') });
    expect(await findSession(db, 'h1', now)).toEqual({ userId: 'anna', expiresAt: '2026-11-30T22:00:00.000Z' });
    expect(await findSession(db, 'h2', new Date('2026-11-30T11:00:00Z'))).toBeUndefined();
    expect(await deleteExpiredSessions(db, new Date('2026-11-30T12:00:00Z'))).toBe(1);
    await deleteSession(db, 'h1');
    expect(await findSession(db, 'h1', now)).toBeUndefined();
  });

  it('counts failed sign-ins per key within a window, and forgets them', async () => {
    const { db } = testDatabase;
    const at = new Date('2026-11-30T10:00:00Z');
    for (let attempt = 0; attempt < 3; attempt += 1) await recordSignInFailure(db, ['account:anna@uithoorn.nl', 'address:127.0.0.1'], at);
    expect(await countSignInFailures(db, 'account:anna@uithoorn.nl', new Date('2026-11-30T09:45:00Z'))).toBe(3);
    expect(await countSignInFailures(db, 'account:anna@uithoorn.nl', at)).toBe(0);
    await clearSignInFailures(db, 'account:anna@uithoorn.nl', new Date('2026-11-30T00:00:00Z'));
    expect(await countSignInFailures(db, 'account:anna@uithoorn.nl', new Date('2026-11-30T09:45:00Z'))).toBe(0);
    expect(await countSignInFailures(db, 'address:127.0.0.1', new Date('2026-11-30T09:45:00Z'))).toBe(3);
  });

  it.runIf(kind === 'postgres')('refuses any update, delete or truncate of the audit log in the database itself', async () => {
    const { db } = testDatabase;
    await recordAudit(db, { actor: 'anna', municipalityId: 'uithoorn', entity: 'program', entityId: 'p', action: 'update', before: { a: 1 }, after: { a: 2 } });
    await expect(db.updateTable('audit_log').set({ actor: 'mallory' }).execute()).rejects.toThrow(/append-only: UPDATE is refused/);
    await expect(db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only: DELETE is refused/);
    await expect(sql`truncate audit_log`.execute(db)).rejects.toThrow(/append-only: TRUNCATE is refused/);
    expect(await db.selectFrom('audit_log').select('actor').execute()).toEqual([{ actor: 'anna' }]);
  });
});
