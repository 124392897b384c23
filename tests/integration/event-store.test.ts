import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getEvent, listCategories, listEvents, listNominees, nextRevision, saveEvent } from '../../src/services/events/event-store.ts';
import { openWorkspace, type Workspace } from '../../src/services/workspace/workspace.ts';
import { demoDocument, tempDir } from '../support/demo.ts';

describe('event store', () => {
  let tmp: ReturnType<typeof tempDir>;
  let ws: Workspace;
  beforeEach(() => {
    tmp = tempDir();
    ws = openWorkspace(join(tmp.dir, 'w.sqlite'));
  });
  afterEach(() => {
    ws.close();
    tmp.remove();
  });

  it('stores the demo event and gives it back unchanged', () => {
    const demo = demoDocument();
    saveEvent(ws.db, demo, nextRevision(ws.db, demo.id));
    expect(getEvent(ws.db, demo.id)).toEqual(demo);
    expect(listEvents(ws.db)).toEqual([
      {
        id: demo.id,
        name: demo.name,
        yearHeld: 2025,
        place: 'Kupang',
        revision: 1,
        revisedAt: expect.any(String),
        source: 'authored',
        jurorId: null,
        jurorName: null,
        secretariatFingerprint: null,
        categoryCount: 8,
        nomineeCount: 40,
        jurorCount: 9,
      },
    ]);
  });

  it('lists categories in event order with their nominee counts, and nominees per category', () => {
    const demo = demoDocument();
    saveEvent(ws.db, demo, nextRevision(ws.db, demo.id));
    const categories = listCategories(ws.db, demo.id);
    expect(categories.map((c) => c.id)).toEqual(demo.categories.map((c) => c.id));
    expect(categories.every((c) => c.nomineeCount === 5)).toBe(true);
    expect(listNominees(ws.db, demo.id).map((n) => n.id)).toEqual(demo.nominees.map((n) => n.id));
    expect(listNominees(ws.db, demo.id, 'ukm').map((n) => n.name)).toEqual(
      demo.nominees.filter((n) => n.categoryId === 'ukm').map((n) => n.name),
    );
  });

  it('applies a new revision in place: renamed, added and removed nominees', () => {
    const demo = demoDocument();
    saveEvent(ws.db, demo, nextRevision(ws.db, demo.id));
    const next = demoDocument();
    next.nominees[0].name = 'Kabupaten Nagekeo';
    next.nominees = next.nominees.filter((n) => n.id !== 'pemkab-05');
    next.nominees.push({
      id: 'pemkab-06',
      categoryId: 'pemkab',
      name: 'Kab. Contoh Baru',
      region: 'Ende',
      fictional: true,
      attributes: {},
    });
    saveEvent(ws.db, next, nextRevision(ws.db, demo.id));
    const rows = listNominees(ws.db, demo.id, 'pemkab');
    expect(rows.map((n) => n.id)).toEqual(['pemkab-01', 'pemkab-02', 'pemkab-03', 'pemkab-04', 'pemkab-06']);
    expect(rows[0].name).toBe('Kabupaten Nagekeo');
    expect(listEvents(ws.db)[0].revision).toBe(2);
    expect(getEvent(ws.db, demo.id)).toEqual(next);
  });

  it('says which event is missing', () => {
    expect(() => listCategories(ws.db, 'acara-lain')).toThrow('Acara "acara-lain" tidak ada di berkas kerja ini.');
    expect(() => getEvent(ws.db, 'acara-lain')).toThrow('Event "acara-lain" is not in this workspace.');
  });
});
