import { criteria, group, integrationCaller, type StoreCaller } from '../search/store-caller.test';
import { ADMIN_PASSWORD, ADMIN_USERNAME, startSandbox, type RunningSandbox } from '../testing';

interface TreeNode {
  id: number;
  parent_id: number;
  name: string;
  level: number;
  position: number;
  product_count: number;
  children_data: TreeNode[];
}

describe('sandbox: categories over HTTP (CategoryManagementInterface, CategoryRepositoryInterface, CategoryListInterface)', () => {
  let sandbox: RunningSandbox;
  let store: StoreCaller;

  beforeAll(async () => {
    sandbox = await startSandbox();
    store = await integrationCaller(sandbox, ['Magento_Catalog::categories', 'Magento_Catalog::products']);
  });
  afterAll(() => sandbox.close());

  const flatten = (node: TreeNode): TreeNode[] => [node, ...node.children_data.flatMap(flatten)];

  it("GET /V1/categories is the store root's tree, children by position, with product counts", async () => {
    const answer = await store.get('categories');
    expect(answer.status).toBe(200);
    const root: TreeNode = answer.body;
    expect(Object.keys(root)).toEqual([
      'id',
      'parent_id',
      'name',
      'is_active',
      'position',
      'level',
      'product_count',
      'children_data',
    ]);
    expect(root).toMatchObject({ id: 2, parent_id: 1, name: 'Default Category', level: 1 });
    expect(root.children_data.map((child) => child.name)).toEqual(['Gear', 'Men', 'Women', 'Sale', 'Archive']);
    for (const node of flatten(root)) {
      expect(node.children_data.map((child) => child.position)).toEqual(node.children_data.map((_, i) => i + 1));
      for (const child of node.children_data)
        expect(child).toMatchObject({ parent_id: node.id, level: node.level + 1 });
    }
    const products = (await store.get('products', 'searchCriteria=')).body.items as Array<{
      extension_attributes: { category_links: Array<{ category_id: string }> };
    }>;
    for (const node of flatten(root)) {
      expect(node.product_count).toBe(
        products.filter((product) =>
          product.extension_attributes.category_links.some((link) => link.category_id === String(node.id)),
        ).length,
      );
    }
    expect(root.children_data[1].product_count).toBeGreaterThan(0);
  });

  it('rootCategoryId and depth select the subtree; an unknown root is 404', async () => {
    const men = await store.get('categories', 'rootCategoryId=7&depth=1');
    expect(men.body).toMatchObject({ id: 7, name: 'Men' });
    expect(men.body.children_data.map((child: TreeNode) => child.name)).toEqual(['Tops', 'Bottoms']);
    expect(men.body.children_data.every((child: TreeNode) => child.children_data.length === 0)).toBe(true);
    expect(await store.get('categories', 'rootCategoryId=999')).toEqual({
      status: 404,
      body: {
        message: 'No such entity with %fieldName = %fieldValue',
        parameters: { fieldName: 'id', fieldValue: 999 },
      },
    });
  });

  it('under /rest/all (admin token) the default root is the tree root (1)', async () => {
    const answer = await fetch(`${sandbox.baseUrl}rest/all/V1/categories?depth=0`, {
      headers: { authorization: `Bearer ${await adminToken()}` },
    });
    expect(await answer.json()).toMatchObject({ id: 1, name: 'Root Catalog', level: 0, children_data: [] });
  });

  it('GET /V1/categories/:categoryId renders CategoryInterface', async () => {
    const answer = await store.get('categories/9');
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      id: 9,
      parent_id: 8,
      name: 'Jackets',
      is_active: true,
      level: 4,
      path: '1/2/7/8/9',
      children: '',
      include_in_menu: true,
      available_sort_by: [],
    });
    expect(answer.body.custom_attributes).toContainEqual({ attribute_code: 'url_path', value: 'men/tops/jackets' });
    expect((await store.get('categories/7')).body.children).toBe('8,13');
    expect(await store.get('categories/404')).toEqual({
      status: 404,
      body: {
        message: 'No such entity with %fieldName = %fieldValue',
        parameters: { fieldName: 'id', fieldValue: 404 },
      },
    });
  });

  it('GET /V1/categories/list searches categories', async () => {
    const tops = await store.get(
      'categories/list',
      criteria(
        ...group(0, ['name', 'tops']),
        ['[sortOrders][0][field]', 'entity_id'],
        ['[sortOrders][0][direction]', 'ASC'],
      ),
    );
    expect(tops.body.items.map((c: { id: number }) => c.id)).toEqual([8, 17]);
    expect(tops.body.total_count).toBe(2);
    const inactive = await store.get('categories/list', criteria(...group(0, ['is_active', '0'])));
    expect(inactive.body.items.map((c: { name: string }) => c.name)).toEqual(['Archive']);
    const level = await store.get(
      'categories/list',
      criteria(...group(0, ['level', '2']), ['[pageSize]', 2], ['[currentPage]', 2]),
    );
    expect(level.body).toMatchObject({ total_count: 5, items: [{ name: 'Women' }, { name: 'Sale' }] });
  });

  async function adminToken(): Promise<string> {
    const response = await fetch(`${sandbox.baseUrl}rest/V1/integration/admin/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: ADMIN_USERNAME, password: ADMIN_PASSWORD }),
    });
    expect(response.status).toBe(200);
    return (await response.json()) as string;
  }
});
