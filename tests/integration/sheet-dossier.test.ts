/**
 * Issue 17, item 4 of the evidence half: the juror's signed sheet records the dossier hash of the package
 * revision seen (the nominees' figures and documents), and the report's verification appendix lists it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { dossierHash } from '../../src/services/packages/package-documents.ts';
import { demoDocument } from '../support/demo.ts';
import { EVENT, jurorLaptop, scoreSection, secretariatLaptop, type Laptop } from '../support/continuity.ts';

describe("the juror's sheet records the dossier seen (issue 17)", () => {
  const open: Laptop[] = [];
  afterEach(() => {
    for (const l of open.splice(0)) l.close();
  });

  it('writes the dossier hash into the signed payload, and the report appendix names it beside the sheet', async () => {
    const secretariat = await secretariatLaptop('sekretariat-dossier');
    open.push(secretariat);
    const juror = await jurorLaptop(secretariat, 'J3', 'Maria Goreti');
    open.push(juror);
    await scoreSection(juror, 'administrasi', 'pemkab', () => 4);
    const sheet = await juror.api.exportSheet({ eventId: EVENT, name: 'Maria Goreti', roundIds: ['administrasi'] });
    const expected = dossierHash(demoDocument());
    expect(expected).toMatch(/^[0-9a-f]{64}$/);
    expect((await secretariat.api.importSheet({ eventId: EVENT, file: sheet })).sheet.status).toBe('valid');
    // In the signed payload itself, as the secretariat received it.
    const stored = secretariat.ws.db.prepare("SELECT json_extract(payload, '$.dossierHash') AS dossier FROM received_sheet").get() as {
      dossier: string;
    };
    expect(stored.dossier).toBe(expected);
    const { html } = await secretariat.api.reportHtml({ eventId: EVENT, rule: 'mean', lang: 'id' });
    expect(html).toContain(`Dossier bukti yang dilihat juri (SHA-256 data dan dokumen nominasi): <span class="mono">${expected}</span>`);
    const en = await secretariat.api.reportHtml({ eventId: EVENT, rule: 'mean', lang: 'en' });
    expect(en.html).toContain(`Evidence dossier the juror saw (SHA-256 of the nominees&#39; figures and documents)`);
  });

  it('is null for an event without evidence, and changes when one figure does', () => {
    const { figures: _f, ...bare } = demoDocument();
    expect(dossierHash(bare)).toBeNull();
    const changed = demoDocument();
    changed.figures![0].value = 35;
    expect(dossierHash(changed)).not.toBe(dossierHash(demoDocument()));
  });
});
