import { type Block, reportBlocks } from './quarterly-report.document';
import type { QuarterlyReportView } from './quarterly-report.types';

/** Text the center or the records hold, made inert: no tag a Markdown viewer would render or run ("&" stays readable). */
const inertMarkdown = (text: string) => text.replace(/</g, '&lt;').replace(/>/g, '&gt;');
const cell = (text: string) =>
  inertMarkdown(text)
    .replace(/\|/g, '\\|')
    .replace(/\s*\n\s*/g, ' ');

function markdownBlock(block: Block): string {
  switch (block.kind) {
    case 'heading':
      return `${'#'.repeat(block.level)} ${cell(block.text)}`;
    case 'paragraph':
      return inertMarkdown(block.text);
    case 'narrative':
      return block.text ? inertMarkdown(block.text) : `_${block.empty}_`;
    case 'table':
      if (block.rows.length === 0) return '_None._';
      return [
        `| ${block.head.map(cell).join(' | ')} |`,
        `|${block.head.map(() => ' --- ').join('|')}|`,
        ...block.rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
      ].join('\n');
  }
}

/** The report in Markdown. */
export const reportMarkdown = (view: QuarterlyReportView): string => `${reportBlocks(view).map(markdownBlock).join('\n\n')}\n`;

/** Every character HTML gives a meaning, as an entity. */
export const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

function htmlBlock(block: Block): string {
  switch (block.kind) {
    case 'heading':
      return `<h${block.level}>${escapeHtml(block.text)}</h${block.level}>`;
    case 'paragraph':
      return `<p>${escapeHtml(block.text)}</p>`;
    case 'narrative':
      return block.text ? `<div class="narrative">${escapeHtml(block.text)}</div>` : `<p class="empty">${escapeHtml(block.empty)}</p>`;
    case 'table':
      if (block.rows.length === 0) return '<p class="empty">None.</p>';
      return `<table><thead><tr>${block.head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${block.rows
        .map((row) => `<tr>${row.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`)
        .join('')}</tbody></table>`;
  }
}

// Printed on A4 from any browser (File > Print > Save as PDF): no header bar, no page-split rows.
const PRINT_CSS = `
  @page { size: A4; margin: 18mm 16mm; }
  body { font-family: "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif; color: #111; font-size: 10.5pt; line-height: 1.45; max-width: 190mm; margin: 0 auto; padding: 12px; }
  h1 { font-size: 17pt; margin: 0 0 4pt; }
  h2 { font-size: 13pt; margin: 16pt 0 6pt; border-bottom: 1px solid #999; break-after: avoid; }
  table { border-collapse: collapse; width: 100%; margin: 6pt 0 10pt; break-inside: auto; }
  tr { break-inside: avoid; }
  thead { display: table-header-group; }
  th, td { border: 1px solid #bbb; padding: 3pt 5pt; text-align: left; vertical-align: top; }
  th { background: #eee; }
  .narrative { white-space: pre-wrap; }
  .empty { color: #666; font-style: italic; }
  @media print { body { padding: 0; } th { background: #eee !important; -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
`;

/** The report as one printable HTML page: everything it shows escaped, its style inline, no script. */
export function reportHtml(view: QuarterlyReportView): string {
  const title = `客户响应季报 ${view.year} Q${view.quarter}`;
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>${PRINT_CSS}</style></head>
<body>${reportBlocks(view).map(htmlBlock).join('\n')}</body></html>
`;
}
