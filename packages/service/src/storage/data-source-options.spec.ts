import { toDataSourceOptions } from './data-source-options';

describe('toDataSourceOptions', () => {
  it('gives PostgreSQL a pool of poolSize connections (pg: max)', () => {
    expect(toDataSourceOptions({ type: 'postgres', url: 'postgres://u@h/db', poolSize: 32 })).toMatchObject({
      type: 'postgres',
      url: 'postgres://u@h/db',
      extra: { max: 32 },
    });
  });

  it.each(['mysql', 'mariadb'] as const)('gives %s a pool of poolSize connections (connectionLimit)', (type) => {
    expect(toDataSourceOptions({ type, url: 'mysql://root@h/app', poolSize: 3 })).toMatchObject({
      type,
      extra: { connectionLimit: 3 },
    });
  });
});
