/** The deliberation at the secretariat: rankings by the merge rule, one nominee's protocol, the shortlist, the plenary's decisions. */
import type { Handlers } from '../../api/contract.ts';
import type { deliberationMethods } from '../../api/contract/deliberation.ts';
import { findEventRecord } from '../events/event-store.ts';
import { deliberationSummary, nomineeProtocol, recordDecision } from '../merge/deliberation.ts';
import { issueShortlist } from '../merge/shortlist.ts';
import type { Services } from './services.ts';

export function deliberationHandlers({ workspace, secretariat }: Services): Pick<Handlers, keyof typeof deliberationMethods> {
  const { db } = workspace;
  const { inAuthoredEvent } = secretariat;
  return {
    deliberation: inAuthoredEvent((event, { rule }) => deliberationSummary(db, event, rule)),
    nomineeProtocol: inAuthoredEvent((event, { rule, nomineeId }) => nomineeProtocol(db, event, rule, nomineeId)),
    issueShortlist: inAuthoredEvent((event, { eventId, roundId, size }) => {
      const shortlists = issueShortlist(db, event, roundId, size);
      return { revision: findEventRecord(db, eventId)!.revision, shortlists };
    }),
    recordDecision: inAuthoredEvent((event, { eventId: _eventId, ...decision }) => {
      recordDecision(db, event, decision);
      return {};
    }),
  };
}
