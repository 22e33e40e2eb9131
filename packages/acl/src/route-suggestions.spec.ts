import { planCallsFile } from './calls-file';
import { formatRouteSuggestions, suggestRoutes } from './route-suggestions';
import { loadStockModel } from './stock-table';

const model = loadStockModel();

describe('route suggestions', () => {
  it.each<[string, string, string[]]>([
    ['GET', '/V1/storeConfigs', ['GET /V1/store/storeConfigs']],
    ['GET', '/rest/default/V1/storeConfigs', ['GET /V1/store/storeConfigs']],
    ['GET', '/V1/store/storeConfig', ['GET /V1/store/storeConfigs']],
    ['get', '/V1/categorys', ['GET /V1/categories']],
  ])('%s %s: %j', (method, path, expected) => {
    expect(suggestRoutes(model, method, path)).toEqual(expected);
  });

  it('suggests routes of the same method only, and nothing when nothing is close', () => {
    expect(suggestRoutes(model, 'PATCH', '/V1/products/x')).toEqual([]);
    expect(suggestRoutes(model, 'GET', '/V1/nothing/here/at/all')).toEqual([]);
    expect(suggestRoutes(model, 'GET', 'not a path')).toEqual([]);
    for (const id of suggestRoutes(model, 'DELETE', '/V1/product/ABC')) expect(id).toMatch(/^DELETE /);
  });

  it('formats one or several suggestions as the tail of a message', () => {
    expect(formatRouteSuggestions([])).toBe('');
    expect(formatRouteSuggestions(['GET /V1/a'])).toBe('did you mean `GET /V1/a`?');
    expect(formatRouteSuggestions(['GET /V1/a', 'GET /V1/b', 'GET /V1/c'])).toBe(
      'did you mean `GET /V1/a`, `GET /V1/b` or `GET /V1/c`?',
    );
  });

  it('planCallsFile names the nearest route of an unrouted call, with a single period', () => {
    const plan = planCallsFile(model, 'GET /V1/storeConfigs\n');
    expect(plan.problems).toEqual([
      {
        line: 1,
        message: 'GET /V1/storeConfigs: Request does not match any route; did you mean `GET /V1/store/storeConfigs`?',
        suggestions: ['GET /V1/store/storeConfigs'],
      },
    ]);
  });
});
