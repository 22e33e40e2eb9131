/**
 * Test helper (not a suite; excluded from the build as `*.test.ts`): REST calls to a running sandbox
 * under any path after `/rest/` (`async/V1/…`, `es_mx/async/bulk/V1/…`), signed as an active
 * integration with the independent test signer, and a look at the consumer and the bulk tables.
 */
import { DataSource } from 'typeorm';
import { signForTest, type TestCredentials } from '../test-support/oauth-test-client';
import type { DirectActivation, RunningSandbox } from '../testing';
import { BulkEntity } from './bulk.entity';
import { OperationConsumerService } from './operation-consumer.service';

export interface Answer {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON under test
}

export interface RestCaller {
  integrationId: number;
  /** `path` is what follows `/rest/`; a string body is sent as it is. */
  call(method: string, path: string, body?: unknown, contentType?: string): Promise<Answer>;
}

/** Creates and activates an integration with `resources` and signs its calls. */
export async function restCaller(sandbox: RunningSandbox, resources: 'all' | string[]): Promise<RestCaller> {
  const created = await sandbox.admin.createIntegration({
    name: `async-${Math.random().toString(36).slice(2)}`,
    resources,
  });
  const activation = (await sandbox.admin.activate(created.id)) as DirectActivation;
  const creds: TestCredentials = {
    consumerKey: activation.consumer_key,
    consumerSecret: activation.consumer_secret,
    token: activation.access_token,
    tokenSecret: activation.access_token_secret,
  };
  const call = async (method: string, path: string, body?: unknown, contentType = 'application/json') => {
    const url = `${sandbox.baseUrl}rest/${path}`;
    const headers: Record<string, string> = { authorization: signForTest(method, url, creds) };
    if (body !== undefined) headers['content-type'] = contentType;
    const response = await fetch(url, {
      method,
      headers,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text === '' ? undefined : JSON.parse(text) };
  };
  return { integrationId: created.id, call };
}

/** The in-process `async.operations.all` consumer of a running sandbox. */
export function consumerOf(sandbox: RunningSandbox): OperationConsumerService {
  return sandbox.app.get(OperationConsumerService);
}

/** Number of `magento_bulk` rows. */
export function countBulks(sandbox: RunningSandbox): Promise<number> {
  return sandbox.app.get(DataSource).getRepository(BulkEntity).count();
}

/** The resource the bulk status routes require. */
export const BULK_STATUS_RESOURCE = 'Magento_Logging::system_magento_logging_bulk_operations';
