import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatNextSteps, listNextSteps } from './next-steps';

const README = readFileSync(join(__dirname, '..', '..', '..', '..', '..', '..', 'README.md'), 'utf8');

/** The commands of the first sh block after `heading`: comments dropped, continued lines joined, spaces collapsed. */
function commandsUnder(markdown: string, heading: string): string[] {
  const section = markdown.slice(markdown.indexOf(heading));
  const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
  return block
    .replace(/\\\n\s*/g, ' ')
    .split('\n')
    .map((line) =>
      line
        .replace(/\s+#.*$/, '')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter((line) => line !== '');
}

describe('the integration generator\'s "Next:" lines', () => {
  const acmeSync = { name: 'acme-sync', projectRoot: 'apps/acme-sync', port: 3100, tenant: 'default' };

  it('are the commands of the root README ("Your own integration…") after the generate line', () => {
    const readme = commandsUnder(README, '## Your own integration');
    expect(readme[0]).toMatch(/^npx nx g @magekit\/nx-plugin:integration acme-sync /);
    expect(listNextSteps(acmeSync).steps).toEqual(readme.slice(1));
  });

  it('name magekit dev as the one-command path, and the token command of the app', () => {
    const text = formatNextSteps(acmeSync);
    expect(text).toContain('npx magekit dev acme-sync');
    expect(text).toContain('npx magekit tokens create --name jobs --app acme-sync');
    expect(README).toContain('npx magekit dev acme-sync');
    expect(README).toContain('npx magekit tokens create --name jobs --app acme-sync');
  });

  it("use the app's own folder, port and tenant", () => {
    const { steps } = listNextSteps({
      name: 'shop-feed',
      projectRoot: 'apps/integrations/shop-feed',
      port: 4200,
      tenant: 'eu',
    });
    expect(steps).toContain(
      'STORE_URL_ALLOW_HTTP=true STORE_URL_ALLOWED_NETWORKS=127.0.0.0/8 node apps/integrations/shop-feed/dist/main.js &',
    );
    expect(steps.at(-1)).toBe(
      'npx magekit sandbox integration create --url http://127.0.0.1:3001 --name shop-feed --resources all --endpoint http://localhost:4200/magento/callback/eu --identity http://localhost:4200/magento/identity/eu',
    );
  });
});
