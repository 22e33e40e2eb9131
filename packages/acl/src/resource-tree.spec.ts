import { AclError } from './acl-error';
import { parseAclXml } from './acl-xml';
import { buildResourceTree } from './resource-tree';
import { loadMiniModel } from './test-helpers/fixtures';
import { describeBreadcrumb, listAncestors, listResourceIds } from './tree-queries';

describe('acl.xml parsing and merging (mini fixtures)', () => {
  const { tree } = loadMiniModel();

  it('merges the same id across files and attaches children under the parent id', () => {
    expect(tree.nodes.get('Acme_Shop::shop')).toMatchObject({
      title: 'Shop',
      parentId: 'Magento_Backend::admin',
      declaredIn: ['Shop/acl.xml', 'Crm/acl.xml'],
    });
    expect(tree.nodes.get('Acme_Crm::notes')?.parentId).toBe('Acme_Shop::shop');
  });

  it('sorts children by sortOrder, keeping file order for ties', () => {
    expect(tree.nodes.get('Acme_Shop::shop')?.children).toEqual([
      'Acme_Crm::notes',
      'Acme_Shop::products',
      'Acme_Shop::orders',
    ]);
    expect(tree.roots).toEqual(['Magento_Backend::all', 'Magento_Backend::admin']);
    expect(listResourceIds(tree)).toEqual([
      'Magento_Backend::all',
      'Magento_Backend::admin',
      'Acme_Shop::shop',
      'Acme_Crm::notes',
      'Acme_Shop::products',
      'Acme_Shop::products_edit',
      'Acme_Shop::orders',
      'Acme_Crm::crm',
    ]);
  });

  it('drops disabled resources from the ACL like TreeBuilder::build()', () => {
    expect(tree.nodes.has('Acme_Shop::legacy')).toBe(false);
    expect([...tree.disabledIds]).toEqual(['Acme_Shop::legacy']);
  });

  it('gives ancestors and the breadcrumb of titles', () => {
    expect(listAncestors(tree, 'Acme_Shop::products_edit')).toEqual([
      'Magento_Backend::admin',
      'Acme_Shop::shop',
      'Acme_Shop::products',
    ]);
    expect(describeBreadcrumb(tree, 'Acme_Shop::products_edit')).toBe(
      'Magento Admin > Shop > Products > Edit products',
    );
    expect(describeBreadcrumb(tree, 'Acme_Ghost::undefined')).toBeNull();
  });

  it('a later file overrides title and sortOrder of a merged id', () => {
    const merged = buildResourceTree([
      parseAclXml(
        '<config><acl><resources><resource id="A_B::x" title="First" sortOrder="5"/></resources></acl></config>',
        { file: 'one.xml' },
      ),
      parseAclXml('<config><acl><resources><resource id="A_B::x" title="Second"/></resources></acl></config>', {
        file: 'two.xml',
      }),
    ]);
    expect(merged.nodes.get('A_B::x')).toMatchObject({ title: 'Second', sortOrder: 5 });
  });

  it('refuses one id under two parents with ACL_DUPLICATE_ID naming the file and line', () => {
    const files = [
      parseAclXml(
        '<config><acl><resources><resource id="P::a"><resource id="X::y"/></resource></resources></acl></config>',
        { file: 'one.xml' },
      ),
      parseAclXml(
        '<config><acl><resources>\n<resource id="P::b">\n<resource id="X::y"/></resource></resources></acl></config>',
        { file: 'two.xml' },
      ),
    ];
    expect(() => buildResourceTree(files)).toThrow(
      expect.objectContaining({ code: 'ACL_DUPLICATE_ID', file: 'two.xml', line: 3 }),
    );
  });

  it.each([
    ['wrong root', '<routes/>', /root element is <routes>/],
    [
      'resource without id',
      '<config><acl><resources>\n<resource title="x"/></resources></acl></config>',
      /needs a non-empty "id"/,
    ],
    ['unknown element', '<config><acl><resources><role id="a"/></resources></acl></config>', /unexpected <role>/],
    [
      'non-integer sortOrder',
      '<config><acl><resources><resource id="A::b" sortOrder="ten"/></resources></acl></config>',
      /not an integer/,
    ],
    [
      'bad disabled',
      '<config><acl><resources><resource id="A::b" disabled="maybe"/></resources></acl></config>',
      /not a boolean/,
    ],
  ])('bad acl.xml (%s) gives XML_INVALID_STRUCTURE with file and line', (_name, xml, message) => {
    let error: unknown;
    try {
      parseAclXml(xml, { file: 'Mod/acl.xml' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AclError);
    expect(error).toMatchObject({ code: 'XML_INVALID_STRUCTURE', file: 'Mod/acl.xml' });
    expect((error as AclError).line).toBeGreaterThanOrEqual(1);
    expect((error as AclError).message).toMatch(message);
  });
});
