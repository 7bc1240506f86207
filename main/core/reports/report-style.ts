/** Print style of the report page: A4 portrait, sober, tables that survive black-and-white copies. */
export const REPORT_CSS = `
@page { size: A4; margin: 18mm 16mm 20mm 18mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: "Liberation Sans", Arial, Helvetica, "DejaVu Sans", sans-serif; font-size: 9.5pt; color: #1d2935; line-height: 1.35; margin: 0; }
h1 { font-size: 20pt; color: #1f3b57; margin: 0 0 4mm; font-weight: 700; }
h2 { font-size: 14pt; color: #1f3b57; margin: 0 0 3mm; padding-bottom: 1.5mm; border-bottom: 0.6mm solid #1f3b57; }
h3 { font-size: 10.5pt; color: #1f3b57; margin: 5mm 0 2mm; }
p { margin: 0 0 2.5mm; }
.page { break-before: page; }
.muted { color: #6b7785; }
.small { font-size: 8pt; }
table { width: 100%; border-collapse: collapse; margin: 1mm 0 3mm; font-size: 8.5pt; break-inside: auto; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th { text-align: left; font-weight: 700; color: #1f3b57; border-bottom: 0.4mm solid #1f3b57; padding: 1.2mm 1.5mm; vertical-align: bottom; }
td { padding: 0.8mm 1.5mm; border-bottom: 0.2mm solid #d5dce3; vertical-align: top; }
tbody tr:nth-child(even) td { background: #f5f7f9; }
tr.total td { font-weight: 700; border-top: 0.4mm solid #1f3b57; background: #e9eef3; }
.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.badge { display: inline-block; padding: 0.3mm 2mm; border-radius: 1mm; font-weight: 700; font-size: 8pt; }
.badge.yes { background: #2e7d5b; color: #fff; }
.badge.no { background: #e6e9ed; color: #7a2e20; border: 0.2mm solid #c9ced4; }
.figures { display: flex; gap: 3mm; margin: 2mm 0 4mm; flex-wrap: wrap; }
.figure { flex: 1 1 0; min-width: 34mm; border: 0.3mm solid #c9d3dd; border-top: 1.2mm solid #1f3b57; padding: 2mm 2.5mm; }
.figure.plus { border-top-color: #2e7d5b; }
.figure.minus { border-top-color: #c8553d; }
.figure .label { font-size: 7.5pt; color: #5a6775; text-transform: uppercase; letter-spacing: 0.02em; }
.figure .value { font-size: 13pt; font-weight: 700; color: #1d2935; margin-top: 1mm; white-space: nowrap; }
.figure .unit { font-size: 8pt; font-weight: 400; color: #5a6775; }
.chart { margin: 2mm 0 4mm; break-inside: avoid; }
.chart-title { font-weight: 700; font-size: 9pt; color: #1f3b57; margin-bottom: 1mm; }
.cover { height: 255mm; display: flex; flex-direction: column; }
.cover .band { background: #1f3b57; color: #fff; padding: 14mm 12mm 10mm; margin: 0 0 10mm; }
.cover .band h1 { color: #fff; font-size: 26pt; margin-bottom: 3mm; }
.cover .band .sub { font-size: 11pt; color: #d3dee8; }
.cover .meta td { border: none; padding: 1.4mm 0; font-size: 10.5pt; background: none !important; }
.cover .meta td:first-child { color: #5a6775; width: 48mm; }
.cover .verdict { margin: 8mm 0.5mm 0 0; border: 0.4mm solid #c9d3dd; border-left: 2mm solid #1f3b57; padding: 5mm 6mm; }
.cover .verdict .badge { font-size: 13pt; padding: 0.8mm 4mm; vertical-align: 1mm; }
.cover .verdict .big { font-size: 16pt; font-weight: 700; margin-top: 1mm; }
.cover .foot { margin-top: auto; font-size: 8pt; color: #6b7785; border-top: 0.2mm solid #c9d3dd; padding-top: 2mm; }
.two { display: flex; gap: 6mm; }
.two > div { flex: 1 1 0; }
.note { font-size: 8pt; color: #4b5866; border-left: 1mm solid #c9d3dd; padding: 1mm 3mm; margin: 2mm 0 3mm; }
.formula { font-family: "DejaVu Sans Mono", monospace; font-size: 8pt; }
.toc td { border: none; background: none !important; padding: 0.8mm 0; }
table.months td:first-child { white-space: nowrap; }
table.costs td:nth-child(-n+2) { white-space: nowrap; }
`;
