import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { z } from 'zod';

/** One thing wrong with a request: where (a JSON path such as `shipTo.postalCode`), a code, and why. */
export interface FieldProblem {
  readonly path: string;
  readonly code: string;
  readonly message: string;
}

/**
 * An error a client caused. Rendered as RFC 9457 problem details (`application/problem+json`),
 * naming every problem at once so an integrator can fix a request in one go.
 */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly title: string,
    readonly detail: string,
    readonly problems: readonly FieldProblem[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
    this.name = 'HttpError';
  }
}

export const badRequest = (detail: string, problems: readonly FieldProblem[] = []) => new HttpError(400, 'Bad Request', detail, problems);
export const notFound = (detail: string) => new HttpError(404, 'Not Found', detail);
export const conflict = (detail: string) => new HttpError(409, 'Conflict', detail);
export const forbidden = (detail: string) => new HttpError(403, 'Forbidden', detail);
export const unauthorized = (detail: string) => new HttpError(401, 'Unauthorized', detail, [], { 'WWW-Authenticate': 'Bearer realm="enlace"' });

export function validationError(issues: readonly z.core.$ZodIssue[]): HttpError {
  const problems = issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(body)',
    code: issue.code,
    message: issue.message,
  }));
  return badRequest(`The request has ${problems.length} invalid field(s).`, problems);
}

export function problemResponse(error: HttpError, requestId?: string): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode: error.statusCode,
    headers: { 'content-type': 'application/problem+json', ...error.headers },
    body: JSON.stringify({
      type: 'about:blank',
      title: error.title,
      status: error.statusCode,
      detail: error.detail,
      ...(error.problems.length > 0 ? { errors: error.problems } : {}),
      ...(requestId === undefined ? {} : { requestId }),
    }),
  };
}

export function jsonResponse(statusCode: number, body: unknown, headers: Record<string, string> = {}): APIGatewayProxyStructuredResultV2 {
  return { statusCode, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) };
}
