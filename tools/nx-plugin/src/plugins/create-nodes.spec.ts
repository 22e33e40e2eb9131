import type { CreateNodesContextV2 } from '@nx/devkit';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createNodesV2, MAGEKIT_APP_GLOB } from './create-nodes';

describe('createNodesV2 (the nx.json plugin entry)', () => {
  let root: string;
  const context = (): CreateNodesContextV2 => ({ workspaceRoot: root, nxJsonConfiguration: {} });
  const write = (file: string, text: string) => {
    mkdirSync(join(root, file, '..'), { recursive: true });
    writeFileSync(join(root, file), text);
  };
  const [glob, createNodes] = createNodesV2;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'magekit-nodes-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('matches the manifest the integration generator writes', () => {
    expect(glob).toBe(MAGEKIT_APP_GLOB);
  });

  it('an app with magekit.json and project.json gains continuous dev and sandbox targets', async () => {
    write('apps/acme/magekit.json', JSON.stringify({ name: 'acme', port: 3100 }));
    write('apps/acme/project.json', '{}');
    const results = await createNodes(['apps/acme/magekit.json'], undefined, context());
    expect(results).toHaveLength(1);
    const [file, result] = results[0];
    expect(file).toBe('apps/acme/magekit.json');
    const targets = result.projects?.['apps/acme']?.targets ?? {};
    expect(Object.keys(targets)).toEqual(['dev', 'sandbox']);
    expect(targets['dev']).toMatchObject({
      continuous: true,
      dependsOn: ['build'],
      options: { command: 'npx magekit dev acme --no-build' },
    });
    expect(targets['sandbox']).toMatchObject({ continuous: true, options: { command: 'npx magekit sandbox start' } });
  });

  it('names the targets as the plugin options say', async () => {
    write('apps/acme/magekit.json', JSON.stringify({ name: 'acme' }));
    write('apps/acme/project.json', '{}');
    const [[, result]] = await createNodes(
      ['apps/acme/magekit.json'],
      { devTargetName: 'magento-dev', sandboxTargetName: 'store' },
      context(),
    );
    expect(Object.keys(result.projects?.['apps/acme']?.targets ?? {})).toEqual(['magento-dev', 'store']);
  });

  it('infers nothing for a magekit.json that is no app manifest, or a folder without project.json', async () => {
    write('apps/broken/magekit.json', '{ not json');
    write('apps/broken/project.json', '{}');
    write('apps/other/magekit.json', JSON.stringify({ name: '../escape' }));
    write('apps/other/project.json', '{}');
    write('libs/loose/magekit.json', JSON.stringify({ name: 'loose' }));
    const results = await createNodes(
      ['apps/broken/magekit.json', 'apps/other/magekit.json', 'libs/loose/magekit.json'],
      undefined,
      context(),
    );
    expect(results.map(([, result]) => result.projects ?? {})).toEqual([{}, {}, {}]);
  });
});
