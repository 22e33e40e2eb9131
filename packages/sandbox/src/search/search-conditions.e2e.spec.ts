import { startSandbox, type RunningSandbox } from '../testing';
import { criteria, group, integrationCaller, type StoreCaller } from './store-caller.test';

interface Product {
  id: number;
  sku: string;
  name: string;
  price: number;
  type_id: string;
  weight?: number;
  custom_attributes: Array<{ attribute_code: string; value: unknown }>;
  extension_attributes: { category_links: Array<{ category_id: string }> };
}

/**
 * Every condition type over HTTP on GET /V1/products, checked against the same predicate applied in
 * JavaScript to the full product list (the oracle), so no expected SKU is written by hand.
 */
describe('sandbox: searchCriteria condition types on /V1/products', () => {
  let sandbox: RunningSandbox;
  let store: StoreCaller;
  let all: Product[];

  beforeAll(async () => {
    sandbox = await startSandbox();
    store = await integrationCaller(sandbox, 'all');
    const created = await store.call('POST', 'products', {
      body: {
        product: {
          sku: 'SET-1',
          name: 'Set Tester',
          price: 10,
          custom_attributes: [{ attribute_code: 'meta_keyword', value: 'red,Blue,green' }],
        },
      },
    });
    expect(created.status).toBe(200);
    const everything = await store.get('products', 'searchCriteria=');
    expect(everything.body.total_count).toBe(51);
    all = everything.body.items;
  });
  afterAll(() => sandbox.close());

  const attribute = (product: Product, code: string) =>
    product.custom_attributes.find((entry) => entry.attribute_code === code)?.value;
  const skusOf = (products: Product[]) => products.map((product) => product.sku);

  async function search(...pairs: Array<[string, string | number]>): Promise<string[]> {
    const answer = await store.get('products', criteria(...pairs));
    expect(answer.status).toBe(200);
    expect(answer.body.total_count).toBe(answer.body.items.length);
    return skusOf(answer.body.items);
  }

  const prices = () => all.map((product) => product.price).sort((a, b) => a - b);

  it.each<[string, () => [string, string, string], (p: Product) => boolean]>([
    [
      'eq (case-insensitive on text)',
      () => ['name', all[5].name.toUpperCase(), 'eq'],
      (p) => p.name.toLowerCase() === all[5].name.toLowerCase(),
    ],
    ['neq', () => ['type_id', 'simple', 'neq'], (p) => p.type_id !== 'simple'],
    ['like with %', () => ['sku', 'M%', 'like'], (p) => p.sku.toUpperCase().startsWith('M')],
    ['like with _ (one character)', () => ['sku', 'MH0_/XS', 'like'], (p) => /^MH0.\/XS$/i.test(p.sku)],
    [
      'like on a custom attribute',
      () => ['description', '%durable%', 'like'],
      (p) => String(attribute(p, 'description')).toLowerCase().includes('durable'),
    ],
    ['nlike', () => ['sku', '%M%', 'nlike'], (p) => !p.sku.toUpperCase().includes('M')],
    [
      'in (comma list)',
      () => ['sku', `${all[1].sku},${all[7].sku},NOPE`, 'in'],
      (p) => [all[1].sku, all[7].sku].includes(p.sku),
    ],
    ['nin', () => ['sku', `${all[1].sku},${all[7].sku}`, 'nin'], (p) => ![all[1].sku, all[7].sku].includes(p.sku)],
    ['gt (numeric, not text)', () => ['price', String(prices()[25]), 'gt'], (p) => p.price > prices()[25]],
    ['gteq', () => ['price', String(prices()[25]), 'gteq'], (p) => p.price >= prices()[25]],
    ['lt', () => ['price', String(prices()[10]), 'lt'], (p) => p.price < prices()[10]],
    ['lteq', () => ['price', String(prices()[10]), 'lteq'], (p) => p.price <= prices()[10]],
    ['from', () => ['price', '50', 'from'], (p) => p.price >= 50],
    ['to', () => ['price', '50', 'to'], (p) => p.price <= 50],
    [
      'null on a custom attribute',
      () => ['special_price', '', 'null'],
      (p) => attribute(p, 'special_price') === undefined,
    ],
    [
      'notnull on a custom attribute',
      () => ['special_price', '', 'notnull'],
      (p) => attribute(p, 'special_price') !== undefined,
    ],
    ['null on weight (virtual products have none)', () => ['weight', '', 'null'], (p) => p.weight === undefined],
    [
      'finset (case-insensitive)',
      () => ['meta_keyword', 'blue', 'finset'],
      (p) =>
        String(attribute(p, 'meta_keyword') ?? '')
          .toLowerCase()
          .split(',')
          .includes('blue'),
    ],
    [
      'nfinset (rows without the attribute are NULL, so not matched)',
      () => ['meta_keyword', 'purple', 'nfinset'],
      (p) =>
        attribute(p, 'meta_keyword') !== undefined &&
        !String(attribute(p, 'meta_keyword')).toLowerCase().split(',').includes('purple'),
    ],
    ['regexp', () => ['sku', '^(mh|ws)', 'regexp'], (p) => /^(mh|ws)/i.test(p.sku)],
    ['seq with a value is eq', () => ['sku', all[3].sku, 'seq'], (p) => p.sku === all[3].sku],
    ['sneq with an empty value is notnull', () => ['weight', '', 'sneq'], (p) => p.weight !== undefined],
    [
      'moreq: documented, but not in the adapter map, so an equality (EAV)',
      () => ['price', String(prices()[25]), 'moreq'],
      (p) => p.price === prices()[25],
    ],
    ['an unknown condition type is an equality too', () => ['sku', all[4].sku, 'bogus'], (p) => p.sku === all[4].sku],
    [
      'fulltext is not special on an EAV collection: an equality',
      () => ['name', all[6].name, 'fulltext'],
      (p) => p.name.toLowerCase() === all[6].name.toLowerCase(),
    ],
    ['no conditionType is eq', () => ['sku', all[2].sku, ''], (p) => p.sku === all[2].sku],
  ])('%s', async (_name, filter, predicate) => {
    const [field, value, condition] = filter();
    const expected = skusOf(all.filter(predicate));
    const actual = await search(...group(0, condition === '' ? [field, value] : [field, value, condition]));
    expect(actual).toEqual(expected);
    expect(expected.length).toBeGreaterThan(0);
  });

  it('category_id (a custom filter): eq, in, nin, and ANDed with the rest of its group', async () => {
    const linked = (p: Product, ids: string[]) =>
      p.extension_attributes.category_links.some((link) => ids.includes(link.category_id));
    expect(await search(...group(0, ['category_id', '8']))).toEqual(skusOf(all.filter((p) => linked(p, ['8']))));
    expect(await search(...group(0, ['category_id', '4,20', 'in']))).toEqual(
      skusOf(all.filter((p) => linked(p, ['4', '20']))),
    );
    expect(await search(...group(0, ['category_id', '7', 'nin']))).toEqual(
      skusOf(all.filter((p) => !linked(p, ['7']))),
    );
    const withPrice = await search(...group(0, ['category_id', '16'], ['price', '60', 'gt']));
    expect(withPrice).toEqual(skusOf(all.filter((p) => linked(p, ['16']) && p.price > 60)));
  });

  it('filters in a group are ORed, groups are ANDed', async () => {
    const or = await search(...group(0, ['sku', all[0].sku], ['sku', all[9].sku]));
    expect(or).toEqual([all[0].sku, all[9].sku]);
    const and = await search(
      ...group(0, ['price', '40', 'gt']),
      ...group(1, ['price', '80', 'lt']),
      ...group(2, ['type_id', 'simple']),
    );
    expect(and).toEqual(skusOf(all.filter((p) => p.price > 40 && p.price < 80 && p.type_id === 'simple')));
    const fromToInOneGroup = await search(...group(0, ['price', '40', 'from'], ['price', '80', 'to']));
    expect(fromToInOneGroup).toEqual(skusOf(all));
  });

  it('refuses a filter on an attribute the catalog does not have, and masks the SQL error of category_ids', async () => {
    expect(await store.get('products', criteria(...group(0, ['no_such_attribute', 'x'])))).toEqual({
      status: 400,
      body: { message: 'Invalid attribute name: %1', parameters: ['no_such_attribute'] },
    });
    for (const pairs of [group(0, ['category_ids', '4']), group(0, ['sku', 'x', 'is'])]) {
      const answer = await store.get('products', criteria(...pairs));
      expect(answer.status).toBe(500);
      expect(answer.body.message).toBe('Internal Error. Details are available in Magento log file. Report ID: %1');
      expect(answer.body.parameters[0]).toMatch(/^webapi-[0-9a-f]{13}$/);
    }
  });
});
