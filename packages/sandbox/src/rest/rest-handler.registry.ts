import { Injectable } from '@nestjs/common';
import type { RestHandler, RestHandlerMap } from './rest-handler';

/**
 * The routes the sandbox implements. Feature services register their handlers at module init, keyed
 * by `METHOD /V1/url` as in webapi.xml; a known route without a handler still gets routing and ACL.
 */
@Injectable()
export class RestHandlerRegistry {
  private readonly handlers = new Map<string, RestHandler>();

  register(map: RestHandlerMap): void {
    for (const [id, handler] of Object.entries(map)) {
      if (this.handlers.has(id)) throw new Error(`Two sandbox handlers for ${id}.`);
      this.handlers.set(id, handler);
    }
  }

  find(routeId: string): RestHandler | undefined {
    return this.handlers.get(routeId);
  }

  /** Route ids with an implementation, sorted. */
  list(): string[] {
    return [...this.handlers.keys()].sort();
  }
}
