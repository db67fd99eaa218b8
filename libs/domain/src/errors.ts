/** The one error type that crosses boundaries. `kind` picks the HTTP status; `code` is stable for clients. */
export type DomainErrorKind = 'bad_request' | 'validation' | 'not_found' | 'conflict' | 'unauthorized' | 'rate_limited' | 'unavailable';

export interface FieldIssue {
  /** Dotted path of the failing field, e.g. `matter.documents.0.date`. */
  readonly path: string;
  readonly message: string;
}

export interface DomainErrorOptions {
  readonly issues?: readonly FieldIssue[];
  readonly details?: Readonly<Record<string, unknown>>;
  readonly cause?: unknown;
}

export class DomainError extends Error {
  override readonly name = 'DomainError';
  readonly kind: DomainErrorKind;
  readonly code: string;
  readonly issues: readonly FieldIssue[];
  readonly details: Readonly<Record<string, unknown>>;

  constructor(kind: DomainErrorKind, code: string, message: string, options: DomainErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.kind = kind;
    this.code = code;
    this.issues = options.issues ?? [];
    this.details = options.details ?? {};
  }
}

/** Recognises a DomainError by shape, so two copies of this lib in one process still agree. */
export function isDomainError(error: unknown): error is DomainError {
  if (typeof error !== 'object' || error === null) return false;
  const candidate = error as Partial<DomainError>;
  return candidate.name === 'DomainError' && typeof candidate.kind === 'string' && typeof candidate.code === 'string';
}

export const validationError = (code: string, message: string, issues: readonly FieldIssue[] = []): DomainError =>
  new DomainError('validation', code, message, { issues });

export const notFound = (code: string, message: string): DomainError => new DomainError('not_found', code, message);

export const conflict = (code: string, message: string, details?: Record<string, unknown>): DomainError =>
  new DomainError('conflict', code, message, details === undefined ? {} : { details });

export const unavailable = (code: string, message: string, cause?: unknown): DomainError =>
  new DomainError('unavailable', code, message, { cause });
