import { Injectable, type OnModuleInit } from '@nestjs/common';
import { RestHandlerRegistry } from '../rest/rest-handler.registry';
import { resolveStoreId } from '../stores/store-catalog';
import { ProductsService } from './products.service';

/** `Magento_Catalog` product routes (`Magento_Catalog::products`). */
@Injectable()
export class ProductRoutesService implements OnModuleInit {
  constructor(
    private readonly registry: RestHandlerRegistry,
    private readonly products: ProductsService,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      'GET /V1/products': (call) => this.products.search(call),
      'GET /V1/products/:sku': (call) => this.products.get(call.params['sku'], resolveStoreId(call.storeCode)),
      'POST /V1/products': (call) => this.products.save(call, null),
      'PUT /V1/products/:sku': (call) => this.products.save(call, call.params['sku']),
      'DELETE /V1/products/:sku': (call) => this.products.delete(call.params['sku']),
    });
  }
}
