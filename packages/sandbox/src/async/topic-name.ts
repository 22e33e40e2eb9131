/** `Magento\AsynchronousOperations\Model\ConfigInterface::TOPIC_PREFIX`. */
const TOPIC_PREFIX = 'async.';

/**
 * The message-queue topic of an asynchronous call (`Magento\WebapiAsync\Model\Config::getTopicName()`,
 * `generateTopicNameFromService()`): the service interface and method, lower-cased, with `\` as `.`,
 * and the HTTP method — `Magento\Catalog\Api\ProductRepositoryInterface` + `save` + `POST` →
 * `async.magento.catalog.api.productrepositoryinterface.save.post`. The bulk's description is
 * `Topic <topic>` (`MassSchedule::publishMass()`).
 */
export function asyncTopicName(serviceClass: string, serviceMethod: string, httpMethod: string): string {
  const type = `${serviceClass}.${serviceMethod}`.replace(/^\\+|\\+$/g, '');
  return `${TOPIC_PREFIX}${type.split('\\').join('.')}.${httpMethod}`.toLowerCase();
}
