import { Injectable, type OnModuleInit } from '@nestjs/common';
import { RestHandlerRegistry } from '../rest/rest-handler.registry';
import { CustomersService } from './customers.service';

/** `Magento_Customer` routes: by id and search (`Magento_Customer::customer`), and `me` (`self`). */
@Injectable()
export class CustomerRoutesService implements OnModuleInit {
  constructor(
    private readonly registry: RestHandlerRegistry,
    private readonly customers: CustomersService,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      'GET /V1/customers/:customerId': (call) => this.customers.getById(call.params['customerId']),
      'GET /V1/customers/search': (call) => this.customers.search(call),
      'GET /V1/customers/me': (call) => this.customers.getById(call.forced['customerId'] ?? null),
      'PUT /V1/customers/me': (call) => this.customers.saveSelf(call),
    });
  }
}
