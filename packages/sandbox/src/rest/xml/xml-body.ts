import { MagentoException } from '../../common/magento-exception';
import { ApplicationFailure } from '../application-failure';
import { parseXmlDocument, XmlSyntaxError } from './xml-document';
import { xmlElementToArray, XmlStringOffsetError } from './xml-to-array';

/**
 * `Magento\Framework\Webapi\Rest\Request\Deserializer\Xml::deserialize()`: the document parsed, then
 * `Xml\Parser::xmlToArray()` of its root element (the root's name is dropped: `<request>…</request>`
 * and `<anything>…</anything>` read the same). A document libxml would refuse is 400 `Decoding
 * error.` (production mode; developer mode adds libxml's message). docs/magento-behaviour.md §12.3.
 * @throws MagentoException 400 `Decoding error.`; ApplicationFailure (`terminated`) for text before a child element
 */
export function deserializeXmlBody(body: string): unknown {
  let root;
  try {
    root = parseXmlDocument(body);
  } catch (error) {
    if (error instanceof XmlSyntaxError) throw new MagentoException(400, 'Decoding error.');
    throw error;
  }
  try {
    return xmlElementToArray(root);
  } catch (error) {
    if (error instanceof XmlStringOffsetError)
      throw new ApplicationFailure('terminated', `TypeError: ${error.message}`);
    throw error;
  }
}
