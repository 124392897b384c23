/**
 * The workspace's migrations, in order: migration N brings a workspace from user_version N-1 to N
 * (versions rise by one from 1; tests/integration/migrations.test.ts checks it). Listed here (not
 * discovered on disk) so the bundled Electron main process carries them too.
 */
import type { Migration } from './migration.ts';
import m0001 from './0001-event.ts';
import m0002 from './0002-keys-packages-scores.ts';
import m0003 from './0003-juror-scoring.ts';
import m0004 from './0004-juror-name.ts';
import m0005 from './0005-sheet-inbox.ts';
import m0006 from './0006-sheet-export.ts';
import m0007 from './0007-withdrawn-conflict.ts';
import m0008 from './0008-invalid-content.ts';
import m0009 from './0009-key-recovery.ts';
import m0010 from './0010-paper-entry.ts';
import m0011 from './0011-awards-penetapan.ts';
import m0012 from './0012-continuity.ts';
import m0013 from './0013-package-documents.ts';
import m0014 from './0014-removed-sheet.ts';

export type { Migration } from './migration.ts';

export const migrations: readonly Migration[] = [
  m0001,
  m0002,
  m0003,
  m0004,
  m0005,
  m0006,
  m0007,
  m0008,
  m0009,
  m0010,
  m0011,
  m0012,
  m0013,
  m0014,
];

/** The schema version of a workspace this Timbang makes: the last migration's. */
export const LATEST_VERSION = migrations.at(-1)?.version ?? 0;
