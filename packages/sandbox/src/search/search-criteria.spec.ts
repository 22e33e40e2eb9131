import { MagentoException } from '../common/magento-exception';
import { parseStrNested } from '@magekit/php';
import { parseSearchCriteria, renderSearchCriteria } from './search-criteria';

const parse = (query: string, maxPageSize = 300) => parseSearchCriteria(parseStrNested(query), { maxPageSize });

function errorOf(run: () => unknown): { status: number; body: unknown } {
  try {
    run();
  } catch (error) {
    if (error instanceof MagentoException) return { status: error.httpStatus, body: error.toJSON() };
    throw error;
  }
  throw new Error('expected a MagentoException');
}

describe('parseSearchCriteria (ServiceInputProcessor for SearchCriteriaInterface)', () => {
  it('reads groups, filters, sort orders and paging in snake_case or camelCase', () => {
    const criteria = parse(
      'searchCriteria[filter_groups][0][filters][0][field]=sku&searchCriteria[filter_groups][0][filters][0][value]=A&searchCriteria[filter_groups][0][filters][1][field]=name&searchCriteria[filter_groups][0][filters][1][value]=%25x%25&searchCriteria[filter_groups][0][filters][1][condition_type]=like&searchCriteria[sortOrders][0][field]=price&searchCriteria[sortOrders][0][direction]=desc&searchCriteria[pageSize]=10&searchCriteria[current_page]=2',
    );
    expect(criteria).toEqual({
      filterGroups: [
        [
          { field: 'sku', value: 'A', conditionType: 'eq' },
          { field: 'name', value: '%x%', conditionType: 'like' },
        ],
      ],
      sortOrders: [{ field: 'price', direction: 'DESC' }],
      pageSize: 10,
      currentPage: 2,
    });
  });

  it('orders groups and filters by their numeric keys, not by arrival', () => {
    const criteria = parse(
      'searchCriteria[filterGroups][1][filters][0][field]=b&searchCriteria[filterGroups][0][filters][10][field]=a10&searchCriteria[filterGroups][0][filters][2][field]=a2',
    );
    expect(criteria.filterGroups.map((group) => group.map((filter) => filter.field))).toEqual([['a2', 'a10'], ['b']]);
  });

  it('renders the echo with snake_case keys, leaving out what was not given', () => {
    expect(renderSearchCriteria(parse('searchCriteria='))).toEqual({ filter_groups: [] });
    expect(
      renderSearchCriteria(
        parse('searchCriteria[filterGroups][0][filters][0][value]=v&searchCriteria[sortOrders][0][field]=f'),
      ),
    ).toEqual({ filter_groups: [{ filters: [{ value: 'v', condition_type: 'eq' }] }], sort_orders: [{ field: 'f' }] });
  });

  it('converts ints as PHP does: numeric strings (whitespace, fractions truncated), else the type error', () => {
    expect(parse('searchCriteria[pageSize]=%2012.9').pageSize).toBe(12);
    expect(errorOf(() => parse('searchCriteria[pageSize]=12abc'))).toEqual({
      status: 400,
      body: {
        message:
          'Error occurred during "pageSize" processing. The "12abc" value\'s type is invalid. The "int" type was expected. Verify and try again.',
      },
    });
    expect(errorOf(() => parse('searchCriteria[current_page][]=1'))).toEqual({
      status: 400,
      body: {
        message:
          'Error occurred during "current_page" processing. The "array" value\'s type is invalid. The "int" type was expected. Verify and try again.',
      },
    });
  });

  it('names every key on the way to a value of the wrong type, as sent', () => {
    expect(errorOf(() => parse('searchCriteria[filterGroups][0][filters][0][value][]=1'))).toEqual({
      status: 400,
      body: {
        message:
          'Error occurred during "filterGroups" processing. Error occurred during "filters" processing. Error occurred during "value" processing. The "array" value\'s type is invalid. The "string" type was expected. Verify and try again.',
      },
    });
    expect(errorOf(() => parse('searchCriteria[filter_groups][0][filters][0][condition_type][a]=eq')).body).toEqual({
      message:
        'Error occurred during "filter_groups" processing. Error occurred during "filters" processing. Error occurred during "condition_type" processing. The "array" value\'s type is invalid. The "string" type was expected. Verify and try again.',
    });
    expect(errorOf(() => parse('searchCriteria[sortOrders][0][direction][]=ASC')).body).toEqual({
      message:
        'Error occurred during "sortOrders" processing. Error occurred during "direction" processing. The "array" value\'s type is invalid. The "string" type was expected. Verify and try again.',
    });
  });

  it('refuses a string where a list of groups, filters or sort orders is expected, without naming the field', () => {
    for (const query of [
      'searchCriteria[filterGroups]=x',
      'searchCriteria[filterGroups][0][filters]=x',
      'searchCriteria[sortOrders]=x',
    ])
      expect(errorOf(() => parse(query))).toEqual({ status: 400, body: { message: 'Not all parameters valid.' } });
  });

  it('enforces the maximum page size only when there is one', () => {
    expect(errorOf(() => parse('searchCriteria[pageSize]=301'))).toEqual({
      status: 400,
      body: { message: 'Maximum SearchCriteria pageSize is %max', parameters: { max: 300 } },
    });
    expect(parse('searchCriteria[pageSize]=5000', 0).pageSize).toBe(5000);
  });

  it('requires searchCriteria, and a sort direction of ASC or DESC', () => {
    expect(errorOf(() => parse('fields=items'))).toEqual({
      status: 400,
      body: { message: '"%fieldName" is required. Enter and try again.', parameters: { fieldName: 'searchCriteria' } },
    });
    expect(errorOf(() => parse('searchCriteria[sortOrders][0][direction]=sideways')).status).toBe(400);
  });
});
