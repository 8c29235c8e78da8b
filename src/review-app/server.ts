// `planharvest review serve` (issue 14): a local web app for working through the review queue with the
// keyboard. Every decision goes through the review module (src/review/decide.ts) and the store's review
// transaction, exactly as `review accept|reject|correct|acknowledge` does, so the audit trail, re-imports,
// exports, the static report and the decisions CSV see the same decisions. Works on either store.
//
// Security: the server binds to loopback unless told otherwise; each browser session gets a cookie and a token,
// and a state-changing request without its session's token is refused (403); requests name items and pages
// by store ids, never by file path; every page is escaped (./pages.ts) and may load only the app's own files.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { Hono, type Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import PQueue from 'p-queue';
import * as z from 'zod';
import { parseCorrection } from '../review/correction.ts';
import { decideWith, DecisionError, type DecideOutcome, type DecisionRequest } from '../review/decide.ts';
import { reviewObservations } from '../review/reviewed.ts';
import type { Store } from '../store/index.ts';
import type { PostgresStore } from '../store/postgres/store.ts';
import type { ReviewIndexRow, StoreChanges } from '../store/read.ts';
import { Claims } from './claims.ts';
import { renderPage, type PageImage } from './page-image.ts';
import { linesAround, type ShownLine } from './text-lines.ts';
import { itemPage, messagePage, queuePage, type PageView } from './pages.ts';
import { buildQueue, countByTier, decidedTargets, figureItem, isDone, matches, TIERS, type QueueFilter, type QueueItem } from './queue.ts';
import { TargetSnapshotSchema } from './snapshot.ts';

export interface ReviewAppOptions {
  store: Store | PostgresStore;
  /** The reviewer every decision made here is recorded by. */
  by: string;
  confidenceThreshold: number;
  sampleShare: number;
  /** Folder of the app's script and style. */
  assets: string;
}

const PAGE_SIZE = 50;
const SESSION_COOKIE = 'planharvest_session';
const TOKEN_HEADER = 'x-planharvest-token';
/** Only the app's own script, style and page images; no inline script, nothing from elsewhere. */
const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

const DecideBody = z.object({
  key: z.string().max(100),
  targetId: z.string().max(100),
  action: z.enum(['accept', 'reject', 'correct', 'acknowledge']),
  correction: z.object({ value: z.string(), unit: z.string(), period: z.string(), code: z.string(), kind: z.string() }).partial().optional(),
  comment: z.string().max(2000).optional(),
  seen: TargetSnapshotSchema,
});

const TableFixBody = z.object({
  key: z.string().max(100),
  documentId: z.number().int(),
  table: z.number().int(),
  col: z.number().int(),
  reject: z.boolean(),
  correction: z.object({ unit: z.string(), period: z.string(), kind: z.string() }).partial(),
  comment: z.string().max(2000).optional(),
});

/** The figures read from one column of one table of a document: what a table-level fix covers. */
function sameColumn(rows: ReviewIndexRow[], at: { documentId: number; table: number | null; col: number | null }): ReviewIndexRow[] {
  return rows.filter((r) => r.documentId === at.documentId && r.table === at.table && r.col === at.col);
}

function filterOf(c: Context): QueueFilter {
  const q = (name: string) => c.req.query(name)?.trim() || undefined;
  const tier = q('tier');
  return { tier: TIERS.find((t) => t === tier), partnership: q('partnership'), document: q('document'), indicator: q('indicator'), check: q('check') };
}

export function reviewApp(options: ReviewAppOptions): Hono {
  const { store } = options;
  const reader = store.reader();
  const claims = new Claims();
  const sessions = new Map<string, string>();
  // Decisions and the findings they recompute run one at a time: each is one store transaction.
  const writes = new PQueue({ concurrency: 1 });
  const seed = randomBytes(8).toString('hex');
  const pages = new Map<string, PageImage | string>();

  // The queue and what it is built from, kept while the store says nothing changed: the index of the
  // observations until documents are stored, the findings until the next reconciliation (after any decision,
  // here or elsewhere, or an import).
  interface Built {
    items: QueueItem[];
    index: Map<string, ReviewIndexRow>;
    rows: ReviewIndexRow[];
    changes: StoreChanges;
  }
  let built: Built | null = null;
  async function queue(): Promise<Built> {
    const changes = await reader.changes();
    const sameDocuments = built && built.changes.documents === changes.documents && built.changes.lastDocument === changes.lastDocument;
    if (built && sameDocuments && built.changes.reconciliation === changes.reconciliation) return built;
    const rows = sameDocuments ? built!.rows : await reader.reviewIndex();
    // The findings are read whole only to order the queue; an item reads its own when it is opened.
    const items = buildQueue(rows, await reader.findings(), { confidenceThreshold: options.confidenceThreshold, sampleShare: options.sampleShare, seed });
    built = { items, rows, index: sameDocuments ? built!.index : new Map(rows.map((r) => [r.id, r])), changes };
    return built;
  }

  function session(c: Context): { id: string; token: string } {
    let id = getCookie(c, SESSION_COOKIE);
    if (!id || !sessions.has(id)) {
      id = randomBytes(16).toString('hex');
      sessions.set(id, randomBytes(24).toString('base64url'));
      setCookie(c, SESSION_COOKIE, id, { httpOnly: true, sameSite: 'Strict', path: '/' });
    }
    return { id, token: sessions.get(id)! };
  }

  /** The page image a source is drawn on: rendered from the document's stored file, kept for the next items. */
  async function pageImage(documentId: number, page: number): Promise<PageImage | string> {
    const key = `${documentId}/${page}`;
    const cached = pages.get(key);
    if (cached) return cached;
    const [doc] = await reader.documents({ ids: [documentId] });
    let result: PageImage | string;
    if (!doc) result = 'the document is no longer in the store';
    else {
      try {
        result = (await renderPage(new Uint8Array(await readFile(doc.path)), doc.format, page)) ?? `page ${page} of ${doc.fileName} cannot be shown`;
      } catch (error) {
        result = `the document's file cannot be read at ${doc.path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}): the page is not shown, its text is`;
      }
    }
    if (pages.size >= 24) pages.delete(pages.keys().next().value!);
    pages.set(key, result);
    return result;
  }

  const app = new Hono();
  app.use(async (c, next) => {
    await next();
    c.header('Content-Security-Policy', CSP);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
  });
  // Every state-changing request carries its session's token.
  app.use(async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      const id = getCookie(c, SESSION_COOKIE);
      const token = id ? sessions.get(id) : undefined;
      if (!token || c.req.header(TOKEN_HEADER) !== token) return c.json({ error: 'refused: this request does not carry the page\'s review token; reload the page' }, 403);
    }
    return next();
  });

  for (const name of ['review.js', 'review.css']) {
    app.get(`/assets/${name}`, async (c) => {
      c.header('Content-Type', name.endsWith('.js') ? 'text/javascript; charset=utf-8' : 'text/css; charset=utf-8');
      return c.body(await readFile(`${options.assets}/${name}`, 'utf8'));
    });
  }

  app.get('/', (c) => c.redirect('/queue'));

  /**
   * What a queue request asks for: its session and filter, the queue, the decisions and what they decided, the
   * items the filter keeps, and the counts per tier of the items it keeps whatever their tier.
   */
  async function listed(c: Context) {
    const s = session(c);
    const filter = filterOf(c);
    const built = await queue();
    const decisions = await reader.decisions();
    const decided = decidedTargets(decisions);
    const tiers = countByTier(built.items.filter((i) => matches(i, { ...filter, tier: undefined })), decided);
    return { ...built, s, filter, decisions, decided, tiers, shown: built.items.filter((i) => matches(i, filter)) };
  }

  app.get('/queue', async (c) => {
    const { s, filter, decided, tiers, shown } = await listed(c);
    const offset = Math.max(0, Number(c.req.query('offset') ?? 0) || 0);
    const page = shown.slice(offset, offset + PAGE_SIZE).map((i) => ({ ...i, done: isDone(i, decided), claimed: claims.heldByOther(i.key, s.id) }));
    return c.html(queuePage({ token: s.token, by: options.by, filter, tiers, items: page, offset, total: shown.length, pageSize: PAGE_SIZE }));
  });

  // The next item to do after `after` (or from the start): not decided, not open in another reviewer's page.
  app.get('/next', async (c) => {
    const { s, shown, decided } = await listed(c);
    const from = shown.findIndex((i) => i.key === c.req.query('after')) + 1;
    const order = [...shown.slice(from), ...shown.slice(0, from)];
    const next = order.find((i) => !isDone(i, decided) && !claims.heldByOther(i.key, s.id) && i.key !== c.req.query('after'));
    if (!next) return c.html(messagePage(s.token, 'Nothing left', 'Every item of this queue is decided, or open in another reviewer\'s page.'));
    claims.claim(next.key, s.id);
    return c.redirect(`/item/${encodeURIComponent(next.key)}${new URL(c.req.url).search.replace(/([?&])after=[^&]*&?/, '$1').replace(/[?&]$/, '')}`);
  });

  app.get('/item/:key', async (c) => {
    const { s, filter, items, index, rows, decisions, tiers, shown } = await listed(c);
    // Any stored figure can be opened (a link from the report, or a colleague): outside the queue it is shown as a sample.
    const key = c.req.param('key');
    const item = items.find((i) => i.key === key) ?? (index.has(key) ? figureItem(index.get(key)!, 'sample') : undefined);
    if (!item) return c.html(messagePage(s.token, 'Not in the queue', 'This item is not in the review queue (decided and recomputed away, or an old link).'), 404);
    const claimedElsewhere = !claims.claim(item.key, s.id);
    const finding = item.findingId ? ((await reader.findings([item.findingId]))[0] ?? null) : null;
    const observation = item.observationId ? (reviewObservations(await reader.observations({ ids: [item.observationId] }), decisions)[0] ?? null) : null;
    const [document] = observation ? await reader.documents({ ids: [observation.documentId] }) : [null];
    let view: PageView | null = null;
    let pageMissing: string | null = null;
    if (observation?.source?.page && observation.source.box && document && (document.format === 'pdf' || document.format === 'image')) {
      const image = await pageImage(document.id, observation.source.page);
      if (typeof image === 'string') pageMissing = image;
      else view = { src: `/page/${document.id}/${observation.source.page}`, width: image.width, height: image.height, pixelsPerUnit: image.pixelsPerUnit };
    }
    // A text export: the lines around the figure's, as the file has them.
    let lines: ShownLine[] | null = null;
    if (observation?.source?.line && document?.format === 'text-export') {
      lines = await readFile(document.path).then((bytes) => linesAround(new Uint8Array(bytes), document.fileName, observation.source!.line!), () => null);
    }
    const own = observation ? index.get(observation.id) : undefined;
    const columnSize = own && own.table !== null && own.col !== null ? sameColumn(rows, own).length : 0;
    const position = Math.max(0, shown.findIndex((i) => i.key === item.key));
    return c.html(
      itemPage({
        token: s.token, by: options.by, filter, tiers, item, position, total: shown.length,
        claimedElsewhere, finding, observation, document: document ?? null, page: view, pageMissing, lines, columnSize,
      }),
    );
  });

  app.get('/page/:document/:page', async (c) => {
    const documentId = Number(c.req.param('document'));
    const page = Number(c.req.param('page'));
    if (!Number.isInteger(documentId) || !Number.isInteger(page)) return c.text('no such page', 404);
    const image = await pageImage(documentId, page);
    if (typeof image === 'string') return c.text(image, 404);
    c.header('Content-Type', 'image/png');
    c.header('Cache-Control', 'private, max-age=3600');
    return c.body(new Uint8Array(image.png));
  });

  /** Records decisions in one review transaction (after the others), then recomputes the findings they touch. */
  async function decideAll(requests: DecisionRequest[], origin: string): Promise<DecideOutcome[]> {
    return writes.add(async () => {
      const outcomes = await store.review(async (targets, record) => {
        const out: DecideOutcome[] = [];
        for (const r of requests) out.push(await decideWith(record, targets, r, { origin }));
        return out;
      }, { only: requests.map((r) => r.targetId) });
      // A new reconciliation: the next page rebuilds the queue from the findings it stored.
      if (outcomes.some((o) => o.status !== 'unchanged')) await store.findingsAfterDecisions('review');
      return outcomes;
    });
  }

  app.post('/decide', async (c) => {
    const s = session(c);
    const body = DecideBody.safeParse(await c.req.json().catch(() => null));
    if (!body.success) return c.json({ error: `not a decision: ${body.error.issues[0]?.message ?? 'unreadable'}` }, 400);
    const { correction, errors } = parseCorrection(body.data.correction ?? {});
    if (errors.length) return c.json({ error: errors.join('; ') }, 400);
    try {
      const [outcome] = await decideAll(
        [{ targetId: body.data.targetId, action: body.data.action, correction, by: options.by, comment: body.data.comment ?? null, seen: body.data.seen }],
        'app',
      );
      claims.release(s.id);
      return c.json({ status: outcome.status, next: `/next?after=${encodeURIComponent(body.data.key)}` });
    } catch (error) {
      if (error instanceof DecisionError) return c.json({ error: error.message }, 409);
      throw error;
    }
  });

  // A table-level fix: one decision, applied to every figure of one column of one table, listed as such in the trail.
  app.post('/table-fix', async (c) => {
    const s = session(c);
    const body = TableFixBody.safeParse(await c.req.json().catch(() => null));
    if (!body.success) return c.json({ error: `not a table fix: ${body.error.issues[0]?.message ?? 'unreadable'}` }, 400);
    const b = body.data;
    const { correction, errors } = parseCorrection(b.correction);
    if (errors.length) return c.json({ error: errors.join('; ') }, 400);
    if (!b.reject && !Object.keys(correction).length) return c.json({ error: 'a table fix needs a period, a unit, a kind, or reject' }, 400);
    const { rows } = await queue();
    const covered = sameColumn(rows, b).map((r) => r.id);
    if (!covered.length) return c.json({ error: 'no figures in that column' }, 404);
    const fix = randomBytes(4).toString('hex');
    const what = b.reject ? 'reject' : Object.entries(correction).map(([k, v]) => `${k} ${v || 'none'}`).join(', ');
    const comment = `table-level fix ${fix} (table ${b.table + 1}, column ${b.col + 1}, ${covered.length} figures: ${what})${b.comment ? `: ${b.comment}` : ''}`;
    try {
      const outcomes = await decideAll(
        covered.map((id) => ({ targetId: id, action: b.reject ? ('reject' as const) : ('correct' as const), correction: b.reject ? undefined : correction, by: options.by, comment })),
        `app:table-fix:${fix}`,
      );
      claims.release(s.id);
      return c.json({ status: 'recorded', fix, covered: covered.length, recorded: outcomes.filter((o) => o.status !== 'unchanged').length, next: `/next?after=${encodeURIComponent(b.key)}` });
    } catch (error) {
      if (error instanceof DecisionError) return c.json({ error: error.message }, 409);
      throw error;
    }
  });

  return app;
}
