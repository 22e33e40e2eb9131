import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '../common/clock';

/** One thing the store did that a person wants to watch (the callback POST, the popup URL, token issues). */
export interface ActivityEvent {
  at: string;
  integrationId: number | null;
  type:
    | 'callback_post'
    | 'callback_post_failed'
    | 'identity_link'
    | 'request_token'
    | 'access_token'
    | 'token_rejected'
    | 'direct_tokens'
    | 'reauthorize'
    // The SaaS edition: IMS tokens issued, refused and revoked, and calls its gateway refused.
    | 'ims_token'
    | 'ims_token_refused'
    | 'ims_token_revoked'
    | 'ims_call_refused';
  detail: string;
}

const CAPACITY = 500;

/** The last {@link CAPACITY} activation events, newest last, for the admin page and API (not persisted). */
@Injectable()
export class ActivityLogService {
  private readonly events: ActivityEvent[] = [];

  constructor(@Inject(CLOCK) private readonly clock: Clock) {}

  record(type: ActivityEvent['type'], integrationId: number | null, detail: string): void {
    this.events.push({ at: new Date(this.clock.now()).toISOString(), integrationId, type, detail });
    if (this.events.length > CAPACITY) this.events.splice(0, this.events.length - CAPACITY);
  }

  list(integrationId?: number): ActivityEvent[] {
    return integrationId === undefined
      ? [...this.events]
      : this.events.filter((event) => event.integrationId === integrationId);
  }
}
