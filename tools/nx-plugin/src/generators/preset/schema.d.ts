export interface PresetGeneratorSchema {
  name: string;
  app?: string;
  port?: number;
  tenant?: string;
  resources?: string;
}
