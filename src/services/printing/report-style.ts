/**
 * Print CSS for the report. Page size here; the margins come with the PDF options (render-pdf.ts) so that
 * Chromium's header and footer fit in them. Table headers repeat on each page, rows never split, each
 * category starts a page, and the Berita Acara starts its own.
 */
export const REPORT_STYLE = `
@page { size: A4 portrait; }
* { box-sizing: border-box; }
html { font-family: "Liberation Sans", Arial, "DejaVu Sans", sans-serif; font-size: 8.5pt; color: #111; line-height: 1.3;
  -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; }
h1 { font-size: 17pt; margin: 0 0 3mm; }
h2 { font-size: 12.5pt; margin: 5mm 0 2mm; break-after: avoid; }
h3 { font-size: 9.5pt; margin: 3.5mm 0 1.2mm; break-after: avoid; }
p { margin: 1.5mm 0; }
table { border-collapse: collapse; width: 100%; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
.grid th, .grid td { border: 0.5pt solid #9a9a9a; padding: 0.9mm 1.3mm; vertical-align: top; text-align: left; }
.grid thead th { background: #e8ecf2; font-weight: bold; }
.num { text-align: right !important; font-variant-numeric: tabular-nums; white-space: nowrap; }
.strong { font-weight: bold; }
.sub { color: #555; font-size: 7.5pt; font-weight: normal; }
.muted { color: #888; }
.nowrap { white-space: nowrap; }
.mono { font-family: "Liberation Mono", "DejaVu Sans Mono", monospace; font-size: 7pt; }
.code { font-family: "Liberation Mono", "DejaVu Sans Mono", monospace; }
.dagger { margin-left: 0.2mm; }
.keep { break-inside: avoid; }
.demo-notice { border: 1.2pt solid #b3261e; color: #b3261e; font-weight: bold; text-align: center; padding: 1.5mm; margin: 0 0 4mm; font-size: 10pt; }
.warning { border: 0.8pt solid #b36b00; background: #fff4e0; padding: 2mm; margin: 3mm 0; }

.cover h1 { font-size: 19pt; margin-top: 6mm; }
.cover .event-name { font-size: 14pt; font-weight: bold; margin: 0 0 5mm; }
.facts { margin: 3mm 0 4mm; }
.facts th { text-align: left; width: 48mm; padding: 1mm 2mm 1mm 0; vertical-align: top; color: #333; }
.facts td { padding: 1mm 0; }
.hash-box { border: 0.8pt solid #333; padding: 2.5mm 3mm; margin: 4mm 0; break-inside: avoid; }
.hash-box .label { font-weight: bold; margin-bottom: 1mm; }
.hash-box .hash { font-family: "Liberation Mono", "DejaVu Sans Mono", monospace; font-size: 9pt; word-break: break-all; }
.hash-table { width: auto; margin-bottom: 1mm; }
.hash-table th { text-align: left; padding: 0.5mm 3mm 0.5mm 0; white-space: nowrap; vertical-align: baseline; }
.hash-table td { padding: 0.5mm 0; vertical-align: baseline; }
.hash-box .not-pinned-mark { color: #b3261e; font-weight: bold; margin-left: 2mm; }

section.category, section.overall, section.berita-acara { break-before: page; }
section.appendix { margin-top: 10mm; }
.category-title { margin-top: 0; font-size: 14pt; border-bottom: 1.2pt solid #1f3b63; padding-bottom: 1mm; }
.category-title .kicker { display: block; font-size: 8pt; color: #555; font-weight: normal; text-transform: uppercase; letter-spacing: 0.05em; }
.ranking tr.winner td { background: #f3f7ec; }
.ranking th:last-child { width: 32mm; }
.decision { border-left: 2pt solid #1f3b63; padding-left: 2mm; }
.notes p { margin: 1mm 0; }
.matrix th, .matrix td, .flags th, .flags td { padding: 0.7mm 0.9mm; font-size: 7.5pt; }
.matrix td:nth-child(2) { width: 40mm; }
.flag { color: #b3261e; font-weight: bold; margin-right: 0.6mm; }
.flags td:nth-child(4) { width: 62mm; }
.chart { table-layout: fixed; }
.chart th, .chart td { padding: 0.3mm 2mm; vertical-align: middle; border-bottom: 0.3pt solid #eee; }
.chart th { font-weight: bold; text-align: center; font-size: 7.5pt; }
.chart th:first-child, .chart td.chart-name { width: 48mm; text-align: left; }
.chart svg { display: block; width: 100%; height: auto; }
.chart .strip-cell.muted { text-align: center; }
.files td.file { word-break: break-all; }
.files .hash-cell { word-break: break-all; width: 42mm; }

.berita-acara { font-family: "Liberation Serif", "Times New Roman", "DejaVu Serif", serif; font-size: 11pt; line-height: 1.45; }
.berita-acara .sub { font-family: "Liberation Sans", Arial, sans-serif; }
.ba-title { text-align: center; font-size: 13pt; line-height: 1.35; margin: 2mm 0 2mm; }
.ba-number { text-align: center; margin-bottom: 5mm; }
.blank { display: inline-block; min-width: 55mm; border-bottom: 0.6pt dotted #333; height: 1em; }
.ba-text { text-align: justify; margin: 3mm 0; }
.translation { font-style: italic; color: #444; font-size: 9.5pt; margin: -1.5mm 0 3mm; }
.center { text-align: center; }
.ba-winners { table-layout: fixed; width: 160mm; margin: 2.5mm 0 2.5mm 4mm; break-inside: avoid; line-height: 1.3; }
.ba-winners th, .ba-winners td { padding: 0.5mm 2mm 0.5mm 0; vertical-align: top; text-align: left; }
.ba-winners .ba-heading { font-weight: bold; }
.ba-winners th.sub { font-size: 8pt; vertical-align: bottom; }
.ba-winners tbody td:first-child { padding-left: 5mm; white-space: nowrap; }
col.ba-rank { width: 40mm; }
col.ba-score { width: 24mm; }
.ba-decisions li { margin: 1mm 0; }
.berita-acara .hash { font-size: 8.5pt; word-break: break-all; }
.ba-signing { break-inside: avoid; break-after: avoid; text-align: center; margin: 6mm 0 3mm; }
.ba-signing p { margin: 1mm 0; }
.signatures td { height: 15mm; vertical-align: middle; }
.signatures th { text-align: center; }
.ba-name { font-weight: bold; }
.ba-name .blank { min-width: 45mm; }
.ba-role { white-space: nowrap; }
.ba-sign { width: 58mm; white-space: nowrap; }
.ba-sign .sign-no { display: inline-block; width: 6mm; }
.ba-sign .sign-line { display: inline-block; width: 30mm; border-bottom: 0.6pt dotted #333; }
.ba-sign.right { padding-left: 18mm; }
/*
 * Issue 16: a draft says so on every page (Chromium repeats a fixed element on each printed page), and in the
 * Berita Acara. The filter makes Chromium paint the watermark as a picture, not as text: its letters would
 * otherwise fall between the words of every table when the PDF is read or copied as text (the page header
 * carries the same words as text).
 */
.draft-watermark { position: fixed; top: 42%; left: 0; right: 0; text-align: center; transform: rotate(-32deg); font-size: 30pt; font-weight: bold;
  color: rgba(179, 38, 30, 0.14); white-space: nowrap; pointer-events: none; z-index: 0; filter: blur(0.2pt); }
.ba-draft { border: 1.2pt solid #b3261e; padding: 2mm 3mm; margin: 4mm 0; break-inside: avoid; }
.ba-draft-title { color: #b3261e; font-weight: bold; text-align: center; font-size: 12pt; margin: 0 0 1mm; }
.ba-draft ul { margin: 1mm 0; padding-left: 6mm; font-size: 9.5pt; }
/* Issue 16: the Berita Acara's basis, empty places and special awards. */
.ba-basis { break-inside: avoid; }
.ba-decrees { margin: 0 0 3mm; padding-left: 8mm; }
.ba-decrees li { margin: 0.6mm 0; text-align: justify; }
.ba-vacant td { font-style: italic; }
.ba-list { margin: 0 0 3mm; padding-left: 8mm; }
.ba-list li { margin: 0.5mm 0; text-align: justify; }
.panel-note .warning { margin-top: 1mm; }
.ba-winners tbody .ba-special td:first-child { white-space: normal; text-align: justify; }
`;
