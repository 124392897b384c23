/**
 * Migration 9: a key sealed by the OS keychain also keeps a copy sealed by a backup passphrase (scrypt,
 * AES-256-GCM, as a passphrase-protected key), so that a keychain which can no longer open it (another
 * desktop session, a reset Windows password, "Deny" on macOS) does not lose the juror's key. Null for
 * keys made before, and for passphrase-protected keys (the passphrase is their only seal).
 */
import type { Migration } from './migration.ts';

const sql = /* sql */ `
ALTER TABLE workspace_key ADD COLUMN recovery_sealed_private_key TEXT;
`;

export default { version: 9, name: 'key-recovery', up: (db) => db.exec(sql) } satisfies Migration;
