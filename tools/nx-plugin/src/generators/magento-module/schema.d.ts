export interface MagentoModuleGeneratorSchema {
  name: string;
  integration: string;
  baseUrl?: string;
  tenant?: string;
  email?: string;
  resources?: string;
  directory?: string;
  version?: string;
}
