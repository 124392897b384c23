import { useId, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileData } from '../../api/contract.ts';
import { readFileData } from '../files.ts';

interface Props {
  /** The button's text, e.g. "Impor templat Excel". */
  label: string;
  /** File types offered by the picker, e.g. ".xlsx". */
  accept: string;
  multiple?: boolean;
  busy?: boolean;
  onFiles(files: FileData[]): void;
}

/** A file button that also takes files dropped on it. */
export function FilePicker({ label, accept, multiple = false, busy = false, onFiles }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [over, setOver] = useState(false);
  const take = async (list: FileList | null) => {
    if (!list || list.length === 0 || busy) return;
    onFiles(await Promise.all([...list].map(readFileData)));
  };
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    void take(event.dataTransfer.files);
  };
  return (
    <div
      className={`file-picker${over ? ' file-picker-over' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
    >
      <label htmlFor={id} className="button-like">
        {busy ? t('start.loading') : label}
      </label>
      <input
        id={id}
        type="file"
        accept={accept}
        multiple={multiple}
        // Not disabled while busy: a disabled control drops the keyboard focus to the page.
        aria-disabled={busy || undefined}
        className="visually-hidden"
        onClick={(e) => {
          if (busy) e.preventDefault();
        }}
        onChange={(e) => {
          void take(e.target.files);
          e.target.value = '';
        }}
      />
      <span className="hint">{t('files.dropHint')}</span>
    </div>
  );
}
