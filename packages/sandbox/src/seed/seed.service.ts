import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { hashPassword } from '../common/password';
import { SANDBOX_OPTIONS, type SandboxOptions } from '../config/sandbox-options';
import { AdminUserEntity } from '../db/user-account.entity';
import { ADMIN_PASSWORD, ADMIN_TFA_SECRET, ADMIN_USERNAME } from './seed-options';

/** A step that fills an empty database (catalog, customers, orders register theirs). */
export type SeedStep = (options: SandboxOptions) => Promise<void>;

/**
 * Fills an empty sandbox database: the admin user always, then the registered data steps unless
 * `seed: false`. Idempotent: a database that already has the admin user is left as it is.
 */
@Injectable()
export class SeedService {
  private readonly steps: Array<{ name: string; run: SeedStep }> = [];

  constructor(
    @InjectRepository(AdminUserEntity) private readonly admins: Repository<AdminUserEntity>,
    @Inject(SANDBOX_OPTIONS) private readonly options: SandboxOptions,
  ) {}

  /** Adds a data step; steps run in registration order. */
  register(name: string, run: SeedStep): void {
    this.steps.push({ name, run });
  }

  /** Seeds when the database is empty; returns whether it did. */
  async seedIfEmpty(): Promise<boolean> {
    if ((await this.admins.count()) > 0) return false;
    await this.admins.save(
      this.admins.create({
        username: ADMIN_USERNAME,
        passwordHash: await hashPassword(ADMIN_PASSWORD),
        email: 'admin@example.com',
        firstname: 'Sandbox',
        lastname: 'Admin',
        isActive: true,
        tfaSecret: ADMIN_TFA_SECRET,
      }),
    );
    if (this.options.seed === false) return true;
    for (const step of this.steps) {
      const started = Date.now();
      await step.run(this.options);
      this.options.log?.(`seeded ${step.name} in ${Date.now() - started} ms`);
    }
    return true;
  }
}
