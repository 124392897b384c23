/**
 * The demo shows the real shape too (issue 16, item 7): besides a category whose third place stays empty
 * (Pelayanan Kesehatan's minimum Nilai Akhir, in resources/demo-event.json, as NTT 2024 named no Terbaik 3
 * there), one juror is absent from one category's interviews. Absences live in the secretariat's workspace,
 * not in the event, so the demo's is here: the demo generator leaves that section out of the juror's sheet,
 * and the secretariat's demo workspace records the absence, so that it reads "excused", not "missing".
 */
import type { Event } from '../../core/model.ts';

/** The demo event's id: only it has the demo absence. */
const DEMO_EVENT_ID = 'paritrana-ntt-2025';

export const DEMO_ABSENCES = [
  {
    jurorId: 'J7',
    roundId: 'wawancara',
    categoryId: 'ukm',
    reason: 'Tugas dinas ke luar daerah (demo)',
    date: '2025-06-25',
    by: 'Sekretariat (demo)',
  },
] as const;

/** Whether the demo juror is absent from this round × category of the demo event. */
export function demoAbsent(event: Pick<Event, 'id'>, jurorId: string, roundId: string, categoryId: string): boolean {
  return (
    event.id === DEMO_EVENT_ID && DEMO_ABSENCES.some((a) => a.jurorId === jurorId && a.roundId === roundId && a.categoryId === categoryId)
  );
}
