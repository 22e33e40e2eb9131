import { Injectable, type OnModuleInit } from '@nestjs/common';
import { RestHandlerRegistry } from '../rest/rest-handler.registry';
import { OrdersService } from './orders.service';

/** `Magento_Sales` order routes. */
@Injectable()
export class OrderRoutesService implements OnModuleInit {
  constructor(
    private readonly registry: RestHandlerRegistry,
    private readonly orders: OrdersService,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      'GET /V1/orders': (call) => this.orders.search(call),
      'GET /V1/orders/:id': (call) => this.orders.get(call.params['id']),
    });
  }
}
