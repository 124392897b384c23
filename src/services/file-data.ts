/** Files cross the API as a name and base64 bytes (the renderer has no file system). */
import type { FileData } from '../api/contract.ts';

export const fileBytes = (file: FileData): Uint8Array => new Uint8Array(Buffer.from(file.base64, 'base64'));

export const fileData = (fileName: string, contents: Uint8Array | string): FileData => ({
  fileName,
  base64: Buffer.from(contents).toString('base64'),
});
