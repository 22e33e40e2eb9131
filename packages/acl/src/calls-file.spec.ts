import { parseCallsText, planCallsFile } from './calls-file';
import { loadStockModel } from './stock-table';

const model = loadStockModel();

describe('calls files', () => {
  it('reads METHOD /path lines, skipping comments and blank lines, keeping line numbers', () => {
    expect(
      parseCallsText('# products\nGET /V1/products/:sku\n\n  post  /V1/orders   # create\nnonsense here too\n'),
    ).toEqual([
      { line: 2, text: 'GET /V1/products/:sku', call: { method: 'GET', path: '/V1/products/:sku' } },
      { line: 4, text: 'post  /V1/orders', call: { method: 'post', path: '/V1/orders' } },
      { line: 5, text: 'nonsense here too', call: null },
    ]);
  });

  it('plans the least privilege per line and names every line no resource list can grant', () => {
    const plan = planCallsFile(
      model,
      'GET /V1/products/:sku\nfetch everything please\nGET /V1/nothing/here\nGET /V1/customers/me\nGET /V1/orders\n',
    );
    expect(plan.calls).toEqual([
      { line: 1, call: 'GET /V1/products/:sku', resources: ['Magento_Catalog::products'] },
      { line: 5, call: 'GET /V1/orders', resources: ['Magento_Sales::actions_view'] },
    ]);
    expect(plan.resources).toEqual(['Magento_Sales::actions_view', 'Magento_Catalog::products']);
    expect(plan.problems).toEqual([
      { line: 2, message: '"fetch everything please" is not "METHOD /V1/path"' },
      { line: 3, message: 'GET /V1/nothing/here: Request does not match any route' },
      {
        line: 4,
        message:
          'GET /V1/customers/me needs "All resources" (a self route or an id no acl.xml defines), which a resource list cannot grant',
      },
    ]);
    expect(plan.lineCount).toBe(5);
  });
});
