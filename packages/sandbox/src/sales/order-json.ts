/** A `sales_order` row as SQL returns it. */
export interface OrderRow {
  id: number;
  /** `OrderInterface` JSON without `entity_id`, keys already in byte order. */
  data: string;
}

/** `OrderInterface` as the web API renders it: keys in byte order, `entity_id` among them. */
export function renderOrder(row: OrderRow): Record<string, unknown> {
  const data = JSON.parse(row.data) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  let placed = false;
  for (const key of Object.keys(data)) {
    if (!placed && key > 'entity_id') {
      out['entity_id'] = row.id;
      placed = true;
    }
    out[key] = data[key];
  }
  if (!placed) out['entity_id'] = row.id;
  return out;
}
