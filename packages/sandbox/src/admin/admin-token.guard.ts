import { type CanActivate, type ExecutionContext, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';
import { SANDBOX_OPTIONS, type SandboxOptions } from '../config/sandbox-options';

/** `/sandbox/admin/*` requires `Authorization: Bearer <admin token>` (the token `sandbox start` prints). */
@Injectable()
export class AdminTokenGuard implements CanActivate {
  private readonly expected: Buffer;

  constructor(@Inject(SANDBOX_OPTIONS) options: SandboxOptions) {
    this.expected = digest(options.adminToken);
  }

  canActivate(context: ExecutionContext): boolean {
    const header = context.switchToHttp().getRequest<Request>().headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (match === null || !timingSafeEqual(digest(match[1]), this.expected)) {
      throw new UnauthorizedException(
        'The sandbox admin API needs "Authorization: Bearer <admin token>" (printed by "magekit sandbox start", SANDBOX_ADMIN_TOKEN).',
      );
    }
    return true;
  }
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
