/**
 * The one shell every printed page shares (src/services/report/printable-page.ts) and the one-language view
 * of a catalog domain the pages read their words through (src/services/report/words.ts).
 */
import { describe, expect, it } from 'vitest';
import { reportMessages } from '../../src/core/messages/report.ts';
import { printablePage } from '../../src/services/printing/printable-page.ts';
import { inLanguage } from '../../src/services/printing/words.ts';

describe('printable pages', () => {
  const page = { title: 'T <1>', header: 'Kepala & "judul"', footer: 'Kaki', body: '<p>isi</p>' };

  it('frames a page with the meta tags page-frame.ts reads, escaped, and the page label in its language', () => {
    const id = printablePage({ ...page, lang: 'id' });
    expect(id).toContain('<html lang="id">');
    expect(id).toContain('<meta name="timbang-header" content="Kepala &amp; &quot;judul&quot;">');
    expect(id).toContain('<meta name="timbang-footer" content="Kaki">');
    expect(id).toContain('<meta name="timbang-page" content="Halaman {n} dari {of}">');
    expect(id).toContain('<title>T &lt;1&gt;</title>');
    expect(id).toContain('<body>\n<p>isi</p>\n</body>');
    expect(id).not.toContain('timbang-footer-key');
    expect(printablePage({ ...page, lang: 'en' })).toContain('<meta name="timbang-page" content="Page {n} of {of}">');
  });

  it('allows no script and no outside resource; data: images only where the page asks (the report)', () => {
    const plain = printablePage({ ...page, lang: 'id' });
    expect(plain).toContain(`content="default-src 'none'; style-src 'unsafe-inline'">`);
    expect(plain).not.toMatch(/<script/i);
    const report = printablePage({ ...page, lang: 'id', dataImages: true, footerKey: 'Kunci sekretariat: AB CD' });
    expect(report).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`);
    expect(report).toContain('<meta name="timbang-footer-key" content="Kunci sekretariat: AB CD">');
  });

  it('reads a catalog domain in one language, parameters and all', () => {
    const en = inLanguage(reportMessages, 'en');
    const id = inLanguage(reportMessages, 'id');
    expect(en.title()).toBe(reportMessages.title().en);
    expect(id.sheets({ used: 3, total: 4 })).toBe('3 dari 4 lembar nilai bertanda tangan dipakai.');
    expect(en.statusName({ status: 'tampered' })).toBe('Tampered');
    expect(en.statusName({ status: 'something-new' })).toBe('something-new');
    expect(id.ruleName({ rule: 'median' })).toBe('median nilai juri');
  });
});
