import { Controller, Get, Module, UseGuards } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import { createMagentoOpenApiDocument } from '../openapi';
import { MagentoIntegrationModule } from '../magento-integration.module';
import { startE2eApp, type E2eApp } from '../test-support/e2e-app';
import { testOptions } from '../test-support/test-app';
import { listTestDatabases } from '../test-support/test-databases';
import { ApiAuthGuard } from './api-auth.guard';
import { DEFAULT_SERVICE_NAME, ServiceInfoController, ServiceInfoModule } from './service-info.controller';

@Controller('api/acme-job')
@UseGuards(ApiAuthGuard)
class AcmeJobController {
  @Get('status')
  status(): { ok: boolean } {
    return { ok: true };
  }
}

@Module({ controllers: [AcmeJobController] })
class AcmeJobModule {}

describe('GET /api/service and the OpenAPI document', () => {
  let e2e: E2eApp;
  beforeEach(async () => {
    e2e = await startE2eApp();
  });
  afterEach(() => e2e.close());

  it('answers the default name and @magekit/nest version to a token holder, 401 with the token command otherwise', async () => {
    const answer = await e2e.http.get('/api/service').set('Authorization', `Bearer ${e2e.token}`).expect(200);
    expect(answer.body).toEqual({ name: DEFAULT_SERVICE_NAME, version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
    const refused = await e2e.http.get('/api/service').expect(401);
    expect(refused.body.error).toMatchObject({
      code: 'UNAUTHORIZED',
      hint: 'Send Authorization: Bearer <token>; create one with `npx magekit tokens create --name <name>` (add `--app <app>` for a generated app).',
    });
  });

  it('answers the name and version the app gives with ServiceInfoModule.forRoot', () => {
    expect(new ServiceInfoController({ name: 'acme-sync', version: '2.0.0' }).describe()).toEqual({
      name: 'acme-sync',
      version: '2.0.0',
    });
  });

  it('serves the name given with ServiceInfoModule.forRoot in an app', async () => {
    const { dataSource, drop } = await listTestDatabases()[0].open();
    const module = await Test.createTestingModule({
      imports: [
        TypeOrmModule.forRootAsync({ useFactory: () => dataSource.options, dataSourceFactory: async () => dataSource }),
        MagentoIntegrationModule.forRoot(testOptions()),
        ServiceInfoModule.forRoot({ name: 'acme-sync', version: '2.0.0' }),
      ],
    }).compile();
    const app = module.createNestApplication({ logger: false });
    await app.init();
    try {
      expect(app.get(ServiceInfoController).describe()).toEqual({ name: 'acme-sync', version: '2.0.0' });
    } finally {
      await app.close();
      await drop();
    }
  });

  it('documents /api/service, and the controllers of the modules given in include', () => {
    const plain = createMagentoOpenApiDocument(e2e.app);
    expect(plain.paths).toHaveProperty('/api/service');
    expect(plain.paths).not.toHaveProperty('/api/acme-job/status');
  });
});

describe('createMagentoOpenApiDocument({ include })', () => {
  it("adds the app's own controllers to the admin API", async () => {
    const { dataSource, drop } = await listTestDatabases()[0].open();
    const module = await Test.createTestingModule({
      imports: [
        TypeOrmModule.forRootAsync({ useFactory: () => dataSource.options, dataSourceFactory: async () => dataSource }),
        { ...MagentoIntegrationModule.forRoot(testOptions()), global: true },
        AcmeJobModule,
      ],
    }).compile();
    const app = module.createNestApplication({ logger: false });
    await app.init();
    try {
      const document = createMagentoOpenApiDocument(app, { include: [AcmeJobModule] });
      expect(document.paths).toHaveProperty('/api/acme-job/status');
      expect(document.paths).toHaveProperty('/api/stores');
      expect(createMagentoOpenApiDocument(app).paths).not.toHaveProperty('/api/acme-job/status');
    } finally {
      await app.close();
      await drop();
    }
  });
});
