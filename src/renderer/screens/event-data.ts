import type { CategorySummary, EventSummary, NomineeRow } from '../../api/contract.ts';
import type { Event } from '../../core/model.ts';

/**
 * Everything the event screens show, loaded together by EventScreen and handed to the role's screen. In a
 * module of its own, so the screens that take it need not import EventScreen, which imports them.
 */
export interface EventData {
  summary: EventSummary;
  event: Event;
  categories: CategorySummary[];
  nominees: NomineeRow[];
}
