// OCR confusions inside figures, repaired only where the reading is not in doubt: a word that is a number
// but for a letter O (read for 0) or l / I (read for 1); and a year pair whose slash was read as a 1
// ("2010111" for 2010/11: four digits of a year, then the next year's two). A word with no real digit is
// left alone ("IO", "lol" may be words or codes), and so is anything that would not then be well formed.
// Every repair is recorded on the word, and from there reaches the observation.

/** Letters OCR reads for digits in print, and the digit each stands for. */
const LOOKALIKES: Record<string, string> = { O: '0', o: '0', l: '1', I: '1' };

/**
 * A well-formed figure as plans write them: `1,412`, `41.2%`, `0.61`, `(1,752)`, `£2.5`, and year pairs
 * `2008/09`, with trailing punctuation a sentence may add.
 */
const FIGURE = /^[(£$]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?\)?[.,;:]?$|^\d{2,4}\/\d{2,4}[.,;:]?$/;

export interface RepairedText {
  text: string;
  /** One line per kind of repair, e.g. "O→0 in 1O.5". */
  repairs: string[];
}

/** "2010111", "2010l11": a year, a slash misread, the following year. */
const YEAR_PAIR = /^((?:19|20)(\d\d))[1lI|](\d\d)([.,;:]?)$/;

function repairYearPair(text: string): RepairedText | null {
  const m = YEAR_PAIR.exec(text);
  if (!m || (Number(m[2]) + 1) % 100 !== Number(m[3])) return null;
  const slash = text[m[1].length];
  return { text: `${m[1]}/${m[3]}${m[4]}`, repairs: [`${slash}→/ in ${text}`] };
}

export function repairFigure(text: string): RepairedText | null {
  // First: "2010111" is also a well-formed number, but a year and the next year run together are a period.
  const pair = repairYearPair(text);
  if (pair) return pair;
  if (!/\d/.test(text) || FIGURE.test(text)) return null;
  const letters = [...text].filter((c) => c in LOOKALIKES);
  if (!letters.length) return null;
  const repaired = [...text].map((c) => LOOKALIKES[c] ?? c).join('');
  if (!FIGURE.test(repaired)) return null;
  const kinds = [...new Set(letters)];
  return { text: repaired, repairs: kinds.map((c) => `${c}→${LOOKALIKES[c]} in ${text}`) };
}
