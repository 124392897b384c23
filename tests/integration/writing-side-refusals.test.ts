/**
 * The workspace, scoring, demo and sheet-writing services refuse with an AppError that names the problem
 * in both languages (issue 20: no bare Error escapes a service), never with a bare Error in English only.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, assert, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../src/api/errors.ts';
import { nationalEvent, NATIONAL } from '../../src/services/demo/national-demo.ts';
import { describeOrigin } from '../../src/services/scores/score-store.ts';
import { sheetPayload } from '../../src/services/sheets/sheet-export.ts';
import { restoreBackup } from '../../src/services/workspace/backup.ts';
import { lockFile, openWorkspace } from '../../src/services/workspace/workspace.ts';
import { demoDocument, tempDir } from '../support/demo.ts';

/** The AppError `run` throws (fails the test when it throws something else, or nothing). */
function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  return assert.fail('expected a refusal');
}

describe('refusals of the writing side', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => {
    tmp = tempDir();
  });
  afterEach(() => tmp.remove());

  it('a national demo of an impossible size is invalid input, named in both languages', () => {
    const error = refusal(() => nationalEvent(demoDocument(), { ...NATIONAL, jurors: 0 }));
    expect(error.code).toBe('invalid-input');
    expect(error.bilingual).toEqual({
      id: 'jurors harus bilangan bulat 1–60 (bukan 0)',
      en: 'jurors must be a whole number 1–60 (got 0)',
    });
  });

  it('a sheet for a juror the event does not have is not found', () => {
    const event = demoDocument();
    const error = refusal(() =>
      sheetPayload({
        event,
        jurorId: 'J99',
        jurorName: 'Nobody',
        roundIds: event.rounds.map((r) => r.id),
        marks: [],
        notes: [],
        conflicts: new Map(),
        declaredConflicts: [],
        isFinalized: () => false,
        packageRevision: 1,
        sheetRevision: 1,
        exportedAt: '2025-06-24T09:00:00.000Z',
        key: { publicKey: 'pk', fingerprint: 'fp' } as never,
      }),
    );
    expect(error.code).toBe('not-found');
    expect(error.bilingual.en).toBe('Juror J99 is not in this event; their score sheet cannot be made.');
  });

  it('a workspace that must exist and does not is not found, and leaves no lock file behind', () => {
    const path = join(tmp.dir, 'tidak-ada.sqlite');
    const error = refusal(() => openWorkspace(path, { mustExist: true }));
    expect(error.code).toBe('not-found');
    expect(error.bilingual).toEqual({
      id: `Berkas kerja ${path} tidak ada (atau tidak dapat dibuka).`,
      en: `Workspace ${path} does not exist (or cannot be opened).`,
    });
    expect(existsSync(lockFile(path))).toBe(false);
  });

  it('restoring a backup that does not exist is not found', () => {
    const path = join(tmp.dir, 'w.sqlite');
    openWorkspace(path).close();
    const error = refusal(() => restoreBackup(path, '2025-01-01T00-00-00.000Z-finalisasi.sqlite'));
    expect(error.code).toBe('not-found');
    expect(error.bilingual.id).toBe('Cadangan 2025-01-01T00-00-00.000Z-finalisasi.sqlite tidak ada.');
  });

  it('says where a resumed mark came from in both languages', () => {
    const origin = { kind: 'resumed-sheet' as const, jurorId: 'J3', sheetRevision: 4, fileName: 'J3.xlsx', signedWith: 'fp' };
    expect(describeOrigin(origin)).toEqual({
      id: 'dipulihkan dari lembar J3 revisi 4 (J3.xlsx)',
      en: 'restored from sheet J3 revision 4 (J3.xlsx)',
    });
  });
});
