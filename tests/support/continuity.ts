/**
 * Laptops for the continuity tests (issue 21): each one a data directory of its own with a workspace, the real
 * handlers and an API client, and optionally an OS keychain of its own (a fake safeStorage whose seals only it
 * can open, as a real keychain's open only on the machine and account that sealed them).
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { FileData, Handlers } from '../../src/api/contract.ts';
import { createClient, dispatch, transportFrom } from '../../src/api/dispatch.ts';
import { createHandlers } from '../../src/services/handlers.ts';
import type { OsSecretStore } from '../../src/services/keys/key-store.ts';
import { openWorkspace, type Workspace } from '../../src/services/workspace/workspace.ts';
import { RESOURCES_DIR, tempDir } from './demo.ts';

export const EVENT = 'paritrana-ntt-2025';
export const PASSPHRASE = 'kupang-juli-2025';

/** A keychain that opens only what it sealed itself (AES-256-GCM under a key it never shows). */
export function fakeKeychain(): OsSecretStore & { sealed: number } {
  const secret = randomBytes(32);
  const store = {
    sealed: 0,
    seal: async (plain: Buffer) => {
      store.sealed++;
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', secret, iv);
      const body = Buffer.concat([cipher.update(plain), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    open: async (sealed: Buffer) => {
      const decipher = createDecipheriv('aes-256-gcm', secret, sealed.subarray(0, 12));
      decipher.setAuthTag(sealed.subarray(12, 28));
      try {
        return { secret: Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]), shouldReEncrypt: false };
      } catch {
        throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      }
    },
  };
  return store;
}

export type Api = ReturnType<typeof createClient>;

export interface Laptop {
  name: string;
  dir: string;
  path: string;
  ws: Workspace;
  handlers: Handlers;
  api: Api;
  os?: OsSecretStore;
  /** Closes and opens the workspace again, as a restart of the app does (the key is locked again). */
  restart(): void;
  close(): void;
}

/** A laptop: a new data directory, its workspace, the handlers and an API client over them. */
export function laptop(name: string, { os }: { os?: OsSecretStore } = {}): Laptop {
  const tmp = tempDir(`timbang-${name}-`);
  const path = join(tmp.dir, 'workspace.sqlite');
  const self = { name, dir: tmp.dir, path, os } as Laptop;
  const open = () => {
    self.ws = openWorkspace(path);
    self.handlers = createHandlers({ workspace: self.ws, resourcesDir: RESOURCES_DIR, appVersion: 'test', osSecrets: os });
    self.api = createClient(transportFrom((method, input) => dispatch(self.handlers, method, input)));
  };
  open();
  self.restart = () => {
    self.ws.close();
    open();
  };
  self.close = () => {
    self.ws.close();
    tmp.remove();
  };
  return self;
}

export const bytesOf = (file: FileData) => new Uint8Array(Buffer.from(file.base64, 'base64'));
export const fileOf = (fileName: string, bytes: Uint8Array | string): FileData => ({
  fileName,
  base64: Buffer.from(bytes).toString('base64'),
});

/** The demo event prepared at the secretariat, with its key. */
export async function secretariatLaptop(name = 'sekretariat', options: { os?: OsSecretStore } = {}): Promise<Laptop> {
  const s = laptop(name, options);
  await s.api.loadDemoEvent({ role: 'sekretariat' });
  await s.api.createKey({ passphrase: PASSPHRASE });
  return s;
}

/**
 * A juror's laptop set up as a juror does it: the package imported, who they are chosen, a key made and
 * enrolled at the secretariat, and the next package (which carries the key) imported.
 */
export async function jurorLaptop(
  secretariat: Laptop,
  jurorId: string,
  name: string,
  options: { os?: OsSecretStore; laptopName?: string } = {},
): Promise<Laptop> {
  const j = laptop(options.laptopName ?? `juri-${jurorId}`, options);
  await j.api.importPackage(await secretariat.api.exportPackage({ eventId: EVENT }));
  await j.api.chooseJuror({ eventId: EVENT, jurorId });
  await j.api.createKey({ passphrase: PASSPHRASE });
  await secretariat.api.importEnrolment(await j.api.exportEnrolment({ eventId: EVENT, name }));
  await j.api.importPackage(await secretariat.api.exportPackage({ eventId: EVENT }));
  return j;
}

/** Every mark of a round and category, as `mark(nomineeIndex, criterionIndex)` says (1–5). */
export async function scoreSection(
  j: Laptop,
  roundId: string,
  categoryId: string,
  mark: (n: number, c: number) => number,
): Promise<number> {
  const event = await j.api.getEvent({ eventId: EVENT });
  const criteria = event.criteria.filter((c) => c.roundId === roundId && c.categoryIds.includes(categoryId));
  const nominees = event.nominees.filter((n) => n.categoryId === categoryId);
  let given = 0;
  for (const [n, nominee] of nominees.entries()) {
    for (const [c, criterion] of criteria.entries()) {
      await j.api.recordScore({ eventId: EVENT, roundId, nomineeId: nominee.id, criterionCode: criterion.code, value: mark(n, c) });
      given++;
    }
  }
  return given;
}
