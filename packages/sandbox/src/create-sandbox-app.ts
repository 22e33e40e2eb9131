import { type INestApplication, type LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import express from 'express';
import type { NextFunction, Request, Response } from 'express';
import type { RawRequest } from './common/http-request';
import { MagentoExceptionFilter } from './common/magento-exception.filter';
import { SandboxRuntime } from './common/sandbox-runtime';
import { createPhpFpmPool, type PhpFpmPool } from './common/php-fpm-pool';
import { resolveOptions, type SandboxInput, type SandboxOptions } from './config/sandbox-options';
import { SandboxModule } from './sandbox.module';
import { SeedService } from './seed/seed.service';
import { createVersionMiddleware } from './version/version-answer';
import { resolveVersionProfile, type VersionProfile } from './version/version-profile';

/** Where the sandbox listens. */
export interface ListenOptions {
  /** Default 3001; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** The base URL the store announces (`store_base_url`); default `http://<host>:<port>/`. */
  baseUrl?: string;
  /** Nest's logger; default errors and warnings only. */
  logger?: LoggerService | false;
}

/** A listening sandbox store. */
export interface SandboxApp {
  app: INestApplication;
  /** The store's base URL, with a trailing slash (`store_base_url`). */
  baseUrl: string;
  port: number;
  options: SandboxOptions;
  /** The Magento version profile the store runs as (`options.magentoVersion`). */
  profile: VersionProfile;
  /** The simulated PHP-FPM pool (`options.phpFpm`), with its counters; null when off. */
  phpFpm: PhpFpmPool | null;
  close(): Promise<void>;
}

const BODY_LIMIT = '16mb';

/**
 * Builds, seeds and starts a sandbox store. Bodies are kept raw (the OAuth verifier and Magento's JSON
 * deserializer read them as received); only the admin API gets Express's JSON parser. Every answer names
 * the version profile (`X-Magekit-Sandbox-Version`); `/magento_version` answers as Magento's does.
 * @throws Error for an unknown `magentoVersion`, before anything starts
 */
export async function createSandboxApp(input: SandboxInput = {}, listen: ListenOptions = {}): Promise<SandboxApp> {
  const options = resolveOptions(input);
  const profile = resolveVersionProfile(options.magentoVersion);
  const app = await NestFactory.create(SandboxModule.forRoot(options), {
    bodyParser: false,
    logger: listen.logger ?? ['error', 'warn'],
  });
  // Magento's REST answers carry no ETag; Express would hash every body (SHA-1) to make one.
  (app.getHttpAdapter().getInstance() as express.Express).set('etag', false);
  const phpFpm = options.phpFpm === null ? null : createPhpFpmPool(options.phpFpm);
  if (phpFpm !== null) app.use(phpFpm.middleware);
  app.use(createVersionMiddleware(profile));
  app.use('/sandbox/admin', express.json({ limit: BODY_LIMIT }));
  app.use(express.raw({ type: () => true, limit: BODY_LIMIT }));
  app.use(keepRawBody);
  app.useGlobalFilters(new MagentoExceptionFilter());
  app.enableShutdownHooks();
  const host = listen.host ?? '127.0.0.1';
  try {
    await app.init();
    await app.get(SeedService).seedIfEmpty();
    await app.listen(listen.port ?? 3001, host);
  } catch (error) {
    await app.close();
    throw error;
  }
  const address = app.getHttpServer().address() as { port: number };
  const baseUrl = (listen.baseUrl ?? `http://${host.includes(':') ? `[${host}]` : host}:${address.port}/`).replace(
    /\/?$/,
    '/',
  );
  app.get(SandboxRuntime).baseUrl = baseUrl;
  return { app, baseUrl, port: address.port, options, profile, phpFpm, close: () => app.close() };
}

function keepRawBody(req: Request, _res: Response, next: NextFunction): void {
  if (Buffer.isBuffer(req.body)) (req as RawRequest).rawBody = req.body;
  next();
}
