import { Controller, Get, Module, UseFilters, UseGuards } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import request from 'supertest';
import { MagentoIntegrationExceptionFilter } from '../errors/magento-integration-exception.filter';
import { MagentoIntegrationModule } from '../magento-integration.module';
import { testOptions } from '../test-support/test-app';
import { listTestDatabases } from '../test-support/test-databases';
import { ApiAuthGuard } from './api-auth.guard';
import { createApiToken } from './api-tokens';

@Controller('api/report')
@UseGuards(ApiAuthGuard)
@UseFilters(MagentoIntegrationExceptionFilter)
class ReportController {
  @Get()
  read(): { ok: true } {
    return { ok: true };
  }
}

/** An app module of its own that does not import MagentoIntegrationModule. */
@Module({ controllers: [ReportController] })
class ReportModule {}

describe('ApiAuthGuard on an app controller', () => {
  it('works in a module that does not import MagentoIntegrationModule (which is not global either)', async () => {
    const { dataSource, drop } = await listTestDatabases()[0].open();
    const module = await Test.createTestingModule({
      imports: [
        TypeOrmModule.forRootAsync({ useFactory: () => dataSource.options, dataSourceFactory: async () => dataSource }),
        MagentoIntegrationModule.forRoot(testOptions()),
        ReportModule,
      ],
    }).compile();
    const app = module.createNestApplication({ logger: false });
    await app.init();
    try {
      const { token } = await createApiToken(dataSource, 'report');
      const http = request(app.getHttpServer());
      await http.get('/api/report').set('Authorization', `Bearer ${token}`).expect(200, { ok: true });
      await http.get('/api/report').set('Authorization', `bearer ${token}`).expect(200);
      for (const header of [undefined, `Bearer  ${token}`, `Bearer ${token} x`, 'Bearer ', `Token ${token}`]) {
        const call = http.get('/api/report');
        await (header === undefined ? call : call.set('Authorization', header)).expect(401);
      }
      await http.get('/api/report').query({ access_token: token }).set('Authorization', `Bearer ${token}`).expect(400);
    } finally {
      await app.close();
      await drop();
    }
  });
});
