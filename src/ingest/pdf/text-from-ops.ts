// A page's text items read from pdfjs's operator list, so that each page is evaluated once, not twice.
//
// The ingester needs the page's drawing operators (rules, bullets, images) and its text. pdfjs gives them
// through two calls, `getOperatorList` and `getTextContent`, and each parses and evaluates the page's content
// streams again (the second more than doubled pdfjs's time). The operator list already holds everything the
// text needs: every shown glyph (its Unicode text, width and character code), the font and text-state
// operators, the transforms and the forms. This module replays that list with the same rules as pdfjs's
// `getTextContent` (pdfjs-dist 5.x, src/core/evaluator.js): where a run of text starts and ends, where a
// space is put in, and the item's position, width and font. What comes out is what `getTextContent` returns
// for the page, item for item (tests/unit/ingest/pdf-text-from-ops.test.ts compares them over every fixture
// PDF).
//
// Three differences are inherent and tiny: the operator list keeps text matrices (`Tm`) and form matrices
// as 32-bit floats, so positions can differ from getTextContent's in the fifth significant digit or so; a
// form's font named like another font of the page is told apart by the font itself, not by its resource
// name; and an XObject that pdfjs cannot read (or a PostScript one) leaves nothing in the list, so the run
// of text it interrupts is not ended there as getTextContent ends it (which only matters if the text on
// either side of it touches).
//
// Where the list cannot say what getTextContent would do, `textFromOperators` says so and the caller asks
// pdfjs for the text instead (the page is then evaluated twice, as before): fonts drawn as glyph procedures
// (Type3) or written vertically, right-to-left scripts (pdfjs reorders them), image masks (an inline one does
// not end a run of text in getTextContent, one painted as an XObject does, and the list does not tell them
// apart), a font set through a graphics state, a font whose details did not reach this thread, and anything
// unforeseen. Written against pdfjs-dist 5.6; on an upgrade, the test file named above says whether it
// still agrees.
import { pdfjs } from './load.ts';
import type { PdfTextItem } from './words.ts';

const { OPS, Util, normalizeUnicode } = pdfjs;

/** What the page's fonts (pdfjs's `commonObjs`) tell about each font the text uses. */
export interface OpsFont {
  loadedName?: string;
  name?: string | null;
  fallbackName?: string;
  vertical?: boolean;
  isType3Font?: boolean;
  fontMatrix?: ArrayLike<number> | null;
  ascent?: number;
  descent?: number;
}

export interface OpsTextStyle {
  fontFamily?: string;
  ascent?: number;
  descent?: number;
  vertical?: boolean;
}

export interface OpsTextContent {
  items: Array<PdfTextItem & { dir: string }>;
  styles: Record<string, OpsTextStyle>;
}

interface OperatorList {
  fnArray: ArrayLike<number>;
  argsArray: ArrayLike<unknown>;
}

interface Glyph {
  unicode: string;
  width: number;
  originalCharCode: number;
}

const FONT_IDENTITY_MATRIX = [0.001, 0, 0, 0.001, 0, 0];
const IDENTITY_MATRIX = [1, 0, 0, 1, 0, 0];

// getTextContent's constants.
const TRACKING_SPACE_FACTOR = 0.102;
const NOT_A_SPACE_FACTOR = 0.03;
const NEGATIVE_SPACE_FACTOR = -0.2;
const SPACE_IN_FLOW_MIN_FACTOR = 0.102;
const SPACE_IN_FLOW_MAX_FACTOR = 0.6;
const VERTICAL_SHIFT_RATIO = 0.25;

// pdfjs's character categories (getCharUnicodeCategory), on the glyph's Unicode text.
const SPECIAL_CHAR = /^(\s)|(\p{Mn})|(\p{Cf})$/u;
interface Category {
  isWhitespace: boolean;
  isZeroWidthDiacritic: boolean;
  isInvisibleFormatMark: boolean;
}
const PLAIN: Category = { isWhitespace: false, isZeroWidthDiacritic: false, isInvisibleFormatMark: false };
const categories = new Map<string, Category>();
function categoryOf(unicode: string): Category {
  if (unicode.length === 1) {
    const code = unicode.charCodeAt(0);
    if (code > 0x20 && code < 0x7f) return PLAIN; // printable ASCII: none of the three
  }
  let category = categories.get(unicode);
  if (!category) {
    const groups = unicode.match(SPECIAL_CHAR);
    category = { isWhitespace: !!groups?.[1], isZeroWidthDiacritic: !!groups?.[2], isInvisibleFormatMark: !!groups?.[3] };
    categories.set(unicode, category);
  }
  return category;
}

/** Characters pdfjs's bidi step would count as right-to-left (it reorders a run holding any of them). */
const RIGHT_TO_LEFT = /[\u0590-\u08ac\ufb50-\ufdff\ufe70-\ufeff]/;

/** Image masks: the list does not say whether one came from an inline image or an XObject. */
const IMAGE_MASKS = new Set<number>([OPS.paintImageMaskXObject, OPS.paintImageMaskXObjectGroup, OPS.paintImageMaskXObjectRepeat, OPS.paintSolidColorImageMask]);
/** Images painted by `Do` (getTextContent ends the current run of text at every `Do`). */
const XOBJECT_IMAGES = new Set<number>([OPS.paintImageXObject, OPS.paintImageXObjectRepeat]);

interface TextState {
  ctm: number[];
  loadedName: string | null;
  fontSize: number;
  font: OpsFont | null;
  fontMatrix: number[];
  textMatrix: number[];
  textLineMatrix: number[];
  charSpacing: number;
  wordSpacing: number;
  leading: number;
  textHScale: number;
  textRise: number;
}

function newState(): TextState {
  return {
    ctm: IDENTITY_MATRIX.slice(), loadedName: null, fontSize: 0, font: null, fontMatrix: FONT_IDENTITY_MATRIX,
    textMatrix: IDENTITY_MATRIX.slice(), textLineMatrix: IDENTITY_MATRIX.slice(),
    charSpacing: 0, wordSpacing: 0, leading: 0, textHScale: 1, textRise: 0,
  };
}

function cloneState(s: TextState): TextState {
  return {
    ctm: s.ctm, loadedName: s.loadedName, fontSize: s.fontSize, font: s.font, fontMatrix: s.fontMatrix.slice(),
    textMatrix: s.textMatrix.slice(), textLineMatrix: s.textLineMatrix.slice(),
    charSpacing: s.charSpacing, wordSpacing: s.wordSpacing, leading: s.leading, textHScale: s.textHScale, textRise: s.textRise,
  };
}

/**
 * pdfjs's `Util.transform(ctm, Util.transform(textMatrix, [fontSize * hScale, 0, 0, fontSize, 0, rise]))`
 * (getTextContent's getCurrentTextTransform), written out: the same products summed in the same order, so
 * the same numbers, without the two intermediate arrays (it runs twice for every glyph).
 */
function textTransform(s: TextState): number[] {
  const t = s.textMatrix;
  const c = s.ctm;
  const sx = s.fontSize * s.textHScale;
  const sy = s.fontSize;
  const rise = s.textRise;
  const a = t[0] * sx + t[2] * 0;
  const b = t[1] * sx + t[3] * 0;
  const cc = t[0] * 0 + t[2] * sy;
  const d = t[1] * 0 + t[3] * sy;
  const e = t[0] * 0 + t[2] * rise + t[4];
  const f = t[1] * 0 + t[3] * rise + t[5];
  return [
    c[0] * a + c[2] * b,
    c[1] * a + c[3] * b,
    c[0] * cc + c[2] * d,
    c[1] * cc + c[3] * d,
    c[0] * e + c[2] * f + c[4],
    c[1] * e + c[3] * f + c[5],
  ];
}

interface Run {
  initialized: boolean;
  str: string[];
  totalWidth: number;
  totalHeight: number;
  width: number;
  height: number;
  prevTransform: number[] | null;
  prevTextRise: number;
  textAdvanceScale: number;
  spaceInFlowMin: number;
  spaceInFlowMax: number;
  trackingSpaceMin: number;
  negativeSpaceMax: number;
  notASpace: number;
  transform: number[] | null;
  fontName: string | null;
  hasEOL: boolean;
}

/** One content stream being read (the page's, or a form's inside it): getTextContent's per-call state. */
interface Level {
  stack: TextState[];
  state: TextState;
  current: TextState | null;
  run: Run;
  lastChars: [string, string];
  lastCharsPos: number;
}

function newLevel(state: TextState): Level {
  return {
    stack: [], state, current: null, lastChars: [' ', ' '], lastCharsPos: 0,
    run: {
      initialized: false, str: [], totalWidth: 0, totalHeight: 0, width: 0, height: 0, prevTransform: null, prevTextRise: 0,
      textAdvanceScale: 0, spaceInFlowMin: 0, spaceInFlowMax: 0, trackingSpaceMin: Infinity, negativeSpaceMax: -Infinity,
      notASpace: -Infinity, transform: null, fontName: null, hasEOL: false,
    },
  };
}

class Unsupported extends Error {}

/**
 * The page's text as pdfjs's `getTextContent()` gives it (default options), from the page's operator list;
 * `{ unsupported: why }` where the list cannot say (see the top of this file): the caller then calls
 * getTextContent.
 * `fontOf` gives a font's details by its loaded name (the `setFont` operator's argument); `view` is the
 * page's view box (`page.view`), outside which glyphs are left out as getTextContent does.
 */
export function textFromOperators(ops: OperatorList, fontOf: (loadedName: string) => OpsFont | undefined, view: number[]): OpsTextContent | { unsupported: string } {
  try {
    return readText(ops, fontOf, view);
  } catch (error) {
    // Anything unforeseen in a list (an operator with arguments of another shape) is pdfjs's to read.
    return { unsupported: error instanceof Unsupported ? error.message : `unexpected: ${(error as Error)?.message ?? error}` };
  }
}

function readText(ops: OperatorList, fontOf: (loadedName: string) => OpsFont | undefined, view: number[]): OpsTextContent {
  const items: OpsTextContent['items'] = [];
  const styles: Record<string, OpsTextStyle> = Object.create(null);
  const seenStyles = new Set<string>();
  const levels: Level[] = [];
  let level = newLevel(newState());
  let inAnnotation = 0;

  const currentTransform = (): number[] => textTransform(level.state);
  const translateTextMatrix = (x: number, y: number): void => {
    const m = level.state.textMatrix;
    m[4] = m[0] * x + m[2] * y + m[4];
    m[5] = m[1] * x + m[3] * y + m[5];
  };
  const translateTextLineMatrix = (x: number, y: number): void => {
    const m = level.state.textLineMatrix;
    m[4] = m[0] * x + m[2] * y + m[4];
    m[5] = m[1] * x + m[3] * y + m[5];
  };
  const saveLastChar = (char: string): boolean => {
    const l = level;
    const nextPos = (l.lastCharsPos + 1) % 2;
    const ret = l.lastChars[l.lastCharsPos] !== ' ' && l.lastChars[nextPos] === ' ';
    l.lastChars[l.lastCharsPos] = char;
    l.lastCharsPos = nextPos;
    return ret;
  };
  const shouldAddWhitespace = (): boolean => level.lastChars[level.lastCharsPos] !== ' ' && level.lastChars[(level.lastCharsPos + 1) % 2] === ' ';
  const resetLastChars = (): void => {
    level.lastChars[0] = level.lastChars[1] = ' ';
    level.lastCharsPos = 0;
  };
  const pushWhitespace = ({ width = 0, height = 0, transform = level.run.prevTransform, fontName = level.run.fontName }: { width?: number; height?: number; transform?: number[] | null; fontName?: string | null }): void => {
    items.push({ str: ' ', dir: 'ltr', width, height, transform: transform as number[], fontName: fontName as string, hasEOL: false });
  };
  const ensureRun = (): Run => {
    const run = level.run;
    if (run.initialized) return run;
    const s = level.state;
    const font = s.font!;
    const loadedName = s.loadedName!;
    if (!seenStyles.has(loadedName)) {
      seenStyles.add(loadedName);
      styles[loadedName] = { fontFamily: font.fallbackName, ascent: font.ascent, descent: font.descent, vertical: font.vertical };
    }
    run.fontName = loadedName;
    const trm = (run.transform = currentTransform());
    run.width = run.totalWidth = 0;
    run.height = run.totalHeight = Math.hypot(trm[2], trm[3]);
    const scaleLineX = Math.hypot(s.textLineMatrix[0], s.textLineMatrix[1]);
    const scaleCtmX = Math.hypot(s.ctm[0], s.ctm[1]);
    run.textAdvanceScale = scaleCtmX * scaleLineX;
    const { fontSize } = s;
    run.trackingSpaceMin = fontSize * TRACKING_SPACE_FACTOR;
    run.notASpace = fontSize * NOT_A_SPACE_FACTOR;
    run.negativeSpaceMax = fontSize * NEGATIVE_SPACE_FACTOR;
    run.spaceInFlowMin = fontSize * SPACE_IN_FLOW_MIN_FACTOR;
    run.spaceInFlowMax = fontSize * SPACE_IN_FLOW_MAX_FACTOR;
    run.hasEOL = false;
    run.initialized = true;
    return run;
  };
  const updateAdvanceScale = (): void => {
    const run = level.run;
    if (!run.initialized) return;
    const s = level.state;
    const scaleFactor = Math.hypot(s.ctm[0], s.ctm[1]) * Math.hypot(s.textLineMatrix[0], s.textLineMatrix[1]);
    if (scaleFactor === run.textAdvanceScale) return;
    run.totalWidth += run.width * run.textAdvanceScale;
    run.width = 0;
    run.textAdvanceScale = scaleFactor;
  };
  const flush = (): void => {
    const run = level.run;
    if (!run.initialized) return;
    run.totalWidth += run.width * run.textAdvanceScale;
    const text = normalizeUnicode(run.str.join(''));
    if (RIGHT_TO_LEFT.test(text)) throw new Unsupported('right-to-left text');
    items.push({ str: text, dir: 'ltr', width: Math.abs(run.totalWidth), height: Math.abs(run.totalHeight), transform: run.transform!, fontName: run.fontName!, hasEOL: run.hasEOL });
    run.initialized = false;
    run.str.length = 0;
  };
  const appendEOL = (): void => {
    resetLastChars();
    if (level.run.initialized) {
      level.run.hasEOL = true;
      flush();
    } else {
      items.push({ str: '', dir: 'ltr', width: 0, height: 0, transform: currentTransform(), fontName: level.state.loadedName!, hasEOL: true });
    }
  };
  const addFakeSpaces = (width: number, transf: number[] | null, textOrientation: number): boolean => {
    const run = level.run;
    if (textOrientation * run.spaceInFlowMin <= width && width <= textOrientation * run.spaceInFlowMax) {
      if (run.initialized) {
        resetLastChars();
        run.str.push(' ');
      }
      return false;
    }
    const fontName = run.fontName;
    flush();
    resetLastChars();
    pushWhitespace({ width: Math.abs(width), height: 0, transform: transf || currentTransform(), fontName });
    return true;
  };
  const compareWithLastPosition = (glyphWidth: number): boolean => {
    const tr = currentTransform();
    let posX = tr[4];
    let posY = tr[5];
    if (posX + glyphWidth < view[0] || posX > view[2] || posY < view[1] || posY > view[3]) return false;
    const run = level.run;
    if (!level.state.font || !run.prevTransform) return true;
    let lastPosX = run.prevTransform[4];
    let lastPosY = run.prevTransform[5];
    if (lastPosX === posX && lastPosY === posY) return true;
    let rotate = -1;
    if (tr[0] && tr[1] === 0 && tr[2] === 0) rotate = tr[0] > 0 ? 0 : 180;
    else if (tr[1] && tr[0] === 0 && tr[3] === 0) rotate = tr[1] > 0 ? 90 : 270;
    switch (rotate) {
      case 0:
        break;
      case 90:
        [posX, posY] = [posY, posX];
        [lastPosX, lastPosY] = [lastPosY, lastPosX];
        break;
      case 180:
        [posX, posY, lastPosX, lastPosY] = [-posX, -posY, -lastPosX, -lastPosY];
        break;
      case 270:
        [posX, posY] = [-posY, -posX];
        [lastPosX, lastPosY] = [-lastPosY, -lastPosX];
        break;
      default:
        [posX, posY] = applyInverseRotation(posX, posY, tr);
        [lastPosX, lastPosY] = applyInverseRotation(lastPosX, lastPosY, run.prevTransform);
    }
    const advanceX = (posX - lastPosX) / run.textAdvanceScale;
    const advanceY = posY - lastPosY;
    const textOrientation = Math.sign(run.width || run.totalWidth);
    if (advanceX < textOrientation * run.negativeSpaceMax) {
      if (Math.abs(advanceY) > 0.5 * run.height) {
        appendEOL();
        return true;
      }
      resetLastChars();
      flush();
      return true;
    }
    const textRiseDelta = level.state.textRise - run.prevTextRise;
    const advanceYCorrected = textRiseDelta === 0 ? advanceY : advanceY - (tr[3] / level.state.fontSize) * textRiseDelta;
    if (Math.abs(advanceYCorrected) > run.height) {
      appendEOL();
      return true;
    }
    if (advanceX <= textOrientation * run.notASpace) resetLastChars();
    if (advanceX <= textOrientation * run.trackingSpaceMin) {
      if (shouldAddWhitespace()) {
        resetLastChars();
        flush();
        pushWhitespace({ width: Math.abs(advanceX) });
      } else {
        run.width += advanceX;
      }
    } else if (!addFakeSpaces(advanceX, run.prevTransform, textOrientation)) {
      if (run.str.length === 0) {
        resetLastChars();
        pushWhitespace({ width: Math.abs(advanceX) });
      } else {
        run.width += advanceX;
      }
    }
    if (Math.abs(advanceY) > run.height * VERTICAL_SHIFT_RATIO) flush();
    return true;
  };
  /** getTextContent's buildTextContentItem: a run of glyphs, then `extraSpacing` (a TJ adjustment). */
  const showGlyphs = (glyphs: Glyph[], extraSpacing: number): void => {
    const s = level.state;
    const cur = level.current!;
    if (cur.fontSize !== s.fontSize || (cur.loadedName !== s.loadedName && (cur.font?.name !== s.font?.name || cur.font?.vertical !== s.font?.vertical))) {
      flush();
      level.current = cloneState(s);
    }
    const baseCharSpacing = s.charSpacing;
    if (!glyphs.length) {
      const charSpacing = baseCharSpacing + extraSpacing;
      if (charSpacing) translateTextMatrix(charSpacing * s.textHScale, 0);
      return;
    }
    const scale = s.fontMatrix[0] * s.fontSize;
    for (let i = 0, ii = glyphs.length; i < ii; i++) {
      const glyph = glyphs[i];
      const category = categoryOf(glyph.unicode);
      if (category.isInvisibleFormatMark) continue;
      let charSpacing = baseCharSpacing + (i + 1 === ii ? extraSpacing : 0);
      let scaledDim = glyph.width * scale;
      if (glyph.originalCharCode === 0x20) charSpacing += s.wordSpacing;
      if (category.isWhitespace) {
        charSpacing += scaledDim;
        translateTextMatrix(charSpacing * s.textHScale, 0);
        saveLastChar(' ');
        continue;
      }
      if (!category.isZeroWidthDiacritic && !compareWithLastPosition(scaledDim)) {
        translateTextMatrix(scaledDim * s.textHScale, 0);
        continue;
      }
      const run = ensureRun();
      if (category.isZeroWidthDiacritic) scaledDim = 0;
      scaledDim *= s.textHScale;
      translateTextMatrix(scaledDim, 0);
      run.width += scaledDim;
      if (scaledDim) {
        run.prevTransform = currentTransform();
        run.prevTextRise = s.textRise;
      }
      if (saveLastChar(glyph.unicode)) run.str.push(' ');
      run.str.push(glyph.unicode);
      if (charSpacing) translateTextMatrix(charSpacing * s.textHScale, 0);
    }
  };
  /**
   * A `showText` operator: its glyphs and, for a TJ array, the adjustments between them (thousandths of an
   * em). getTextContent shows the strings between two non-zero adjustments as one run (zeros join them).
   */
  const showText = (glyphs: Array<Glyph | number>): void => {
    const s = level.state;
    if (!s.font) return; // text before any font: getTextContent shows nothing either
    if (!glyphs.some((g) => typeof g === 'number')) {
      showGlyphs(glyphs as Glyph[], 0);
      return;
    }
    const spaceFactor = -s.fontSize / 1000;
    let buffer: Glyph[] = [];
    for (const g of glyphs) {
      if (typeof g !== 'number') buffer.push(g);
      else if (g !== 0) {
        showGlyphs(buffer, g * spaceFactor);
        buffer = [];
      }
    }
    if (buffer.length) showGlyphs(buffer, 0);
  };

  const { fnArray, argsArray } = ops;
  for (let k = 0; k < fnArray.length; k++) {
    const fn = fnArray[k];
    const args = argsArray[k] as unknown[];
    if (inAnnotation) {
      // Annotations' appearances come after the page's content; getTextContent leaves them out.
      if (fn === OPS.beginAnnotation) inAnnotation++;
      else if (fn === OPS.endAnnotation) inAnnotation--;
      continue;
    }
    if (level.current === null) level.current = cloneState(level.state);
    const s = level.state;
    switch (fn) {
      case OPS.beginAnnotation:
        flush();
        inAnnotation++;
        break;
      case OPS.save:
        level.stack.push(s);
        level.state = cloneState(s);
        break;
      case OPS.restore: {
        const prev = level.stack.pop();
        if (prev) level.state = prev;
        break;
      }
      case OPS.transform:
        s.ctm = Util.transform(s.ctm, args) as number[];
        break;
      case OPS.setFont: {
        const loadedName = args[0] as string;
        const font = fontOf(loadedName);
        // A font pdfjs could not load arrives as its error (and shows no glyphs): getTextContent's to read.
        if (!font || typeof font.loadedName !== 'string') throw new Unsupported(`font ${loadedName} not loaded`);
        if (font.isType3Font) throw new Unsupported('Type3 font');
        if (font.vertical) throw new Unsupported('vertical font');
        s.loadedName = loadedName;
        s.fontSize = args[1] as number;
        s.font = font;
        s.fontMatrix = font.fontMatrix ? Array.from(font.fontMatrix) : FONT_IDENTITY_MATRIX;
        break;
      }
      case OPS.setTextRise:
        s.textRise = args[0] as number;
        break;
      case OPS.setHScale:
        s.textHScale = (args[0] as number) / 100;
        break;
      case OPS.setLeading:
        s.leading = args[0] as number;
        break;
      case OPS.moveText:
        translateTextLineMatrix(args[0] as number, args[1] as number);
        s.textMatrix = s.textLineMatrix.slice();
        break;
      case OPS.setLeadingMoveText:
        s.leading = -(args[1] as number);
        translateTextLineMatrix(args[0] as number, args[1] as number);
        s.textMatrix = s.textLineMatrix.slice();
        break;
      case OPS.nextLine:
        translateTextLineMatrix(0, -s.leading);
        s.textMatrix = s.textLineMatrix.slice();
        break;
      case OPS.setTextMatrix: {
        const m = (args.length === 1 ? args[0] : args) as ArrayLike<number>;
        s.textMatrix = [m[0], m[1], m[2], m[3], m[4], m[5]];
        s.textLineMatrix = [m[0], m[1], m[2], m[3], m[4], m[5]];
        updateAdvanceScale();
        break;
      }
      case OPS.setCharSpacing:
        s.charSpacing = args[0] as number;
        break;
      case OPS.setWordSpacing:
        s.wordSpacing = args[0] as number;
        break;
      case OPS.beginText:
        s.textMatrix = IDENTITY_MATRIX.slice();
        s.textLineMatrix = IDENTITY_MATRIX.slice();
        break;
      case OPS.showText:
        showText(args[0] as Array<Glyph | number>);
        break;
      case OPS.showSpacedText:
      case OPS.nextLineShowText:
      case OPS.nextLineSetSpacingShowText:
        throw new Unsupported('text operator the list normally rewrites'); // pdfjs turns these into showText
      case OPS.setGState:
        if ((args[0] as Array<[string, unknown]> | undefined)?.some((entry) => entry[0] === 'Font')) throw new Unsupported('font set by a graphics state');
        break;
      case OPS.beginMarkedContent:
      case OPS.beginMarkedContentProps:
      case OPS.endMarkedContent:
        flush();
        break;
      case OPS.paintFormXObjectBegin: {
        flush();
        levels.push(level);
        const state = cloneState(s);
        const matrix = args[0] as ArrayLike<number> | null;
        if (matrix) state.ctm = Util.transform(state.ctm, Array.from(matrix)) as number[];
        level = newLevel(state);
        break;
      }
      case OPS.paintFormXObjectEnd: {
        flush();
        const outer = levels.pop();
        if (outer) level = outer;
        break;
      }
      default:
        if (XOBJECT_IMAGES.has(fn)) flush();
        else if (IMAGE_MASKS.has(fn)) throw new Unsupported('image mask');
    }
  }
  while (levels.length) {
    flush();
    level = levels.pop()!;
  }
  flush();
  return { items, styles };
}

function applyInverseRotation(x: number, y: number, matrix: number[]): [number, number] {
  const scale = Math.hypot(matrix[0], matrix[1]);
  return [(matrix[0] * x + matrix[1] * y) / scale, (matrix[2] * x + matrix[3] * y) / scale];
}
