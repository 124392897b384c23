import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventChanges } from '../../api/contract.ts';
import { useScrollIntoView } from '../use-scroll-into-view.ts';

const KINDS = ['categories', 'criteria', 'nominees', 'jurors'] as const;

/** Before an import replaces an event already here: what would change, and an explicit choice. */
export function ChangesConfirm({
  fileName,
  changes,
  eventName,
  onReplace,
  onCancel,
}: {
  fileName: string;
  changes: EventChanges;
  eventName?: string;
  onReplace(): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const ref = useScrollIntoView<HTMLDivElement>();
  // A question that replaces an event: the keyboard lands on the answer that changes nothing.
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => cancel.current?.focus(), []);
  const lines = [
    ...(changes.name ? [t('changes.name', changes.name)] : []),
    ...(changes.yearHeld ? [t('changes.year', changes.yearHeld)] : []),
    ...KINDS.flatMap((kind) => [
      ...(changes.removed[kind].length ? [t(`changes.removed.${kind}`, { list: changes.removed[kind].join('; ') })] : []),
      ...(changes.added[kind].length ? [t(`changes.added.${kind}`, { list: changes.added[kind].join('; ') })] : []),
    ]),
    ...(changes.droppedKeys.length ? [t('changes.droppedKeys', { list: changes.droppedKeys.join(', ') })] : []),
  ];
  return (
    <div className="notice notice-warning" role="alertdialog" aria-labelledby="changes-title" ref={ref}>
      <strong id="changes-title">{t('changes.title', { file: fileName, event: eventName ?? changes.eventId })}</strong>
      <ul>
        {lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {lines.length === 0 && <p>{t('changes.detailsOnly')}</p>}
      <div className="actions">
        <button type="button" className="primary" onClick={onReplace}>
          {t('changes.replace')}
        </button>
        <button type="button" ref={cancel} onClick={onCancel}>
          {t('changes.cancel')}
        </button>
      </div>
    </div>
  );
}
