/**
 * Who may sign a paper sheet. A sheet of provenance 'kertas' is the secretariat's typing of a juror's paper
 * form, so it is signed with the secretariat's own key, never the juror's: verification (score-sheet.ts)
 * asks this instead of the juror's enrolled key. Exactly that key is accepted; a paper sheet signed by a
 * juror's key, a key accepted by hand, or any other is refused ('unknown-key'), and so is every paper sheet
 * where the secretariat's key is not known to the verifier.
 */
import type { Bilingual } from '../../core/model.ts';
import { fingerprint } from '../keys/signing.ts';
import { KeyStore } from '../keys/key-store.ts';
import type { SheetProvenance } from '../sheets/sheet-payload.ts';
import type { Db } from '../workspace/workspace.ts';

/** The findings on a paper sheet's signing key; empty when it is the secretariat's own. */
export function paperKeyFindings(
  provenance: SheetProvenance,
  signingKey: string,
  secretariatKey: string | undefined,
  fileName: string,
): Bilingual[] {
  const form = provenance.formNumber;
  if (secretariatKey === undefined) {
    return [
      {
        id: `Berkas ${fileName}: lembar kertas (formulir ${form}) hanya sah bila ditandatangani kunci sekretariat, dan kunci sekretariat tidak diketahui di sini (ditandatangani kunci ${fingerprint(signingKey)}).`,
        en: `File ${fileName}: a paper sheet (form ${form}) is valid only when signed by the secretariat's key, and the secretariat's key is not known here (signed with key ${fingerprint(signingKey)}).`,
      },
    ];
  }
  if (signingKey !== secretariatKey) {
    return [
      {
        id: `Berkas ${fileName}: lembar kertas (formulir ${form}) ditandatangani kunci ${fingerprint(signingKey)}, bukan kunci sekretariat (${fingerprint(secretariatKey)}): lembar kertas hanya sah dengan tanda tangan sekretariat.`,
        en: `File ${fileName}: a paper sheet (form ${form}) signed with key ${fingerprint(signingKey)}, not the secretariat's key (${fingerprint(secretariatKey)}): a paper sheet is valid only with the secretariat's signature.`,
      },
    ];
  }
  return [];
}

/** The secretariat workspace's own public key (its signing key), if it has made one. */
export function workspaceSecretariatKey(db: Db): string | undefined {
  return new KeyStore(db).status().publicKey;
}
