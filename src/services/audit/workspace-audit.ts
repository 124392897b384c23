/**
 * The audit and the penetapan for a secretariat's workspace: its event, its inbox, its plenary's decisions
 * and special awards, and what the secretariat recorded (acknowledged flags, sheets set aside, the
 * confirmation of the verification appendix, absences). `timbang audit --db` and the app read the same.
 */
import type { Deliberation } from '../../api/contract.ts';
import type { Event, MergeRule } from '../../core/model.ts';
import { findEventRecord } from '../events/event-store.ts';
import type { UnlockedKey } from '../keys/key-store.ts';
import { deliberation } from '../merge/deliberation.ts';
import { listReceived } from '../merge/sheet-inbox.ts';
import { fixResults, type PenetapanVersion } from '../penetapan/penetapan.ts';
import type { Db } from '../workspace/workspace.ts';
import type { MinutesStatus } from '../report/minutes-status.ts';
import { minutesStatus } from '../penetapan/status.ts';
import { absences, excusedSections } from '../attendance/attendance.ts';
import { equalTreatmentFindings, panelSections, quorumFindings } from '../../core/quorum.ts';
import { auditChecklist, auditRecords, NO_RECORDS, type AuditFile, type AuditResult, type ExtraItems } from './audit.ts';
import { auditMessages } from '../../core/messages/audit.ts';

/** The quorum and equal-treatment items of the checklist (issue 16, item 3), from the panel per round × category. */
export function attendanceItems(event: Event, result: Pick<Deliberation, 'marks' | 'conflicts' | 'completeness'>): ExtraItems {
  const sections = panelSections(event, result.marks, result.conflicts, result.completeness);
  const withQuorum = sections.filter((s) => s.required !== null);
  const quorum = quorumFindings(event, sections);
  const unequal = equalTreatmentFindings(event, sections);
  return {
    quorum: {
      id: 'quorum',
      ok: quorum.length === 0,
      title: auditMessages.quorumTitle(),
      findings: quorum,
      summary:
        withQuorum.length === 0
          ? auditMessages.noQuorumSet()
          : auditMessages.quorumSummary({ met: withQuorum.length - quorum.length, sections: withQuorum.length }),
    },
    equal: {
      id: 'equal',
      ok: unequal.length === 0,
      title: auditMessages.equalTitle(),
      findings: unequal,
      summary: auditMessages.equalSummary({ sections: sections.length }),
    },
  };
}

/** The files as the verification appendix lists them. */
export function workspaceFiles(db: Db, event: Event): AuditFile[] {
  return listReceived(db, event).sheets.map((s) => ({
    fileName: s.fileName,
    fileHash: s.fileHash,
    status: s.status,
    use: s.use,
    jurorId: s.jurorId,
    sheetRevision: s.sheetRevision,
  }));
}

/** Checklist from a deliberation, its files and a workspace's records (also `timbang audit` on files with --db). */
export function auditWith(db: Db | null, event: Event, result: Deliberation, files: readonly AuditFile[]): AuditResult {
  const records = db ? auditRecords(db, event.id, excusedSections(db, event.id)) : NO_RECORDS;
  return auditChecklist(event, result, files, records, attendanceItems(event, result));
}

export function workspaceAudit(db: Db, event: Event, rule: MergeRule): { audit: AuditResult; result: Deliberation; files: AuditFile[] } {
  const result = deliberation(db, event, rule);
  const files = workspaceFiles(db, event);
  return { audit: auditWith(db, event, result, files), result, files };
}

/** Fixes the workspace's results by `rule`, signed with its key, once the audit passes. */
export function fixWorkspaceResults(
  db: Db,
  event: Event,
  rule: MergeRule,
  fixedBy: string,
  key: UnlockedKey,
  now = new Date(),
): PenetapanVersion {
  const { audit, result, files } = workspaceAudit(db, event, rule);
  const records = auditRecords(db, event.id);
  return fixResults(
    db,
    {
      event,
      eventRevision: findEventRecord(db, event.id)!.revision,
      audit,
      files,
      decisions: result.decisions,
      specialAwards: result.specialAwards,
      awards: result.awards,
      absences: absences(db, event.id).map((a) => ({
        jurorId: a.jurorId,
        roundId: a.roundId,
        categoryId: a.categoryId,
        reason: a.reason,
        date: a.date,
      })),
      operator: records.confirmation?.operator ?? '',
      confirmedBy: records.confirmation?.confirmedBy ?? '',
      fixedBy,
    },
    key,
    now,
  );
}

/** The report's status in this workspace: final under a penetapan for these results, else a draft saying why. */
export function reportMinutes(db: Db, event: Event, rule: MergeRule): MinutesStatus {
  const { audit, result } = workspaceAudit(db, event, rule);
  return minutesStatus(db, event, result, audit);
}
