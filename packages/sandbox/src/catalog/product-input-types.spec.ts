import { MagentoException } from '../common/magento-exception';
import { mergeProductInput } from './product-input';
import { convertProductInput } from './product-input-types';

function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof MagentoException) return `${error.httpStatus} ${JSON.stringify(error.toJSON())}`;
    throw error;
  }
  throw new Error('expected a MagentoException');
}

const invalid = (path: string[], value: string, type: string) =>
  `400 ${JSON.stringify({
    message: `${path.map((field) => `Error occurred during "${field}" processing. `).join('')}The "${value}" value's type is invalid. The "${type}" type was expected. Verify and try again.`,
  })}`;

const context = { pathSku: null, now: '2024-01-15 12:00:00', websiteIds: [1] };

describe('ProductInterface input as ServiceInputProcessor converts it', () => {
  it('types the properties it knows and keeps the XML spelling of lists working', () => {
    const product = convertProductInput({
      sku: 12,
      price: '19.90',
      status: '1',
      weight: '0.5',
      extension_attributes: {
        website_ids: { item: ['1', '2'] },
        category_links: { item: { position: '3', category_id: 4 } },
        stock_item: { qty: '7', is_in_stock: 'true', manage_stock: '0' },
      },
      tier_prices: { item: [{ qty: '2' }] },
      custom_attributes: { color: 'red' },
    });
    expect(product).toEqual({
      sku: '12',
      price: 19.9,
      status: 1,
      weight: 0.5,
      extension_attributes: {
        website_ids: [1, 2],
        category_links: [{ position: 3, category_id: '4' }],
        stock_item: { qty: 7, is_in_stock: true, manage_stock: false },
      },
      tier_prices: [{ qty: '2' }],
      custom_attributes: [{ attribute_code: 'color', value: 'red' }],
    });
  });

  it.each<[string, Record<string, unknown>, string[], string, string]>([
    ['a price that is not a number', { price: 'cheap' }, ['price'], 'cheap', 'float'],
    ['a boolean status', { status: true }, ['status'], '1', 'int'],
    ['an object as the name', { name: { en: 'x' } }, ['name'], 'array', 'string'],
    [
      'a website id that is not a list',
      { extension_attributes: { website_ids: '1' } },
      ['extension_attributes', 'website_ids'],
      'string',
      'int[]',
    ],
    [
      'a category link position that is not a number',
      { extension_attributes: { category_links: [{ position: 'top' }] } },
      ['extension_attributes', 'category_links', 'position'],
      'top',
      'int',
    ],
    [
      'a stock quantity that is not a number',
      { extension_attributes: { stock_item: { qty: 'many' } } },
      ['extension_attributes', 'stock_item', 'qty'],
      'many',
      'float',
    ],
  ])('reports %s with the path of fields', (_case, product, path, value, type) => {
    expect(messageOf(() => convertProductInput(product))).toBe(invalid(path, value, type));
  });

  it('reports the first wrong value in the order sent', () => {
    expect(messageOf(() => convertProductInput({ status: 'on', price: 'cheap' }))).toBe(
      invalid(['status'], 'on', 'int'),
    );
    expect(messageOf(() => convertProductInput({ price: 'cheap', status: 'on' }))).toBe(
      invalid(['price'], 'cheap', 'float'),
    );
  });

  it('refuses lists of data objects that are not lists, and wraps custom attribute errors', () => {
    expect(messageOf(() => convertProductInput({ product_links: 'x' }))).toBe(
      `400 ${JSON.stringify({ message: 'Not all parameters valid.' })}`,
    );
    expect(messageOf(() => convertProductInput({ options: null }))).toBe(
      `400 ${JSON.stringify({ message: 'Not all parameters valid.' })}`,
    );
    expect(messageOf(() => convertProductInput({ custom_attributes: [{ value: 'x' }] }))).toBe(
      `400 ${JSON.stringify({
        message:
          'Error occurred during "custom_attributes" processing. A custom attribute is specified with a missing attribute code. Verify the code and try again.',
      })}`,
    );
  });

  it('merges converted input: XML lists and strings give the same product as JSON', () => {
    const fromXml = mergeProductInput(
      {
        product: {
          sku: 'XML-1',
          name: 'From XML',
          price: '12.5',
          visibility: '2',
          extension_attributes: { website_ids: { item: '1' }, category_links: { item: { category_id: '3' } } },
          custom_attributes: { color: 'red' },
        },
      },
      null,
      context,
    );
    const fromJson = mergeProductInput(
      {
        product: {
          sku: 'XML-1',
          name: 'From XML',
          price: 12.5,
          visibility: 2,
          extension_attributes: { website_ids: [1], category_links: [{ category_id: '3' }] },
          custom_attributes: [{ attribute_code: 'color', value: 'red' }],
        },
      },
      null,
      context,
    );
    expect(fromXml).toEqual(fromJson);
    expect(fromXml).toMatchObject({ price: 12.5, visibility: 2, categoryIds: [3] });
  });

  it('reads custom_attributes without removing <item>: one item works, two fail as in Magento', () => {
    const one = { attribute_code: 'color', value: 'red' };
    expect(convertProductInput({ custom_attributes: { item: one } })).toEqual({ custom_attributes: [one] });
    expect(messageOf(() => convertProductInput({ custom_attributes: { item: [one, one] } }))).toBe(
      `400 ${JSON.stringify({
        message:
          'Error occurred during "custom_attributes" processing. An empty custom attribute is specified. Enter the attribute and try again.',
      })}`,
    );
  });

  it('treats a product that is not an object as an empty one, and a missing one as required', () => {
    expect(messageOf(() => mergeProductInput({ product: 'x' }, null, context))).toBe(
      `400 ${JSON.stringify({
        message: 'The "%1" attribute value is empty. Set the attribute and try again.',
        parameters: ['SKU'],
      })}`,
    );
    expect(messageOf(() => mergeProductInput({ product: null }, null, context))).toBe(
      `400 ${JSON.stringify({
        message: '"%fieldName" is required. Enter and try again.',
        parameters: { fieldName: 'product' },
      })}`,
    );
  });
});
