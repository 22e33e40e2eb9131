import type { Response } from 'express';
import type { ErrorBody } from '@magekit/nest';

/** Answers with the service's error format, `{ "error": { "code", "message", "hint" } }` (as @magekit/nest's filter does). */
export function sendError(
  response: Response,
  status: number,
  code: ErrorBody['error']['code'],
  message: string,
  hint: string,
): void {
  const body: ErrorBody = { error: { code, message, hint } };
  response.status(status).json(body);
}
