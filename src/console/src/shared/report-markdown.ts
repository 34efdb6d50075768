/**
 * The quarterly report's Markdown, as the hub writes it (quarterly-report.render.ts): headings,
 * paragraphs, pipe tables and _emphasised_ notes, with "<" and ">" as entities. Read into blocks
 * of plain text, for the page to draw with text nodes: nothing in it is ever parsed as HTML.
 */
export type MdBlock =
  | { kind: 'heading'; level: number; text: string }
  | { kind: 'paragraph'; text: string; emphasis: boolean }
  | { kind: 'table'; head: string[]; rows: string[][] };

/** A section: a level-2 heading and what follows it up to the next (the title before the first). */
export interface MdSection {
  heading: string | null;
  blocks: MdBlock[];
}

const unentity = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>');

/** "| a | b\| c |" → ["a", "b| c"]. */
export function tableCells(line: string): string[] {
  const inner = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  const cells: string[] = [];
  let current = '';
  for (let i = 0; i < inner.length; i++) {
    if (inner[i] === '\\' && inner[i + 1] === '|') {
      current += '|';
      i++;
    } else if (inner[i] === '|') {
      cells.push(current);
      current = '';
    } else current += inner[i];
  }
  cells.push(current);
  return cells.map((c) => unentity(c.trim()));
}

const isTable = (lines: string[]) =>
  lines.length >= 2 && lines.every((l) => l.trim().startsWith('|')) && /^\|(\s*-+\s*\|)+$/.test(lines[1].trim());

function block(chunk: string): MdBlock {
  const lines = chunk.split('\n');
  const heading = /^(#{1,6}) (.*)$/.exec(chunk);
  if (heading && lines.length === 1) return { kind: 'heading', level: heading[1].length, text: unentity(heading[2]) };
  if (isTable(lines)) return { kind: 'table', head: tableCells(lines[0]), rows: lines.slice(2).map(tableCells) };
  const emphasis = /^_([^_\n]+)_$/.exec(chunk);
  if (emphasis) return { kind: 'paragraph', text: unentity(emphasis[1]), emphasis: true };
  return { kind: 'paragraph', text: unentity(chunk), emphasis: false };
}

export const markdownBlocks = (markdown: string): MdBlock[] =>
  markdown
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/)
    .map((chunk) => chunk.replace(/^\n+|\n+$/g, ''))
    .filter((chunk) => chunk.trim() !== '')
    .map(block);

/** The blocks grouped under their level-2 headings. */
export function markdownSections(markdown: string): MdSection[] {
  const sections: MdSection[] = [{ heading: null, blocks: [] }];
  for (const b of markdownBlocks(markdown)) {
    if (b.kind === 'heading' && b.level === 2) sections.push({ heading: b.text, blocks: [] });
    else sections[sections.length - 1].blocks.push(b);
  }
  return sections.filter((s) => s.heading !== null || s.blocks.length > 0);
}
