/** Password hashes (argon2id), apart from better-auth so that the CLI loads only this. */
import { randomBytes } from 'node:crypto';
import { argon2id, argon2Verify } from 'hash-wasm';

/** argon2id with OWASP's minimum settings (19 MiB, 2 passes, 1 lane). */
export async function hashPassword(password: string): Promise<string> {
  return argon2id({
    password,
    salt: randomBytes(16),
    parallelism: 1,
    iterations: 2,
    memorySize: 19_456,
    hashLength: 32,
    outputType: 'encoded',
  });
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  if (!hash.startsWith('$argon2')) return false;
  return argon2Verify({ password, hash });
}

export const MIN_PASSWORD_LENGTH = 10;
