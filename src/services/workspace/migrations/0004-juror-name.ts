/** Migration 4: the juror's name as they typed it on this laptop (enrolment, score sheet), to fill it in next time. */
import type { Migration } from './migration.ts';

const sql = /* sql */ `
ALTER TABLE event ADD COLUMN juror_name TEXT;
`;

export default { version: 4, name: 'juror-name', up: (db) => db.exec(sql) } satisfies Migration;
