import fc from 'fast-check';
import { AclError } from './acl-error';
import { parseAclXml } from './acl-xml';
import { parseIntegrationApiXml, parseIntegrationConfigXml, parseIntegrationXml } from './integration-xml';
import { matchRoute } from './match-route';
import { loadMiniModel, readFixture } from './test-helpers/fixtures';
import { parseWebapiXml } from './webapi-xml';

const parsers = { parseAclXml, parseWebapiXml, parseIntegrationXml, parseIntegrationConfigXml, parseIntegrationApiXml };

/** Runs fn and returns 'ok' or the AclError code; anything else thrown fails the property. */
function outcome(fn: () => unknown): string {
  try {
    fn();
    return 'ok';
  } catch (error) {
    if (error instanceof AclError) return error.code;
    throw error;
  }
}

const xmlish = fc.stringMatching(/^[<>/a-z="' !?&;#[\]\-:x0-9\n]{0,80}$/);
const mutatedFixture = fc
  .tuple(
    fc.constantFrom(
      readFixture('mini', 'Shop', 'acl.xml'),
      readFixture('mini', 'Shop', 'webapi.xml'),
      readFixture('integration', 'integration.xml'),
    ),
    fc.nat(),
    fc.nat({ max: 30 }),
    fc.string({ maxLength: 12 }),
  )
  .map(([text, at, cut, insert]) => text.slice(0, at % text.length) + insert + text.slice((at % text.length) + cut));

describe('parser fuzzing (fast-check): only AclError, never a hang', () => {
  it.each(Object.entries(parsers))('%s on arbitrary strings', (_name, parse) => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 200 }), xmlish), (text) => outcome(() => parse(text)).length > 0),
      { numRuns: 400 },
    );
  });

  it.each(Object.entries(parsers))('%s on arbitrary bytes', (_name, parse) => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => outcome(() => parse(bytes)).length > 0),
      { numRuns: 300 },
    );
  });

  it.each(Object.entries(parsers))('%s on mutated real-looking files', (_name, parse) => {
    fc.assert(
      fc.property(mutatedFixture, (text) => outcome(() => parse(text)).length > 0),
      { numRuns: 300 },
    );
  });

  it('matchRoute on arbitrary methods and paths throws only AclError', () => {
    const model = loadMiniModel();
    fc.assert(
      fc.property(
        fc.oneof(fc.constantFrom('GET', 'put', 'PATCH', 'post'), fc.string({ maxLength: 6 })),
        fc.oneof(fc.string({ maxLength: 60 }), fc.webPath()),
        (method, path) => {
          return outcome(() => matchRoute(model.routes, method, path)).length > 0;
        },
      ),
      { numRuns: 1000 },
    );
  });
});
