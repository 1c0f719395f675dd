import { STATUS_CODES } from 'node:http';
import type { FieldError, Problem } from '@advocacy/sdk/contract';

export const PROBLEM_TYPE_PREFIX = 'urn:advocacy:problem:';

/**
 * An error that becomes an RFC 9457 answer. Throw it from a handler; the
 * error handler turns it into `application/problem+json`.
 */
export class HttpProblem extends Error {
  readonly status: number;
  readonly slug: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly errors: FieldError[] | undefined;
  readonly headers: Record<string, string>;

  constructor(
    status: number,
    slug: string,
    options: { title?: string; detail?: string; errors?: FieldError[]; headers?: Record<string, string> } = {},
  ) {
    super(options.detail ?? options.title ?? slug);
    this.status = status;
    this.slug = slug;
    this.title = options.title ?? STATUS_CODES[status] ?? 'Error';
    this.detail = options.detail;
    this.errors = options.errors;
    this.headers = options.headers ?? {};
  }

  toProblem(requestId: string, instance?: string): Problem {
    return {
      type: `${PROBLEM_TYPE_PREFIX}${this.slug}`,
      title: this.title,
      status: this.status,
      ...(this.detail === undefined ? {} : { detail: this.detail }),
      ...(instance === undefined ? {} : { instance }),
      requestId,
      ...(this.errors === undefined ? {} : { errors: this.errors }),
    };
  }
}

/** Slug for a plain HTTP status: 404 → `not-found`. */
export function slugForStatus(status: number): string {
  return (STATUS_CODES[status] ?? 'error')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
