/**
 * What the zip guard says when it refuses an Excel file (src/services/files/zip-guard.ts): the file's name
 * first ("Berkas x.xlsx: …"), then what is wrong with the archive or what it would cost to read. The
 * hostile-file tests compare these texts exactly.
 */
import type { Bilingual } from '../model.ts';
import { defineMessages } from './catalog.ts';

const MiB = 1024 * 1024;
const fmtId = (n: number) => n.toLocaleString('id-ID');
const fmtEn = (n: number) => n.toLocaleString('en-US');
/** A size as people read it: "5.000 byte", "12,5 KiB", "300 MiB" (Indonesian), "5,000 bytes", "12.5 KiB", "300 MiB" (English). */
function size(n: number, locale: 'id-ID' | 'en-US', bytes: string): string {
  const one = { maximumFractionDigits: 1 };
  if (n < 1024) return `${n.toLocaleString(locale)} ${bytes}`;
  if (n < MiB) return `${(n / 1024).toLocaleString(locale, one)} KiB`;
  return `${(n / MiB).toLocaleString(locale, one)} MiB`;
}
const sizeId = (n: number) => size(n, 'id-ID', 'byte');
const sizeEn = (n: number) => size(n, 'en-US', 'bytes');

export const zipMessages = defineMessages('zip', {
  /** The file's name, then the problem. */
  inFile: {
    id: (p: { fileName: string; problem: Bilingual }) => `Berkas ${p.fileName}: ${p.problem.id}`,
    en: (p) => `File ${p.fileName}: ${p.problem.en}`,
  },
  /** A worksheet's name, then what it declares beyond a limit. */
  inSheet: {
    id: (p: { name: string; problem: Bilingual }) => `sheet ${p.name}: ${p.problem.id}`,
    en: (p) => `sheet ${p.name}: ${p.problem.en}`,
  },

  // Step 1: the directory
  empty: { id: 'kosong (0 byte).', en: 'is empty (0 bytes).' },
  tooLarge: {
    id: (p: { size: number; max: number }) => `terlalu besar (${p.size} byte, paling banyak ${p.max}).`,
    en: (p) => `too large (${p.size} bytes, at most ${p.max}).`,
  },
  dataBeforeZip: {
    id: 'bukan berkas Excel (.xlsx) yang utuh: ada data lain sebelum arsip zip-nya (misalnya berkas yang menyamar sebagai berkas lain). Berkas ditolak.',
    en: 'is not a plain Excel file (.xlsx): other data comes before its zip archive (a file disguised as another, say). The file is refused.',
  },
  noEnd: {
    id: 'terpotong atau rusak: akhir arsip zip (direktori pusatnya) tidak ditemukan. Salin atau unduh ulang berkasnya dari pengirim.',
    en: 'is cut short or damaged: the end of the zip archive (its central directory) is missing. Copy or download the file again from its sender.',
  },
  zip64: {
    id: 'memakai format ZIP64 (untuk arsip di atas 4 GiB atau 65.535 bagian), yang tidak didukung: berkas Excel sebesar itu tidak pernah dibuat untuk Timbang.',
    en: 'uses the ZIP64 format (for archives over 4 GiB or 65,535 entries), which is not supported: no Excel file for Timbang is ever that large.',
  },
  split: {
    id: 'adalah arsip zip yang terbagi atas beberapa bagian, yang tidak didukung.',
    en: 'is a zip archive split into several parts, which is not supported.',
  },
  noEntries: { id: 'arsip zip kosong, tidak berisi apa pun.', en: 'is an empty zip archive: it holds nothing.' },
  tooManyEntries: {
    id: (p: { count: number; max: number }) => `berisi ${fmtId(p.count)} bagian; berkas Excel untuk Timbang paling banyak ${fmtId(p.max)}.`,
    en: (p) => `holds ${fmtEn(p.count)} entries; an Excel file for Timbang has at most ${fmtEn(p.max)}.`,
  },
  damaged: {
    id: 'rusak: direktori arsip zip-nya tidak utuh, menunjuk ke luar berkas, atau tidak cocok dengan catatan akhirnya. Salin atau unduh ulang berkasnya dari pengirim.',
    en: 'is damaged: its zip directory is incomplete, points outside the file, or does not match its end record. Copy or download the file again from its sender.',
  },
  secondName: {
    id: (p: { shown: string; second: string }) =>
      `bagian ${p.shown} membawa nama kedua ${p.second}: pembaca yang berbeda bisa memakai nama yang berbeda. Berkas ini sengaja dibuat atau rusak.`,
    en: (p) =>
      `entry ${p.shown} carries a second name ${p.second}: different readers could use different names. This file was crafted or is damaged.`,
  },
  entryZip64: {
    id: (p: { shown: string }) => `bagian ${p.shown} memakai format ZIP64, yang tidak didukung.`,
    en: (p) => `entry ${p.shown} uses the ZIP64 format, which is not supported.`,
  },
  encrypted: {
    id: (p: { shown: string }) =>
      `bagian ${p.shown} terenkripsi (dilindungi kata sandi). Simpan berkasnya tanpa kata sandi lalu coba lagi.`,
    en: (p) => `entry ${p.shown} is encrypted (password-protected). Save the file without a password and try again.`,
  },
  method: {
    id: (p: { shown: string; method: number }) =>
      `bagian ${p.shown} dipadatkan dengan metode ${p.method}, yang tidak dipakai Excel dan tidak didukung.`,
    en: (p) => `entry ${p.shown} is compressed with method ${p.method}, which Excel does not use and is not supported.`,
  },
  entryTooLarge: {
    id: (p: { shown: string; size: number; max: number }) =>
      `bagian ${p.shown} menyatakan ukuran ${sizeId(p.size)} bila dibuka; paling banyak ${sizeId(p.max)} per bagian. Ini ciri "bom zip".`,
    en: (p) =>
      `entry ${p.shown} declares ${sizeEn(p.size)} once unpacked; at most ${sizeEn(p.max)} per entry. This is the mark of a "zip bomb".`,
  },
  totalTooLarge: {
    id: (p: { shown: string; total: number; max: number }) =>
      `isinya menyatakan lebih dari ${sizeId(p.max)} bila dibuka (sampai bagian ${p.shown}: ${sizeId(p.total)}). Ini ciri "bom zip".`,
    en: (p) =>
      `its contents declare more than ${sizeEn(p.max)} once unpacked (${sizeEn(p.total)} up to entry ${p.shown}). This is the mark of a "zip bomb".`,
  },
  xmlTooLarge: {
    id: (p: { shown: string; total: number; max: number }) =>
      `bagian-bagian XML-nya menyatakan lebih dari ${sizeId(p.max)} bila dibuka (sampai bagian ${p.shown}: ${sizeId(p.total)}), sedangkan lembar penilaian tingkat nasional berisi sekitar 6 MiB. Berkas sebesar ini tidak dibaca.`,
    en: (p) =>
      `its XML parts declare more than ${sizeEn(p.max)} once unpacked (${sizeEn(p.total)} up to entry ${p.shown}), where a national-scale score sheet holds about 6 MiB. A file this large is not read.`,
  },
  ratio: {
    id: (p: { shown: string; ratio: string; compressed: number; size: number; max: number }) =>
      `bagian ${p.shown} memampat ${p.ratio}:1 (${sizeId(p.compressed)} menjadi ${sizeId(p.size)}), jauh di atas berkas Excel biasa (paling banyak ${p.max}:1). Ini ciri "bom zip".`,
    en: (p) =>
      `entry ${p.shown} expands ${p.ratio}:1 (${sizeEn(p.compressed)} to ${sizeEn(p.size)}), far beyond a normal Excel file (at most ${p.max}:1). This is the mark of a "zip bomb".`,
  },
  outside: {
    id: (p: { shown: string }) =>
      `berisi bagian bernama ${p.shown}, jalur yang menunjuk ke luar arsip (absolut, dengan '..' atau karakter NUL). Excel tidak pernah membuat nama seperti itu; berkas ini sengaja dibuat atau rusak.`,
    en: (p) =>
      `holds an entry named ${p.shown}, a path that points outside the archive (absolute, with '..' or a NUL character). Excel never writes such a name; this file was crafted or is damaged.`,
  },
  overlap: {
    id: (p: { first: string; second: string }) =>
      `bagian ${p.first} dan ${p.second} memakai data yang sama atau tumpang-tindih. Ini ciri "bom zip"; Excel tidak pernah membuat arsip seperti itu.`,
    en: (p) =>
      `entries ${p.first} and ${p.second} share or overlap their data. This is the mark of a "zip bomb"; Excel never writes such an archive.`,
  },
  sameName: {
    id: (p: { shown: string }) =>
      `berisi dua bagian bernama ${p.shown}: pembaca yang berbeda bisa menampilkan isi yang berbeda. Berkas ini sengaja dibuat atau rusak.`,
    en: (p) => `holds two entries named ${p.shown}: different readers could show different contents. This file was crafted or is damaged.`,
  },
  samePart: {
    id: (p: { first: string; second: string }) =>
      `berisi bagian ${p.first} dan ${p.second}, yang bagi Excel dan LibreOffice adalah bagian yang sama (nama bagian tidak membedakan huruf besar dan kecil, '\\' dan '/', './', '..' atau '%xx'): pembaca yang berbeda bisa menampilkan isi yang berbeda, misalnya nilai yang lain. Berkas ini sengaja dibuat atau rusak.`,
    en: (p) =>
      `holds entries ${p.first} and ${p.second}, which Excel and LibreOffice take as one part (part names do not tell letter case, '\\' and '/', './', '..' or '%xx' apart): different readers could show different contents, other marks for instance. This file was crafted or is damaged.`,
  },

  // What the bytes are instead of a zip
  notAZip: {
    id: 'bukan berkas Excel (.xlsx): isinya bukan arsip zip seperti berkas .xlsx.',
    en: 'is not an Excel file (.xlsx): its contents are not a zip archive as an .xlsx file is.',
  },
  pdf: {
    id: 'bukan berkas Excel (.xlsx), melainkan dokumen PDF. Pilih berkas .xlsx-nya.',
    en: 'is not an Excel file (.xlsx) but a PDF document. Choose the .xlsx file.',
  },
  xls: {
    id: 'adalah berkas Excel 97–2003 (.xls) atau berkas Excel yang dilindungi kata sandi. Buka di Excel, hapus kata sandinya bila ada, lalu simpan sebagai "Excel Workbook (.xlsx)".',
    en: 'is an Excel 97–2003 file (.xls) or a password-protected Excel file. Open it in Excel, remove any password, and save it as "Excel Workbook (.xlsx)".',
  },
  timbangJson: {
    id: 'adalah berkas JSON Timbang (paket acara atau berkas pendaftaran), bukan berkas Excel (.xlsx) yang diminta di sini.',
    en: 'is a Timbang JSON file (an event package or an enrolment file), not the Excel file (.xlsx) asked for here.',
  },
  plainText: { id: 'bukan berkas Excel (.xlsx), melainkan teks biasa.', en: 'is not an Excel file (.xlsx) but plain text.' },

  // Step 2: each entry's contents
  notUtf8: {
    id: (p: { shown: string }) => `bagian ${p.shown} bukan teks UTF-8 yang sah.`,
    en: (p) => `entry ${p.shown} is not valid UTF-8 text.`,
  },
  dtd: {
    id: (p: { shown: string }) =>
      `bagian ${p.shown} memuat deklarasi DTD (<!DOCTYPE> atau <!ENTITY>), yang tidak pernah ada di berkas Excel atau LibreOffice. Entitas XML di dalamnya tidak dibaca; berkas ditolak.`,
    en: (p) =>
      `entry ${p.shown} contains a DTD declaration (<!DOCTYPE> or <!ENTITY>), which files from Excel or LibreOffice never have. Its XML entities are not read; the file is refused.`,
  },
  tooManyElements: {
    id: (p: { shown: string; count: number; max: number }) =>
      `berisi lebih dari ${fmtId(p.max)} elemen XML (sampai bagian ${p.shown}: ${fmtId(p.count)}), sedangkan lembar penilaian tingkat nasional berisi sekitar 160.000. Berkas sebesar ini tidak dibaca.`,
    en: (p) =>
      `holds more than ${fmtEn(p.max)} XML elements (${fmtEn(p.count)} up to entry ${p.shown}), where a national-scale score sheet holds about 160,000. A file this large is not read.`,
  },
  tooManyOtherElements: {
    id: (p: { shown: string; count: number; max: number }) =>
      `berisi lebih dari ${fmtId(p.max)} elemen XML di luar data sel dan teks bersama (sampai bagian ${p.shown}: ${fmtId(p.count)}), misalnya relasi, format bersyarat atau tautan, sedangkan berkas Excel biasa berisi beberapa ratus. Berkas ini tidak dibaca.`,
    en: (p) =>
      `holds more than ${fmtEn(p.max)} XML elements outside its cell data and shared strings (${fmtEn(p.count)} up to entry ${p.shown}), such as relationships, conditional formats or links, where an ordinary Excel file holds a few hundred. This file is not read.`,
  },
  sharedStrings: {
    id: (p: { shown: string; count: number; bytes: number; max: number; maxBytes: number }) =>
      `teks bersamanya (shared strings, bagian ${p.shown}) berjumlah ${fmtId(p.count)} dalam ${sizeId(p.bytes)}; paling banyak ${fmtId(p.max)} teks dalam ${sizeId(p.maxBytes)} (lembar penilaian tingkat nasional: sekitar 4.200 teks dalam 2,3 MiB).`,
    en: (p) =>
      `its shared strings (entry ${p.shown}) number ${fmtEn(p.count)} in ${sizeEn(p.bytes)}; at most ${fmtEn(p.max)} strings in ${sizeEn(p.maxBytes)} (a national-scale score sheet: about 4,200 strings in 2.3 MiB).`,
  },
  namedCells: {
    id: (p: { shown: string; cells: number; widest: string; max: number }) =>
      `nama yang didefinisikan (defined names) di bagian ${p.shown} mencakup ${fmtId(p.cells)} sel, misalnya ${p.widest}; paling banyak ${fmtId(p.max)} di seluruh berkas.`,
    en: (p) =>
      `its defined names (entry ${p.shown}) cover ${fmtEn(p.cells)} cells, for instance ${p.widest}; at most ${fmtEn(p.max)} in the whole file.`,
  },
  inflatesPastSize: {
    id: (p: { shown: string; size: number }) =>
      `bagian ${p.shown} ternyata lebih besar daripada ukuran yang dinyatakannya (${sizeId(p.size)}): berkas rusak, atau sengaja dibuat ("bom zip"). Pembacaan dihentikan; salin atau unduh ulang berkasnya dari pengirim.`,
    en: (p) =>
      `entry ${p.shown} turns out larger than the size it declares (${sizeEn(p.size)}): the file is damaged, or crafted (a "zip bomb"). Reading was stopped; copy or download the file again from its sender.`,
  },
  cannotInflate: {
    id: (p: { shown: string }) =>
      `rusak: data terpadat bagian ${p.shown} tidak dapat dibuka. Salin atau unduh ulang berkasnya dari pengirim.`,
    en: (p) => `is damaged: the compressed data of entry ${p.shown} cannot be unpacked. Copy or download the file again from its sender.`,
  },
  checksum: {
    id: (p: { shown: string }) =>
      `rusak: isi bagian ${p.shown} tidak cocok dengan ukuran atau checksum yang tercatat. Salin atau unduh ulang berkasnya dari pengirim.`,
    en: (p) =>
      `is damaged: the contents of entry ${p.shown} do not match their recorded size or checksum. Copy or download the file again from its sender.`,
  },

  // One worksheet beyond a worksheet's limits (after "sheet x: ")
  sheetRows: {
    id: (p: { rows: number; max: number }) =>
      `mencapai baris ${fmtId(p.rows)}; Timbang membaca paling banyak ${fmtId(p.max)} baris per sheet.`,
    en: (p) => `reaches row ${fmtEn(p.rows)}; Timbang reads at most ${fmtEn(p.max)} rows per sheet.`,
  },
  sheetColumns: {
    id: (p: { columns: number; max: number }) =>
      `menyatakan kolom ke-${fmtId(p.columns)}, padahal Excel paling banyak punya ${fmtId(p.max)} kolom.`,
    en: (p) => `declares column ${fmtEn(p.columns)}, but Excel has at most ${fmtEn(p.max)} columns.`,
  },
  sheetCells: {
    id: (p: { rows: number; columns: number; used: number; max: number }) =>
      `mencakup ${fmtId(p.rows)} baris × ${fmtId(p.columns)} kolom (${fmtId(p.used)} sel); Timbang membaca paling banyak ${fmtId(p.max)} sel per sheet. Hapus baris dan kolom kosong yang berformat di luar data.`,
    en: (p) =>
      `spans ${fmtEn(p.rows)} rows × ${fmtEn(p.columns)} columns (${fmtEn(p.used)} cells); Timbang reads at most ${fmtEn(p.max)} cells per sheet. Delete formatted empty rows and columns beyond the data.`,
  },

  // The worksheets together beyond the workbook's limits
  workbookCells: {
    id: (p: { count: number; at: string; max: number }) =>
      `sheet-sheetnya bersama-sama mencakup ${fmtId(p.count)} sel (sampai sheet ${p.at}); Timbang membaca paling banyak ${fmtId(p.max)} sel dalam satu berkas, sedangkan lembar penilaian tingkat nasional berisi sekitar 76.000. Hapus sheet, baris dan kolom yang tidak dipakai.`,
    en: (p) =>
      `its sheets together span ${fmtEn(p.count)} cells (up to sheet ${p.at}); Timbang reads at most ${fmtEn(p.max)} cells in one file, where a national-scale score sheet holds about 76,000. Delete the sheets, rows and columns not in use.`,
  },
  workbookRows: {
    id: (p: { count: number; at: string; max: number }) =>
      `sheet-sheetnya bersama-sama berisi ${fmtId(p.count)} baris (sampai sheet ${p.at}); Timbang membaca paling banyak ${fmtId(p.max)} baris dalam satu berkas, sedangkan lembar penilaian tingkat nasional berisi sekitar 4.100. Hapus sheet dan baris yang tidak dipakai.`,
    en: (p) =>
      `its sheets together hold ${fmtEn(p.count)} rows (up to sheet ${p.at}); Timbang reads at most ${fmtEn(p.max)} rows in one file, where a national-scale score sheet holds about 4,100. Delete the sheets and rows not in use.`,
  },
  workbookColumns: {
    id: (p: { count: number; at: string; max: number }) =>
      `sheet-sheetnya bersama-sama memakai atau memformat ${fmtId(p.count)} kolom (sampai sheet ${p.at}); paling banyak ${fmtId(p.max)} dalam satu berkas. Hapus format kolom yang tidak dipakai.`,
    en: (p) =>
      `its sheets together use or format ${fmtEn(p.count)} columns (up to sheet ${p.at}); at most ${fmtEn(p.max)} in one file. Remove the formatting of columns not in use.`,
  },
  mergedCells: {
    id: (p: { count: number; at: string; widest: string; max: number }) =>
      `menggabungkan (merge) ${fmtId(p.count)} sel (sampai sheet ${p.at}, misalnya ${p.widest}); paling banyak ${fmtId(p.max)} di seluruh berkas.`,
    en: (p) => `merges ${fmtEn(p.count)} cells (up to sheet ${p.at}, for instance ${p.widest}); at most ${fmtEn(p.max)} in the whole file.`,
  },
  validatedCells: {
    id: (p: { count: number; at: string; widest: string; max: number }) =>
      `validasi data mencakup ${fmtId(p.count)} sel (sampai sheet ${p.at}, misalnya ${p.widest}); paling banyak ${fmtId(p.max)} di seluruh berkas. Batasi validasinya pada baris yang dipakai.`,
    en: (p) =>
      `data validation covers ${fmtEn(p.count)} cells (up to sheet ${p.at}, for instance ${p.widest}); at most ${fmtEn(p.max)} in the whole file. Limit the validation to the rows in use.`,
  },
});

/** What the readers of an Excel file say (src/services/files/: xlsx-file.ts, xlsx-reader.ts; the score sheet's reading). */
export const xlsxMessages = defineMessages('xlsx', {
  /** The words of every importer that loads a workbook, when it cannot. */
  unreadable: {
    id: (p: { fileName: string }) =>
      `Berkas ${p.fileName} bukan berkas Excel (.xlsx) yang dapat dibaca. Simpan sebagai "Excel Workbook (.xlsx)" lalu coba lagi.`,
    en: (p) => `File ${p.fileName} is not a readable Excel (.xlsx) file. Save it as "Excel Workbook (.xlsx)" and try again.`,
  },
  empty: {
    id: (p: { fileName: string }) =>
      `Berkas ${p.fileName} kosong (0 byte): tidak berisi apa pun, mungkin penyalinan atau pengunduhannya terputus. Salin atau simpan lagi berkas aslinya.`,
    en: (p) =>
      `File ${p.fileName} is empty (0 bytes): it holds nothing, perhaps its copy or download was cut short. Copy or save the original file again.`,
  },
  /**
   * A part that holds what no spreadsheet program writes (the reader's own finding, in a technician's
   * words): readXlsx turns it into `unreadable`, as it turns a part that does not parse.
   */
  oddPart: {
    id: (p: { detail: string }) => `bagian berkas yang tidak pernah ditulis program spreadsheet: ${p.detail}`,
    en: (p) => `a part no spreadsheet program writes: ${p.detail}`,
  },
  // What one drawing object is called in a finding
  shapeSp: { id: 'bentuk atau kotak teks', en: 'a shape or text box' },
  shapeGrpSp: { id: 'kelompok bentuk', en: 'a group of shapes' },
  shapeGraphicFrame: { id: 'bagan atau objek', en: 'a chart or object' },
  shapeCxnSp: { id: 'garis penghubung', en: 'a connector' },
  shapeContentPart: { id: 'tinta (coretan)', en: 'ink' },
  shapeOther: { id: 'objek gambar', en: 'a drawing object' },
});
