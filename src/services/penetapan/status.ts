/** The report's status (minutes-status.ts) in a secretariat's workspace: final only under a penetapan for these results. */
import type { Deliberation } from '../../api/contract.ts';
import type { Bilingual, Event } from '../../core/model.ts';
import type { MinutesStatus } from '../report/minutes-status.ts';
import type { Db } from '../workspace/workspace.ts';
import type { AuditResult } from '../audit/audit.ts';
import { penetapanState } from './penetapan.ts';

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
    reasons.push({
      id: `Penetapan versi ${inForce.version} memakai aturan ${inForce.rule}, bukan ${result.rule}.`,
      en: `Penetapan version ${inForce.version} uses the rule ${inForce.rule}, not ${result.rule}.`,
    });
  } else if (inForce) {
    reasons.push({
      id: `Hasil ini berbeda dari yang ditetapkan dalam penetapan versi ${inForce.version}.`,
      en: `These results differ from those fixed by penetapan version ${inForce.version}.`,
    });
  } else {
    const last = versions.at(-1);
    reasons.push(
      last?.reopened
        ? {
            id: `Penetapan versi ${last.version} dibuka kembali (${last.reopened.reason}); hasil belum ditetapkan lagi.`,
            en: `Penetapan version ${last.version} was reopened (${last.reopened.reason}); the results are not fixed again yet.`,
          }
        : { id: 'Hasil belum ditetapkan.', en: 'The results are not fixed yet.' },
    );
    for (const item of audit?.items.filter((i) => !i.ok) ?? [])
      reasons.push({ id: `Belum lolos pemeriksaan: ${item.title.id}.`, en: `Audit not passed: ${item.title.en}.` });
  }
  return { final: false, reasons };
}
