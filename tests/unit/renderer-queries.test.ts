// @vitest-environment jsdom
/**
 * The renderer's query layer (src/renderer/queries.ts): a read keyed by method and input, read again when a
 * write names it, a stale answer dropped, the previous answer kept while the next loads, and an action's
 * failure carried as state rather than thrown.
 */
import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { MethodName } from '../../src/api/contract.ts';
import { INVALIDATES, createQueries, useAction } from '../../src/renderer/queries.ts';
import { contract } from '../../src/api/contract.ts';

/** A stand-in API: each call waits until the test answers it. */
function fakeApi() {
  const calls: { method: MethodName; input: unknown; resolve(value: unknown): void; reject(error: unknown): void }[] = [];
  const call = (method: MethodName, input: unknown) =>
    new Promise<unknown>((resolve, reject) => calls.push({ method, input, resolve, reject }));
  return { calls, call };
}

describe('useQuery', () => {
  it('reads once per method and input, shared by the screens that show it', async () => {
    const fake = fakeApi();
    const { useQuery } = createQueries(fake.call);
    const a = renderHook(() => useQuery('listSheets', { eventId: 'e1' }));
    const b = renderHook(() => useQuery('listSheets', { eventId: 'e1' }));
    expect(a.result.current.status).toBe('loading');
    expect(fake.calls.map((c) => c.method)).toEqual(['listSheets']);
    await act(async () => fake.calls[0].resolve({ sheets: [] }));
    expect(a.result.current).toEqual({ status: 'ready', value: { sheets: [] } });
    expect(b.result.current).toEqual({ status: 'ready', value: { sheets: [] } });
  });

  it('reads again what a write names, keeping the answer on screen meanwhile; leaves other reads alone', async () => {
    const fake = fakeApi();
    const { useQuery, mutate } = createQueries(fake.call);
    const sheets = renderHook(() => useQuery('listSheets', { eventId: 'e1' }));
    const key = renderHook(() => useQuery('keyStatus', {}));
    await act(async () => {
      fake.calls[0].resolve('first');
      fake.calls[1].resolve('key');
    });
    let done: Promise<unknown> | undefined;
    act(() => {
      done = mutate('removeSheet', { eventId: 'e1', sheetId: 1, reason: 'salah', removedBy: 'Sekretariat' });
    });
    expect(fake.calls[2].method).toBe('removeSheet');
    await act(async () => {
      fake.calls[2].resolve({ ok: true });
      await done;
    });
    expect(fake.calls.slice(3).map((c) => c.method)).toEqual(['listSheets']);
    expect(sheets.result.current).toEqual({ status: 'ready', value: 'first' });
    await act(async () => fake.calls[3].resolve('second'));
    expect(sheets.result.current).toEqual({ status: 'ready', value: 'second' });
    expect(key.result.current).toEqual({ status: 'ready', value: 'key' });
  });

  it('drops an answer that comes back after a newer read was started', async () => {
    const fake = fakeApi();
    const { useQuery, invalidate } = createQueries(fake.call);
    const sheets = renderHook(() => useQuery('listSheets', { eventId: 'e1' }));
    act(() => invalidate(['listSheets']));
    await act(async () => fake.calls[1].resolve('newer'));
    await act(async () => fake.calls[0].resolve('older'));
    expect(sheets.result.current).toEqual({ status: 'ready', value: 'newer' });
  });

  it('keeps the previous input’s answer until the new input’s is in, and shows an error as a state', async () => {
    const fake = fakeApi();
    const { useQuery } = createQueries(fake.call);
    const view = renderHook(({ rule }) => useQuery('deliberation', { eventId: 'e1', rule }), {
      initialProps: { rule: 'mean' as 'mean' | 'median' },
    });
    await act(async () => fake.calls[0].resolve('by mean'));
    view.rerender({ rule: 'median' });
    expect(fake.calls[1].input).toEqual({ eventId: 'e1', rule: 'median' });
    expect(view.result.current).toEqual({ status: 'ready', value: 'by mean' });
    const failure = new Error('no');
    await act(async () => fake.calls[1].reject(failure));
    expect(view.result.current).toEqual({ status: 'error', error: failure });
  });

  it('asks nothing for a null input, and the same key for fields written in another order', async () => {
    const fake = fakeApi();
    const { useQuery } = createQueries(fake.call);
    const idle = renderHook(() => useQuery('deliberation', null));
    expect(idle.result.current.status).toBe('idle');
    renderHook(() => useQuery('audit', { eventId: 'e1', rule: 'mean' }));
    renderHook(() => useQuery('audit', { rule: 'mean', eventId: 'e1' }));
    expect(fake.calls.map((c) => c.method)).toEqual(['audit']);
  });

  it('reads afresh a query no screen shows any more', async () => {
    const fake = fakeApi();
    const { useQuery } = createQueries(fake.call);
    const first = renderHook(() => useQuery('listBackups', {}));
    await act(async () => fake.calls[0].resolve([]));
    first.unmount();
    await act(() => new Promise((resolve) => setTimeout(resolve, 5)));
    renderHook(() => useQuery('listBackups', {}));
    expect(fake.calls.map((c) => c.method)).toEqual(['listBackups', 'listBackups']);
  });
});

describe('mutateEach', () => {
  it('sends the inputs together or in turn, keeps their order, and reads again once at the end', async () => {
    const fake = fakeApi();
    const { useQuery, mutateEach } = createQueries(fake.call);
    renderHook(() => useQuery('listEnrolments', { eventId: 'e1' }));
    await act(async () => fake.calls[0].resolve([]));
    const file = (fileName: string) => ({ fileName, base64: '' });

    let together: Promise<{ ok: boolean }[]> | undefined;
    act(() => {
      together = mutateEach('importEnrolment', [file('a'), file('b')]);
    });
    expect(fake.calls.slice(1).map((c) => (c.input as { fileName: string }).fileName)).toEqual(['a', 'b']); // both sent at once
    await act(async () => {
      fake.calls[2].resolve('B');
      fake.calls[1].reject(new Error('a refused'));
      await together;
    });
    expect((await together)!.map((o) => o.ok)).toEqual([false, true]);
    expect(fake.calls.slice(3).map((c) => c.method)).toEqual(['listEnrolments']); // once, not per file

    const seen: number[] = [];
    let inTurn: Promise<unknown> | undefined;
    act(() => {
      inTurn = mutateEach('importEnrolment', [file('c'), file('d')], { inTurn: true, onSettled: (_, i) => void seen.push(i) });
    });
    expect(fake.calls.length).toBe(5); // d waits for c's answer
    await act(async () => fake.calls[4].resolve('C'));
    expect(fake.calls[5].input).toEqual(file('d'));
    await act(async () => {
      fake.calls[5].resolve('D');
      await inTurn;
    });
    expect(seen).toEqual([0, 1]);
  });
});

describe('the invalidation table', () => {
  it('names only methods of the contract, on both sides', () => {
    const methods = new Set(Object.keys(contract));
    for (const [write, reads] of Object.entries(INVALIDATES)) {
      expect(methods.has(write), write).toBe(true);
      if (reads !== '*') for (const read of reads) expect(methods.has(read), `${write} → ${read}`).toBe(true);
    }
  });
});

describe('useAction', () => {
  it('carries a failure as state, cleared by the next action, and says when it runs', async () => {
    const { result } = renderHook(() => useAction());
    const failure = new Error('refused');
    let value: unknown;
    await act(async () => {
      value = await result.current.run(() => Promise.reject(failure));
    });
    expect(value).toBeUndefined();
    expect(result.current.error).toBe(failure);
    let finish: (v: number) => void = () => {};
    let running: Promise<number | undefined> | undefined;
    act(() => {
      running = result.current.run(() => new Promise<number>((resolve) => (finish = resolve)), 'Menyimpan');
    });
    expect(result.current).toMatchObject({ busy: true, label: 'Menyimpan', error: null });
    await act(async () => {
      finish(7);
      value = await running;
    });
    expect(value).toBe(7);
    expect(result.current).toMatchObject({ busy: false, label: null, error: null });
  });
});
