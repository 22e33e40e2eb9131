import { renderPhrase } from '@magekit/oauth1';
import { classifyMagentoMessage, classifyStatus } from './classify-magento-message';
import { MagentoClientError, type MagentoMessage } from './magento-client-error';

type Parameters = MagentoMessage['parameters'];

interface RestErrorJson {
  message: string;
  parameters?: Parameters;
  errors?: Array<{ message?: unknown; parameters?: Parameters }>;
}

/**
 * Turns a failed REST response into a {@link MagentoClientError}: Magento's JSON
 * `{message, parameters, errors?, trace?}` (docs/magento-behaviour.md §1.7, `Framework\Webapi\ErrorProcessor`) is rendered with
 * its `%1` / `%name` placeholders filled, classified to a code, and kept raw in `error.magento`.
 * Non-JSON bodies (proxies, PHP fatals) become the status's code with a short excerpt. Pure.
 */
export function parseRestError(status: number, bodyText: string): MagentoClientError {
  const json = readRestErrorJson(bodyText);
  if (!json) {
    const excerpt = bodyText.replace(/\s+/g, ' ').trim().slice(0, 200);
    return new MagentoClientError(
      `HTTP ${status} from the store${excerpt ? `: ${excerpt}` : ''}`,
      classifyStatus(status),
      { status },
    );
  }
  const rendered = renderMessage(json.message, json.parameters);
  const details = (json.errors ?? [])
    .filter((error) => typeof error.message === 'string')
    .map((error) => renderMessage(error.message as string, error.parameters));
  const text = details.length > 0 ? `${rendered} ${details.join('; ')}` : rendered;
  const { code, hint } = classifyMagentoMessage(rendered, status);
  const magento: MagentoMessage =
    json.parameters === undefined ? { message: json.message } : { message: json.message, parameters: json.parameters };
  return new MagentoClientError(text, code, { status, hint, magento });
}

/** Magento's REST error JSON, or null when the body is something else. */
export function readRestErrorJson(bodyText: string): RestErrorJson | null {
  let value: unknown;
  try {
    value = JSON.parse(bodyText);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null || typeof (value as { message?: unknown }).message !== 'string')
    return null;
  return value as RestErrorJson;
}

function renderMessage(message: string, parameters: Parameters): string {
  if (parameters === null || typeof parameters !== 'object') return message;
  return renderPhrase(message, parameters);
}
