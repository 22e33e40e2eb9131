import { Injectable, type OnModuleInit } from '@nestjs/common';
import { RestHandlerRegistry } from '../rest/rest-handler.registry';
import { DirectoryService } from './directory.service';

/** `Magento_Directory` routes (`Directory/etc/webapi.xml`, all `anonymous`). */
@Injectable()
export class DirectoryRoutesService implements OnModuleInit {
  constructor(
    private readonly registry: RestHandlerRegistry,
    private readonly directory: DirectoryService,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      'GET /V1/directory/countries': (call) => this.directory.countries(call.storeCode),
      'GET /V1/directory/countries/:countryId': (call) =>
        this.directory.country(call.storeCode, call.params['countryId']),
      'GET /V1/directory/currency': (call) => this.directory.currency(call.storeCode),
    });
  }
}
