import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contract, domains, methodNames, type Handlers } from '../../src/api/contract.ts';
import { combineDomains } from '../../src/api/contract/combine.ts';
import { createClient, dispatch, transportFrom } from '../../src/api/dispatch.ts';
import { AppError, ErrorCode, errorDetails, isAppError, UNIVERSAL_ERRORS } from '../../src/api/errors.ts';
import { createHandlers } from '../../src/services/handlers.ts';
import { HOSTED_METHODS } from '../../src/services/handlers/workspace.ts';
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

  it('answers a declared error as it is, and an undeclared code or misshapen details as a contract breach', async () => {
    const refusing = (error: AppError) => ({ ...handlers, getEvent: () => Promise.reject(error) }) as Handlers;
    const notFound = new AppError('not-found', { id: 'Tidak ada.', en: 'Not there.' });
    expect(await dispatch(refusing(notFound), 'getEvent', { eventId: 'a' })).toEqual({ ok: false, error: notFound.toInfo() });
    // getEvent declares only 'not-found': a 'key-locked' from it is a bug, reported with the original message kept.
    const undeclared = await dispatch(refusing(new AppError('key-locked', { id: 'Terkunci.', en: 'Locked.' })), 'getEvent', {
      eventId: 'a',
    });
    expect(undeclared).toMatchObject({
      ok: false,
      error: {
        code: 'internal',
        message: { id: expect.stringMatching(/^Terkunci\./), en: expect.stringMatching(/^Locked\.[\s\S]*key-locked/) },
      },
    });
    // A universal code needs no declaration.
    const invalid = new AppError('invalid-input', { id: 'Salah.', en: 'Wrong.' }, [
      { path: ['x'], message: { id: 'Salah.', en: 'Wrong.' } },
    ]);
    expect(await dispatch(refusing(invalid), 'getEvent', { eventId: 'a' })).toEqual({ ok: false, error: invalid.toInfo() });
    // Details of another shape than the code declares: a breach too.
    const misshapen = new AppError('not-found', { id: 'Tidak ada.', en: 'Not there.' }, { extra: 1 } as never);
    expect(await dispatch(refusing(misshapen), 'getEvent', { eventId: 'a' })).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('declares only codes there are, none of them universal, and a details schema for every code', () => {
    for (const name of methodNames) {
      for (const code of contract[name].errors) {
        expect(ErrorCode.options, name).toContain(code);
        expect(UNIVERSAL_ERRORS, name).not.toContain(code);
      }
    }
    expect(Object.keys(errorDetails).sort()).toEqual([...ErrorCode.options].sort());
  });

  it('reads details through isAppError, typed by code, and only when they have the shape the code declares', async () => {
    const locked = new AppError('key-locked', { id: 'Terkunci.', en: 'Locked.' }, { keychain: 'failed', recovery: true });
    expect(isAppError(locked, 'key-locked') && locked.details?.recovery).toBe(true);
    expect(isAppError(locked, 'conflict')).toBe(false);
    expect(isAppError(new Error('x'), 'key-locked')).toBe(false);
    expect(isAppError(new AppError('key-locked', { id: 'a', en: 'a' }, { other: 1 } as never), 'key-locked')).toBe(false);
    // Through a client, as the renderer meets them: the details of finalizing too early name what is missing.
    const api = createClient(transportFrom((m, i) => dispatch(handlers, m, i)));
    const eventId = (await api.loadDemoEvent({ role: 'juri' })).id;
    await api.chooseJuror({ eventId, jurorId: 'J2' });
    const [round] = await api.jurorAssignments({ eventId });
    const failure = await api
      .finalizeRound({ eventId, roundId: round.roundId, categoryId: round.categories[0].categoryId })
      .catch((e: unknown) => e);
    expect(isAppError(failure, 'incomplete')).toBe(true);
    if (isAppError(failure, 'incomplete') && Array.isArray(failure.details)) expect(failure.details.length).toBeGreaterThan(0);
  });

  it('refuses a method name defined by two domains when they are combined', () => {
    expect(() => combineDomains('contract', { ...domains, again: { appInfo: domains.workspace.appInfo } })).toThrow(
      'contract: method appInfo is defined twice (domains workspace and again).',
    );
    const names = Object.values(domains).flatMap((methods) => Object.keys(methods));
    expect(new Set(names).size).toBe(names.length);
  });

  it('leaves the calls about the workspace file to their owner: the host, or (here) the opened workspace', async () => {
    expect(await dispatch(handlers, 'restoreBackup', { name: 'a.sqlite' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await dispatch(handlers, 'workspaceStatus', {})).toEqual({ ok: true, value: { path: ws.path, problem: null } });
    expect(HOSTED_METHODS.every((name) => methodNames.includes(name))).toBe(true);
  });
});
