import type { Response } from 'express';
import { ApplicationFailure } from './application-failure';
import { readAcceptTypes } from './accept-types';
import { renderXml } from './xml/xml-renderer';

/** A REST response renderer (`Rest\Response\Renderer\Json` or `\Xml`). */
export type RestRenderer = 'json' | 'xml';

/** `RendererFactory`'s list (`app/code/Magento/Webapi/etc/di.xml`), in its order. */
const RENDERERS: ReadonlyArray<readonly [string, RestRenderer]> = [
  ['*/*', 'json'],
  ['application/json', 'json'],
  ['text/xml', 'xml'],
  ['application/xml', 'xml'],
  ['application/xhtml+xml', 'xml'],
];

/** Where the REST controller leaves the request's renderer for the exception filter. */
const RENDERER_LOCAL = 'magentoRestRenderer';

/**
 * `Rest\Response\RendererFactory::_getRendererClass()`: the first accepted type, in
 * {@link readAcceptTypes}'s order, that equals a renderer's type, is its `type/*`, or is `*\/*`
 * (case-sensitive). None: `Webapi\Exception` 406 "Server cannot match any of the given Accept HTTP
 * header media type(s) from the request: "%1" with media types from the config of response
 * renderer." (`%1` is the first accepted type). It is thrown while the REST front controller is
 * built (`Rest\Response`'s constructor), before any routing or authentication, where no web API
 * error handler runs: the store answers its 500 error report page and logs the message.
 * docs/magento-behaviour.md §12.4.
 * @throws ApplicationFailure (`error-report`)
 */
export function negotiateRenderer(acceptHeader: string | undefined): RestRenderer {
  const acceptTypes = readAcceptTypes(acceptHeader);
  for (const acceptType of acceptTypes)
    for (const [type, renderer] of RENDERERS)
      if (acceptType === type || acceptType === `${type.split('/')[0]}/*` || acceptType === '*/*') return renderer;
  throw new ApplicationFailure(
    'error-report',
    `Server cannot match any of the given Accept HTTP header media type(s) from the request: "${acceptTypes[0]}" with media types from the config of response renderer.`,
  );
}

/** Records the renderer chosen for this request, so errors are rendered the same way. */
export function rememberRenderer(res: Response, renderer: RestRenderer): void {
  res.locals[RENDERER_LOCAL] = renderer;
}

/** The renderer of a REST request, or null for a request outside the REST pipeline. */
export function rememberedRenderer(res: Response): RestRenderer | null {
  const renderer: unknown = res.locals[RENDERER_LOCAL];
  return renderer === 'json' || renderer === 'xml' ? renderer : null;
}

/**
 * Sends data as `Rest\Response` does, with `Content-Type: <mime>; charset=utf-8`
 * (`Webapi\Response::setMimeType()`): JSON, or the XML document of `Renderer\Xml`.
 * @throws XmlElementNameError when the data has a key the XML renderer cannot write (nothing is sent)
 */
export function sendRestAnswer(res: Response, renderer: RestRenderer, status: number, data: unknown): void {
  const body = renderer === 'xml' ? renderXml(data) : JSON.stringify(data ?? null);
  res
    .status(status)
    .type(`${renderer === 'xml' ? 'application/xml' : 'application/json'}; charset=utf-8`)
    .send(body);
}
