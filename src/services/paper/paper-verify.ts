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
import { paperMessages } from '../../core/messages/paper.ts';

/** The findings on a paper sheet's signing key; empty when it is the secretariat's own. */
export function paperKeyFindings(
  provenance: SheetProvenance,
  signingKey: string,
  secretariatKey: string | undefined,
  fileName: string,
): Bilingual[] {
  const form = provenance.formNumber;
  if (secretariatKey === undefined) {
    return [paperMessages.paperSecretariatUnknown({ fileName, form, signingFingerprint: fingerprint(signingKey) })];
  }
  if (signingKey !== secretariatKey) {
    return [
      paperMessages.paperNotSecretariatKey({
        fileName,
        form,
        signingFingerprint: fingerprint(signingKey),
        secretariatFingerprint: fingerprint(secretariatKey),
      }),
    ];
  }
  return [];
}

/** The secretariat workspace's own public key (its signing key), if it has made one. */
export function workspaceSecretariatKey(db: Db): string | undefined {
  return new KeyStore(db).status().publicKey;
}
