import { MagentoClientError } from '../errors/magento-client-error';

/** Awaits `promise` and returns the {@link MagentoClientError} it rejects with (fails otherwise). */
export async function failureOf(promise: Promise<unknown>): Promise<MagentoClientError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof MagentoClientError))
    throw new Error(`expected a MagentoClientError, got ${error === null ? 'success' : String(error)}`);
  return error;
}
