/** The public API, on the address the app is served from, with the signed-in user's bearer token. */

/** An RFC 9457 problem details document as the API answers it. */
/** A bad field of a 400: its English detail, and the key of the domain's reason with its parameters, if any. */
export interface FieldError {
  field: string;
  detail: string;
  reason?: string;
  params?: Record<string, string | number>;
}

export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  code?: string;
  field?: string;
  /** One entry per bad field; `reason` and `params` word it in the reader's language where the check has a key. */
  errors?: FieldError[];
  /** Extensions of a refused command: which of the domain's reasons, and its parameters (rejectionText words them). */
  reason?: string;
  params?: Record<string, string | number>;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
  }

  /** The reason per field: every `errors[]` entry, and the rule's `field` of a 409/422. */
  get fieldErrors(): Record<string, string> {
    return this.fieldErrorsWith(this.problem.detail);
  }

  /**
   * As `fieldErrors`, with the rule's reason worded as `ruleText` and each bad field's by `word` (e.g. in the reader's
   * language; undefined keeps the API's detail).
   */
  fieldErrorsWith(
    ruleText: string | undefined,
    word: (error: FieldError) => string | undefined = () => undefined,
  ): Record<string, string> {
    const byField: Record<string, string> = {};
    for (const error of this.problem.errors ?? []) byField[error.field] ??= word(error) ?? error.detail;
    if (this.problem.field && ruleText) byField[this.problem.field] ??= ruleText;
    return byField;
  }
}

let currentToken: (() => string | undefined) | undefined;

/** The app's auth sets where the bearer token comes from. */
export function setTokenSource(source: () => string | undefined): void {
  currentToken = source;
}

export interface RequestOptions {
  method?: 'GET' | 'POST';
  body?: unknown;
  /** Why personal data is accessed (X-Audit-Purpose), for the audit trail. */
  purpose?: string;
  idempotencyKey?: string;
  accept?: string;
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: options.accept ?? 'application/json' };
  const token = currentToken?.();
  if (token) headers.Authorization = `Bearer ${token}`;
  if (options.purpose) headers['X-Audit-Purpose'] = options.purpose;
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, {
    method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
    headers,
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  const type = response.headers.get('content-type') ?? '';
  if (!response.ok) {
    const problem: Problem = type.includes('json')
      ? ((await response.json()) as Problem)
      : { status: response.status, detail: await response.text() };
    throw new ApiError(response.status, problem);
  }
  if (type.includes('json')) return (await response.json()) as T;
  return (await response.text()) as T;
}

/** A query string of the defined values. */
export function query(values: Record<string, string | number | undefined | null>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) {
    if (value !== undefined && value !== null && value !== '') params.set(name, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/**
 * Uploads a file with progress (fetch cannot report upload progress): XMLHttpRequest with the bearer token.
 */
export function upload<T>(
  path: string,
  file: Blob,
  contentType: string,
  onProgress: (fraction: number) => void,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', path);
    const token = currentToken?.();
    if (token) request.setRequestHeader('Authorization', `Bearer ${token}`);
    request.setRequestHeader('Content-Type', contentType);
    request.setRequestHeader('Accept', 'application/json');
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onerror = () => reject(new ApiError(0, { detail: 'network error' }));
    request.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(request.responseText);
      } catch {
        body = { detail: request.responseText };
      }
      if (request.status >= 200 && request.status < 300) {
        onProgress(1);
        resolve(body as T);
      } else reject(new ApiError(request.status, body as Problem));
    };
    request.send(file);
  });
}

/** A file from the API (CSV, HTML, PDF) as a Blob, with the bearer token; problems as ApiError. */
export async function apiBlob(path: string, accept: string): Promise<Blob> {
  const headers: Record<string, string> = { Accept: accept };
  const token = currentToken?.();
  if (token) headers.Authorization = `Bearer ${token}`;
  const response = await fetch(path, { headers });
  if (!response.ok) {
    const type = response.headers.get('content-type') ?? '';
    const problem: Problem = type.includes('json')
      ? ((await response.json()) as Problem)
      : { status: response.status, detail: await response.text() };
    throw new ApiError(response.status, problem);
  }
  return response.blob();
}
