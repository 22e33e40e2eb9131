import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const readJsonFile = <T>(path: string): T => JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as T;

interface Collection {
  generators: Record<string, { factory: string; schema: string; description?: string }>;
}
interface Schema {
  title?: string;
  description?: string;
  properties: Record<string, { description?: string }>;
}

/**
 * `nx g @magekit/nx-plugin:<generator> --help` prints the schema's own `description` under the
 * generator's name, and each property's `description` next to its option.
 */
describe('generator help texts', () => {
  const collection = readJsonFile<Collection>('generators.json');

  it.each(Object.entries(collection.generators))(
    '%s: the collection and the schema describe it, and every option',
    (_name, entry) => {
      const schema = readJsonFile<Schema>(entry.schema);
      expect(entry.description).toEqual(expect.stringMatching(/\w{3}/));
      expect(schema.description).toBe(entry.description);
      for (const [option, property] of Object.entries(schema.properties))
        expect([option, typeof property.description]).toEqual([option, 'string']);
    },
  );

  it('lists the generators: init (nx add) and preset (create-nx-workspace) hidden from the list', () => {
    expect(Object.keys(collection.generators)).toEqual(['init', 'preset', 'integration', 'magento-module']);
    expect(
      Object.entries(collection.generators)
        .filter(([, entry]) => (entry as { hidden?: boolean }).hidden)
        .map(([name]) => name),
    ).toEqual(['init', 'preset']);
  });
});
