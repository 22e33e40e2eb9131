import { Injectable, type OnModuleInit } from '@nestjs/common';
import { phpArrayValues } from '@magekit/php';
import { RestHandlerRegistry } from '../rest/rest-handler.registry';
import { listStoreConfigs, listStoreGroups, listStoreViews, listWebsites } from '../stores/store-catalog';

/** `Magento_Store` routes: store views, groups, websites and store configs (`Magento_Backend::store`). */
@Injectable()
export class StoreRoutesService implements OnModuleInit {
  constructor(private readonly registry: RestHandlerRegistry) {}

  onModuleInit(): void {
    this.registry.register({
      'GET /V1/store/storeViews': () => listStoreViews(),
      'GET /V1/store/storeGroups': () => listStoreGroups(),
      'GET /V1/store/websites': () => listWebsites(),
      'GET /V1/store/storeConfigs': (call) => {
        const codes = phpArrayValues(call.query['storeCodes']).filter(
          (code): code is string => typeof code === 'string',
        );
        return listStoreConfigs(call.baseUrl, codes);
      },
    });
  }
}
