import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { THROTTLE_SETUP, type ThrottleSetup } from './throttle-storage';

/** Closes the Redis connection of the request-limit counters when the app shuts down. */
@Injectable()
export class ThrottleStorageShutdown implements OnApplicationShutdown {
  constructor(@Inject(THROTTLE_SETUP) private readonly setup: ThrottleSetup) {}

  onApplicationShutdown(): Promise<void> {
    return this.setup.close();
  }
}
