// Text from a font that has no usable Unicode mapping: the glyphs look right on screen, but the text layer
// holds private-use or control characters, or letters that spell nothing. Judged per font over the whole
// document (one font can be broken while the others are fine), so no garbage is passed on as values.

/** Common English words: plan text is full of them, text from a broken mapping has next to none. */
const STOP_WORDS = new Set(
  'the and of to in for is on with by be are will at as this that from or an our we all has have not it its which was were been their they more than also into each per'.split(' '),
);
/** The ten most frequent letters of English text; about 70% of the letters of any English paragraph. */
const FREQUENT = new Set('etaoinshrl'.split(''));

export interface GarbageVerdict {
  garbage: boolean;
  reason?: string;
}

function isBadChar(cp: number): boolean {
  return (cp < 0x20 && cp !== 0x09 && cp !== 0x0a && cp !== 0x0d) || (cp >= 0x7f && cp < 0xa0) || (cp >= 0xe000 && cp <= 0xf8ff) || cp === 0xfffd || (cp >= 0xf0000);
}

/**
 * Bullets, geometric shapes and dingbats: what a symbol font used for list bullets and check marks holds
 * (Writer's OpenSymbol, Word's Symbol and Wingdings when mapped). Real characters, so a font of nothing
 * else is a bullet font, not a broken one.
 */
function isMarkChar(c: string): boolean {
  const cp = c.codePointAt(0)!;
  return cp === 0xb7 || cp === 0x2022 || cp === 0x2023 || cp === 0x2043 || cp === 0x2219 || (cp >= 0x2190 && cp <= 0x21ff) || (cp >= 0x25a0 && cp <= 0x25ff) || (cp >= 0x2700 && cp <= 0x27bf);
}

// What the judgement asks of each character, worked out once per distinct character (a document's text is
// long, its alphabet short).
const SKIP = 1; // whitespace or a mark character: not counted
const BAD = 2;
const LETTER = 4;
const SYMBOL = 8; // neither letter nor digit
const FREQUENT_LETTER = 16;
const classes = new Map<string, number>();
function classOf(c: string): number {
  let k = classes.get(c);
  if (k === undefined) {
    k = 0;
    if (/\s/.test(c) || isMarkChar(c)) k = SKIP;
    else {
      if (isBadChar(c.codePointAt(0)!)) k |= BAD;
      if (/\p{L}/u.test(c)) k |= LETTER;
      if (/[^\p{L}\p{N}]/u.test(c)) k |= SYMBOL;
      if (FREQUENT.has(c.toLowerCase())) k |= FREQUENT_LETTER;
    }
    if (classes.size < 10_000) classes.set(c, k);
  }
  return k;
}

const ASCII_CLASSES = Array.from({ length: 128 }, (_, code) => classOf(String.fromCharCode(code)));

export function judgeText(text: string): GarbageVerdict {
  let chars = 0;
  let bad = 0;
  let letters = 0;
  let symbols = 0;
  let frequentLetters = 0;
  // By code point, as `for (const c of text)` would go, without the iterator (a document's whole text).
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let k: number;
    if (code < 128) k = ASCII_CLASSES[code];
    else {
      const point = text.codePointAt(i)!;
      if (point > 0xffff) i++;
      k = classOf(String.fromCodePoint(point));
    }
    if (k & SKIP) continue;
    chars++;
    if (k & BAD) bad++;
    if (k & SYMBOL) symbols++;
    if (k & LETTER) {
      letters++;
      if (k & FREQUENT_LETTER) frequentLetters++;
    }
  }
  if (!chars) return { garbage: false };
  if (bad >= 3 && bad / chars > 0.3) return { garbage: true, reason: 'private-use or control characters instead of letters' };
  if (chars >= 20 && symbols / chars > 0.5) return { garbage: true, reason: 'mostly symbols where words should be' };
  if (letters >= 60) {
    const tokens = text.toLowerCase().match(/\p{L}+/gu) ?? [];
    if (tokens.length >= 12) {
      const stop = tokens.filter((t) => STOP_WORDS.has(t)).length / tokens.length;
      const frequent = frequentLetters / letters;
      const voweled = tokens.filter((t) => /[aeiouy]/.test(t)).length / tokens.length;
      if (stop < 0.03 && (frequent < 0.55 || voweled < 0.7)) return { garbage: true, reason: 'no dictionary-like words' };
    }
  }
  return { garbage: false };
}
