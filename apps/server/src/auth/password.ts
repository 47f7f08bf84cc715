import { type Algorithm, hash, verify } from '@node-rs/argon2';

/** `Algorithm.Argon2id`: a const enum, which isolated modules cannot read, so by its value. */
const argon2id = 2 as Algorithm;

/** An argon2id hash of a password, with the library's defaults (19 MiB, 2 passes): what OWASP recommends. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: argon2id });
}

/**
 * Whether `password` matches `passwordHash`. Without a hash (no such user, or
 * one without a password) it verifies against a hash of nothing, so a
 * sign-in takes as long whether the account exists or not.
 */
export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  const isMatch = await verify(passwordHash ?? (await unusableHash()), password).catch(() => false);
  return passwordHash !== null && isMatch;
}

let unusable: Promise<string> | undefined;
function unusableHash(): Promise<string> {
  unusable ??= hashPassword(crypto.randomUUID());
  return unusable;
}
