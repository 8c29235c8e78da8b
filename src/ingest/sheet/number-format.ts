// Spreadsheet number formats → the text a reader sees, computed from the stored value (never from cached
// display text). Covers what plan spreadsheets use: General, fixed decimals, thousands separators, percent,
// currency and unit literals, negative sections, dates. A percent cell stores the fraction (0.265) and shows
// 26.5%; its Cell.number is the shown quantity, 26.5.

export interface FormattedNumber {
  text: string;
  /** The quantity as shown: the stored value, times 100 per percent sign. */
  number: number;
  percent: boolean;
}

/** Round away binary noise (0.1 + 0.2) without losing real digits. */
export function tidyNumber(value: number): number {
  return Number.isFinite(value) ? Number(value.toPrecision(15)) : value;
}

/** Excel's "General": up to 10 decimals of real precision, no exponent for ordinary magnitudes. */
export function generalText(value: number): string {
  const tidy = tidyNumber(value);
  if (Number.isInteger(tidy) && Math.abs(tidy) < 1e15) return String(tidy);
  if (Math.abs(tidy) >= 1e-9 && Math.abs(tidy) < 1e15) return String(Number(tidy.toPrecision(11)));
  return String(tidy);
}

/** Split a format into sections on unquoted semicolons. */
function sections(format: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch === '"') quoted = !quoted;
    if (ch === '\\' && i + 1 < format.length) {
      current += ch + format[++i];
      continue;
    }
    if (ch === ';' && !quoted) {
      out.push(current);
      current = '';
      continue;
    }
    current += ch;
  }
  out.push(current);
  return out;
}

interface Token {
  kind: 'literal' | 'digits';
  text: string;
}

/** Tokens of one section: literals (quoted text, escapes, currency) and digit placeholders. */
function tokenize(section: string): Token[] {
  const tokens: Token[] = [];
  const literal = (text: string) => {
    const last = tokens[tokens.length - 1];
    if (last?.kind === 'literal') last.text += text;
    else tokens.push({ kind: 'literal', text });
  };
  const digits = (text: string) => {
    const last = tokens[tokens.length - 1];
    if (last?.kind === 'digits') last.text += text;
    else tokens.push({ kind: 'digits', text });
  };
  for (let i = 0; i < section.length; i++) {
    const ch = section[i];
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      literal(section.slice(i + 1, end < 0 ? undefined : end));
      i = end < 0 ? section.length : end;
    } else if (ch === '\\' && i + 1 < section.length) {
      literal(section[++i]);
    } else if (ch === '[') {
      const end = section.indexOf(']', i);
      const inner = section.slice(i + 1, end < 0 ? undefined : end);
      // [$£-809] is a currency symbol; [Red], [>=100] are colours and conditions.
      const currency = /^\$([^-\]]*)/.exec(inner);
      if (currency) literal(currency[1]);
      i = end < 0 ? section.length : end;
    } else if (ch === '_' || ch === '*') {
      i++; // `_)` pads to the width of a character, `*-` fills the cell: neither is text
    } else if (ch === '0' || ch === '#' || ch === '?' || ch === '.' || (ch === ',' && tokens[tokens.length - 1]?.kind === 'digits')) {
      digits(ch);
    } else {
      literal(ch);
    }
  }
  return tokens;
}

function groupThousands(integer: string): string {
  return integer.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function renderDigits(value: number, placeholders: string): string {
  const dot = placeholders.indexOf('.');
  const intPart = dot < 0 ? placeholders : placeholders.slice(0, dot);
  const fracPart = dot < 0 ? '' : placeholders.slice(dot + 1).replace(/,/g, '');
  // Trailing commas scale by 1000 each.
  let scaled = value;
  const scale = /,+$/.exec(intPart);
  if (scale && dot < 0) scaled = value / 1000 ** scale[0].length;
  const minDecimals = (fracPart.match(/0/g) ?? []).length;
  const maxDecimals = (fracPart.match(/[0#?]/g) ?? []).length;
  let text = scaled.toFixed(maxDecimals);
  if (maxDecimals > minDecimals) {
    // Optional decimals (#) are dropped when zero.
    const [i, f = ''] = text.split('.');
    let frac = f;
    while (frac.length > minDecimals && frac.endsWith('0')) frac = frac.slice(0, -1);
    text = frac ? `${i}.${frac}` : i;
  }
  let [integer, fraction] = text.split('.');
  const minIntDigits = (intPart.match(/0/g) ?? []).length;
  if (integer === '0' && minIntDigits === 0 && fraction) integer = '';
  if (/\d,\d|[#0?],[#0?]/.test(intPart)) integer = groupThousands(integer);
  return fraction !== undefined ? `${integer}.${fraction}` : integer;
}

const DATE_TOKEN = /(?:^|[^"\\])(?:[dy]+|m{3,}|hh?|ss?)/i;

export function isDateFormat(format: string): boolean {
  const bare = format.replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '');
  return DATE_TOKEN.test(bare) && !/[0#?]/.test(bare);
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Dates as the format shows them (UTC fields: spreadsheet dates carry no zone). English plans read d/m/y. */
export function formatDate(date: Date, format: string | undefined): string {
  const fmt = format && isDateFormat(format) ? sections(format)[0].replace(/\[[^\]]*\]/g, '') : 'dd/mm/yyyy';
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const y = date.getUTCFullYear();
  const mo = date.getUTCMonth();
  const d = date.getUTCDate();
  let out = '';
  let i = 0;
  let lastWasHour = false;
  while (i < fmt.length) {
    const rest = fmt.slice(i);
    const run = /^(y+|m+|d+|h+|s+|AM\/PM|"[^"]*"|\\.|.)/i.exec(rest)![0];
    const lower = run.toLowerCase();
    i += run.length;
    if (lower.startsWith('y')) out += run.length <= 2 ? pad(y % 100) : String(y);
    else if (lower.startsWith('d')) out += run.length === 1 ? String(d) : run.length === 2 ? pad(d) : run.length === 3 ? DAYS[date.getUTCDay()].slice(0, 3) : DAYS[date.getUTCDay()];
    else if (lower.startsWith('m')) {
      if (lastWasHour || /^:/.test(fmt.slice(i))) out += pad(date.getUTCMinutes());
      else out += run.length === 1 ? String(mo + 1) : run.length === 2 ? pad(mo + 1) : run.length === 3 ? MONTHS[mo].slice(0, 3) : MONTHS[mo];
    } else if (lower.startsWith('h')) out += run.length === 1 ? String(date.getUTCHours()) : pad(date.getUTCHours());
    else if (lower.startsWith('s')) out += pad(date.getUTCSeconds());
    else if (lower === 'am/pm') out += date.getUTCHours() < 12 ? 'AM' : 'PM';
    else if (run.startsWith('"')) out += run.slice(1, -1);
    else if (run.startsWith('\\')) out += run.slice(1);
    else out += run;
    // "mm" after an hour (across the ':' literal) means minutes.
    if (/^[ydmhs]/.test(lower)) lastWasHour = lower.startsWith('h');
  }
  return out;
}

/** Format a stored number with a spreadsheet number format. */
export function formatNumber(value: number, format: string | undefined): FormattedNumber {
  const fmt = (format ?? '').trim();
  if (!fmt || /^general$/i.test(fmt) || fmt === '@') return { text: generalText(value), number: tidyNumber(value), percent: false };
  const parts = sections(fmt);
  let section = parts[0];
  let shown = value;
  let signHandled = false;
  if (value < 0 && parts.length > 1 && parts[1].trim()) {
    section = parts[1];
    shown = -value;
    signHandled = true;
  } else if (value === 0 && parts.length > 2 && parts[2].trim()) {
    section = parts[2];
  }
  const percents = (section.replace(/"[^"]*"/g, '').match(/%/g) ?? []).length;
  const quantity = tidyNumber(value * 100 ** percents);
  shown = tidyNumber(shown * 100 ** percents);
  const tokens = tokenize(section);
  if (!tokens.some((t) => t.kind === 'digits' && /[0#?]/.test(t.text))) {
    // A format with no digits ("-" for zero, text only): show the literal, or General when it is empty.
    const literal = tokens.map((t) => t.text).join('').trim();
    return { text: literal || generalText(value), number: quantity, percent: percents > 0 };
  }
  if (/E[+-]/i.test(section)) {
    const decimals = ((/\.([0#]+)E/i.exec(section)?.[1] ?? '').length);
    return { text: shown.toExponential(decimals).toUpperCase().replace(/E\+?(-?)(\d)$/, 'E+$10$2').replace('E+-', 'E-'), number: quantity, percent: false };
  }
  let text = '';
  let digitsDone = false;
  for (const token of tokens) {
    if (token.kind === 'literal') text += token.text;
    else if (!digitsDone) {
      text += renderDigits(Math.abs(shown), token.text);
      digitsDone = true;
    }
  }
  if (shown < 0 && !signHandled && !/^0?(?:\.0*)?$/.test(renderDigits(Math.abs(shown), tokens.find((t) => t.kind === 'digits')!.text))) {
    text = `-${text}`;
  }
  return { text: text.trim(), number: quantity, percent: percents > 0 };
}
