// Styled text collected from markup, with HTML whitespace rules: runs of white space collapse to one space,
// lines are trimmed, <br> is a line break. The result is plain text plus spans (offsets into that text) that
// carry bold / italic / underline.
import type { Span, TextStyle } from '../../model/document.ts';

/** A style where `false` overrides an inherited `true` (`<b><span style="font-weight:normal">`). */
export type StyleState = { [K in keyof TextStyle]?: boolean };

export interface RichText {
  text: string;
  spans: Span[];
}

type Piece = { kind: 'text'; text: string; style: StyleState; pre: boolean } | { kind: 'break' };

function styleKey(style: StyleState): string {
  return `${style.bold ? 'b' : ''}${style.italic ? 'i' : ''}${style.underline ? 'u' : ''}`;
}

function styleOf(key: string): TextStyle | undefined {
  if (!key) return undefined;
  const style: TextStyle = {};
  if (key.includes('b')) style.bold = true;
  if (key.includes('i')) style.italic = true;
  if (key.includes('u')) style.underline = true;
  return style;
}

const COLLAPSIBLE = /[ \t\n\r\f\u00a0\u200b\u2002\u2003\u2009]+/g;

export class RichTextBuilder {
  private pieces: Piece[] = [];

  add(text: string, style: StyleState, pre = false): void {
    if (text) this.pieces.push({ kind: 'text', text, style, pre });
  }

  lineBreak(): void {
    this.pieces.push({ kind: 'break' });
  }

  /** True when nothing but white space and breaks has been added. */
  isBlank(): boolean {
    return !this.pieces.some((p) => p.kind === 'text' && p.text.replace(COLLAPSIBLE, '') !== '');
  }

  build(): RichText {
    let out = '';
    const keys: string[] = [];
    const push = (ch: string, key: string) => {
      out += ch;
      keys.push(key);
    };
    const dropTrailingSpaces = () => {
      while (out.endsWith(' ')) {
        out = out.slice(0, -1);
        keys.pop();
      }
    };
    for (const piece of this.pieces) {
      if (piece.kind === 'break') {
        dropTrailingSpaces();
        if (out && !out.endsWith('\n')) push('\n', '');
        continue;
      }
      const key = styleKey(piece.style);
      const text = piece.pre ? piece.text.replace(/\r\n?/g, '\n').replace(/[\t\u00a0]/g, ' ') : piece.text.replace(COLLAPSIBLE, ' ');
      for (const ch of text) {
        if (ch === '\n') {
          dropTrailingSpaces();
          if (out && !out.endsWith('\n')) push('\n', '');
          continue;
        }
        if (ch === ' ' && (out === '' || out.endsWith(' ') || out.endsWith('\n'))) continue;
        for (let k = 0; k < ch.length; k++) push(ch[k], key);
      }
    }
    // Trim the end (spaces and breaks).
    while (out.endsWith(' ') || out.endsWith('\n')) {
      out = out.slice(0, -1);
      keys.pop();
    }
    return { text: out, spans: spansOf(out, keys) };
  }
}

/** One span per run of equal style, never across a line break. */
function spansOf(text: string, keys: string[]): Span[] {
  const spans: Span[] = [];
  let start = -1;
  let key = '';
  const close = (end: number) => {
    if (start < 0) return;
    const style = styleOf(key);
    spans.push(style ? { start, end, style } : { start, end });
    start = -1;
  };
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\n') {
      close(i);
      continue;
    }
    if (start >= 0 && keys[i] === key) continue;
    close(i);
    start = i;
    key = keys[i];
  }
  close(text.length);
  return spans;
}

/** Join pieces of rich text with a separator, shifting spans. */
export function joinRich(parts: RichText[], separator = '\n'): RichText {
  let text = '';
  const spans: Span[] = [];
  for (const part of parts) {
    if (!part.text) continue;
    if (text) text += separator;
    const offset = text.length;
    text += part.text;
    for (const span of part.spans) spans.push({ ...span, start: span.start + offset, end: span.end + offset });
  }
  return { text, spans };
}
