// Cells of text exports carry fragments of the Word HTML they came from (<p>, <u>, <ul><li>, <i>, <br>).
// Parse them into paragraphs and lists with styled spans instead of leaving markup in the text.
import { Parser } from 'htmlparser2';
import type { CellContent, Provenance, Span, TextStyle } from '../../model/document.ts';

export interface ParsedMarkup {
  /** Plain text: paragraphs and list items joined by '\n'. */
  text: string;
  spans: Span[];
  content: CellContent[];
}

const BLOCK_TAGS = new Set(['p', 'div', 'li', 'ul', 'ol', 'br', 'tr', 'table', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const STYLE_OF: Record<string, keyof TextStyle> = { u: 'underline', i: 'italic', em: 'italic', b: 'bold', strong: 'bold' };
const MARKUP_HINT = /<\/?(?:p|u|i|b|em|strong|br|ul|ol|li|span|div|font)\b[^>]*>/i;

interface Piece {
  text: string;
  style: TextStyle;
  listDepth: number | null;
}

/** Markdown-style bold (`**Transport**`) appears in exports too; treat it as bold text. */
function splitMarkdownBold(text: string, style: TextStyle): Array<{ text: string; style: TextStyle }> {
  if (!text.includes('**')) return [{ text, style }];
  const out: Array<{ text: string; style: TextStyle }> = [];
  text.split('**').forEach((part, i) => {
    if (part) out.push({ text: part, style: i % 2 === 1 ? { ...style, bold: true } : style });
  });
  return out;
}

function collapse(s: string): string {
  return s.replace(/[ \t\u00a0]+/g, ' ');
}

/** Split markup-bearing text into lines of styled pieces. Each line becomes a paragraph or list item. */
function parseLines(fragment: string): Piece[][] {
  const lines: Piece[][] = [[]];
  const styleStack: string[] = [];
  let listDepth = 0;
  let inItem = false;
  const currentStyle = (): TextStyle => {
    const style: TextStyle = {};
    for (const tag of styleStack) style[STYLE_OF[tag]] = true;
    return style;
  };
  const breakLine = () => {
    if (lines[lines.length - 1].length > 0) lines.push([]);
  };
  const parser = new Parser(
    {
      onopentag(name) {
        if (name in STYLE_OF) styleStack.push(name);
        if (name === 'ul' || name === 'ol') listDepth++;
        if (BLOCK_TAGS.has(name)) breakLine();
        if (name === 'li') inItem = true;
      },
      onclosetag(name) {
        if (name in STYLE_OF) {
          const at = styleStack.lastIndexOf(name);
          if (at >= 0) styleStack.splice(at, 1);
        }
        if (name === 'ul' || name === 'ol') listDepth = Math.max(0, listDepth - 1);
        if (name === 'li') inItem = false;
        if (BLOCK_TAGS.has(name)) breakLine();
      },
      ontext(raw) {
        // Bullets typed as characters inside list markup ("• More and better ...") start new items.
        const parts = raw.split(/\s*[•○∅Ø▪§]\s+/);
        parts.forEach((part, i) => {
          if (i > 0) breakLine();
          const text = collapse(part);
          if (!text.trim() && lines[lines.length - 1].length === 0) return;
          for (const piece of splitMarkdownBold(text, currentStyle())) {
            lines[lines.length - 1].push({ ...piece, listDepth: inItem || listDepth > 0 || i > 0 ? Math.max(0, listDepth - 1) : null });
          }
        });
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(fragment);
  parser.end();
  return lines.filter((line) => line.some((p) => p.text.trim()));
}

/**
 * Parse one cell's (or line's) text. Plain text without markup passes through unchanged, so offsets
 * into it equal offsets into the source line.
 */
export function parseCellMarkup(raw: string, provenance: Provenance): ParsedMarkup {
  if (!MARKUP_HINT.test(raw) && !raw.includes('**') && !/&(?:amp|lt|gt|nbsp|quot|#\d+);/.test(raw)) {
    const text = raw.trim();
    return {
      text,
      spans: text ? [{ start: 0, end: text.length }] : [],
      content: text ? [{ kind: 'paragraph', text, spans: [{ start: 0, end: text.length }], provenance }] : [],
    };
  }
  const spans: Span[] = [];
  const content: CellContent[] = [];
  let text = '';
  for (const line of parseLines(raw)) {
    // Trim the line as a whole while keeping piece boundaries.
    const joined = line.map((p) => p.text).join('');
    const lead = joined.length - joined.trimStart().length;
    const trail = joined.length - joined.trimEnd().length;
    if (text) text += '\n';
    const lineStart = text.length;
    const lineSpans: Span[] = [];
    let consumed = 0;
    for (const piece of line) {
      const from = Math.max(consumed, lead);
      const to = Math.min(consumed + piece.text.length, joined.length - trail);
      consumed += piece.text.length;
      if (to <= from) continue;
      const start = text.length;
      text += joined.slice(from, to);
      const span: Span = { start, end: text.length };
      if (Object.keys(piece.style).length) span.style = piece.style;
      spans.push(span);
      lineSpans.push({ ...span, start: span.start - lineStart, end: span.end - lineStart });
    }
    const lineText = text.slice(lineStart);
    const depth = line[0].listDepth;
    if (depth === null) {
      content.push({ kind: 'paragraph', text: lineText, spans: lineSpans, provenance });
    } else {
      const last = content[content.length - 1];
      const item = { text: lineText, spans: lineSpans, provenance, depth };
      if (last && last.kind === 'list') last.items.push(item);
      else content.push({ kind: 'list', ordered: false, items: [item], provenance });
    }
  }
  return { text, spans, content };
}
