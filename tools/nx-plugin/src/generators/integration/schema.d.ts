export interface IntegrationGeneratorSchema {
  name: string;
  port?: number;
  tenant?: string;
  calls?: string;
  resources?: string;
  directory?: string;
}
