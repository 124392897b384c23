import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contract, methodNames, type Handlers } from '../../src/api/contract.ts';
import { createClient, dispatch, transportFrom } from '../../src/api/dispatch.ts';
import { AppError } from '../../src/api/errors.ts';
import { createHandlers } from '../../src/services/handlers.ts';
import { openWorkspace, type Workspace } from '../../src/services/workspace/workspace.ts';
import { RESOURCES_DIR, tempDir } from '../support/demo.ts';

describe('API: contract, dispatch and client', () => {
  let tmp: ReturnType<typeof tempDir>;
  let ws: Workspace;
  let handlers: Handlers;
  beforeEach(() => {
    tmp = tempDir();
    ws = openWorkspace(join(tmp.dir, 'w.sqlite'));
    handlers = createHandlers({ workspace: ws, resourcesDir: RESOURCES_DIR, appVersion: '9.9.9' });
  });
  afterEach(() => {
    ws.close();
    tmp.remove();
  });

  it('has a handler for every method of the contract and nothing else', () => {
    expect(Object.keys(handlers).sort()).toEqual([...methodNames].sort());
    expect(methodNames).toEqual(Object.keys(contract));
  });

  it('loads the demo event into SQLite, idempotently, and serves it back', async () => {
    const first = await dispatch(handlers, 'loadDemoEvent', { role: 'sekretariat' });
    const second = await dispatch(handlers, 'loadDemoEvent', { role: 'sekretariat' });
    expect(first).toEqual(second);
    expect(first).toMatchObject({
      ok: true,
      value: { id: 'paritrana-ntt-2025', categoryCount: 8, nomineeCount: 40, jurorCount: 9, revision: 1 },
    });
    const count = ws.db.prepare('SELECT count(*) AS n FROM nominee').get();
    expect(count).toEqual({ n: 40 });
  });

  it('refuses an unknown method, an invalid input and a missing event with bilingual messages', async () => {
    expect(await dispatch(handlers, 'dropDatabase', {})).toEqual({
      ok: false,
      error: { code: 'unknown-method', message: { id: 'Metode API tidak dikenal: dropDatabase', en: 'Unknown API method: dropDatabase' } },
    });
    const invalid = await dispatch(handlers, 'listNominees', { eventId: 'x', extra: true });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const missing = await dispatch(handlers, 'listCategories', { eventId: 'tidak-ada' });
    expect(missing).toMatchObject({
      ok: false,
      error: { code: 'not-found', message: { id: 'Acara "tidak-ada" tidak ada di berkas kerja ini.' } },
    });
  });

  it('refuses an output that breaks the contract instead of passing it on', async () => {
    const broken = { ...handlers, appInfo: () => ({ version: 1 }) } as unknown as Handlers;
    expect(await dispatch(broken, 'appInfo', {})).toMatchObject({ ok: false, error: { code: 'invalid-output' } });
  });

  it('gives the renderer a typed client that returns values and throws AppError', async () => {
    const client = createClient(transportFrom((method, input) => dispatch(handlers, method, input)));
    expect((await client.appInfo({})).version).toBe('9.9.9');
    await client.loadDemoEvent({ role: 'sekretariat' });
    expect(await client.listNominees({ eventId: 'paritrana-ntt-2025', categoryId: 'kesehatan' })).toHaveLength(5);
    const failure = await client.getEvent({ eventId: 'tidak-ada' }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(AppError);
    expect((failure as AppError).bilingual.en).toBe('Event "tidak-ada" is not in this workspace.');
  });
});
