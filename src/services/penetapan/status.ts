/** The report's status (minutes-status.ts) in a secretariat's workspace: final only under a penetapan for these results. */
import type { Deliberation } from '../../api/contract.ts';
import type { Bilingual, Event } from '../../core/model.ts';
import type { MinutesStatus } from '../report/minutes-status.ts';
import type { Db } from '../workspace/workspace.ts';
import type { AuditResult } from '../audit/audit.ts';
import { penetapanState } from './penetapan.ts';
import { penetapanMessages } from '../../core/messages/penetapan.ts';

export function minutesStatus(
  db: Db,
  event: Event,
  result: Pick<Deliberation, 'rule' | 'resultsHash'>,
  audit?: AuditResult,
): MinutesStatus {
  const { inForce, versions } = penetapanState(db, event.id);
  if (inForce && inForce.rule === result.rule && inForce.resultsHash === result.resultsHash) {
    return { final: true, version: inForce.version, supersedes: inForce.supersedes, fixedAt: inForce.fixedAt, fixedBy: inForce.fixedBy };
  }
  const reasons: Bilingual[] = [];
  if (inForce && inForce.rule !== result.rule) {
    reasons.push(penetapanMessages.otherRule({ version: inForce.version, fixedRule: inForce.rule, resultsRule: result.rule }));
  } else if (inForce) {
    reasons.push(penetapanMessages.resultsDiffer({ inForceVersion: inForce.version }));
  } else {
    const last = versions.at(-1);
    reasons.push(
      last?.reopened
        ? penetapanMessages.reopenedNotFixedAgain({ lastVersion: last.version, reopenedReason: last.reopened.reason })
        : penetapanMessages.notFixedYet(),
    );
    for (const item of audit?.items.filter((i) => !i.ok) ?? []) reasons.push(penetapanMessages.auditItemNotPassed({ title: item.title }));
  }
  return { final: false, reasons };
}
