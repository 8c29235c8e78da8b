// The contract between the reconcile engine and its checks: a check reads a context built from the store
// and returns findings; it never touches the store itself. What a context holds is the scope of the findings:
// one document, or one partnership's documents for one indicator (src/reconcile/scope.ts).
import type { Finding } from '../model/finding.ts';
import type { Severity } from '../model/message.ts';
import type { ReviewedObservation } from '../review/reviewed.ts';
import type { DocumentInfo, StoredIndicator } from '../store/read.ts';
import type { StoredUnreadFigure } from '../store/unread.ts';

export interface ReconcileOptions {
  /** Observations below this confidence are reported by the low-confidence check. */
  confidenceThreshold: number;
}

export const DEFAULT_RECONCILE_OPTIONS: ReconcileOptions = { confidenceThreshold: 0.6 };

export interface CheckContext {
  documents: DocumentInfo[];
  indicators: StoredIndicator[];
  /** Observations with review decisions applied; rejected ones are left out (a reviewer has ruled on them). */
  observations: ReviewedObservation[];
  /** Figures beside indicator mentions that no observation was read from (src/unread/), as stored at import. */
  unread: StoredUnreadFigure[];
  options: ReconcileOptions;
}

export interface Check {
  id: string;
  /** The severity of the problems it reports; some checks also report what they confirmed, as info. */
  severity: Severity;
  /** One sentence: what the check looks for (README table, report legend). */
  describe: string;
  /**
   * Its findings about single documents. A finding never compares two documents, so the engine runs it one
   * document at a time (a context of one document, its indicators, observations and unread figures) and the
   * findings are the same as over a context of many.
   */
  run(ctx: CheckContext): Finding[];
  /**
   * For a check that also compares documents: those findings. The engine runs it over the documents of one
   * partnership, with only their observations of one indicator (and no indicators or unread figures).
   */
  across?(ctx: CheckContext): Finding[];
}
