/** Files in the renderer: read a picked or dropped file for the API, and save one the API returns. */
import type { FileData } from '../api/contract.ts';

export function readFileData(file: File): Promise<FileData> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(reader.error ?? new Error(`cannot read ${file.name}`));
    // A data URL is "data:<type>;base64,<bytes>": the API wants the part after the comma.
    reader.onload = () => resolve({ fileName: file.name, base64: String(reader.result).split(',', 2)[1] ?? '' });
    reader.readAsDataURL(file);
  });
}

/** Hands the file to the browser's (or Electron's) download, which asks where to save it. */
export function saveFileData(file: FileData): void {
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes]));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
