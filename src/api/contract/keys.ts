/** This workspace's signing key: made once, sealed by the OS keychain or a passphrase, unlocked to sign. */
import { z } from 'zod';
import { method, NoInput } from './common.ts';

export const KeyStatus = z.strictObject({
  state: z.enum(['none', 'locked', 'unlocked']),
  /** 'os': sealed by the operating system's keychain (the app); 'passphrase': needs the passphrase. */
  protection: z.enum(['os', 'passphrase']),
  publicKey: z.string().optional(),
  fingerprint: z.string().optional(),
});
export type KeyStatus = z.infer<typeof KeyStatus>;

const Passphrase = z.strictObject({ passphrase: z.string().max(1024).optional() });

export const keyMethods = {
  keyStatus: method(NoInput, KeyStatus),
  createKey: method(Passphrase, KeyStatus, { errors: ['conflict', 'invalid-file'] }),
  unlockKey: method(Passphrase, KeyStatus, { errors: ['forbidden', 'invalid-file', 'key-locked', 'not-found'] }),
};
