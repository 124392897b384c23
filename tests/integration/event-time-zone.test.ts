/**
 * Issue 19, item 10: the event's time zone travels through the Excel template (sheet Acara, row "Zona waktu",
 * WIB / WITA / WIT or an IANA name), and a template filled before the row existed still reads (WITA then).
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readEventTemplate, writeEventTemplate } from '../../src/services/events/event-template.ts';
import { demoDocument } from '../support/demo.ts';

async function edited(edit: (ws: ExcelJS.Worksheet) => void, event = demoDocument()) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await writeEventTemplate(event)) as unknown as ArrayBuffer);
  edit(workbook.getWorksheet('Acara')!);
  return readEventTemplate(Buffer.from(await workbook.xlsx.writeBuffer()), 'acara.xlsx');
}

const zoneRow = (ws: ExcelJS.Worksheet) => {
  for (let r = 3; r <= ws.rowCount; r++) if (ws.getCell(r, 1).value === 'Zona waktu') return r;
  throw new Error('no Zona waktu row');
};

describe('the event time zone in the template', () => {
  it('writes WIT for Asia/Jayapura and reads it back as the IANA name', async () => {
    const event = { ...demoDocument(), timeZone: 'Asia/Jayapura' };
    let written: unknown;
    const result = await edited((ws) => {
      written = ws.getCell(zoneRow(ws), 2).value;
    }, event);
    expect(written).toBe('WIT');
    expect(result).toEqual({ ok: true, event });
  });

  it('takes WIB typed by hand, and refuses a word that is no zone at its cell', async () => {
    const wib = await edited((ws) => {
      ws.getCell(zoneRow(ws), 2).value = 'wib';
    });
    expect(wib.ok && wib.event.timeZone).toBe('Asia/Jakarta');
    let address = '';
    const bad = await edited((ws) => {
      const cell = ws.getCell(zoneRow(ws), 2);
      cell.value = 'Kupang';
      address = cell.address;
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok)
      expect(bad.issues).toEqual([
        expect.objectContaining({
          sheet: 'Acara',
          cell: address,
          message: expect.objectContaining({ id: expect.stringContaining('zona waktu harus WIB, WITA, WIT') }),
        }),
      ]);
  });

  it('reads a template filled before the row existed (no label, no value) as the demo, WITA by default', async () => {
    const result = await edited((ws) => {
      const row = zoneRow(ws);
      for (let c = 1; c <= 3; c++) ws.getCell(row, c).value = null;
    });
    expect(result).toEqual({ ok: true, event: demoDocument() });
  });
});
