// What the page draws besides text, read from pdfjs's operator list: axis-aligned rules (stroked lines,
// stroked rectangles, and thin filled rectangles, which is how most producers draw table borders), small
// filled shapes (list bullets drawn as graphics), and how much of the page images cover (a scanned page is
// one big image).
import type { Box, Segment } from '../../layout/types.ts';
import { pdfjs } from './load.ts';

const { OPS } = pdfjs;
type Matrix = [number, number, number, number, number, number];

// pdfjs's path encoding inside constructPath (DrawOPS in pdf.mjs).
const MOVE = 0;
const LINE = 1;
const CURVE = 2;
const QUAD = 3;
const CLOSE = 4;

const STROKES = new Set<number>([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
const FILLS = new Set<number>([OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
const IMAGES = new Set<number>([OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintImageMaskXObject, OPS.paintImageXObjectRepeat, OPS.paintImageMaskXObjectRepeat, OPS.paintInlineImageXObjectGroup, OPS.paintImageMaskXObjectGroup]);

/** A filled rectangle thinner than this (points) is a rule. */
const MAX_RULE_THICKNESS = 3;
/** A filled shape no bigger than this (points) each way, roughly square, is a mark such as a bullet. */
const MAX_MARK = 8;

export interface Graphics {
  segments: Segment[];
  marks: Box[];
  /** Share of the page area covered by images (0..1, overlaps counted once at most per image). */
  imageCover: number;
}

function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

interface OperatorList {
  fnArray: number[];
  argsArray: unknown[][];
}

export function readGraphics(ops: OperatorList, viewportTransform: number[], width: number, height: number): Graphics {
  const segments: Segment[] = [];
  const marks: Box[] = [];
  let imageArea = 0;
  let ctm = viewportTransform.slice(0, 6) as Matrix;
  let lineWidth = 1;
  const stack: Array<{ ctm: Matrix; lineWidth: number }> = [];
  const scale = () => Math.sqrt(Math.abs(ctm[0] * ctm[3] - ctm[1] * ctm[2])) || 1;

  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i];
    switch (fn) {
      case OPS.save:
        stack.push({ ctm, lineWidth });
        break;
      case OPS.restore: {
        const s = stack.pop();
        if (s) ({ ctm, lineWidth } = s);
        break;
      }
      case OPS.transform:
        ctm = multiply(ctm, args as unknown as Matrix);
        break;
      case OPS.paintFormXObjectBegin: {
        stack.push({ ctm, lineWidth });
        const matrix = args[0] as number[] | null;
        if (matrix && matrix.length === 6) ctm = multiply(ctm, matrix as Matrix);
        break;
      }
      case OPS.paintFormXObjectEnd: {
        const s = stack.pop();
        if (s) ({ ctm, lineWidth } = s);
        break;
      }
      case OPS.setLineWidth:
        lineWidth = args[0] as number;
        break;
      case OPS.constructPath: {
        const paint = args[0] as number;
        const data = (args[1] as Array<Float32Array | null>)?.[0];
        if (!data || !(data instanceof Float32Array)) break;
        const stroke = STROKES.has(paint);
        const fill = FILLS.has(paint);
        if (!stroke && !fill) break; // clipping paths and endPath draw nothing
        for (const sub of subpaths(data, ctm)) {
          if (fill) fromFill(sub, segments, marks);
          if (stroke) fromStroke(sub, Math.max(lineWidth * scale(), 0.1), segments);
        }
        break;
      }
      default:
        if (IMAGES.has(fn)) {
          const [x0, y0] = apply(ctm, 0, 0);
          const [x1, y1] = apply(ctm, 1, 1);
          imageArea += Math.min(Math.abs(x1 - x0), width) * Math.min(Math.abs(y1 - y0), height);
        }
    }
  }
  return { segments, marks, imageCover: Math.min(1, imageArea / Math.max(1, width * height)) };
}

interface Subpath {
  points: Array<[number, number]>;
  curved: boolean;
  closed: boolean;
}

function subpaths(data: Float32Array, m: Matrix): Subpath[] {
  const out: Subpath[] = [];
  let cur: Subpath | null = null;
  for (let k = 0; k < data.length; ) {
    const op = data[k++];
    if (op === MOVE) {
      cur = { points: [apply(m, data[k], data[k + 1])], curved: false, closed: false };
      out.push(cur);
      k += 2;
    } else if (op === LINE) {
      cur?.points.push(apply(m, data[k], data[k + 1]));
      k += 2;
    } else if (op === CURVE) {
      if (cur) {
        cur.curved = true;
        cur.points.push(apply(m, data[k], data[k + 1]), apply(m, data[k + 2], data[k + 3]), apply(m, data[k + 4], data[k + 5]));
      }
      k += 6;
    } else if (op === QUAD) {
      if (cur) {
        cur.curved = true;
        cur.points.push(apply(m, data[k], data[k + 1]), apply(m, data[k + 2], data[k + 3]));
      }
      k += 4;
    } else if (op === CLOSE) {
      if (cur) cur.closed = true;
    } else break; // unknown opcode: stop rather than misread
  }
  return out;
}

function bbox(points: Array<[number, number]>): Box {
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

/** An axis-aligned rectangle path (4 corners, optionally repeated first point). */
function isRectangle(sub: Subpath): boolean {
  if (sub.curved) return false;
  const pts = sub.points;
  const n = pts.length === 5 && near(pts[0], pts[4]) ? 4 : pts.length;
  if (n !== 4) return false;
  for (let i = 0; i < 4; i++) {
    const p = pts[i];
    const q = pts[(i + 1) % 4];
    if (Math.abs(p[0] - q[0]) > 0.01 && Math.abs(p[1] - q[1]) > 0.01) return false;
  }
  return true;
}

function near(p: [number, number], q: [number, number]): boolean {
  return Math.abs(p[0] - q[0]) < 0.01 && Math.abs(p[1] - q[1]) < 0.01;
}

function fromFill(sub: Subpath, segments: Segment[], marks: Box[]): void {
  const b = bbox(sub.points);
  const w = b[2] - b[0];
  const h = b[3] - b[1];
  if (w <= MAX_MARK && h <= MAX_MARK && w >= 1 && h >= 1 && w / h < 2.5 && h / w < 2.5) {
    marks.push(b);
    return;
  }
  if (!isRectangle(sub) && !(sub.points.length === 2)) return;
  if (h <= MAX_RULE_THICKNESS && w > h * 3) segments.push({ axis: 'h', at: (b[1] + b[3]) / 2, from: b[0], to: b[2], thickness: Math.max(h, 0.1) });
  else if (w <= MAX_RULE_THICKNESS && h > w * 3) segments.push({ axis: 'v', at: (b[0] + b[2]) / 2, from: b[1], to: b[3], thickness: Math.max(w, 0.1) });
}

function fromStroke(sub: Subpath, thickness: number, segments: Segment[]): void {
  if (sub.curved) return;
  const pts = sub.closed ? [...sub.points, sub.points[0]] : sub.points;
  for (let i = 1; i < pts.length; i++) {
    const [x0, y0] = pts[i - 1];
    const [x1, y1] = pts[i];
    if (Math.abs(y1 - y0) < 0.5 && Math.abs(x1 - x0) >= 1) segments.push({ axis: 'h', at: (y0 + y1) / 2, from: Math.min(x0, x1), to: Math.max(x0, x1), thickness });
    else if (Math.abs(x1 - x0) < 0.5 && Math.abs(y1 - y0) >= 1) segments.push({ axis: 'v', at: (x0 + x1) / 2, from: Math.min(y0, y1), to: Math.max(y0, y1), thickness });
  }
}
